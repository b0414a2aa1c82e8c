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

    /// <summary>The function app's stuck-upload sweep and task-hub purge, run every <see cref="SweepEvery"/> while the host runs (null: none).</summary>
    public StuckUploadSweep? Sweep { get; init; }

    /// <summary>
    /// Between sweeps. The task hub answers for its orchestrations at once, so an orchestration's status is never stale
    /// here and the sweep's StuckAfter can be short (<see cref="SweepStuckAfter"/>): an upload stuck after a storage crash is settled in minutes.
    /// </summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long an upload's row must be unchanged (and its orchestration not live) before the dev host's sweep settles it.</summary>
    public static readonly TimeSpan SweepStuckAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a live orchestration may make no progress, while no other unfinished upload does either, before the dev
    /// host's sweep takes it for wedged (<see cref="StuckUploadSweep.StaleAfter"/>). Nothing cuts a dev-host activity off
    /// as the function app's functionTimeout does, so this is a margin, not a bound: more than twice the longest one
    /// storage call keeps retrying, where a dev-host activity takes seconds.
    /// </summary>
    public static readonly TimeSpan SweepStaleAfter = TimeSpan.FromMinutes(5);

    private long nextSweep = Environment.TickCount64 + (long)SweepEvery.TotalMilliseconds;

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
                if (Sweep is not null && Environment.TickCount64 >= nextSweep)
                {
                    nextSweep = Environment.TickCount64 + (long)SweepEvery.TotalMilliseconds;
                    await SweepOnceAsync(ct);
                }
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

    /// <summary>
    /// Blobs handed to the intake whose issue is not settled yet, by name, with the row their claim was written to. The
    /// sweep settles rows; a claim storage lost (Azurite killed before it saved it) leaves no row to settle.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IssueKey> claimed = new(StringComparer.Ordinal);

    /// <summary>One pass of the stuck-upload sweep against this host's task hub (and of lost claims); never throws.</summary>
    public async Task SweepOnceAsync(CancellationToken ct)
    {
        try
        {
            await ForgetLostClaimsAsync(ct);
            if (Sweep is not null) await Sweep.RunAsync(client, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Could not sweep stuck uploads: {Reason}", StorageProbe.FirstLine(e.Message));
        }
    }

    /// <summary>
    /// A handed blob whose row is gone is forgotten, so the next poll hands it to the intake again (which claims it anew,
    /// or finds its orchestration). Only blobs that name their issue (name or metadata): an upload whose issue the
    /// parser found moves off the row it was claimed on. Settled ones are dropped from the list.
    /// </summary>
    private async Task ForgetLostClaimsAsync(CancellationToken ct)
    {
        foreach (var (name, key) in claimed)
        {
            var row = await issues.GetAsync(key, ct);
            if (row is { Status: IssueStatus.Complete or IssueStatus.Failed })
                claimed.TryRemove(name, out _);
            else if (row is null && key.IsResolved)
            {
                log.LogWarning("Blob {Blob}: its claim is gone from the issues table (storage lost it); handing it over again", name);
                claimed.TryRemove(name, out _);
                seen.TryRemove(name, out _);
            }
        }
    }

    /// <summary>One pass over the container listing; public so tests and the host can drive it.</summary>
    public async Task PollOnceAsync(CancellationToken ct)
    {
        var listed = new Dictionary<string, BlobItem>(StringComparer.Ordinal);
        var toHand = new List<(string Name, string ETag, IssueKey Key, DateTimeOffset Modified)>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct))
                listed[blob.Name] = blob;
            foreach (var blob in listed.Values)
            {
                var etag = blob.Properties.ETag?.ToString() ?? "";
                if (seen.TryGetValue(blob.Name, out var known))
                {
                    if (known.ETag == etag && (known.Failures == 0 || DateTimeOffset.UtcNow < known.RetryAfter)) continue;
                }
                else if (await AlreadyDealtWithAsync(blob, etag, listed, ct))
                {
                    // First sight since start: this exact version was ingested, refused or superseded in an earlier run.
                    seen[blob.Name] = new ETagAndFailures(etag, 0, DateTimeOffset.MinValue);
                    continue;
                }
                toHand.Add((blob.Name, etag, KeyOf(blob), blob.Properties.LastModified ?? DateTimeOffset.MinValue));
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
            // Several new blobs for one issue in one pass (uploaded while the host was down): only the latest is handed
            // over — handed together they would race, and the older one could win.
            var latest = toHand.GroupBy(b => b.Key).Select(g => g.MaxBy(b => b.Modified)).ToList();
            foreach (var older in toHand.Except(latest))
            {
                log.LogInformation("Blob {Blob} ({ETag}): superseded by a later upload of the same issue, left alone", older.Name, older.ETag);
                seen[older.Name] = new ETagAndFailures(older.ETag, 0, DateTimeOffset.MinValue);
            }
            await Parallel.ForEachAsync(latest, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (blob, c) => await HandAsync(blob.Name, blob.ETag, blob.Key, c));
        }
        foreach (var gone in seen.Keys.Where(k => !listed.ContainsKey(k)).ToList())
        {
            seen.TryRemove(gone, out _);
            claimed.TryRemove(gone, out _);
        }
    }

    /// <summary>
    /// True when the issues table shows this blob version finished, complete or failed — or superseded: the issue's
    /// row names another blob of this container that was uploaded later (two blobs feeding one issue: the latest
    /// upload wins, once, not again at every restart). The intake already skips complete content; a failed or
    /// superseded upload would be tried again, and a restart must not repeat an upload.
    /// </summary>
    private async Task<bool> AlreadyDealtWithAsync(BlobItem blob, string etag, IReadOnlyDictionary<string, BlobItem> listed, CancellationToken ct)
    {
        var path = new BlobPath(container.Name, blob.Name);
        var row = await issues.GetAsync(KeyOf(blob), ct);
        if (row is not { Status: IssueStatus.Complete or IssueStatus.Failed }) return false;
        if (row.BlobETag?.Trim('"') == etag.Trim('"') && row.Blob == path.ToString())
        {
            log.LogInformation("Blob {Blob} ({ETag}): {Status} in an earlier run, left alone", blob.Name, etag, row.Status);
            return true;
        }
        var superseded = BlobPath.Parse(row.Blob) is { } other && other.Container == container.Name && other.Name != blob.Name
            && listed.TryGetValue(other.Name, out var later) && later.Properties.LastModified > blob.Properties.LastModified;
        if (superseded) log.LogInformation("Blob {Blob} ({ETag}): superseded by {Later}, uploaded later for the same issue, left alone", blob.Name, etag, row.Blob);
        return superseded;
    }

    /// <summary>The issues-table row a blob is recorded under (its issue's, from its name or metadata, else its own placeholder).</summary>
    private IssueKey KeyOf(BlobItem blob)
    {
        var (paper, date) = Upload.IssueOf(blob.Name, blob.Metadata);
        return Upload.KeyFor(new BlobPath(container.Name, blob.Name), paper, date);
    }

    private async Task HandAsync(string blobName, string etag, IssueKey key, CancellationToken ct)
    {
        try
        {
            var result = await intake.OnBlobAsync(container.Name, blobName, client, ct);
            log.LogInformation("Blob {Blob} ({ETag}): {Action} {InstanceId}", blobName, etag, result.Action, result.InstanceId);
            seen[blobName] = new ETagAndFailures(etag, 0, DateTimeOffset.MinValue);
            if (result.Action is IntakeAction.Scheduled or IntakeAction.AlreadyScheduled) claimed[blobName] = key;
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
