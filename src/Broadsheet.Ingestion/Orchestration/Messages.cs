using System.Text.Json.Serialization;
using Broadsheet.Search;
using Broadsheet.Storage;

namespace Broadsheet.Ingestion;

// What the orchestrator and its activities pass each other: references (the upload, keys, versions, batch numbers),
// never article text, so Durable history stays small whatever the size of the issue. The input is an Upload.

/// <summary>How an ingestion ended. Status: complete | unchanged | superseded | failed.</summary>
public sealed record IngestResult(string Status, string? Paper, string? Date, string? Version, int Articles, int Pages, string? Error);

/// <summary>Parse activity output. Either Rejected (with a one-line Error) or a staged version in Batches batches.</summary>
public sealed record ParseResult(bool Rejected, string? Error, bool Unchanged, string? Paper, string? Date, string? Version, int Articles, int Pages, int Batches);

/// <summary>
/// One enrichment batch of a staged version, in the staging area of the upload <paramref name="StagingId"/> names
/// (<see cref="Upload.StagingId"/>; null in requests scheduled before per-upload areas: the version-wide area).
/// </summary>
public sealed record EnrichBatchRequest(string Paper, string Date, string Version, int Batch, string? StagingId = null)
{
    [JsonIgnore] public StagingArea Staging => new(IssueKey.For(Paper, Date), Version, StagingId);
}

/// <summary>Publish a staged and enriched version.</summary>
public sealed record PublishRequest(Upload Upload, string Paper, string Date, string Version, int Batches);

/// <summary>Publish activity output. Superseded: a newer upload of the same issue arrived meanwhile, nothing was made visible.</summary>
public sealed record PublishResult(bool Superseded, int Articles, int Pages, int IndexEntities, int StaleRowsDeleted);

/// <summary>Record a final failure on the upload. Paper/Date are set once the parse resolved them.</summary>
public sealed record FailureRecord(Upload Upload, string? Paper, string? Date, string? Version, string Error);
