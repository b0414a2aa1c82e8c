namespace Broadsheet.Pipeline;

// Orchestration inputs and outputs: references (blob names, keys, versions, batch numbers), never article text,
// so Durable history stays small whatever the size of the issue.

/// <summary>What the intake hands the orchestrator: one upload, identified by blob and content.</summary>
/// <param name="Paper">From the blob name or metadata; null until the text tells.</param>
/// <param name="Date">yyyy-MM-dd from the blob name or metadata; null until the text tells.</param>
/// <param name="ContentHash">"md5-…" (Content-MD5 from storage) or "sha256-…" (computed), hex.</param>
public sealed record IngestRequest(string Container, string BlobName, string ETag, string ContentHash, string? Paper, string? Date);

/// <summary>How an ingestion ended. Status: complete | unchanged | superseded | failed.</summary>
public sealed record IngestResult(string Status, string? Paper, string? Date, string? Version, int Articles, int Pages, string? Error);

/// <summary>Parse activity output. Either Rejected (with a one-line Error) or a staged version in Batches batches.</summary>
public sealed record ParseResult(bool Rejected, string? Error, bool Unchanged, string? Paper, string? Date, string? Version, int Articles, int Pages, int Batches);

/// <summary>One enrichment batch of a staged version.</summary>
public sealed record EnrichBatchRequest(string Paper, string Date, string Version, int Batch);

/// <summary>Publish a staged and enriched version.</summary>
public sealed record PublishRequest(IngestRequest Upload, string Paper, string Date, string Version, int Batches);

/// <summary>Publish activity output. Superseded: a newer upload of the same issue arrived meanwhile, nothing was made visible.</summary>
public sealed record PublishResult(bool Superseded, int Articles, int Pages, int IndexEntities, int StaleRowsDeleted);

/// <summary>Record a final failure on the upload. Paper/Date are set once the parse resolved them.</summary>
public sealed record FailureRecord(IngestRequest Upload, string? Paper, string? Date, string? Version, string Error);

/// <summary>What <see cref="UploadIntake.OnBlobAsync"/> did with a blob event.</summary>
public enum IntakeAction
{
    /// <summary>A new orchestration was scheduled.</summary>
    Scheduled,
    /// <summary>An orchestration for this exact blob content is already pending or running (or has completed): nothing started.</summary>
    AlreadyScheduled,
    /// <summary>The issue already holds this content (status complete): nothing started.</summary>
    Unchanged,
    /// <summary>The blob no longer exists (deleted after the event): nothing started.</summary>
    BlobMissing,
}

public sealed record IntakeResult(IntakeAction Action, string InstanceId, string? Paper, string? Date, string ContentHash);

/// <summary>An upload recorded as queued or running: the dev host re-runs these after its own restart.</summary>
public sealed record UnfinishedUpload(string Container, string BlobName, string Status, string? InstanceId, string? Paper, string? Date);
