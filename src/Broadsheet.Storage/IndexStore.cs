using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Broadsheet.Storage;

/// <summary>One index entity as the query engine sees it.</summary>
public sealed record Posting(string DocKey, ArticleId Id, string Version, string Kind, double Weight);

/// <summary>
/// Index entities in the postings table, one per (facet, value, issue version): the entity packs that value's
/// postings for every story of the issue (local id, kind, weight), so an issue goes out as a few thousand entities
/// rather than one per (term, story) — ~16× fewer with bigram search terms, the dominant cost of publishing.
/// PartitionKey: "b00".."bNN", a stable hash of (facet, value) — an issue's entities fall into at most IndexBuckets
/// partitions and go out as few transactions, while one value's postings stay in one partition.
/// RowKey: "{facet}|{value}|{99999999−yyyyMMdd}|{paper}|{chunk}|{version}": a value's postings are one key range,
/// newest issue first. Postings come out of <see cref="ScanAsync"/> with docKey = "{inverted date}|{paper}|{local id}|{version}",
/// in key order, so posting lists intersect by merging.
/// The keys of each version's entities are kept in a manifest blob (written before the entities), so the
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

    /// <summary>Packed postings per entity are cut at about this many characters (a string property holds 32 K).</summary>
    private const int MaxPackedChars = 24_000;

    /// <summary>Writes the manifest, then the index entities (upserts). Returns (entities, transactions).</summary>
    public async Task<(int Entities, int Transactions)> WriteVersionAsync(IssueKey issue, string version,
        IEnumerable<(ArticleId Id, string Kind, IndexTerm Term)> postings, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        // Per value: the issue's postings, in local-id key order (the order a scan yields them).
        var byValue = new Dictionary<(string Facet, string Value), SortedDictionary<string, PackedPosting>>();
        foreach (var (id, kind, term) in postings)
        {
            if (!byValue.TryGetValue((term.Facet, term.Value), out var list))
                byValue[(term.Facet, term.Value)] = list = new SortedDictionary<string, PackedPosting>(StringComparer.Ordinal);
            list.TryAdd(KeyCodec.Encode(id.LocalId), new PackedPosting(id.LocalId, kind, term.Weight));
        }

        var issuePart = InvertedDate(issue.RowKey) + "|" + issue.PartitionKey + "|";
        var entities = new List<TableEntity>();
        foreach (var ((facet, value), list) in byValue)
        {
            var chunk = new List<PackedPosting>();
            var chars = 0;
            var chunkNo = 0;
            void Flush()
            {
                entities.Add(new TableEntity(Bucket(facet, value), $"{ValuePrefix(facet, value)}{issuePart}{chunkNo++:000}|{version}")
                {
                    ["D"] = JsonSerializer.Serialize(chunk, PackedJson),
                    ["Paper"] = issue.PartitionKey,
                    ["Date"] = issue.RowKey,
                    ["Version"] = version,
                });
                chunk = [];
                chars = 0;
            }
            foreach (var p in list.Values)
            {
                var size = p.LocalId.Length + p.Kind.Length + 24;
                if (chunk.Count > 0 && chars + size > MaxPackedChars) Flush();
                chunk.Add(p);
                chars += size;
            }
            Flush();
        }
        var manifest = entities.Select(e => new[] { e.PartitionKey, e.RowKey }).ToList();
        await storage.Resilience.ExecuteAsync(async t => await storage.Work.GetBlobClient(ManifestName(issue, version))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(manifest)), overwrite: true, t), ct);
        var transactions = await TableBatches.SubmitAsync(Table, storage.Resilience, entities.Select(TableBatches.Upsert), ct,
            parallelPartitions: Math.Max(4, storage.Options.IndexBuckets));
        return (entities.Count, transactions);
    }

    /// <summary>One story in a packed entity: [local id, kind, weight] in JSON.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(PackedPostingConverter))]
    internal sealed record PackedPosting(string LocalId, string Kind, double Weight);

    private static readonly JsonSerializerOptions PackedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class PackedPostingConverter : System.Text.Json.Serialization.JsonConverter<PackedPosting>
    {
        /// <summary>A handful of kinds, shared by hundreds of thousands of cached postings.</summary>
        private static string Intern(string kind) => string.IsInterned(kind) ?? kind;

        public override PackedPosting Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("posting is not an array");
            reader.Read();
            var localId = reader.GetString() ?? "";
            reader.Read();
            var kind = Intern(reader.GetString() ?? "");
            reader.Read();
            var weight = reader.GetDouble();
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("posting has more than three fields");
            return new PackedPosting(localId, kind, weight);
        }

        public override void Write(Utf8JsonWriter writer, PackedPosting value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(value.LocalId);
            writer.WriteStringValue(value.Kind);
            writer.WriteNumberValue(value.Weight);
            writer.WriteEndArray();
        }
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
    /// date range and paper are applied by the service (key range and property filter), never by string building;
    /// kind is applied here, per story. An issue's entities (its chunks, and any other version half-written or
    /// about to be deleted) are read whole and their postings sorted, so the order holds across versions.
    /// </summary>
    public async IAsyncEnumerable<Posting> ScanAsync(string facet, string value, string? fromDate, string? toDate, string? paperKey, string? kind,
        string? afterDocKey, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var prefix = ValuePrefix(facet, value);
        var lower = prefix + (toDate is null ? "" : InvertedDate(toDate));
        var upper = fromDate is null ? KeyCodec.PrefixEnd(prefix) : prefix + InvertedDate(fromDate) + "}";
        var pk = Bucket(facet, value);
        // Resume inside the issue of the last posting returned: its entity holds later stories too.
        var afterIssue = afterDocKey is null ? null : IssuePart(afterDocKey);
        var from = afterIssue is not null && string.CompareOrdinal(prefix + afterIssue, lower) >= 0 ? prefix + afterIssue : lower;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {upper}");
        if (paperKey is not null) filter += " and " + TableClient.CreateQueryFilter($"Paper eq {paperKey}");
        string[] select = ["RowKey", "D", "Paper", "Date", "Version"];

        var pending = new List<Posting>();
        string? pendingIssue = null;
        string? token = null;
        // A value whose whole list fits one page (a person, a place, the `all` list of a few hundred issues) is read
        // whole, once, and every date range and resume point is cut from that cached page: many different windows, one
        // read. Longer lists are paged by the query's own key range.
        var wholeFilter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {prefix} and RowKey lt {KeyCodec.PrefixEnd(prefix)}");
        if (paperKey is not null) wholeFilter += " and " + TableClient.CreateQueryFilter($"Paper eq {paperKey}");
        var whole = await ReadPageAsync(wholeFilter, WholeListEntities, null, select, ct);
        // Pages grow 8, 64, 512, 1000 entities: a listing that needs one page of hits reads one issue or a few, not a
        // thousand packed entities (each holds an issue's postings for the value).
        var pageSize = 8;
        do
        {
            var page = whole.Next is null
                ? whole with { Entities = whole.Entities.Where(e => string.CompareOrdinal(e.RowKey, from) >= 0 && string.CompareOrdinal(e.RowKey, upper) < 0).ToList() }
                : await ReadPageAsync(filter, pageSize, token, select, ct);
            pageSize = Math.Min(1000, pageSize * 8);
            foreach (var e in page.Entities)
            {
                var issuePart = IssuePart(e.RowKey[prefix.Length..]);
                if (issuePart != pendingIssue)
                {
                    foreach (var p in Sorted(pending, afterDocKey)) yield return p;
                    pending.Clear();
                    pendingIssue = issuePart;
                }
                foreach (var p in e.Postings)
                {
                    if (kind is not null && p.Kind != kind) continue;
                    pending.Add(new Posting(DocKey(e.Paper, e.Date, p.LocalId, e.Version), new ArticleId(e.Paper, e.Date, p.LocalId), e.Version, p.Kind, p.Weight));
                }
            }
            token = page.Next;
        } while (token is not null);
        foreach (var p in Sorted(pending, afterDocKey)) yield return p;
    }

    // ---- the search cache ----
    // Searches repeat (the same names, places and dates, many times a second under load) and every page read is a
    // storage request. Pages of postings are kept until the index changes: each publish that flips an issue rewrites
    // one small blob (AnnounceChangeAsync), and every instance looks at that blob's ETag at most every
    // GenerationCheck — so a search sees a new issue at once on the instance that published it and within
    // GenerationCheck elsewhere, and steady search load costs storage one request per GenerationCheck.

    /// <summary>Entities read to see whether a value's whole list fits one page (≈ 1 MB at most for the `all` list).</summary>
    private const int WholeListEntities = 256;

    /// <summary>How often the shared change marker is looked at.</summary>
    public static readonly TimeSpan GenerationCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>Most postings held in cached pages (≈ 90 bytes each, ≈ 50 MB); past it the pages are dropped and read again.</summary>
    private const int MaxCachedPostings = 600_000;

    private const string GenerationBlob = "index-generation";

    private sealed record PageEntity(string RowKey, string Paper, string Date, string Version, List<PackedPosting> Postings);
    private sealed record Page(List<PageEntity> Entities, string? Next, long Generation, int Postings);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<Page>> _pages = new(StringComparer.Ordinal);
    private int _cachedPostings;
    private long _generation;
    private string? _markerETag;
    private long _checkedAt = long.MinValue / 2; // "long ago", without overflowing the subtraction below
    private Task? _checking;
    private readonly Lock _checkLock = new();

    /// <summary>
    /// A number that changes whenever the index may have changed (here or, within <see cref="GenerationCheck"/>, on
    /// another instance). Whatever a search cached under one generation is stale under another.
    /// </summary>
    public async ValueTask<long> GenerationAsync(CancellationToken ct = default)
    {
        if (Environment.TickCount64 - Interlocked.Read(ref _checkedAt) < GenerationCheck.TotalMilliseconds) return Interlocked.Read(ref _generation);
        Task check;
        lock (_checkLock)
        {
            // One look at a time; Task.Run so the look never completes inside this lock.
            if (_checking is null || _checking.IsCompleted) _checking = Task.Run(CheckMarkerAsync, CancellationToken.None);
            check = _checking;
        }
        await check.WaitAsync(ct);
        return Interlocked.Read(ref _generation);
    }

    private async Task CheckMarkerAsync()
    {
        try
        {
            string? etag;
            try { etag = (await storage.Work.GetBlobClient(GenerationBlob).GetPropertiesAsync()).Value.ETag.ToString(); }
            catch (RequestFailedException e) when (e.Status == 404) { etag = null; }
            if (etag != _markerETag) { _markerETag = etag; Changed(); }
        }
        catch
        {
            Changed(); // storage trouble: trust nothing cached; the search itself will report the error
        }
        finally
        {
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
        }
    }

    private void Changed()
    {
        Interlocked.Increment(ref _generation);
        DropPages();
    }

    /// <summary>Memory, not staleness: the pages go, what they said is still true.</summary>
    private void DropPages()
    {
        _pages.Clear();
        Interlocked.Exchange(ref _cachedPostings, 0);
    }

    /// <summary>Tells every instance's searches that the index changed (call after an issue's version flips).</summary>
    public async Task AnnounceChangeAsync(CancellationToken ct = default)
    {
        Changed();
        await storage.EnsureCreatedAsync(ct);
        var written = await storage.Resilience.ExecuteAsync(async t => await storage.Work.GetBlobClient(GenerationBlob)
            .UploadAsync(BinaryData.FromString(Guid.NewGuid().ToString("N")), overwrite: true, t), ct);
        // Our own mark is no news to us on the next look (the caches were just cleared).
        _markerETag = written.Value.ETag.ToString();
        Changed();
    }

    private async Task<Page> ReadPageAsync(string filter, int size, string? token, string[] select, CancellationToken ct)
    {
        var generation = await GenerationAsync(ct);
        var key = $"{filter}\n{size}\n{token}";
        if (_pages.TryGetValue(key, out var cached))
        {
            // One read per page however many searches want it at once; a failed read is not kept.
            if (!cached.IsCompleted || cached.IsCompletedSuccessfully && cached.Result.Generation == generation)
            {
                try { return await cached.WaitAsync(ct); }
                catch (Exception) when (!ct.IsCancellationRequested) { /* read it ourselves below */ }
            }
            _pages.TryRemove(new KeyValuePair<string, Task<Page>>(key, cached));
        }
        var read = FetchPageAsync(filter, size, token, select, generation);
        if (!_pages.TryAdd(key, read) && _pages.TryGetValue(key, out var other)) read = other;
        var page = await read.WaitAsync(ct);
        if (page.Generation == generation && Interlocked.Add(ref _cachedPostings, page.Postings) > MaxCachedPostings) DropPages();
        return page;
    }

    private async Task<Page> FetchPageAsync(string filter, int size, string? token, string[] select, long generation)
    {
        await Task.Yield();
        var (items, next) = await storage.Resilience.ExecuteAsync(async t =>
        {
            await foreach (var page in Table.QueryAsync<TableEntity>(filter, size, select, t).AsPages(token, size))
                return (page.Values.ToList(), page.ContinuationToken);
            return (new List<TableEntity>(), (string?)null);
        }, CancellationToken.None);
        var entities = new List<PageEntity>(items.Count);
        var postings = 0;
        foreach (var e in items)
        {
            var date = e.GetString("Date") ?? "";
            if (e.GetString("D") is not { } packed || !IssueKey.IsDate(date)) continue;
            var list = JsonSerializer.Deserialize<List<PackedPosting>>(packed, PackedJson) ?? [];
            postings += list.Count;
            entities.Add(new PageEntity(e.RowKey, e.GetString("Paper") ?? "", date, e.GetString("Version") ?? "", list));
        }
        return new Page(entities, next, generation, postings);
    }

    private static IEnumerable<Posting> Sorted(List<Posting> postings, string? afterDocKey) =>
        postings.Where(p => afterDocKey is null || string.CompareOrdinal(p.DocKey, afterDocKey) > 0)
            .OrderBy(p => p.DocKey, StringComparer.Ordinal).ToList();

    /// <summary>"{inverted date}|{paper}|" of a docKey or of a row key's part after the value prefix.</summary>
    private static string IssuePart(string key)
    {
        var first = key.IndexOf('|');
        var second = first < 0 ? -1 : key.IndexOf('|', first + 1);
        return second < 0 ? key : key[..(second + 1)];
    }

    private static string ManifestName(IssueKey issue, string version) => $"manifests/{issue.BlobPath}/{version}.json";
}
