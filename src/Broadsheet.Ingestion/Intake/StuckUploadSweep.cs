using Broadsheet.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// Settles uploads that no orchestration will finish. An upload stays queued or running when its orchestration is
/// gone or ended without writing the outcome — typically because recording a failure itself failed (storage down
/// through every retry) — or when its orchestration is wedged: storage that lost its state (Azurite killed) can leave
/// an activity message DurableTask.AzureStorage believes is still in flight (Azure/durabletask#1173), and the
/// orchestration then waits for a result that never comes. The function app runs this on a timer; the dev host from
/// its watcher while it runs (and re-runs such uploads when it restarts).
/// An upload whose row has not changed for <see cref="StuckAfter"/> and whose orchestration is not pending or
/// running — or is, but made no progress for <see cref="StaleAfter"/> while no other unfinished upload did either — is
/// restarted once through <see cref="UploadIntake"/> (the blob trigger's own path; a wedged orchestration is terminated
/// first); stuck again, it is marked failed with a one-line reason. Uploads with a live orchestration are left to it.
/// A live orchestration whose issue row storage lost has no row to be found by: the pass also lists the task hub's live
/// orchestrations and judges one whose issue has no row the same way.
/// Each pass then purges finished orchestrations created more than <see cref="Retention"/> ago from the task hub
/// (instance row, history, large-message blobs): the issue's stories live in our tables, not in the hub, and without it
/// the hub grows with every upload and every pass's listing of live orchestrations scans all of it.
/// </summary>
public sealed class StuckUploadSweep(IssueStore issues, UploadIntake intake, RecordFailureActivity recordFailure, ILogger<StuckUploadSweep> log)
{
    /// <summary>When the function app runs a pass (NCRONTAB): every 10 minutes.</summary>
    public const string Schedule = "0 */10 * * * *";

    /// <summary>
    /// How long a row must be unchanged before it counts as stuck. An orchestration's retries give up within minutes,
    /// and a live orchestration is left alone unless it is stale (<see cref="StaleAfter"/>), so this only keeps the
    /// sweep off uploads that are just starting.
    /// </summary>
    public static readonly TimeSpan DefaultStuckAfter = TimeSpan.FromMinutes(15);

    /// <inheritdoc cref="DefaultStuckAfter"/>
    public TimeSpan StuckAfter { get; init; } = DefaultStuckAfter;

    /// <summary>
    /// How long a pending or running orchestration's status (its task-hub LastUpdatedAt) may stand still before it
    /// counts as wedged. The status moves whenever the orchestration takes a step: an activity's result or failure, a
    /// retry's timer (activity retries are durable timers, 30 s apart at most, so each attempt moves it). The longest a
    /// live one stands still is therefore one activity attempt, which the function app cuts off at its functionTimeout
    /// (10 minutes, host.json); 15 minutes is past that and the longest retry wait. Time an activity spends queued
    /// behind others is not bounded, so a stale one is only taken for wedged when no other unfinished upload's
    /// orchestration or row moved in that time either: a backlog always has something moving.
    /// </summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(15);

    /// <inheritdoc cref="DefaultStaleAfter"/>
    public TimeSpan StaleAfter { get; init; } = DefaultStaleAfter;

    /// <summary>How long a pass waits for a wedged orchestration it terminated to end before purging it instead.</summary>
    public static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a finished (completed, failed or terminated) orchestration stays in the task hub before a pass purges
    /// it. Nothing reads a finished one after its upload is settled but the sweep (for the reason it ended) and the
    /// intake (a duplicate event for the same upload, which the issue's row answers as well), so a week is only there
    /// for someone who wants to look at what ran.
    /// </summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    /// <inheritdoc cref="DefaultRetention"/>
    public TimeSpan Retention { get; init; } = DefaultRetention;

    /// <summary>
    /// Most time one pass spends purging (the provider stops deleting after it and reports the purge incomplete); the
    /// next pass carries on. A hub that was never purged is emptied over several passes instead of holding one.
    /// </summary>
    public static readonly TimeSpan PurgeTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The time the thresholds are measured against (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What one pass did; <paramref name="Purged"/>: finished orchestrations purged from the task hub.</summary>
    public sealed record Outcome(int Restarted, int Failed, int LeftRunning, int Purged = 0);

    /// <param name="client">The task hub the uploads' orchestrations run on.</param>
    /// <param name="ct">Stops the pass.</param>
    public async Task<Outcome> RunAsync(DurableTaskClient client, CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow();
        var cutoff = now - StuckAfter;
        var staleBefore = now - StaleAfter;
        var unfinished = await issues.UnfinishedAsync(ct);
        // Anything unfinished that moved within StaleAfter means the hub is working: no orchestration counts as wedged.
        var hubQuiet = unfinished.All(row => row.Updated <= staleBefore);
        var candidates = new List<(IssueEntity Row, Upload Upload, OrchestrationMetadata? Instance)>();
        foreach (var row in unfinished)
        {
            if (row.Updated > cutoff) continue;
            if (Upload.RecordedOn(row) is not { } upload)
            {
                log.LogWarning("Unfinished upload {Key} does not name its blob and content; left alone", row.Key);
                continue;
            }
            try
            {
                var instance = row.InstanceId is null ? null : await client.GetInstanceAsync(row.InstanceId, getInputsAndOutputs: true, ct); // with its failure details
                if (IsLive(instance) && instance!.LastUpdatedAt > staleBefore) hubQuiet = false;
                candidates.Add((row, upload, instance));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage or the task hub is down: the next pass tries again (and nothing counts as wedged on half a look).
                hubQuiet = false;
                log.LogWarning("Could not look up stuck upload {Container}/{Blob}: {Reason}", upload.Container, upload.BlobName, e.Message.Split('\n')[0]);
            }
        }

        // Live orchestrations no unfinished row names: those whose row storage lost (Azurite killed before it saved it).
        var named = unfinished.Select(row => row.InstanceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var orphans = new List<(Upload Upload, OrchestrationMetadata Instance)>();
        try
        {
            await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = LiveStatuses }).WithCancellation(ct))
            {
                if (named.Contains(instance.InstanceId)) continue;
                if (instance.LastUpdatedAt > staleBefore) hubQuiet = false;
                else if (await RowLostAsync(client, instance.InstanceId, ct) is { } orphan) orphans.Add(orphan);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            hubQuiet = false;
            log.LogWarning("Could not list live orchestrations: {Reason}", e.Message.Split('\n')[0]);
        }

        int restarted = 0, failed = 0, leftRunning = 0;
        var settling = candidates.Select(c => (c.Upload, c.Instance, Status: c.Row.Status ?? "", c.Row.RestartedContentHash))
            .Concat(orphans.Select(o => (o.Upload, (OrchestrationMetadata?)o.Instance, Status: "without a row", RestartedContentHash: (string?)null)));
        foreach (var (upload, instance, status, restartedContentHash) in settling)
        {
            try
            {
                switch (await SettleAsync(client, upload, status, restartedContentHash, instance, hubQuiet, staleBefore, ct))
                {
                    case Settled.Restarted: restarted++; break;
                    case Settled.Failed: failed++; break;
                    case Settled.LeftRunning: leftRunning++; break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage or the task hub is down: the next pass tries again.
                log.LogWarning("Could not settle stuck upload {Container}/{Blob}: {Reason}", upload.Container, upload.BlobName, e.Message.Split('\n')[0]);
            }
        }
        if (restarted + failed > 0)
            log.LogWarning("Stuck uploads: {Restarted} restarted, {Failed} failed, {LeftRunning} left to their orchestrations", restarted, failed, leftRunning);
        var purged = await PurgeFinishedAsync(client, now, ct);
        return new Outcome(restarted, failed, leftRunning, purged);
    }

    private static readonly OrchestrationRuntimeStatus[] FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// Purges finished orchestrations created before <paramref name="now"/> minus <see cref="Retention"/>, for at most
    /// <see cref="PurgeTimeout"/>; returns how many. Never a live one (the filter names finished statuses only), and
    /// never one an unfinished upload's row names: the sweep judges that upload by how its orchestration ended, and the
    /// intake writes its claim on the row before it starts the instance again under the same id. The filter is on the
    /// creation time alone, so the cut-off moves before the oldest such instance. A failure is logged; the next pass
    /// tries again.
    /// </summary>
    private async Task<int> PurgeFinishedAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken ct)
    {
        var createdBefore = now - Retention;
        try
        {
            // Read again: settling above changed rows, and an upload may have been claimed since the pass began.
            foreach (var row in await issues.UnfinishedAsync(ct))
            {
                if (row.InstanceId is null) continue;
                var instance = await client.GetInstanceAsync(row.InstanceId, getInputsAndOutputs: false, ct);
                if (instance is not null && !IsLive(instance) && instance.CreatedAt <= createdBefore)
                    createdBefore = instance.CreatedAt - TimeSpan.FromMilliseconds(1);
            }

            // CreatedFrom is given, never null: InProcessTestHost's server (the dev host) reads a missing one as an error.
            // The provider leaves out a condition on the minimum, so the filter is the creation time and the statuses.
            var filter = new PurgeInstancesFilter(DateTimeOffset.MinValue, createdBefore, FinishedStatuses) { Timeout = PurgeTimeout };
            // The provider stops at the timeout; the margin only keeps a server that ignored it from holding the pass.
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(PurgeTimeout + PurgeTimeout);
            var result = await client.PurgeAllInstancesAsync(filter, cancellation: bound.Token);
            if (result.PurgedInstanceCount > 0 || result.IsComplete == false)
                log.LogInformation("Purged {Purged} finished orchestrations created before {CreatedBefore:O} from the task hub{More}",
                    result.PurgedInstanceCount, createdBefore, result.IsComplete == false ? "; more are left for the next pass" : "");
            return result.PurgedInstanceCount;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Could not purge finished orchestrations created before {CreatedBefore:O}: {Reason}; the next pass tries again",
                createdBefore, e.Message.Split('\n')[0]);
            return 0;
        }
    }

    private enum Settled { Restarted, Failed, LeftRunning, Unchanged }

    private static bool IsLive(OrchestrationMetadata? instance) =>
        instance is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended };

    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>
    /// The upload of an ingestion whose issue row is gone, with its instance; null when the row is there, or when the
    /// upload names no issue: such an upload's placeholder row is deleted when the parser moves it to its issue's row,
    /// so its absence proves nothing.
    /// </summary>
    private async Task<(Upload, OrchestrationMetadata)?> RowLostAsync(DurableTaskClient client, string instanceId, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
        if (instance is null || instance.Name != IngestOrchestrator.Name || !IsLive(instance)) return null;
        var upload = instance.ReadInputAs<Upload>();
        if (upload is null || upload.InstanceId != instanceId || !upload.IssueKey.IsResolved) return null;
        if (await issues.GetAsync(upload.IssueKey, ct) is not null) return null;
        log.LogWarning("Orchestration {InstanceId} ({Container}/{Blob}) runs without its issue row (storage lost it)", instanceId, upload.Container, upload.BlobName);
        return (upload, instance);
    }

    /// <param name="status">The row's status (for the log).</param>
    /// <param name="restartedContentHash">The content the sweep already restarted the issue for, once (from the row).</param>
    private async Task<Settled> SettleAsync(DurableTaskClient client, Upload upload, string status, string? restartedContentHash,
        OrchestrationMetadata? instance, bool hubQuiet, DateTimeOffset staleBefore, CancellationToken ct)
    {
        string why;
        if (IsLive(instance))
        {
            // Suspended was someone's choice; a pending or running one is left to itself unless the whole hub stood still.
            if (instance!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended || !hubQuiet || instance.LastUpdatedAt > staleBefore)
                return Settled.LeftRunning;
            why = $"its orchestration stood {instance.RuntimeStatus.ToString().ToLowerInvariant()} for {StaleAfter.TotalMinutes:0} minutes without progress";
            if (!await EndWedgedAsync(client, instance.InstanceId, why, ct)) return Settled.LeftRunning;
        }
        else
        {
            why = instance is null
                ? "its orchestration never started"
                : $"its orchestration ended {instance.RuntimeStatus.ToString().ToLowerInvariant()}"
                  + (instance.FailureDetails is { } failure ? ": " + IngestOrchestrator.OneLine(failure) : "");
        }

        if (restartedContentHash != upload.ContentHash)
        {
            var result = await intake.OnBlobAsync(upload.Container, upload.BlobName, client, ct);
            if (result.Action != IntakeAction.BlobMissing)
            {
                // Remembered per content: a new upload of the issue gets its own restart.
                await issues.UpdateAsync(upload.IssueKey, current =>
                {
                    if (current is null || current.ContentHash != upload.ContentHash) return null;
                    current.RestartedContentHash = upload.ContentHash;
                    return current;
                }, ct);
                log.LogWarning("Upload {Container}/{Blob} was stuck {Status} ({Why}): restarted, {Action} {InstanceId}",
                    upload.Container, upload.BlobName, status, why, result.Action, result.InstanceId);
                return Settled.Restarted;
            }
            why = "the uploaded blob is gone";
        }

        var version = upload.IssueKey.IsResolved ? upload.Version : null;
        var error = $"ingestion stopped without a result ({why}); upload the file again to retry";
        return await recordFailure.RunAsync(new FailureRecord(upload, upload.Paper, upload.Date, version, error)) ? Settled.Failed : Settled.Unchanged;
    }

    /// <summary>
    /// Ends a wedged orchestration so the intake may start the upload again under the same id: terminated (its pending
    /// activity's result, if one ever comes, is then discarded), or purged when even the termination is not taken up —
    /// a pending one whose start message storage lost. False: it is still there; the next pass tries again.
    /// </summary>
    private async Task<bool> EndWedgedAsync(DurableTaskClient client, string instanceId, string why, CancellationToken ct)
    {
        log.LogWarning("Orchestration {InstanceId}: {Why}; terminating it", instanceId, why);
        await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(why), ct);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TerminateWait);
        try
        {
            await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Orchestration {InstanceId} did not take its termination within {Seconds} s; purging it", instanceId, TerminateWait.TotalSeconds);
            await client.PurgeInstanceAsync(instanceId, cancellation: ct);
            return await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is null;
        }
    }
}
