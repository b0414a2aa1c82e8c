using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>
/// The inverted index in the postings table: one entity per (facet, value, issue version) packing that value's
/// postings for every story of the issue (<see cref="PackedPosting"/>), keyed as <see cref="PostingKeys"/> lays out.
/// The keys of each version's entities are kept in a manifest blob (written before the entities), so the version can
/// be deleted exactly without scanning the index. Scans read through <see cref="PostingPages"/>, kept until
/// <see cref="IndexGeneration"/> says the index changed.
/// </summary>
public sealed class IndexStore : IPostingIndex
{
    private readonly BroadsheetStorage storage;
    private readonly IndexGeneration generation;
    private readonly PostingPages pages;

    public IndexStore(BroadsheetStorage storage)
    {
        this.storage = storage;
        PostingPages? cache = null;
        generation = new IndexGeneration(storage, () => cache?.Drop());
        pages = cache = new PostingPages(storage, generation.CurrentAsync);
    }

    /// <summary>Entities read to see whether a value's whole list fits one page (≈ 1 MB at most for the `all` list).</summary>
    public const int WholeListEntities = 256;

    public ValueTask<long> GenerationAsync(CancellationToken ct = default) => generation.CurrentAsync(ct);

    /// <inheritdoc cref="IndexGeneration.AnnounceChangeAsync"/>
    public Task AnnounceChangeAsync(CancellationToken ct = default) => generation.AnnounceChangeAsync(ct);

    private string Bucket(string facet, string value) => PostingKeys.Bucket(facet, value, storage.Options.IndexBuckets);

    /// <summary>Writes the manifest, then the index entities (upserts). Returns (entities, transactions).</summary>
    public async Task<(int Entities, int Transactions)> WriteVersionAsync(IssueKey issue, string version,
        IEnumerable<(ArticleId Id, string Kind, IndexTerm Term)> postings, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var byValue = ByValue(postings);

        var issuePart = PostingKeys.IssuePart(issue);
        var entities = new List<TableEntity>();
        void AddEntity(string facet, string value, int chunkNo, string packed) =>
            entities.Add(new TableEntity(Bucket(facet, value), $"{PostingKeys.ValuePrefix(facet, value)}{issuePart}{chunkNo:000}|{version}")
            {
                ["D"] = packed,
                ["Paper"] = issue.PartitionKey,
                ["Date"] = issue.RowKey,
                ["Version"] = version,
            });

        // Search terms: packed by term group (PostingKeys.KeywordGroups entities per issue, not one per term).
        var groups = new SortedDictionary<string, List<(string Term, List<PackedPosting> Postings)>>(StringComparer.Ordinal);
        foreach (var ((facet, value), list) in byValue.Where(v => v.Key.Facet == Facets.Keyword).OrderBy(v => v.Key.Value, StringComparer.Ordinal))
        {
            var group = PostingKeys.KeywordGroup(value);
            if (!groups.TryGetValue(group, out var terms)) groups[group] = terms = [];
            terms.Add((KeyCodec.Encode(value), list));
        }
        foreach (var (group, terms) in groups)
        {
            var chunk = new List<(string Term, List<PackedPosting> Postings)>();
            var chars = 0;
            var chunkNo = 0;
            foreach (var (term, termPostings) in terms)
            {
                // A term's postings may straddle chunks: a scan merges every chunk of an issue.
                List<PackedPosting>? open = null;
                foreach (var p in termPostings)
                {
                    var size = p.PackedSize + (open is null ? PackedPosting.TermSize(term) : 0);
                    if (chars > 0 && chars + size > PackedPosting.MaxPackedChars)
                    {
                        AddEntity(PostingKeys.KeywordGroupFacet, group, chunkNo++, PackedPosting.PackGroup(chunk));
                        chunk = [];
                        chars = 0;
                        open = null;
                        size = p.PackedSize + PackedPosting.TermSize(term);
                    }
                    if (open is null) chunk.Add((term, open = []));
                    open.Add(p);
                    chars += size;
                }
            }
            if (chunk.Count > 0) AddEntity(PostingKeys.KeywordGroupFacet, group, chunkNo, PackedPosting.PackGroup(chunk));
        }

        // Every other facet value: one entity per value (a few chunks when long), read whole by its own queries.
        foreach (var ((facet, value), list) in byValue.Where(v => v.Key.Facet != Facets.Keyword))
        {
            var chunk = new List<PackedPosting>();
            var chars = 0;
            var chunkNo = 0;
            foreach (var p in list)
            {
                if (chunk.Count > 0 && chars + p.PackedSize > PackedPosting.MaxPackedChars)
                {
                    AddEntity(facet, value, chunkNo++, PackedPosting.Pack(chunk));
                    chunk = [];
                    chars = 0;
                }
                chunk.Add(p);
                chars += p.PackedSize;
            }
            AddEntity(facet, value, chunkNo, PackedPosting.Pack(chunk));
        }
        var manifest = entities.Select(e => new[] { e.PartitionKey, e.RowKey }).ToList();
        await storage.Resilience.ExecuteAsync(async t => await storage.Work.GetBlobClient(PostingKeys.Manifest(issue, version))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(manifest)), overwrite: true, t), ct);
        var transactions = await TableBatches.SubmitAsync(storage.Postings, storage.Resilience, entities.Select(TableBatches.Upsert), ct,
            parallelPartitions: Math.Max(4, storage.Options.IndexBuckets));
        return (entities.Count, transactions);
    }

    /// <summary>
    /// Per value (in the order values first occur): the issue's postings in local-id key order, the order a scan yields
    /// them; of two postings under one key the first is kept. Postings come story by story, so a story's key is encoded
    /// once, and each value's list is sorted once at the end (a sorted tree per value was most of the index build's CPU).
    /// </summary>
    internal static Dictionary<(string Facet, string Value), List<PackedPosting>> ByValue(IEnumerable<(ArticleId Id, string Kind, IndexTerm Term)> postings)
    {
        var keyed = new Dictionary<(string Facet, string Value), List<(string Key, int Order, PackedPosting Posting)>>();
        string? lastId = null, lastKey = null;
        var order = 0;
        foreach (var (id, kind, term) in postings)
        {
            if (!ReferenceEquals(id.LocalId, lastId)) (lastId, lastKey) = (id.LocalId, KeyCodec.Encode(id.LocalId));
            if (!keyed.TryGetValue((term.Facet, term.Value), out var list))
                keyed[(term.Facet, term.Value)] = list = [];
            list.Add((lastKey!, order++, new PackedPosting(id.LocalId, kind, term.Weight)));
        }
        var byValue = new Dictionary<(string Facet, string Value), List<PackedPosting>>(keyed.Count);
        foreach (var (value, list) in keyed)
        {
            list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var c && c != 0 ? c : a.Order.CompareTo(b.Order));
            var sorted = new List<PackedPosting>(list.Count);
            for (var i = 0; i < list.Count; i++)
                if (i == 0 || !string.Equals(list[i].Key, list[i - 1].Key, StringComparison.Ordinal)) sorted.Add(list[i].Posting);
            byValue[value] = sorted;
        }
        return byValue;
    }

    /// <summary>Versions of the issue that have index entities (a manifest).</summary>
    public async Task<List<string>> VersionsAsync(IssueKey issue, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = PostingKeys.ManifestPrefix(issue);
        return [.. (await storage.ListBlobNamesAsync(prefix, ct)).Select(name => name[prefix.Length..^".json".Length])];
    }

    /// <summary>Deletes a version's index entities, then its manifest. Returns entities deleted.</summary>
    public async Task<int> DeleteVersionAsync(IssueKey issue, string version, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var blob = storage.Work.GetBlobClient(PostingKeys.Manifest(issue, version));
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
        await TableBatches.SubmitAsync(storage.Postings, storage.Resilience, keys.Select(k => TableBatches.Delete(k[0], k[1])), ct);
        await storage.Resilience.ExecuteAsync(async t => await blob.DeleteIfExistsAsync(cancellationToken: t), ct);
        return keys.Count;
    }

    /// <summary>
    /// One value's postings in key order (newest first), from the key after the scan's AfterDocKey; date range and
    /// paper are applied by the service (key range and property filter), never by string building; kind is applied
    /// here, per story. An issue's entities (its chunks, and any other version half-written or about to be deleted)
    /// are read whole and their postings sorted, so the order holds across versions.
    /// </summary>
    public async IAsyncEnumerable<Posting> ScanAsync(PostingScan scan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        // A search term is read from its group's entities, keeping only its own postings.
        var term = scan.Facet == Facets.Keyword ? KeyCodec.Encode(scan.Value) : null;
        var (facet, value) = term is null ? (scan.Facet, scan.Value) : (PostingKeys.KeywordGroupFacet, PostingKeys.KeywordGroup(scan.Value));
        var prefix = PostingKeys.ValuePrefix(facet, value);
        var lower = prefix + (scan.To is null ? "" : PostingKeys.InvertedDate(scan.To));
        var upper = scan.From is null ? KeyCodec.PrefixEnd(prefix) : prefix + PostingKeys.InvertedDate(scan.From) + "}";
        var pk = Bucket(facet, value);
        // Resume inside the issue of the last posting returned: its entity holds later stories too.
        var afterIssue = scan.AfterDocKey is null ? null : PostingKeys.IssuePart(scan.AfterDocKey);
        var from = afterIssue is not null && string.CompareOrdinal(prefix + afterIssue, lower) >= 0 ? prefix + afterIssue : lower;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {upper}");
        if (scan.PaperKey is not null) filter += " and " + TableClient.CreateQueryFilter($"Paper eq {scan.PaperKey}");
        string[] select = ["RowKey", "D", "Paper", "Date", "Version"];

        var pending = new List<Posting>();
        string? pendingIssue = null;
        string? token = null;
        // A value whose whole list fits one page (a person, a place, the `all` list of a few hundred issues) is read
        // whole, once, and every date range and resume point is cut from that cached page: many different windows, one
        // read. Longer lists are paged by the query's own key range.
        var wholeFilter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {prefix} and RowKey lt {KeyCodec.PrefixEnd(prefix)}");
        if (scan.PaperKey is not null) wholeFilter += " and " + TableClient.CreateQueryFilter($"Paper eq {scan.PaperKey}");
        var whole = await pages.ReadAsync(wholeFilter, WholeListEntities, null, select, ct, term);
        // Pages grow 8, 64, 512, 1000 entities: a listing that needs one page of hits reads one issue or a few, not a
        // thousand packed entities (each holds an issue's postings for the value).
        var pageSize = 8;
        do
        {
            var page = whole.Next is null
                ? whole with { Entities = whole.Entities.Where(e => string.CompareOrdinal(e.RowKey, from) >= 0 && string.CompareOrdinal(e.RowKey, upper) < 0).ToList() }
                : await pages.ReadAsync(filter, pageSize, token, select, ct, term);
            pageSize = Math.Min(1000, pageSize * 8);
            foreach (var e in page.Entities)
            {
                var issuePart = PostingKeys.IssuePart(e.RowKey[prefix.Length..]);
                if (issuePart != pendingIssue)
                {
                    foreach (var p in Sorted(pending, scan.AfterDocKey)) yield return p;
                    pending.Clear();
                    pendingIssue = issuePart;
                }
                foreach (var p in e.Postings)
                {
                    if (scan.Kind is not null && p.Kind != scan.Kind) continue;
                    pending.Add(new Posting(PostingKeys.DocKey(e.Paper, e.Date, p.LocalId, e.Version), new ArticleId(e.Paper, e.Date, p.LocalId), e.Version, p.Kind, p.Weight));
                }
            }
            token = page.Next;
        } while (token is not null);
        foreach (var p in Sorted(pending, scan.AfterDocKey)) yield return p;
    }

    private static IEnumerable<Posting> Sorted(List<Posting> postings, string? afterDocKey) =>
        postings.Where(p => afterDocKey is null || string.CompareOrdinal(p.DocKey, afterDocKey) > 0)
            .OrderBy(p => p.DocKey, StringComparer.Ordinal).ToList();
}
