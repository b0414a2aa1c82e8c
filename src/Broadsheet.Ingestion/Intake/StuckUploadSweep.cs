using Broadsheet.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// Settles uploads that no orchestration will finish. An upload stays queued or running when its orchestration is
/// gone or ended without writing the outcome — typically because recording a failure itself failed (storage down
/// through every retry). The function app runs this on a timer; the dev host from its watcher while it runs (and
/// re-runs such uploads when it restarts).
/// An upload whose row has not changed for <see cref="StuckAfter"/> and whose orchestration is not pending or
/// running is restarted once through <see cref="UploadIntake"/> (the blob trigger's own path); stuck again, it is
/// marked failed with a one-line reason. Uploads with a live orchestration are left to it.
/// </summary>
public sealed class StuckUploadSweep(IssueStore issues, UploadIntake intake, RecordFailureActivity recordFailure, ILogger<StuckUploadSweep> log)
{
    /// <summary>When the function app runs a pass (NCRONTAB): every 10 minutes.</summary>
    public const string Schedule = "0 */10 * * * *";

    /// <summary>
    /// How long a row must be unchanged before it counts as stuck. An orchestration's retries give up within minutes,
    /// and a live orchestration is never touched, so this only keeps the sweep off uploads that are just starting.
    /// </summary>
    public static readonly TimeSpan DefaultStuckAfter = TimeSpan.FromMinutes(15);

    /// <inheritdoc cref="DefaultStuckAfter"/>
    public TimeSpan StuckAfter { get; init; } = DefaultStuckAfter;

    /// <summary>What one pass did.</summary>
    public sealed record Outcome(int Restarted, int Failed, int LeftRunning);

    /// <param name="client">The task hub the uploads' orchestrations run on.</param>
    /// <param name="ct">Stops the pass.</param>
    public async Task<Outcome> RunAsync(DurableTaskClient client, CancellationToken ct = default)
    {
        var cutoff = DateTimeOffset.UtcNow - StuckAfter;
        int restarted = 0, failed = 0, leftRunning = 0;
        foreach (var row in await issues.UnfinishedAsync(ct))
        {
            if (row.Updated > cutoff) continue;
            if (Upload.RecordedOn(row) is not { } upload)
            {
                log.LogWarning("Unfinished upload {Key} does not name its blob and content; left alone", row.Key);
                continue;
            }
            try
            {
                switch (await SettleAsync(client, row, upload, ct))
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
        return new Outcome(restarted, failed, leftRunning);
    }

    private enum Settled { Restarted, Failed, LeftRunning, Unchanged }

    private async Task<Settled> SettleAsync(DurableTaskClient client, IssueEntity row, Upload upload, CancellationToken ct)
    {
        var instance = row.InstanceId is null ? null : await client.GetInstanceAsync(row.InstanceId, getInputsAndOutputs: true, ct); // with its failure details
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
            return Settled.LeftRunning;

        var why = instance is null
            ? "its orchestration never started"
            : $"its orchestration ended {instance.RuntimeStatus.ToString().ToLowerInvariant()}"
              + (instance.FailureDetails is { } failure ? ": " + IngestOrchestrator.OneLine(failure) : "");
        if (row.RestartedContentHash != upload.ContentHash)
        {
            var result = await intake.OnBlobAsync(upload.Container, upload.BlobName, client, ct);
            if (result.Action != IntakeAction.BlobMissing)
            {
                // Remembered per content: a new upload of the issue gets its own restart.
                await issues.UpdateAsync(row.Key, current =>
                {
                    if (current is null || current.ContentHash != upload.ContentHash) return null;
                    current.RestartedContentHash = upload.ContentHash;
                    return current;
                }, ct);
                log.LogWarning("Upload {Container}/{Blob} was stuck {Status} ({Why}): restarted, {Action} {InstanceId}",
                    upload.Container, upload.BlobName, row.Status, why, result.Action, result.InstanceId);
                return Settled.Restarted;
            }
            why = "the uploaded blob is gone";
        }

        var version = upload.IssueKey.IsResolved ? upload.Version : null;
        var error = $"ingestion stopped without a result ({why}); upload the file again to retry";
        return await recordFailure.RunAsync(new FailureRecord(upload, upload.Paper, upload.Date, version, error)) ? Settled.Failed : Settled.Unchanged;
    }
}
