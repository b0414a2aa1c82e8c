using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Broadsheet.Storage;

/// <summary>One index entity as the query engine sees it.</summary>
public sealed record Posting(string DocKey, ArticleId Id, string Version, string Kind, double Weight);

/// <summary>
/// Index entities (postings) in the postings table.
/// PartitionKey: "b00".."bNN", a stable hash of (facet, value) — so an issue's thousands of postings fall into at
/// most IndexBuckets partitions and go out as ~IndexBuckets transactions, while one value's postings stay in one
/// partition. RowKey: "{facet}|{value}|{docKey}" with docKey = "{99999999−yyyyMMdd}|{paper}|{local id}|{version}":
/// a value's postings are one key range, newest issue first, and the same article has the same docKey in every
/// posting list, so lists intersect by merging in key order.
/// The keys of each version's postings are kept in a manifest blob (written before the postings), so the
/// version can be deleted exactly without scanning the index.
/// </summary>
public sealed class IndexStore(BroadsheetStorage storage)
{
    private TableClient Table => storage.Postings;

    public string Bucket(string facet, string value)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        uint h = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(facet + "|" + value)) { h ^= b; h *= 16777619; }
        return "b" + (h % (uint)Math.Max(1, storage.Options.IndexBuckets)).ToString("00");
    }

    public static string DocKey(string paperKey, string date, string localId, string version) =>
        $"{InvertedDate(date)}|{paperKey}|{KeyCodec.Encode(localId)}|{version}";

    /// <summary>99999999 − yyyyMMdd: ascending keys, newest date first.</summary>
    public static string InvertedDate(string date) => (99999999 - int.Parse(date.Replace("-", ""))).ToString("00000000");

    public static string ValuePrefix(string facet, string value) => facet + "|" + KeyCodec.Encode(value) + "|";

    /// <summary>Writes the manifest, then the postings (upserts). Returns (entities, transactions).</summary>
    public async Task<(int Entities, int Transactions)> WriteVersionAsync(IssueKey issue, string version,
        IEnumerable<(ArticleId Id, string Kind, IndexTerm Term)> postings, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var entities = new List<TableEntity>();
        var seen = new HashSet<(string, string)>();
        foreach (var (id, kind, term) in postings)
        {
            var pk = Bucket(term.Facet, term.Value);
            var rk = ValuePrefix(term.Facet, term.Value) + DocKey(id.PaperKey, id.Date, id.LocalId, version);
            if (!seen.Add((pk, rk))) continue;
            entities.Add(new TableEntity(pk, rk)
            {
                ["W"] = term.Weight,
                ["Paper"] = id.PaperKey,
                ["Date"] = id.Date,
                ["Kind"] = kind,
                ["Id"] = id.ToString(),
                ["Version"] = version,
            });
        }
        var manifest = entities.Select(e => new[] { e.PartitionKey, e.RowKey }).ToList();
        await storage.Resilience.ExecuteAsync(async t => await storage.Work.GetBlobClient(ManifestName(issue, version))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(manifest)), overwrite: true, t), ct);
        var transactions = await TableBatches.SubmitAsync(Table, storage.Resilience, entities.Select(TableBatches.Upsert), ct);
        return (entities.Count, transactions);
    }

    /// <summary>Versions of the issue that have index entities (a manifest).</summary>
    public async Task<List<string>> VersionsAsync(IssueKey issue, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = $"manifests/{issue.BlobPath}/";
        return [.. (await storage.ListBlobNamesAsync(prefix, ct)).Select(name => name[prefix.Length..^".json".Length])];
    }

    /// <summary>Deletes a version's index entities, then its manifest. Returns entities deleted.</summary>
    public async Task<int> DeleteVersionAsync(IssueKey issue, string version, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var blob = storage.Work.GetBlobClient(ManifestName(issue, version));
        List<string[]> keys;
        try
        {
            var content = await storage.Resilience.ExecuteAsync(async t => (await blob.DownloadContentAsync(t)).Value.Content, ct);
            keys = content.ToObjectFromJson<List<string[]>>() ?? [];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
        await TableBatches.SubmitAsync(Table, storage.Resilience, keys.Select(k => TableBatches.Delete(k[0], k[1])), ct);
        await storage.Resilience.ExecuteAsync(async t => await blob.DeleteIfExistsAsync(cancellationToken: t), ct);
        return keys.Count;
    }

    /// <summary>
    /// One value's postings in key order (newest first), from the key after <paramref name="afterDocKey"/>;
    /// date range and paper/kind are applied by the service (key range and property filter), never by string building.
    /// </summary>
    public async IAsyncEnumerable<Posting> ScanAsync(string facet, string value, string? fromDate, string? toDate, string? paperKey, string? kind,
        string? afterDocKey, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = ValuePrefix(facet, value);
        var lower = prefix + (toDate is null ? "" : InvertedDate(toDate));
        var upper = fromDate is null ? KeyCodec.PrefixEnd(prefix) : prefix + InvertedDate(fromDate) + "}";
        var pk = Bucket(facet, value);
        var filter = afterDocKey is not null && string.CompareOrdinal(prefix + afterDocKey, lower) >= 0
            ? TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey gt {prefix + afterDocKey} and RowKey lt {upper}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {lower} and RowKey lt {upper}");
        if (paperKey is not null) filter += " and " + TableClient.CreateQueryFilter($"Paper eq {paperKey}");
        if (kind is not null) filter += " and " + TableClient.CreateQueryFilter($"Kind eq {kind}");
        string[] select = ["RowKey", "W", "Id", "Version", "Kind"];

        string? token = null;
        do
        {
            var (items, next) = await storage.Resilience.ExecuteAsync(async t =>
            {
                await foreach (var page in Table.QueryAsync<TableEntity>(filter, 1000, select, t).AsPages(token, 1000))
                    return (page.Values.ToList(), page.ContinuationToken);
                return (new List<TableEntity>(), (string?)null);
            }, ct);
            foreach (var e in items)
            {
                if (!ArticleId.TryParse(e.GetString("Id"), out var id)) continue;
                yield return new Posting(e.RowKey[prefix.Length..], id, e.GetString("Version") ?? "", e.GetString("Kind") ?? "", e.GetDouble("W") ?? 0);
            }
            token = next;
        } while (token is not null);
    }

    private static string ManifestName(IssueKey issue, string version) => $"manifests/{issue.BlobPath}/{version}.json";
}
