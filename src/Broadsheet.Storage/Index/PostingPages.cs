using System.Collections.Concurrent;
using Azure.Data.Tables;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>One index entity of a page: an issue's postings for one value (or a chunk of them).</summary>
internal sealed record PageEntity(string RowKey, string Paper, string Date, string Version, List<PackedPosting> Postings);

/// <summary>A page of index entities as the table service returned it, with the generation it was read under.</summary>
internal sealed record PostingPage(List<PageEntity> Entities, string? Next, long Generation, int Postings);

/// <summary>
/// Pages of the postings table, kept until the index changes (<see cref="IndexGeneration"/>). Searches repeat (the same
/// names, places and dates, many times a second under load) and every page read is a storage request. One read per
/// page however many searches want it at once; a failed read is not kept.
/// </summary>
internal sealed class PostingPages(BroadsheetStorage storage, Func<CancellationToken, ValueTask<long>> generation)
{
    /// <summary>Most postings held in cached pages (≈ 90 bytes each, ≈ 50 MB); past it the pages are dropped and read again.</summary>
    public const int MaxCachedPostings = 600_000;

    private readonly ConcurrentDictionary<string, Task<PostingPage>> _pages = new(StringComparer.Ordinal);
    private int _cachedPostings;

    /// <summary>Memory, not staleness: the pages go, what they said is still true.</summary>
    public void Drop()
    {
        _pages.Clear();
        Interlocked.Exchange(ref _cachedPostings, 0);
    }

    /// <summary>
    /// A page of entities matching <paramref name="filter"/>. With <paramref name="term"/> the entities are keyword
    /// groups and only that term's postings are kept (an entity without it is left out); the page is kept per term.
    /// </summary>
    public async Task<PostingPage> ReadAsync(string filter, int size, string? token, string[] select, CancellationToken ct, string? term = null)
    {
        var current = await generation(ct);
        var key = $"{filter}\n{size}\n{token}\n{term}";
        if (_pages.TryGetValue(key, out var cached))
        {
            if (!cached.IsCompleted || cached.IsCompletedSuccessfully && cached.Result.Generation == current)
            {
                try { return await cached.WaitAsync(ct); }
                catch (Exception) when (!ct.IsCancellationRequested) { /* read it ourselves below */ }
            }
            _pages.TryRemove(new KeyValuePair<string, Task<PostingPage>>(key, cached));
        }
        var read = FetchAsync(filter, size, token, select, current, term);
        if (!_pages.TryAdd(key, read) && _pages.TryGetValue(key, out var other)) read = other;
        var page = await read.WaitAsync(ct);
        if (page.Generation == current && Interlocked.Add(ref _cachedPostings, page.Postings) > MaxCachedPostings) Drop();
        return page;
    }

    private async Task<PostingPage> FetchAsync(string filter, int size, string? token, string[] select, long current, string? term)
    {
        await Task.Yield();
        var (items, next) = await storage.Resilience.ExecuteAsync(async t =>
        {
            await foreach (var page in storage.Postings.QueryAsync<TableEntity>(filter, size, select, t).AsPages(token, size))
                return (page.Values.ToList(), page.ContinuationToken);
            return (new List<TableEntity>(), (string?)null);
        }, CancellationToken.None);
        var entities = new List<PageEntity>(items.Count);
        var postings = 0;
        foreach (var e in items)
        {
            var date = e.GetString("Date") ?? "";
            if (e.GetString("D") is not { } packed || !IssueKey.IsDate(date)) continue;
            var list = term is null ? PackedPosting.Unpack(packed) : PackedPosting.UnpackTerm(packed, term);
            if (list.Count == 0) continue;
            postings += list.Count;
            entities.Add(new PageEntity(e.RowKey, e.GetString("Paper") ?? "", date, e.GetString("Version") ?? "", list));
        }
        return new PostingPage(entities, next, current, postings);
    }
}
