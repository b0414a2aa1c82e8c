using Broadsheet.Search;
using Broadsheet.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Storage.Tests;

/// <summary>
/// Search terms are packed into <see cref="PostingKeys.KeywordGroups"/> groups per issue version: an issue is a bounded
/// number of index entities however many distinct terms it has, and every scan still yields exactly the postings that
/// were written under its value (compared with a scan of the written postings in memory).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeywordPackingTests(AzuriteFixture azurite)
{
    private sealed record Written(IssueKey Issue, string Version, ArticleId Id, string Kind, IndexTerm Term);

    [Fact]
    public async Task An_issue_with_thousands_of_search_terms_is_a_bounded_number_of_entities()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var index = h.Services.GetRequiredService<IndexStore>();
        var key = IssueKey.For("p", "2022-08-08");
        // 150 stories × 60 terms out of 3,000 distinct ones, plus 10 people: ~9,000 postings.
        var postings = new List<(ArticleId, string, IndexTerm)>();
        for (var story = 0; story < 150; story++)
        {
            var id = ArticleId.For(key, $"p{story / 10 + 1}-{story % 10:00}");
            for (var t = 0; t < 60; t++) postings.Add((id, "article", new IndexTerm(Facets.Keyword, "词" + (story * 20 + t) % 3000, 0.5)));
            postings.Add((id, "article", new IndexTerm(Facets.Person, "人" + story % 10, 1)));
        }

        var (entities, transactions) = await index.WriteVersionAsync(key, "v1", postings);

        // One entity per term group (and per 24,000 characters of a group's postings), one per person: not 3,010.
        Assert.InRange(entities, 10 + 1, 10 + PostingKeys.KeywordGroups + 16);
        Assert.InRange(transactions, 1, 2 * 16);
        Assert.Equal(entities, await index.DeleteVersionAsync(key, "v1"));
        await foreach (var e in h.Storage.Postings.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"])) Assert.Fail("left behind: " + e.RowKey);
    }

    [Fact]
    public async Task Every_scan_yields_exactly_the_postings_written_under_its_value()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var index = h.Services.GetRequiredService<IndexStore>();
        var written = new List<Written>();
        var random = new Random(17);
        // Terms that share groups, awkward characters, one longer than a key may hold, and one in so many stories
        // that its postings alone fill more than one chunk.
        var vocabulary = Enumerable.Range(0, 400).Select(i => "词" + i)
            .Concat(["a|b", "x/y", "引号\"", "反斜\\杠", "100%", "𪚥字", new string('长', 300)]).ToList();
        var issues = new[]
        {
            (IssueKey.For("paper-a", "2022-08-08"), "v1"), (IssueKey.For("paper-a", "2022-08-08"), "v2"),
            (IssueKey.For("paper-a", "2022-08-09"), "v1"), (IssueKey.For("paper-b", "2022-08-09"), "v1"),
            (IssueKey.For("paper-b", "2022-08-11"), "v1"),
        };
        foreach (var (issue, version) in issues)
        {
            var stories = issue.RowKey == "2022-08-11" ? 1200 : 40;
            for (var s = 0; s < stories; s++)
            {
                var id = ArticleId.For(issue, $"p{s / 20 + 1}-{s % 20:00}");
                var kind = s % 7 == 0 ? "brief" : "article";
                void Add(string facet, string value, double weight) => written.Add(new(issue, version, id, kind, new IndexTerm(facet, value, weight)));
                Add(Facets.All, "*", 1);
                Add(Facets.Keyword, "常见", Math.Round(random.NextDouble(), 4));
                foreach (var term in vocabulary.OrderBy(_ => random.Next()).Take(stories > 100 ? 3 : 25))
                    Add(Facets.Keyword, term, Math.Round(random.NextDouble(), 4));
                Add(Facets.Person, "人" + s % 5, 1);
            }
        }
        foreach (var g in written.GroupBy(w => (w.Issue, w.Version)))
            await index.WriteVersionAsync(g.Key.Issue, g.Key.Version, g.Select(w => (w.Id, w.Kind, w.Term)).ToList());

        var values = written.Select(w => (w.Term.Facet, w.Term.Value)).Distinct().Append((Facets.Keyword, "没写过")).ToList();
        var windows = new (string? From, string? To, string? Paper, string? Kind)[]
        {
            (null, null, null, null), ("2022-08-09", null, null, null), (null, "2022-08-09", null, "brief"),
            ("2022-08-08", "2022-08-08", "paper-a", null), (null, null, "paper-b", "article"),
        };
        foreach (var (facet, value) in values)
            foreach (var (from, to, paper, kind) in windows)
            {
                var scan = new PostingScan(facet, value, from, to, paper is null ? null : IssueKey.PaperKey(paper), kind, null);
                var expected = Expected(written, scan);
                var got = await ScanAsync(index, scan);
                Assert.True(expected.SequenceEqual(got), $"{facet}={value} {from}..{to} {paper} {kind}: {got.Count} postings, {expected.Count} written");
                // Resumed half-way: the rest, in the same order.
                if (expected.Count > 1)
                {
                    var resumed = scan with { AfterDocKey = expected[expected.Count / 2].DocKey };
                    Assert.Equal(expected.Skip(expected.Count / 2 + 1).ToList(), await ScanAsync(index, resumed));
                }
            }
    }

    private static async Task<List<Posting>> ScanAsync(IndexStore index, PostingScan scan)
    {
        var list = new List<Posting>();
        await foreach (var p in index.ScanAsync(scan)) list.Add(p);
        return list;
    }

    /// <summary>What a scan of one value must yield: every posting written under it, filtered, in docKey order.</summary>
    private static List<Posting> Expected(List<Written> written, PostingScan scan) =>
        written.Where(w => w.Term.Facet == scan.Facet && IndexTerms.Normalize(w.Term.Value) == IndexTerms.Normalize(scan.Value))
            .Where(w => scan.From is null || string.CompareOrdinal(w.Issue.RowKey, scan.From) >= 0)
            .Where(w => scan.To is null || string.CompareOrdinal(w.Issue.RowKey, scan.To) <= 0)
            .Where(w => scan.PaperKey is null || w.Issue.PartitionKey == scan.PaperKey)
            .Where(w => scan.Kind is null || w.Kind == scan.Kind)
            .Select(w => new Posting(PostingKeys.DocKey(w.Issue.PartitionKey, w.Issue.RowKey, w.Id.LocalId, w.Version), w.Id, w.Version, w.Kind, w.Term.Weight))
            .Where(p => scan.AfterDocKey is null || string.CompareOrdinal(p.DocKey, scan.AfterDocKey) > 0)
            .OrderBy(p => p.DocKey, StringComparer.Ordinal)
            .ToList();
}
