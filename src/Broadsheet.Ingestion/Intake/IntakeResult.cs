namespace Broadsheet.Ingestion;

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
    /// <summary>The blob's name cannot be read back through storage (see <see cref="BlobPath.IsReadable"/>): recorded as failed with the reason.</summary>
    Refused,
}

public sealed record IntakeResult(IntakeAction Action, string InstanceId, string? Paper, string? Date, string ContentHash);

