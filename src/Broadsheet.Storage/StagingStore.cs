using System.Text.Json;
using Azure;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>The staged issue: its page data and unassigned text, and how its stories are batched.</summary>
public sealed record StagedIssue(IssueInfo Issue, List<string> Unassigned, int Articles, int Batches);

/// <summary>
/// Where one upload's stories wait between parse and publish: staging/{paper}/{date}/{version}/{upload}/. Per upload,
/// not per version: the same bytes uploaded under two names stage the same version at once, and one ingestion's
/// clean-up must not delete what the other is still writing or reading. A null <paramref name="Upload"/> is the
/// version-wide area that orchestrations scheduled before per-upload areas existed still use.
/// </summary>
public readonly record struct StagingArea(IssueKey Issue, string Version, string? Upload)
{
    public string Prefix => Upload is null ? $"staging/{Issue.BlobPath}/{Version}/" : $"staging/{Issue.BlobPath}/{Version}/{Upload}/";
}

/// <summary>
/// Stories between parse and publish, as blobs under a <see cref="StagingArea"/> in the work container: issue.json,
/// parsed-NNNN.json and enriched-NNNN.json per batch. Names are deterministic, so a retried activity overwrites its
/// own output; the orchestration passes only references (paper, date, version, upload, batch).
/// </summary>
public sealed class StagingStore(BroadsheetStorage storage)
{
    public Task WriteIssueAsync(StagingArea area, StagedIssue staged, CancellationToken ct = default) =>
        WriteAsync(area.Prefix + "issue.json", staged, ct);

    public Task<StagedIssue> ReadIssueAsync(StagingArea area, CancellationToken ct = default) =>
        ReadAsync<StagedIssue>(area.Prefix + "issue.json", ct);

    public Task WriteBatchAsync(StagingArea area, string stage, int batch, List<Article> articles, CancellationToken ct = default) =>
        WriteAsync(area.Prefix + $"{stage}-{batch:0000}.json", articles, ct);

    public Task<List<Article>> ReadBatchAsync(StagingArea area, string stage, int batch, CancellationToken ct = default) =>
        ReadAsync<List<Article>>(area.Prefix + $"{stage}-{batch:0000}.json", ct);

    /// <summary>Removes the area's staging blobs. Returns how many.</summary>
    public async Task<int> DeleteAsync(StagingArea area, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = area.Prefix;
        var names = await storage.ListBlobNamesAsync(prefix, ct);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (name, c) =>
            await storage.Resilience.ExecuteAsync(async t => await storage.Work.DeleteBlobIfExistsAsync(name, cancellationToken: t), c));
        return names.Count;
    }

    private async Task WriteAsync<T>(string name, T value, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var data = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, ArticleJson.Compact));
        await storage.Resilience.ExecuteAsync(async t => await storage.Work.GetBlobClient(name).UploadAsync(data, overwrite: true, t), ct);
    }

    private async Task<T> ReadAsync<T>(string name, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        try
        {
            var content = await storage.Resilience.ExecuteAsync(async t => (await storage.Work.GetBlobClient(name).DownloadContentAsync(t)).Value.Content, ct);
            return content.ToObjectFromJson<T>(ArticleJson.Compact)
                   ?? throw new InvalidOperationException($"staged blob {name} is empty");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new StagingLostException($"staged blob {name} is missing (storage lost it, or staging was deleted before publish)", e);
        }
    }
}

/// <summary>
/// A staged blob the pipeline wrote is gone — Azurite killed within its 5 s metadata flush loses the latest writes.
/// The orchestrator stages the upload again from its blob rather than failing it.
/// </summary>
public sealed class StagingLostException(string message, Exception inner) : Exception(message, inner);
