using System.Runtime.CompilerServices;
using Broadsheet.Core.Text;

namespace Broadsheet.Search.Tests;

/// <summary>The query engine over an index held in memory: planning, the merge-join, current versions, ranking and paging.</summary>
public sealed class QueryEngineTests
{
    private readonly MemoryIndex _index = new();
    private readonly QueryEngine _engine;

    public QueryEngineTests() => _engine = new QueryEngine(_index, _index, _index, new SpaceTokenizer(), ContinuationTokens.FromSecret("test"));

    private sealed class SpaceTokenizer : ISearchTokenizer
    {
        public IEnumerable<string> Tokenize(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<List<string>> IdsAsync(ArticleQuery query) => (await _engine.SearchAsync(query)).Items.ToList();

    private async Task<List<string>> AllPagesAsync(ArticleQuery query)
    {
        var all = new List<string>();
        for (string? token = null; ;)
        {
            var page = await _engine.SearchAsync(query with { ContinuationToken = token });
            Assert.True(page.Items.Count <= query.Top);
            all.AddRange(page.Items);
            if ((token = page.ContinuationToken) is null) return all;
        }
    }

    [Fact]
    public async Task Filters_combine_with_and_newest_issue_first()
    {
        _index.Add("p", "2022-08-08", "a1", (Facets.Person, "刘东利"), (Facets.Place, "嘉祥"));
        _index.Add("p", "2022-08-09", "a1", (Facets.Person, "刘东利"), (Facets.Place, "嘉祥"));
        _index.Add("p", "2022-08-09", "a2", (Facets.Person, "刘东利"));
        _index.Add("p", "2022-08-10", "a1", (Facets.Place, "嘉祥"));

        Assert.Equal(["p_2022-08-09_a1", "p_2022-08-08_a1"], await IdsAsync(new ArticleQuery { Person = "刘东利", Place = "嘉祥" }));
        Assert.Equal(["p_2022-08-10_a1", "p_2022-08-09_a1", "p_2022-08-09_a2", "p_2022-08-08_a1"], await IdsAsync(new ArticleQuery()));
        Assert.Equal(["p_2022-08-09_a1", "p_2022-08-09_a2"], await IdsAsync(new ArticleQuery { From = "2022-08-09", To = "2022-08-09" }));
    }

    [Fact]
    public async Task Postings_of_a_version_readers_do_not_see_are_no_hits()
    {
        _index.Add("p", "2022-08-08", "a1", (Facets.Person, "刘东利"));
        _index.Add("p", "2022-08-08", "a2", version: "v-old", (Facets.Person, "刘东利"));

        Assert.Equal(["p_2022-08-08_a1"], await IdsAsync(new ArticleQuery { Person = "刘东利" }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Pages_follow_tokens_without_gaps_or_repeats(int top)
    {
        for (var d = 1; d <= 9; d++) _index.Add("p", $"2022-08-0{d}", "a1", (Facets.Place, "嘉祥"));
        var whole = await IdsAsync(new ArticleQuery { Place = "嘉祥", Top = 100 });

        Assert.Equal(9, whole.Count);
        Assert.Equal(whole, await AllPagesAsync(new ArticleQuery { Place = "嘉祥", Top = top }));
    }

    [Fact]
    public async Task A_token_resumes_only_the_query_it_came_from()
    {
        for (var d = 1; d <= 3; d++) _index.Add("p", $"2022-08-0{d}", "a1", (Facets.Place, "嘉祥"), (Facets.Person, "刘东利"));
        var first = await _engine.SearchAsync(new ArticleQuery { Place = "嘉祥", Top = 1 });

        await Assert.ThrowsAsync<QueryException>(() => _engine.SearchAsync(new ArticleQuery { Person = "刘东利", Top = 1, ContinuationToken = first.ContinuationToken }));
        // Page size may change between pages: it is not part of the query's identity.
        Assert.Equal(2, (await _engine.SearchAsync(new ArticleQuery { Place = "嘉祥", Top = 5, ContinuationToken = first.ContinuationToken })).Items.Count);
    }

    [Fact]
    public async Task Q_ranks_by_the_summed_weights_of_its_terms_and_pages_by_offset()
    {
        _index.Add("p", "2022-08-08", "low", (Facets.Keyword, "碳材料", 0.2), (Facets.Keyword, "产业", 0.2));
        _index.Add("p", "2022-08-09", "high", (Facets.Keyword, "碳材料", 1.0), (Facets.Keyword, "产业", 0.5));
        _index.Add("p", "2022-08-10", "mid", (Facets.Keyword, "碳材料", 0.6), (Facets.Keyword, "产业", 0.3));
        _index.Add("p", "2022-08-11", "one-term", (Facets.Keyword, "碳材料", 1.0));

        var query = new ArticleQuery { Q = "碳材料 产业", Top = 2 };
        Assert.Equal(["p_2022-08-09_high", "p_2022-08-10_mid", "p_2022-08-08_low"], await AllPagesAsync(query));
    }

    [Fact]
    public async Task A_ranking_is_kept_until_the_index_changes()
    {
        _index.Add("p", "2022-08-08", "a1", (Facets.Keyword, "碳材料", 1.0));
        var query = new ArticleQuery { Q = "碳材料" };
        await IdsAsync(query);
        var scans = _index.Scans;

        await IdsAsync(query);
        Assert.Equal(scans, _index.Scans);

        _index.Add("p", "2022-08-09", "a1", (Facets.Keyword, "碳材料", 1.0));
        _index.Generation++;
        Assert.Equal(["p_2022-08-08_a1", "p_2022-08-09_a1"], (await IdsAsync(query)).Order());
        Assert.True(_index.Scans > scans);
    }

    [Theory]
    [InlineData(" ")]
    public async Task A_q_without_words_is_refused(string q) =>
        await Assert.ThrowsAsync<QueryException>(() => _engine.SearchAsync(new ArticleQuery { Q = q }));

    [Fact]
    public async Task Hits_whose_document_is_gone_are_left_out()
    {
        _index.Add("p", "2022-08-08", "a1", (Facets.Place, "嘉祥"));
        _index.Add("p", "2022-08-09", "gone", (Facets.Place, "嘉祥"));
        _index.Missing.Add("p_2022-08-09_gone");

        Assert.Equal(["p_2022-08-08_a1"], await IdsAsync(new ArticleQuery { Place = "嘉祥" }));
    }

    /// <summary>The three storage interfaces over lists: every posting with its docKey, current version "v1", documents are their ids.</summary>
    private sealed class MemoryIndex : IPostingIndex, IIssueVersions, IArticleDocuments
    {
        private readonly List<(string Facet, string Value, Posting Posting)> _postings = [];
        public HashSet<string> Missing { get; } = [];
        public long Generation { get; set; }
        public int Scans { get; private set; }

        public void Add(string paper, string date, string localId, params (string Facet, string Value)[] terms) =>
            Add(paper, date, localId, "v1", terms);

        public void Add(string paper, string date, string localId, string version, params (string Facet, string Value)[] terms) =>
            Add(paper, date, localId, version, terms.Select(t => (t.Facet, t.Value, 1.0)).ToArray());

        public void Add(string paper, string date, string localId, params (string Facet, string Value, double Weight)[] terms) =>
            Add(paper, date, localId, "v1", terms);

        private void Add(string paper, string date, string localId, string version, (string Facet, string Value, double Weight)[] terms)
        {
            var inverted = (99999999 - int.Parse(date.Replace("-", ""))).ToString("00000000");
            var id = new ArticleId(paper, date, localId);
            var posting = new Posting($"{inverted}|{paper}|{localId}|{version}", id, version, "article", 0);
            foreach (var (facet, value, weight) in terms.Append((Facets.All, "*", 1.0)).Append((Facets.Paper, paper, 1.0)))
                _postings.Add((facet, value, posting with { Weight = weight }));
        }

        public async IAsyncEnumerable<Posting> ScanAsync(PostingScan scan, [EnumeratorCancellation] CancellationToken ct = default)
        {
            Scans++;
            await Task.Yield();
            var hits = _postings
                .Where(p => p.Facet == scan.Facet && p.Value == scan.Value)
                .Select(p => p.Posting)
                .Where(p => (scan.From is null || string.CompareOrdinal(p.Id.Date, scan.From) >= 0)
                            && (scan.To is null || string.CompareOrdinal(p.Id.Date, scan.To) <= 0)
                            && (scan.PaperKey is null || p.Id.PaperKey == scan.PaperKey)
                            && (scan.Kind is null || p.Kind == scan.Kind)
                            && (scan.AfterDocKey is null || string.CompareOrdinal(p.DocKey, scan.AfterDocKey) > 0))
                .OrderBy(p => p.DocKey, StringComparer.Ordinal);
            foreach (var p in hits) yield return p;
        }

        public ValueTask<long> GenerationAsync(CancellationToken ct = default) => ValueTask.FromResult(Generation);

        public Task<string?> CurrentVersionAsync(IssueKey issue, CancellationToken ct = default) => Task.FromResult<string?>("v1");

        public Task<string?[]> GetJsonManyAsync(IReadOnlyList<(ArticleId Id, string Version)> wanted, CancellationToken ct = default) =>
            Task.FromResult(wanted.Select(w => Missing.Contains(w.Id.ToString()) ? null : w.Id.ToString()).ToArray());
    }
}
