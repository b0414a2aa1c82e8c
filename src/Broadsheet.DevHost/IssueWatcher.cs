using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Broadsheet.Ingestion;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Broadsheet.DevHost;

/// <summary>
/// The dev host's stand-in for the Event Grid blob trigger: polls the `issues` container and hands every new or
/// changed blob (by ETag) to <see cref="UploadIntake"/>, exactly as the function app's trigger does.
/// Nothing is remembered across restarts here: an orchestration a killed host left running resumes from its history in
/// the task hub, and the intake's dedupe (issues table + deterministic instance ids) makes a second look at a blob
/// already ingested, or being ingested by another dev host on the same hub, a no-op.
/// </summary>
public sealed class IssueWatcher(BlobContainerClient container, UploadIntake intake, IssueStore issues, DurableTaskClient client, ILogger<IssueWatcher> log)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ETagAndFailures> seen = new(StringComparer.Ordinal);
    private bool storageDown;
    private long busyUntil;

    /// <summary>Time between listings when nothing new has turned up for <see cref="BusyFor"/>.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Time between listings while uploads are arriving: a new upload waits a quarter of a second, not one.</summary>
    public TimeSpan BusyInterval { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan BusyFor { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Blobs handed to the intake at once: a batch upload of 100 issues is claimed in parallel.</summary>
    public const int DefaultParallelism = 8;

    /// <inheritdoc cref="DefaultParallelism"/>
    public int Parallelism { get; init; } = DefaultParallelism;

    /// <summary>A blob that keeps failing intake is retried with back-off, not on every poll.</summary>
    private sealed record ETagAndFailures(string ETag, int Failures, DateTimeOffset RetryAfter);

    /// <summary>Polls until <paramref name="ct"/> is cancelled (Ctrl+C); never throws.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await PollOnceAsync(ct);
                await Task.Delay(Environment.TickCount64 < Interlocked.Read(ref busyUntil) ? BusyInterval : Interval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            log.LogError("The watcher stopped: {Error}: {Reason}", e.GetType().Name, StorageProbe.FirstLine(e.Message));
        }
    }

    /// <summary>One pass over the container listing; public so tests and the host can drive it.</summary>
    public async Task PollOnceAsync(CancellationToken ct)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var toHand = new List<(string Name, string ETag)>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct))
            {
                listed.Add(blob.Name);
                var etag = blob.Properties.ETag?.ToString() ?? "";
                if (seen.TryGetValue(blob.Name, out var known))
                {
                    if (known.ETag == etag && (known.Failures == 0 || DateTimeOffset.UtcNow < known.RetryAfter)) continue;
                }
                else if (await AlreadyDealtWithAsync(blob, etag, ct))
                {
                    // First sight since start: this exact version was ingested (or refused) by an earlier run.
                    seen[blob.Name] = new ETagAndFailures(etag, 0, DateTimeOffset.MinValue);
                    continue;
                }
                toHand.Add((blob.Name, etag));
            }
            if (storageDown) log.LogInformation("Storage is reachable again");
            storageDown = false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
        catch (Exception e)
        {
            // Azurite stopped or the network blinked: say so once, keep polling.
            if (!storageDown) log.LogWarning("Cannot list {Container}: {Reason} — retrying", container.Name, StorageProbe.FirstLine(e.Message));
            storageDown = true;
            return;
        }
        if (toHand.Count > 0)
        {
            Interlocked.Exchange(ref busyUntil, Environment.TickCount64 + (long)BusyFor.TotalMilliseconds);
            await Parallel.ForEachAsync(toHand, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (blob, c) => await HandAsync(blob.Name, blob.ETag, c));
        }
        foreach (var gone in seen.Keys.Where(k => !listed.Contains(k)).ToList()) seen.TryRemove(gone, out _);
    }

    /// <summary>
    /// True when the issues table shows this blob version finished, complete or failed. The intake already
    /// skips complete content; a failed upload would be tried again, and a restart must not repeat an upload.
    /// </summary>
    private async Task<bool> AlreadyDealtWithAsync(BlobItem blob, string etag, CancellationToken ct)
    {
        var (paper, date) = Upload.IssueOf(blob.Name, blob.Metadata);
        var path = new BlobPath(container.Name, blob.Name);
        var row = await issues.GetAsync(Upload.KeyFor(path, paper, date), ct);
        var done = row is { Status: IssueStatus.Complete or IssueStatus.Failed }
            && row.BlobETag?.Trim('"') == etag.Trim('"') && row.Blob == path.ToString();
        if (done) log.LogInformation("Blob {Blob} ({ETag}): {Status} in an earlier run, left alone", blob.Name, etag, row!.Status);
        return done;
    }

    private async Task HandAsync(string blobName, string etag, CancellationToken ct)
    {
        try
        {
            var result = await intake.OnBlobAsync(container.Name, blobName, client, ct);
            log.LogInformation("Blob {Blob} ({ETag}): {Action} {InstanceId}", blobName, etag, result.Action, result.InstanceId);
            seen[blobName] = new ETagAndFailures(etag, 0, DateTimeOffset.MinValue);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e)
        {
            var failures = seen.TryGetValue(blobName, out var known) && known.ETag == etag ? known.Failures + 1 : 1;
            var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
            log.LogWarning("Intake of {Blob} failed ({Failures}x): {Reason} — retrying in {Seconds} s",
                blobName, failures, StorageProbe.FirstLine(e.Message), wait.TotalSeconds);
            seen[blobName] = new ETagAndFailures(etag, failures, DateTimeOffset.UtcNow + wait);
        }
    }
}
