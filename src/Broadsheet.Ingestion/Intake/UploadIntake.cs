using System.Security.Cryptography;
using Azure;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// Turns "a blob was written" into at most one orchestration per blob content. The instance id is derived from
/// the blob's identity and its content hash, so a duplicate event (Event Grid delivers at least once, the dev
/// host re-polls) finds the existing instance and starts nothing; an issue that already holds this content
/// starts nothing either.
/// </summary>
public sealed class UploadIntake(BroadsheetStorage storage, IssueStore issues, ILogger<UploadIntake> log)
{
    public async Task<IntakeResult> OnBlobAsync(string containerName, string blobName, DurableTaskClient client, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        if (!BlobPath.IsReadable(blobName)) return await RefuseAsync(new BlobPath(containerName, blobName), BlobPath.UnreadableReason, ct);
        var blob = storage.BlobService.GetBlobContainerClient(containerName).GetBlobClient(blobName);
        Azure.Storage.Blobs.Models.BlobProperties props;
        try
        {
            props = (await storage.Resilience.ExecuteAsync(async t => await blob.GetPropertiesAsync(cancellationToken: t), ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            log.LogInformation("Blob {Container}/{Blob} is gone; nothing to ingest", containerName, blobName);
            return new IntakeResult(IntakeAction.BlobMissing, "", null, null, "");
        }

        string contentHash;
        if (props.ContentHash is { Length: > 0 } md5)
        {
            contentHash = Upload.Md5ContentHash(md5);
        }
        else
        {
            // Block-list uploads carry no Content-MD5: hash the exact version we saw (If-Match on its ETag).
            await using var stream = (await storage.Resilience.ExecuteAsync(async t => await blob.DownloadStreamingAsync(
                new Azure.Storage.Blobs.Models.BlobDownloadOptions { Conditions = new Azure.Storage.Blobs.Models.BlobRequestConditions { IfMatch = props.ETag } }, t), ct)).Value.Content;
            contentHash = Upload.Sha256ContentHash(await SHA256.HashDataAsync(stream, ct));
        }

        var (paper, date) = Upload.IssueOf(blobName, props.Metadata);
        var upload = new Upload(containerName, blobName, props.ETag.ToString(), contentHash, paper, date);
        var instanceId = upload.InstanceId;

        // One delivery at a time per instance in this process: concurrent deliveries here queue up instead of racing
        // for the claim and the start (across processes, the row's ETag and the backend's refused duplicate start decide).
        var gate = Gates[(int)((uint)instanceId.GetHashCode() % (uint)Gates.Length)];
        await gate.WaitAsync(ct);
        try
        {
            return await ClaimAndScheduleAsync(upload, client, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>An upload that can never be ingested: failed with the reason on the blob's placeholder row, once.</summary>
    private async Task<IntakeResult> RefuseAsync(BlobPath blob, string reason, CancellationToken ct)
    {
        var key = Upload.KeyFor(blob, null, null);
        var wrote = false;
        await issues.UpdateAsync(key, row =>
        {
            if (row is { Status: IssueStatus.Failed } && row.Error == reason) return null;
            wrote = true;
            return new Upload(blob.Container, blob.Name, "", "", null, null).RecordOn(row ?? new IssueEntity(), null, null, IssueStatus.Failed, reason);
        }, ct);
        if (wrote) log.LogWarning("Refused {Blob}: {Reason}", blob, reason);
        return new IntakeResult(IntakeAction.Refused, "", null, null, "");
    }

    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private async Task<IntakeResult> ClaimAndScheduleAsync(Upload upload, DurableTaskClient client, CancellationToken ct)
    {
        var (containerName, blobName, instanceId, paper, date, contentHash) = (upload.Container, upload.BlobName, upload.InstanceId, upload.Paper, upload.Date, upload.ContentHash);
        var key = upload.IssueKey;
        var row = await issues.GetAsync(key, ct);
        if (row is { Status: IssueStatus.Complete } && row.CurrentContentHash == contentHash && row.ContentHash == contentHash)
        {
            log.LogInformation("Upload {Container}/{Blob} unchanged: {Paper} {Date} already holds content {ContentHash}", containerName, blobName, paper, date, contentHash);
            return new IntakeResult(IntakeAction.Unchanged, instanceId, paper, date, contentHash);
        }

        if (row is { Status: IssueStatus.Failed } && row.ContentHash == contentHash && row.BlobETag == upload.ETag)
        {
            // This very upload already failed with a recorded reason (the dev host re-reads its container after a
            // restart): don't fail it again. Uploading the blob again (a new ETag) retries it.
            log.LogInformation("Upload {Container}/{Blob} already failed: {Error}", containerName, blobName, row.Error);
            return new IntakeResult(IntakeAction.AlreadyScheduled, instanceId, paper, date, contentHash);
        }

        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
        {
            log.LogInformation("Upload {Container}/{Blob} already being ingested by {InstanceId}", containerName, blobName, instanceId);
            return new IntakeResult(IntakeAction.AlreadyScheduled, instanceId, paper, date, contentHash);
        }
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } && row?.ContentHash == contentHash && row.BlobETag == upload.ETag)
        {
            // Finished (complete, unchanged or failed with a recorded reason) for this very upload: a duplicate event.
            // The same content uploaded again (a new ETag) is a new attempt and runs again below.
            log.LogInformation("Upload {Container}/{Blob} already ingested by {InstanceId} ({Status})", containerName, blobName, instanceId, row.Status);
            return new IntakeResult(IntakeAction.AlreadyScheduled, instanceId, paper, date, contentHash);
        }

        // The issues row is the claim: concurrent deliveries of one event all get here, and the row's optimistic
        // concurrency lets one write win. A loser re-reads, sees this very instance queued by the winner, and stops.
        var reads = 0;
        var claimedByAnother = false;
        await issues.UpdateAsync(key, current =>
        {
            if (reads++ > 0 && current is { Status: IssueStatus.Queued } && current.InstanceId == instanceId && current.ContentHash == contentHash)
            {
                claimedByAnother = true;
                return null;
            }
            var next = upload.RecordOn(current ?? new IssueEntity(), paper, date, IssueStatus.Queued, null);
            next.InstanceId = instanceId;
            return next;
        }, ct);
        if (claimedByAnother)
        {
            // Queued under this very instance — by a concurrent delivery, or by this one when its write went through
            // but the response was lost and the retry read it back. Only a started orchestration settles it: if none
            // has started since the check above, start it here (a concurrent starter loses the race below).
            var now = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct);
            var started = now is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended }
                          || (now is not null && existing is null);
            if (started)
            {
                log.LogInformation("Upload {Container}/{Blob}: {InstanceId} was queued by a concurrent delivery", containerName, blobName, instanceId);
                return new IntakeResult(IntakeAction.AlreadyScheduled, instanceId, paper, date, contentHash);
            }
        }

        if (existing is not null)
        {
            // The same content ran before but the issue has moved on (A → B → A) or it failed: run it again under the same id.
            await client.PurgeInstanceAsync(instanceId, cancellation: ct);
        }
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(IngestOrchestrator.Name, upload, new Microsoft.DurableTask.StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lost a race with a concurrent event for the same content? Then the other one started it.
            if (!await ExistsAsync(client, instanceId, ct)) throw;
            log.LogInformation("Upload {Container}/{Blob}: {InstanceId} was started concurrently", containerName, blobName, instanceId);
            return new IntakeResult(IntakeAction.AlreadyScheduled, instanceId, paper, date, contentHash);
        }
        log.LogInformation("Queued {Container}/{Blob} as {InstanceId} ({Paper} {Date}, content {ContentHash})", containerName, blobName, instanceId, paper, date, contentHash);
        return new IntakeResult(IntakeAction.Scheduled, instanceId, paper, date, contentHash);
    }

    private static async Task<bool> ExistsAsync(DurableTaskClient client, string instanceId, CancellationToken ct)
    {
        try
        {
            return await client.GetInstanceAsync(instanceId, false, ct) is not null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }
}
