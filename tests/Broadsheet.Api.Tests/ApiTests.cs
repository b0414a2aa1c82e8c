using EnrichmentModel = Broadsheet.Core.Model.Enrichment;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Core.Text;
using Broadsheet.Search;
using Broadsheet.Storage;
using Broadsheet.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Api.Tests;

/// <summary>The HTTP handlers through DefaultHttpContext, over an archive of three ingested issues.</summary>
[Collection(ArchiveFixture.Collection)]
public sealed class ApiTests(ArchiveFixture archive, Xunit.Abstractions.ITestOutputHelper output)
{
    private PipelineHarness H => archive.Harness;

    // ---- expectations, worked out from the parser's output and the tagging rules ----

    private HashSet<string> Expected(Func<string, string, Article, EnrichmentModel, bool> match) =>
        archive.Articles.Where(kv => match(kv.Value.Paper, kv.Value.Date, kv.Value.Article, kv.Value.Tags)).Select(kv => kv.Key).ToHashSet();

    private static string Text(Article a) => string.Concat(new[] { a.Kicker, a.Title, a.Subtitle }.Concat(a.Paragraphs));

    private async Task<List<JsonElement>> SearchAllAsync(string query, int top = 3)
    {
        var items = new List<JsonElement>();
        string? token = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var url = $"/api/articles?{query}{(query.Length > 0 ? "&" : "")}top={top}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await H.GetJsonAsync(url);
            var got = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(got.Count <= top, $"page of {got.Count} > top {top}");
            items.AddRange(got);
            token = page.GetProperty("continuationToken").GetString();
            if (token is null) return items;
            Assert.NotEmpty(got);
        }
        throw new InvalidOperationException("paging never ended");
    }

    private async Task<HashSet<string>> IdsAsync(string query)
    {
        var items = await SearchAllAsync(query, top: 100);
        var ids = items.Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids.ToHashSet();
    }

    private static string Q(string name, string value) => name + "=" + Uri.EscapeDataString(value);

    // ---- /api/articles filters ----

    [Fact]
    public async Task No_filter_lists_every_current_article_newest_first()
    {
        var items = await SearchAllAsync("", top: 100);
        Assert.Equal(archive.Articles.Keys.ToHashSet(), items.Select(i => i.GetProperty("id").GetString()!).ToHashSet());
        var dates = items.Select(i => i.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Theory]
    [InlineData("jining-daily")]
    [InlineData("other-paper")]
    public async Task Paper_filter(string paper) =>
        Assert.Equal(Expected((p, _, _, _) => p == paper), await IdsAsync(Q("paper", paper)));

    [Fact]
    public async Task Date_filter() =>
        Assert.Equal(Expected((_, d, _, _) => d == "2022-08-09"), await IdsAsync("date=2022-08-09"));

    [Theory]
    [InlineData("2022-08-09", null)]
    [InlineData(null, "2022-08-09")]
    [InlineData("2022-08-09", "2022-08-10")]
    [InlineData("2022-08-11", null)]
    public async Task From_and_to_filters(string? from, string? to)
    {
        var query = string.Join("&", new[] { from is null ? null : "from=" + from, to is null ? null : "to=" + to }.OfType<string>());
        var expected = Expected((_, d, _, _) => (from is null || string.CompareOrdinal(d, from) >= 0) && (to is null || string.CompareOrdinal(d, to) <= 0));
        Assert.Equal(expected, await IdsAsync(query));
    }

    [Theory]
    [InlineData("刘东利")]
    [InlineData("王东来")]
    [InlineData("技能人才")]
    [InlineData("碳材料")]
    public async Task Q_finds_articles_holding_every_segment_of_the_query(string q)
    {
        var tokenizer = H.Services.GetRequiredService<ISearchTokenizer>();
        var terms = tokenizer.Tokenize(q).Select(IndexTerms.Normalize).Distinct().ToList();
        var expected = Expected((_, _, a, _) =>
        {
            var words = tokenizer.Tokenize(Text(a)).Select(IndexTerms.Normalize).ToHashSet();
            return terms.All(words.Contains);
        });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await IdsAsync(Q("q", q)));
    }

    [Fact]
    public async Task Q_combines_with_other_filters() =>
        Assert.Equal(Expected((p, _, a, _) => p == "jining-daily" && Text(a).Contains("刘东利")),
            await IdsAsync(Q("q", "刘东利") + "&paper=jining-daily"));

    [Theory]
    [InlineData("person", "刘东利")]
    [InlineData("person", "王东来")]
    [InlineData("person", "徐庆刚")]
    [InlineData("place", "嘉祥")]
    [InlineData("place", "嘉祥县")]
    [InlineData("place", "曲阜")]
    [InlineData("org", "市人社局")]
    [InlineData("author", TaggingEnricher.Author)]
    public async Task Facet_filters(string facet, string value)
    {
        var expected = Expected((_, _, a, e) => facet switch
        {
            "person" => e.People.Any(p => !p.IsAuthor && p.Name == value),
            "place" => e.Places.Any(p => p.Name == value || p.Normalized == value),
            "org" => e.Organizations.Any(o => o.Name == value),
            "author" => a.Byline.Any(b => b.Name == value) || e.People.Any(p => p.IsAuthor && p.Name == value),
            _ => false,
        });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await IdsAsync(Q(facet, value)));
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        var expected = Expected((p, d, _, e) => p == "jining-daily" && d == "2022-08-08"
            && e.People.Any(x => x.Name == "刘东利") && e.Places.Any(x => x.Name == "嘉祥"));
        Assert.Equal(expected, await IdsAsync("paper=jining-daily&date=2022-08-08&" + Q("person", "刘东利") + "&" + Q("place", "嘉祥")));
    }

    [Fact]
    public async Task Column_filter_matches_the_parsers_columns()
    {
        var columns = archive.Articles.Values.Select(v => v.Article.Column).OfType<string>().Distinct().ToList();
        foreach (var column in columns)
            Assert.Equal(Expected((_, _, a, _) => a.Column == column), await IdsAsync(Q("column", column)));
        Assert.Empty(await IdsAsync(Q("column", "no such column")));
    }

    [Theory]
    [InlineData(ArticleKind.Article)]
    [InlineData(ArticleKind.Photo)]
    [InlineData(ArticleKind.Brief)]
    public async Task Kind_filter(string kind) =>
        Assert.Equal(Expected((_, _, a, _) => a.Kind == kind), await IdsAsync("kind=" + kind));

    [Fact]
    public async Task Kind_filter_combines_with_a_facet() =>
        Assert.Equal(Expected((_, _, a, e) => a.Kind == ArticleKind.Article && e.Places.Any(p => p.Name == "嘉祥")),
            await IdsAsync("kind=article&" + Q("place", "嘉祥")));

    // ---- values are data, never filter syntax ----

    [Theory]
    [InlineData("person", TaggingEnricher.QuotedName)]
    [InlineData("person", TaggingEnricher.ODataName)]
    public async Task Quotes_and_OData_operators_are_matched_literally(string facet, string value)
    {
        var expected = Expected((_, _, _, e) => e.People.Any(p => p.Name == value));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < archive.Articles.Count);
        Assert.Equal(expected, await IdsAsync(Q(facet, value)));
    }

    [Theory]
    [InlineData("paper", "jining-daily' or PartitionKey ne '")]
    [InlineData("paper", "' or 1 eq 1 or '")]
    [InlineData("place", "' or 1 eq 1 or '")]
    [InlineData("org", "x') or (RowKey ne '")]
    [InlineData("author", "' or 1 eq 1 or '")]
    [InlineData("column", "' or 1 eq 1 or '")]
    [InlineData("person", "刘东利' or Kind eq 'article")]
    [InlineData("q", "' or 1 eq 1 or '")]
    [InlineData("q", "刘东利' or '1' eq '1")]
    public async Task Hostile_values_never_widen_a_query(string name, string value) =>
        Assert.Empty(await IdsAsync(Q(name, value)));

    [Theory]
    [InlineData("/api/issues/jining-daily' or '1' eq '1/2022-08-08", "jining-daily' or '1' eq '1", "2022-08-08")]
    [InlineData("/api/issues/x/2022-08-08' or '1' eq '1", "x", "2022-08-08' or '1' eq '1")]
    public async Task Hostile_route_values_find_nothing(string path, string paper, string date)
    {
        var (status, _, body) = await H.SendAsync(path);
        Assert.True(status is 400 or 404, body);
        // The values reached the handler as data: the 404 names the paper it found no issue of, the 400 the date it refused.
        Assert.Contains(status == 404 ? paper : date, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }

    // ---- paging ----

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 4)]
    [InlineData("paper=jining-daily", 2)]
    [InlineData("q=%E5%88%98%E4%B8%9C%E5%88%A9", 1)]
    [InlineData("place=%E5%98%89%E7%A5%A5", 2)]
    public async Task Pages_follow_continuation_tokens_without_gaps_or_repeats(string query, int top)
    {
        var all = await IdsAsync(query);
        var paged = await SearchAllAsync(query, top);
        var ids = paged.Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(all, ids.ToHashSet());
    }

    [Fact]
    public async Task A_forged_or_foreign_continuation_token_is_refused()
    {
        var first = await H.GetJsonAsync("/api/articles?paper=jining-daily&top=1");
        var token = first.GetProperty("continuationToken").GetString()!;

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        await AssertBadRequestAsync("/api/articles?paper=jining-daily&top=1&continuationToken=" + Uri.EscapeDataString(tampered), "continuationToken");
        await AssertBadRequestAsync("/api/articles?paper=other-paper&top=1&continuationToken=" + Uri.EscapeDataString(token), "continuationToken");
        await AssertBadRequestAsync("/api/articles?continuationToken=garbage", "continuationToken");
        // A payload re-signed by nobody: the query's own fingerprint with a made-up position.
        var forged = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { F = "x", P = "0" })).TrimEnd('=') + ".AAAA";
        await AssertBadRequestAsync("/api/articles?paper=jining-daily&continuationToken=" + Uri.EscapeDataString(forged), "continuationToken");
    }

    // ---- bad parameters ----

    [Theory]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("top=ten", "top")]
    [InlineData("top=-1", "top")]
    [InlineData("date=2022-13-01", "date")]
    [InlineData("date=yesterday", "date")]
    [InlineData("from=2022-08-10&to=2022-08-01", "from")]
    [InlineData("date=2022-08-08&from=2022-08-01", "date")]
    [InlineData("kind=story", "kind")]
    [InlineData("persn=刘东利", "persn")]
    [InlineData("person=a&person=b", "person")]
    [InlineData("q=%E3%80%82%EF%BC%8C", "q")]
    public async Task Bad_parameters_get_400_with_a_clear_message(string query, string mentions) =>
        await AssertBadRequestAsync("/api/articles?" + query, mentions);

    [Fact]
    public async Task Functions_key_parameter_is_accepted() =>
        Assert.Equal(await IdsAsync("paper=other-paper"), (await H.GetJsonAsync("/api/articles?paper=other-paper&top=100&code=abc"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToHashSet());

    private async Task AssertBadRequestAsync(string url, string mentions)
    {
        var q = url.IndexOf('?');
        var error = await H.GetJsonAsync(url, 400);
        var message = error.GetProperty("error").GetString()!;
        Assert.Contains(mentions, message);
        Assert.DoesNotContain('\n', message);
        Assert.True(q > 0);
    }

    // ---- what queries cost ----

    [Theory]
    [InlineData("person=%E5%88%98%E4%B8%9C%E5%88%A9", 1)]
    [InlineData("place=%E5%98%89%E7%A5%A5&kind=article", 1)]
    [InlineData("q=%E5%88%98%E4%B8%9C%E5%88%A9", 2)]
    [InlineData("paper=jining-daily&date=2022-08-08", 1)]
    [InlineData("", 1)]
    public async Task A_query_reads_one_range_per_term_plus_point_reads(string query, int lists)
    {
        var counter = H.Counter;
        // As just after a publish: nothing the searches cached is trusted.
        await H.Services.GetRequiredService<IndexStore>().AnnounceChangeAsync();
        counter.Reset();
        var page = await H.GetJsonAsync("/api/articles?top=20&" + query);
        var items = page.GetProperty("items").GetArrayLength();
        output.WriteLine($"{query}: {items} items, {counter}");
        Assert.NotEqual(0, items);
        // One range query per posting list (each fits one page here); at most one point read per issue for its
        // current version (postings of stale versions included: at most all three issues) and one per article —
        // fewer when the query engine already holds them (article JSON by version). Blobs: at most a look at the
        // change marker.
        Assert.InRange(counter.Table, lists, lists + ArchiveFixture.Issues.Length + items);
        Assert.InRange(counter.Blob, 0, 1);

        // The same search again, the index unchanged: answered from what the first one read.
        counter.Reset();
        var again = await H.GetJsonAsync("/api/articles?top=20&" + query);
        Assert.Equal(page.GetProperty("items").ToString(), again.GetProperty("items").ToString());
        Assert.Equal(0, counter.Table);
        Assert.InRange(counter.Blob, 0, 1);
    }

    // ---- /api/articles/{id} ----

    [Fact]
    public async Task Every_article_is_served_whole_by_id()
    {
        foreach (var (id, (paper, date, article, _)) in archive.Articles)
        {
            var json = await H.GetJsonAsync("/api/articles/" + id);
            Assert.Equal(id, json.GetProperty("id").GetString());
            Assert.Equal(paper, json.GetProperty("paper").GetString());
            Assert.Equal(date, json.GetProperty("date").GetString());
            Assert.Equal(article.Paragraphs, json.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList());
        }
    }

    [Theory]
    [InlineData("jining-daily_2022-08-08_p99-99", 404)]
    [InlineData("nopaper_2022-08-08_p1-01", 404)]
    [InlineData("jining-daily_2022-08-07_p1-01", 404)]
    [InlineData("not-an-id", 400)]
    [InlineData("jining-daily_2022-02-30_p1-01", 400)]
    [InlineData("' or 1 eq 1 or '", 400)]
    public async Task Unknown_or_malformed_article_ids(string id, int status)
    {
        var json = await H.GetJsonAsync("/api/articles/" + id, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
    }

    // ---- /api/issues ----

    [Fact]
    public async Task Issues_list_every_upload_with_status_and_counts()
    {
        var list = await H.GetJsonAsync("/api/issues");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ArchiveFixture.Issues.Select(i => (i.Paper, i.Date)).ToHashSet(),
            items.Select(i => (i.GetProperty("paper").GetString()!, i.GetProperty("date").GetString()!)).ToHashSet());
        foreach (var item in items)
        {
            Assert.Equal("complete", item.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("error").ValueKind);
            var key = (item.GetProperty("paper").GetString()!, item.GetProperty("date").GetString()!);
            Assert.Equal(archive.Articles.Values.Count(a => (a.Paper, a.Date) == key), item.GetProperty("articles").GetInt32());
            Assert.EndsWith($"{key.Item1}/{key.Item2}.txt", item.GetProperty("blob").GetString());
        }
    }

    [Theory]
    [InlineData("paper=jining-daily", 2)]
    [InlineData("paper=other-paper", 1)]
    [InlineData("from=2022-08-09", 2)]
    [InlineData("to=2022-08-08", 1)]
    [InlineData("status=complete", 3)]
    [InlineData("status=failed", 0)]
    [InlineData("paper=' or 1 eq 1 or '", 0)]
    public async Task Issues_filters(string query, int count)
    {
        var list = await H.GetJsonAsync("/api/issues?" + query.Replace("' or 1 eq 1 or '", Uri.EscapeDataString("' or 1 eq 1 or '")));
        Assert.Equal(count, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Issues_page_with_continuation_tokens()
    {
        var seen = new List<string>();
        string? token = null;
        do
        {
            var url = "/api/issues?top=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await H.GetJsonAsync(url);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("paper").GetString() + "/" + i.GetProperty("date").GetString()));
            token = page.GetProperty("continuationToken").GetString();
        } while (token is not null && seen.Count < 10);
        Assert.Equal(3, seen.Count);
        Assert.Equal(3, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("top=0", "top")]
    [InlineData("status=done", "status")]
    [InlineData("from=08/08/2022", "from")]
    [InlineData("continuationToken=abc.def", "continuationToken")]
    public async Task Issues_bad_parameters_get_400(string query, string mentions) =>
        await AssertBadRequestAsync("/api/issues?" + query, mentions);

    [Fact]
    public async Task One_issue_with_its_article_list()
    {
        var issue = await H.GetJsonAsync("/api/issues/jining-daily/2022-08-10");
        Assert.Equal("complete", issue.GetProperty("status").GetString());
        var expected = archive.Articles.Where(a => a.Value.Date == "2022-08-10").Select(a => a.Key).ToList();
        Assert.Equal(expected, issue.GetProperty("articleList").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList());
    }

    [Theory]
    [InlineData("jining-daily", "2022-08-11", 404)]
    [InlineData("jining-daily", "2022-8-8", 400)]
    [InlineData("jining-daily", "20220808", 400)]
    public async Task Unknown_or_malformed_issue(string paper, string date, int status) =>
        await H.GetJsonAsync($"/api/issues/{paper}/{date}", status);

    // ---- versions ----

    [Fact]
    public async Task A_version_that_is_written_but_not_flipped_is_invisible()
    {
        var index = H.Services.GetRequiredService<IndexStore>();
        var store = H.Services.GetRequiredService<ArticleStore>();
        var key = IssueKey.For("jining-daily", "2022-08-08");
        var id = ArticleId.For(key, "p9-99");
        const string version = "vhalfwritten0000";
        await store.WriteVersionAsync(key, version, [new ArticleRow(id, version, 0, 9, "article", "幽灵", null, "{\"id\":\"x\"}")]);
        await index.WriteVersionAsync(key, version, [(id, "article", new IndexTerm(Facets.Keyword, "幽灵", 1)), (id, "article", new IndexTerm(Facets.All, "*", 1))]);
        try
        {
            Assert.Empty(await IdsAsync(Q("q", "幽灵")));
            Assert.DoesNotContain(id.ToString(), await IdsAsync(""));
            await H.GetJsonAsync("/api/articles/" + id, 404);
        }
        finally
        {
            await store.DeleteVersionAsync(key, version);
            await index.DeleteVersionAsync(key, version);
        }
    }
}
