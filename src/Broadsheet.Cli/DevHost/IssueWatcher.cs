using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Broadsheet.Pipeline;
using Broadsheet.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Cli.DevHost;

/// <summary>
/// The dev host's stand-in for the Event Grid blob trigger: polls the `issues` container and hands every new or
/// changed blob (by ETag) to <see cref="UploadIntake"/>, exactly as the function app's trigger does.
/// Nothing is remembered across restarts here: the intake's dedupe (issues table + deterministic instance ids)
/// makes a second look at an already-ingested blob a no-op, and <see cref="UploadIntake.UnfinishedUploadsAsync"/>
/// brings back uploads that a killed host left queued or running.
/// </summary>
public sealed class IssueWatcher(BlobContainerClient container, UploadIntake intake, IssueStore issues, DurableTaskClient client, ILogger<IssueWatcher> log)
{
    private readonly Dictionary<string, ETagAndFailures> seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> resumed = new(StringComparer.Ordinal);
    private bool storageDown;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A blob that keeps failing intake is retried with back-off, not on every poll.</summary>
    private sealed record ETagAndFailures(string ETag, int Failures, DateTimeOffset RetryAfter);

    public async Task RunAsync(CancellationToken ct)
    {
        await RecoverAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            await PollOnceAsync(ct);
            try { await Task.Delay(Interval, ct); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        try
        {
            var unfinished = (await intake.UnfinishedUploadsAsync(ct)).Where(u => u.Container == container.Name).ToList();
            if (unfinished.Count > 0) log.LogInformation("Resuming {Count} unfinished upload(s) left by a previous run", unfinished.Count);
            foreach (var upload in unfinished)
            {
                if (ct.IsCancellationRequested) return;
                // Handed over here, so the first listing need not hand the same version over again.
                if (await HandAsync(upload.BlobName, etag: null, ct)) resumed.Add(upload.BlobName);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Could not list unfinished uploads: {Reason}", Commands.StorageProbe.FirstLine(e.Message));
        }
    }

    /// <summary>One pass over the container listing; public so tests and the host can drive it.</summary>
    public async Task PollOnceAsync(CancellationToken ct)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
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
                else if (resumed.Remove(blob.Name) || await AlreadyDealtWithAsync(blob, etag, ct))
                {
                    // First sight since start: this exact version was ingested (or refused) by an earlier run.
                    seen[blob.Name] = new ETagAndFailures(etag, 0, DateTimeOffset.MinValue);
                    continue;
                }
                await HandAsync(blob.Name, etag, ct);
            }
            if (storageDown) log.LogInformation("Storage is reachable again");
            storageDown = false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
        catch (Exception e)
        {
            // Azurite stopped or the network blinked: say so once, keep polling.
            if (!storageDown) log.LogWarning("Cannot list {Container}: {Reason} — retrying", container.Name, Commands.StorageProbe.FirstLine(e.Message));
            storageDown = true;
            return;
        }
        foreach (var gone in seen.Keys.Where(k => !listed.Contains(k)).ToList()) seen.Remove(gone);
    }

    /// <summary>
    /// True when the issues table shows this blob version finished, complete or failed. The intake already
    /// skips complete content; a failed upload would be tried again, and a restart must not repeat an upload.
    /// </summary>
    private async Task<bool> AlreadyDealtWithAsync(BlobItem blob, string etag, CancellationToken ct)
    {
        var (paper, date) = UploadIntake.IssueOf(blob.Name, blob.Metadata);
        var row = await issues.GetAsync(IssueKey.ForUpload(paper, date, container.Name, blob.Name), ct);
        var done = row is { Status: IssueStatus.Complete or IssueStatus.Failed }
            && row.BlobETag?.Trim('"') == etag.Trim('"') && row.Blob == container.Name + "/" + blob.Name;
        if (done) log.LogInformation("Blob {Blob} ({ETag}): {Status} in an earlier run, left alone", blob.Name, etag, row!.Status);
        return done;
    }

    private async Task<bool> HandAsync(string blobName, string? etag, CancellationToken ct)
    {
        try
        {
            var result = await intake.OnBlobAsync(container.Name, blobName, client, ct);
            log.LogInformation("Blob {Blob} ({ETag}): {Action} {InstanceId}", blobName, etag ?? "resumed", result.Action, result.InstanceId);
            if (etag is not null) seen[blobName] = new ETagAndFailures(etag, 0, DateTimeOffset.MinValue);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e)
        {
            var failures = etag is not null && seen.TryGetValue(blobName, out var known) && known.ETag == etag ? known.Failures + 1 : 1;
            var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
            log.LogWarning("Intake of {Blob} failed ({Failures}x): {Reason} — retrying in {Seconds} s",
                blobName, failures, Commands.StorageProbe.FirstLine(e.Message), wait.TotalSeconds);
            if (etag is not null) seen[blobName] = new ETagAndFailures(etag, failures, DateTimeOffset.UtcNow + wait);
            return false;
        }
    }
}
