using Broadsheet.Storage;

namespace Broadsheet.Pipeline;

/// <summary>Settings of the pipeline. Defaults are the production values.</summary>
public sealed class PipelineOptions
{
    public StorageOptions Storage { get; } = new();

    /// <summary>Stories per enrichment activity: 300 stories → 30 activities, each well inside Durable's message limits.</summary>
    public int EnrichBatchSize { get; set; } = 10;
}
