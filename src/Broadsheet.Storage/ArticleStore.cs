using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure;
using Broadsheet.Core.Layout;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>What the articles table keeps of one article besides its JSON.</summary>
public sealed record ArticleRow(ArticleId Id, string Version, int Order, int Page, string Kind, string? Title, string? Column, string Json);

/// <summary>
/// The articles table: PartitionKey "{paper}|{date}" (one issue), RowKey "{version}|{local id}". The article's
/// JSON sits in string properties of at most 30,000 characters each (the service caps a property at 64 KiB);
/// one too big for a row (over ~12 chunks, near the 1 MiB entity limit) goes to a blob instead. Beside it, a
/// Summary property holds the fields an issue's story list shows (<see cref="SummaryFields"/>), so listing an issue
/// reads a few hundred bytes a story instead of whole articles.
/// </summary>
public sealed class ArticleStore(BroadsheetStorage storage) : IArticleDocuments
{
    private readonly ArticleJsonCache cache = new();

    /// <summary>Characters of JSON per string property (the service caps a property at 64 KiB).</summary>
    public const int ChunkChars = 30_000;
    /// <summary>Chunks a row holds at most (near the 1 MiB entity limit); a bigger article goes to a blob.</summary>
    public const int MaxChunks = 12;

    /// <summary>The article's properties an issue's story list shows (GET /api/issues/{paper}/{date}), in this order.</summary>
    public static readonly IReadOnlyList<string> SummaryFields = ["id", "page", "pages", "kind", "kicker", "title", "subtitle", "column", "byline"];

    private TableClient Table => storage.Articles;

    public static string RowKey(string version, string localId) => version + "|" + KeyCodec.Encode(localId);

    /// <summary>Writes one version's rows (upserts: a retry rewrites the same rows). Returns transactions used.</summary>
    public async Task<int> WriteVersionAsync(IssueKey issue, string version, IReadOnlyList<ArticleRow> rows, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var actions = new List<TableTransactionAction>(rows.Count);
        foreach (var row in rows)
        {
            var entity = new TableEntity(issue.ArticlePartition, RowKey(version, row.Id.LocalId))
            {
                ["Id"] = row.Id.ToString(),
                ["Version"] = version,
                ["Order"] = row.Order,
                ["Page"] = row.Page,
                ["Kind"] = row.Kind,
                ["Title"] = Truncate(row.Title),
                ["Column"] = Truncate(row.Column),
            };
            if (SummaryOf(row.Json) is { Length: <= ChunkChars } summary) entity["Summary"] = summary;
            var chunks = Chunks(row.Json);
            if (chunks.Count <= MaxChunks)
            {
                entity["Chunks"] = chunks.Count;
                for (var i = 0; i < chunks.Count; i++) entity["Json" + i] = chunks[i];
            }
            else
            {
                var blobName = BodyBlobName(issue, version, row.Id.LocalId);
                await storage.Resilience.ExecuteAsync(async t =>
                    await storage.Work.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(row.Json), overwrite: true, t), ct);
                entity["Chunks"] = 0;
                entity["BodyBlob"] = blobName;
            }
            actions.Add(TableBatches.Upsert(entity));
        }
        return await TableBatches.SubmitAsync(Table, storage.Resilience, actions, ct);
    }

    public async Task<string?> GetJsonAsync(ArticleId id, string version, CancellationToken ct = default)
    {
        // A version is named by its content hash, so (article, version) → JSON never changes: safe to keep.
        var cacheKey = id + "|" + version;
        if (cache.Recall(cacheKey) is { } cached) return cached;
        await storage.EnsureCreatedAsync(ct);
        var response = await storage.Resilience.ExecuteAsync(async t =>
            await Table.GetEntityIfExistsAsync<TableEntity>(id.Issue.ArticlePartition, RowKey(version, id.LocalId), cancellationToken: t), ct);
        var json = response.HasValue ? await JsonOfAsync(response.Value!, ct) : null;
        if (json is not null) cache.Remember(cacheKey, json);
        return json;
    }

    /// <summary>
    /// The JSON of several articles, in the order asked (null where an article is gone): from memory, else by point
    /// reads, a few at once. (Point reads, not one filter of OR-ed row keys per issue: the table service answers a
    /// point read from its key index, while Azurite evaluates an OR filter against every row of the table.)
    /// </summary>
    public async Task<string?[]> GetJsonManyAsync(IReadOnlyList<(ArticleId Id, string Version)> wanted, CancellationToken ct = default)
    {
        var result = new string?[wanted.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, wanted.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, c) => result[i] = await GetJsonAsync(wanted[i].Id, wanted[i].Version, c));
        return result;
    }

    /// <summary>Every row of one version (whole articles), in issue order.</summary>
    public async Task<List<ArticleRow>> ListVersionAsync(IssueKey issue, string version, CancellationToken ct = default) =>
        await ListVersionAsync(issue, version, 0, int.MaxValue, ct);

    /// <summary>
    /// The rows of one version whose Order (0, 1, … in issue order) is in [<paramref name="from"/>, from + count): a page of
    /// the issue's list, filtered by the table service, so a reader holds one page however big the issue.
    /// </summary>
    public async Task<List<ArticleRow>> ListVersionAsync(IssueKey issue, string version, int from, int count, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = version + "|";
        var until = (int)Math.Min(int.MaxValue, (long)from + count);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {issue.ArticlePartition} and RowKey ge {prefix} and RowKey lt {KeyCodec.PrefixEnd(prefix)} and Order ge {from} and Order lt {until}");
        var rows = new List<ArticleRow>();
        foreach (var e in await QueryAllAsync(filter, null, ct))
        {
            var id = ArticleId.TryParse(e.GetString("Id"), out var parsed) ? parsed : ArticleId.For(issue, e.RowKey[(e.RowKey.IndexOf('|') + 1)..]);
            rows.Add(new ArticleRow(id, version, e.GetInt32("Order") ?? 0, e.GetInt32("Page") ?? 0, e.GetString("Kind") ?? "",
                e.GetString("Title"), e.GetString("Column"), await JsonOfAsync(e, ct)));
        }
        return rows.OrderBy(r => r.Order).ToList();
    }

    /// <summary>
    /// The story list of one version, positions [<paramref name="from"/>, from + count) in issue order: each story's
    /// <see cref="SummaryFields"/> as a JSON object. Only the Summary property is read, so a page of 500 stories is a
    /// few hundred KB however long the stories are; a row written before summaries were stored is read whole.
    /// </summary>
    public async Task<List<string>> ListSummariesAsync(IssueKey issue, string version, int from, int count, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = version + "|";
        var until = (int)Math.Min(int.MaxValue, (long)from + count);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {issue.ArticlePartition} and RowKey ge {prefix} and RowKey lt {KeyCodec.PrefixEnd(prefix)} and Order ge {from} and Order lt {until}");
        var listed = new List<(int Order, string Summary)>();
        foreach (var e in await QueryAllAsync(filter, ["RowKey", "Id", "Order", "Summary"], ct))
        {
            var summary = e.GetString("Summary");
            if (summary is null)
            {
                var whole = await storage.Resilience.ExecuteAsync(async t =>
                    await Table.GetEntityIfExistsAsync<TableEntity>(issue.ArticlePartition, e.RowKey, cancellationToken: t), ct);
                summary = whole.HasValue ? SummaryOf(await JsonOfAsync(whole.Value!, ct)) : null;
            }
            if (summary is not null) listed.Add((e.GetInt32("Order") ?? 0, summary));
        }
        return listed.OrderBy(r => r.Order).Select(r => r.Summary).ToList();
    }

    /// <summary>The article JSON's <see cref="SummaryFields"/> (those it has) as a compact JSON object; null when it is not an object.</summary>
    public static string? SummaryOf(string articleJson)
    {
        using var doc = JsonDocument.Parse(articleJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Broadsheet.Core.Json.ArticleJson.Compact.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var field in SummaryFields)
                if (doc.RootElement.TryGetProperty(field, out var value))
                {
                    writer.WritePropertyName(field);
                    value.WriteTo(writer);
                }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Deletes every row of the issue whose version is not <paramref name="keep"/> (null: all rows). Returns rows deleted.</summary>
    public async Task<int> DeleteOtherVersionsAsync(IssueKey issue, string? keep, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {issue.ArticlePartition}");
        var stale = (await QueryAllAsync(filter, ["PartitionKey", "RowKey", "Version", "BodyBlob"], ct))
            .Where(e => keep is null || e.GetString("Version") != keep)
            .ToList();
        foreach (var blob in stale.Select(e => e.GetString("BodyBlob")).OfType<string>())
            await storage.Resilience.ExecuteAsync(async t => await storage.Work.DeleteBlobIfExistsAsync(blob, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: t), ct);
        await TableBatches.SubmitAsync(Table, storage.Resilience, stale.Select(e => TableBatches.Delete(e.PartitionKey, e.RowKey)), ct);
        return stale.Count;
    }

    /// <summary>Deletes one version's rows (a superseded or failed attempt). Returns rows deleted.</summary>
    public async Task<int> DeleteVersionAsync(IssueKey issue, string version, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = version + "|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {issue.ArticlePartition} and RowKey ge {prefix} and RowKey lt {KeyCodec.PrefixEnd(prefix)}");
        var rows = await QueryAllAsync(filter, ["PartitionKey", "RowKey", "BodyBlob"], ct);
        foreach (var blob in rows.Select(e => e.GetString("BodyBlob")).OfType<string>())
            await storage.Resilience.ExecuteAsync(async t => await storage.Work.DeleteBlobIfExistsAsync(blob, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: t), ct);
        await TableBatches.SubmitAsync(Table, storage.Resilience, rows.Select(e => TableBatches.Delete(e.PartitionKey, e.RowKey)), ct);
        cache.Forget(version);
        return rows.Count;
    }

    private Task<List<TableEntity>> QueryAllAsync(string filter, IEnumerable<string>? select, CancellationToken ct) =>
        storage.QueryAllAsync<TableEntity>(Table, filter, select, ct);

    private async Task<string> JsonOfAsync(TableEntity e, CancellationToken ct)
    {
        if (e.GetString("BodyBlob") is { } blob)
        {
            var content = await storage.Resilience.ExecuteAsync(async t => (await storage.Work.GetBlobClient(blob).DownloadContentAsync(t)).Value.Content, ct);
            return content.ToString();
        }
        var chunks = e.GetInt32("Chunks") ?? 0;
        var sb = new StringBuilder();
        for (var i = 0; i < chunks; i++) sb.Append(e.GetString("Json" + i));
        return sb.ToString();
    }

    private static string BodyBlobName(IssueKey issue, string version, string localId) =>
        $"bodies/{issue.BlobPath}/{version}/{KeyCodec.Encode(localId)}.json";

    private static string? Truncate(string? s) => s is null ? null : Chars.Clip(s, 1000);

    /// <summary>The JSON in pieces of at most <see cref="ChunkChars"/>, never cut inside a surrogate pair (storage rejects half a 𪚥).</summary>
    private static List<string> Chunks(string json)
    {
        var chunks = new List<string>();
        for (var at = 0; at < json.Length;)
        {
            var n = Chars.CutLength(json.AsSpan(at), ChunkChars);
            chunks.Add(json.Substring(at, n));
            at += n;
        }
        return chunks;
    }
}
