using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// Records a final failure on the upload's issue row (status failed, one-line error) and removes what the failed
/// attempt staged or half-wrote. The issue's current version, if any, stays visible and untouched.
/// </summary>
public sealed class RecordFailureActivity(IssueStore issues, ArticleStore articles, IndexStore index, StagingStore staging, ILogger<RecordFailureActivity> log) : IIngestActivity<FailureRecord, bool>
{
    public const string Name = "RecordIngestFailure";

    public async Task<bool> RunAsync(FailureRecord failure)
    {
        var upload = failure.Upload;
        var key = Upload.KeyFor(upload.Blob, failure.Paper, failure.Date);
        var recorded = await issues.UpdateAsync(key, row =>
        {
            // A newer upload of the same issue owns the row now: its status is not ours to overwrite.
            if (row is not null && row.ContentHash is not null && row.ContentHash != upload.ContentHash) return null;
            // This very content is already published (a twin upload of the same bytes finished first): nothing failed.
            if (row is { Status: IssueStatus.Complete } && row.CurrentContentHash == upload.ContentHash) return null;
            return upload.RecordOn(row ?? new IssueEntity(), failure.Paper, failure.Date, IssueStatus.Failed, failure.Error);
        });
        if (key.IsResolved && failure.Version is { } version)
        {
            if (recorded?.CurrentVersion != version)
            {
                await articles.DeleteVersionAsync(key, version);
                await index.DeleteVersionAsync(key, version);
            }
            await staging.DeleteAsync(upload.StagingFor(key, version));
        }
        log.LogWarning("Upload {Container}/{Blob} failed ({Paper} {Date}): {Error}", upload.Container, upload.BlobName, failure.Paper, failure.Date, failure.Error);
        return recorded?.Status == IssueStatus.Failed;
    }
}
