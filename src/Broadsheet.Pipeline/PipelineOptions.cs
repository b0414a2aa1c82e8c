using Broadsheet.Storage;

namespace Broadsheet.Pipeline;

/// <summary>Settings of the pipeline. Defaults are the production values.</summary>
public sealed class PipelineOptions
{
    public StorageOptions Storage { get; } = new();

    /// <summary>Stories per enrichment activity: 300 stories → 30 activities, each well inside Durable's message limits.</summary>
    public int EnrichBatchSize { get; set; } = 10;

    /// <summary>
    /// Uploads larger than this fail with a clear reason instead of being parsed. A 100-page issue is about 2 MB of
    /// text; 16 MB leaves room for the biggest and keeps one upload from holding a worker for minutes.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 16L * 1024 * 1024;
}
