using Broadsheet.Search;
using Broadsheet.Storage;

namespace Broadsheet.Ingestion;

/// <summary>Settings of the ingestion and the storage it writes. Defaults are the production values.</summary>
public sealed class IngestionOptions
{
    public StorageOptions Storage { get; } = new();

    /// <summary>
    /// Most stories per enrichment activity. Enrichment runs at several MB/s a core, so an activity's fixed cost (a
    /// dispatch, two staged blobs, an orchestrator replay) outweighs small batches: a 16-page issue of ~170 stories is
    /// two activities that run side by side, a 2 MB issue about ten. (200 a batch ingests 100 issues ~15 % faster on
    /// the dev host but holds more at once: 494 MB peak instead of 421–466.)
    /// </summary>
    public int EnrichBatchSize { get; set; } = 100;

    /// <summary>Most characters of story text per enrichment activity (≈ 0.1 s of work), whatever the story count.</summary>
    public int EnrichBatchChars { get; set; } = 200_000;

    /// <summary>
    /// Uploads larger than this fail with a clear reason instead of being parsed. A 100-page issue is about 2 MB of
    /// text; 16 MB leaves room for the biggest and keeps one upload from holding a worker for minutes.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Most pages one issue may have: the biggest dailies print about a hundred. A dump split into more (100,000 form
    /// feeds) is not an issue and fails with a clear reason instead of becoming 100,000 stories.
    /// </summary>
    public int MaxPagesPerIssue { get; set; } = 200;

    /// <summary>Most stories one issue may have (a 100-page issue has about 1,000); past it the upload fails with a clear reason.</summary>
    public int MaxStoriesPerIssue { get; set; } = 2000;
}
