using Broadsheet.Search;

namespace Broadsheet.Storage.Tests;

/// <summary>
/// The index build groups an issue's postings by value with one sort per value: the entities it writes must be exactly
/// those of the sorted tree per value it replaced (values in first-seen order, postings in encoded local-id order,
/// the first of two postings under one key kept).
/// </summary>
public sealed class PostingGroupingTests
{
    [Fact]
    public void Grouping_matches_a_sorted_tree_per_value()
    {
        var random = new Random(5);
        var issue = IssueKey.For("p", "2022-08-08");
        // Ids whose encoded keys sort differently from the order the stories come in (p10 before p2, escapes, a
        // surrogate pair, a key longer than a key may hold), and two stories whose ids encode alike (the same id twice).
        var ids = new[] { "p2-01", "p10-01", "p1-02", "a|b", "100%", "𪚥", new string('长', 200), "p1-01", "p2-01" }
            .Select(local => ArticleId.For(issue, local)).ToList();
        var postings = new List<(ArticleId, string, IndexTerm)>();
        foreach (var id in ids.OrderBy(_ => random.Next()))
            foreach (var term in Enumerable.Range(0, 40).Select(_ => random.Next(30)).Distinct())
                postings.Add((id, random.Next(2) == 0 ? "article" : "brief",
                    new IndexTerm(term % 3 == 0 ? Facets.Person : Facets.Keyword, "值" + term, Math.Round(random.NextDouble(), 4))));

        var expected = new Dictionary<(string, string), SortedDictionary<string, PackedPosting>>();
        foreach (var (id, kind, term) in postings)
        {
            if (!expected.TryGetValue((term.Facet, term.Value), out var tree))
                expected[(term.Facet, term.Value)] = tree = new SortedDictionary<string, PackedPosting>(StringComparer.Ordinal);
            tree.TryAdd(KeyCodec.Encode(id.LocalId), new PackedPosting(id.LocalId, kind, term.Weight));
        }

        var grouped = IndexStore.ByValue(postings);

        Assert.Equal(expected.Keys, grouped.Keys);
        foreach (var (value, tree) in expected)
            Assert.Equal(tree.Values, grouped[value]);
        // The data exercises what matters: two postings under one key, and lists longer than one.
        Assert.Contains(postings.GroupBy(p => (p.Item3.Facet, p.Item3.Value, p.Item1.LocalId)), g => g.Count() > 1);
        Assert.Contains(grouped.Values, list => list.Count > 3);
    }
}
