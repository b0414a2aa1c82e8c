using System.Collections.Concurrent;
using Broadsheet.Core.Text;

namespace Broadsheet.Search;

/// <summary>
/// Answers article searches from the postings (<see cref="QueryPlan"/>): the lists are merged in key order and an
/// article is a hit when every list has it in the issue's current version. Without `q`, hits come newest first and
/// pages resume after the last key; with `q`, hits are ranked by the summed weights of the query's terms, so the
/// matches are collected (up to <see cref="MaxRanked"/>) and pages resume at an offset. See docs/storage.md for what
/// each query costs.
/// </summary>
public sealed class QueryEngine(IPostingIndex index, IIssueVersions versions, IArticleDocuments articles, ISearchTokenizer tokenizer, ContinuationTokens tokens)
{
    /// <summary>Most matches ranked for one `q` query; beyond it the weakest are not reachable.</summary>
    public const int MaxRanked = 5000;

    /// <summary>Ranked `q` results kept (until the index changes), each up to <see cref="MaxRanked"/> matches.</summary>
    public const int MaxRankings = 256;

    private readonly ConcurrentDictionary<string, (long Generation, List<(Posting Posting, double Score)> Ordered)> _rankings = new(StringComparer.Ordinal);

    public async Task<ArticlePage> SearchAsync(ArticleQuery query, CancellationToken ct = default)
    {
        var fingerprint = query.Fingerprint();
        var position = query.ContinuationToken is null ? null : tokens.Read(query.ContinuationToken, fingerprint);
        var plan = QueryPlan.For(query, tokenizer);

        var current = new Dictionary<IssueKey, string?>();
        async Task<bool> IsCurrentAsync(Posting p)
        {
            if (!current.TryGetValue(p.Id.Issue, out var version))
                current[p.Id.Issue] = version = await versions.CurrentVersionAsync(p.Id.Issue, ct);
            return version == p.Version;
        }

        List<(Posting Posting, double Score)> page;
        string? next = null;
        if (!plan.Ranked)
        {
            page = [];
            await foreach (var hit in IntersectAsync(plan.Scans(query, position), ct))
            {
                if (!await IsCurrentAsync(hit[0])) continue;
                if (page.Count == query.Top)
                {
                    next = tokens.Create(fingerprint, page[^1].Posting.DocKey);
                    break;
                }
                page.Add((hit[0], 0));
            }
        }
        else
        {
            var offset = 0;
            if (position is not null && (!int.TryParse(position, out offset) || offset < 0))
                throw new QueryException("continuationToken is not valid for this query");
            // The ranking needs every match, so it is kept (until the index changes) for the next page and the next
            // client asking the same.
            var generation = await index.GenerationAsync(ct);
            List<(Posting Posting, double Score)> ordered;
            if (_rankings.TryGetValue(fingerprint, out var known) && known.Generation == generation) ordered = known.Ordered;
            else
            {
                var all = new List<(Posting Posting, double Score)>();
                await foreach (var hit in IntersectAsync(plan.Scans(query, null), ct))
                {
                    if (!await IsCurrentAsync(hit[0])) continue;
                    all.Add((hit[0], hit.Sum(p => p.Weight)));
                    if (all.Count >= MaxRanked) break;
                }
                ordered = all.OrderByDescending(h => h.Score).ThenBy(h => h.Posting.DocKey, StringComparer.Ordinal).ToList();
                if (_rankings.Count >= MaxRankings) _rankings.Clear();
                _rankings[fingerprint] = (generation, ordered);
            }
            page = ordered.Skip(offset).Take(query.Top).ToList();
            if (offset + query.Top < ordered.Count) next = tokens.Create(fingerprint, (offset + query.Top).ToString());
        }

        var json = await articles.GetJsonManyAsync(page.Select(h => (h.Posting.Id, h.Posting.Version)).ToList(), ct);
        return new ArticlePage(json.OfType<string>().ToList(), next);
    }

    /// <summary>Merge-join of sorted posting lists: yields the postings (one per list) of every docKey all lists share.</summary>
    private async IAsyncEnumerable<Posting[]> IntersectAsync(IEnumerable<PostingScan> scans,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var cursors = scans.Select(s => index.ScanAsync(s, ct).GetAsyncEnumerator(ct)).ToArray();
        try
        {
            foreach (var c in cursors)
                if (!await c.MoveNextAsync()) yield break;
            while (true)
            {
                var max = cursors.Select(c => c.Current.DocKey).Max(StringComparer.Ordinal)!;
                var aligned = true;
                foreach (var c in cursors)
                {
                    while (string.CompareOrdinal(c.Current.DocKey, max) < 0)
                        if (!await c.MoveNextAsync()) yield break;
                    if (c.Current.DocKey != max) aligned = false;
                }
                if (!aligned) continue;
                yield return cursors.Select(c => c.Current).ToArray();
                foreach (var c in cursors)
                    if (!await c.MoveNextAsync()) yield break;
            }
        }
        finally
        {
            foreach (var c in cursors) await c.DisposeAsync();
        }
    }
}
