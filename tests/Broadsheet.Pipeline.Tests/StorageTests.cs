using System.Text.Json;
using Broadsheet.Storage;
using Broadsheet.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Pipeline.Tests;

/// <summary>Storage pieces alone: key encoding, ids, tokens, and bodies bigger than a table property.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("a/b\\c#d?e|f%g", "a%2Fb%5Cc%23d%3Fe%7Cf%25g")]
    [InlineData("济宁日报", "济宁日报")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("~unresolved", "%7Eunresolved")]
    public void Keys_never_hold_forbidden_characters_or_our_separator(string value, string encoded) =>
        Assert.Equal(encoded, KeyCodec.Encode(value));

    [Theory]
    [InlineData("jining-daily_2022-08-08_p1-03", "jining-daily", "2022-08-08", "p1-03")]
    [InlineData("济宁日报_2022-08-08_p2-01", "济宁日报", "2022-08-08", "p2-01")]
    [InlineData("a_b_2022-08-08_p1-01", "a_b", "2022-08-08", "p1-01")]
    public void Article_ids_round_trip(string text, string paper, string date, string local)
    {
        Assert.True(ArticleId.TryParse(text, out var id));
        Assert.Equal(new ArticleId(paper, date, local), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("p1-01")]
    [InlineData("x_2022-02-30_p1-01")]
    [InlineData("x_2022-08-08_p1/01")]
    public void Malformed_article_ids_are_refused(string text) => Assert.False(ArticleId.TryParse(text, out _));

    [Fact]
    public void Tokens_resume_only_their_own_query_and_only_untouched()
    {
        var tokens = ContinuationTokens.FromSecret("k1");
        var token = tokens.Create("query-a", "position-1");
        Assert.Equal("position-1", tokens.Read(token, "query-a"));
        Assert.Throws<QueryException>(() => tokens.Read(token, "query-b"));
        Assert.Throws<QueryException>(() => ContinuationTokens.FromSecret("k2").Read(token, "query-a"));
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.') continue;
            var flipped = token[..i] + (token[i] == 'x' ? 'y' : 'x') + token[(i + 1)..];
            Assert.ThrowsAny<QueryException>(() => tokens.Read(flipped, "query-a"));
        }
    }

    [Fact]
    public async Task A_page_of_hits_comes_back_in_the_order_asked_and_is_read_once()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var store = h.Services.GetRequiredService<ArticleStore>();
        var issues = new[] { IssueKey.For("paper-a", "2022-08-08"), IssueKey.For("paper-a", "2022-08-09") };
        var wanted = new List<(ArticleId Id, string Version)>();
        foreach (var key in issues)
        {
            var rows = Enumerable.Range(1, 20).Select(n => new ArticleRow(ArticleId.For(key, $"p1-{n:00}"), "v1", n, 1, "article", "t", null,
                JsonSerializer.Serialize(new { id = ArticleId.For(key, $"p1-{n:00}").ToString() }))).ToList();
            await store.WriteVersionAsync(key, "v1", rows);
            wanted.AddRange(rows.Select(r => (r.Id, "v1")));
        }
        wanted.Add((ArticleId.For(issues[0], "p9-99"), "v1")); // not there
        var shuffled = wanted.OrderBy(w => w.Id.LocalId.GetHashCode()).ToList();

        h.Counter.Reset();
        var json = await store.GetJsonManyAsync(shuffled);
        Assert.Equal(shuffled.Count, h.Counter.Table); // one point read each
        for (var i = 0; i < shuffled.Count; i++)
        {
            if (shuffled[i].Id.LocalId == "p9-99") Assert.Null(json[i]);
            else Assert.Contains(shuffled[i].Id.ToString(), json[i]);
        }

        // Read once, then served from memory.
        h.Counter.Reset();
        Assert.Equal(json, await store.GetJsonManyAsync(shuffled));
        Assert.Equal(1, h.Counter.Table); // only the missing one is asked for again
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(500_000)]
    public async Task Article_bodies_of_any_size_round_trip(int length)
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var store = h.Services.GetRequiredService<ArticleStore>();
        var key = IssueKey.For("big-paper", "2022-08-08");
        var id = ArticleId.For(key, "p1-01");
        var json = JsonSerializer.Serialize(new { id = id.ToString(), paragraphs = new[] { new string('字', length) } });

        await store.WriteVersionAsync(key, "v1", [new ArticleRow(id, "v1", 0, 1, "article", "t", null, json)]);

        Assert.Equal(json, await store.GetJsonAsync(id, "v1"));
        Assert.Equal(json, Assert.Single(await store.ListVersionAsync(key, "v1")).Json);
        Assert.Equal(1, await store.DeleteVersionAsync(key, "v1"));
        Assert.Null(await store.GetJsonAsync(id, "v1"));
        var leftovers = new List<string>();
        await foreach (var b in h.Storage.Work.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "bodies/" })) leftovers.Add(b.Name);
        Assert.Empty(leftovers);
    }

    [Fact]
    public async Task Index_entities_of_an_issue_fall_into_few_partitions()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var index = h.Services.GetRequiredService<IndexStore>();
        var key = IssueKey.For("p", "2022-08-08");
        var postings = Enumerable.Range(0, 1000).Select(i => (ArticleId.For(key, "p1-01"), "article", new IndexTerm(Facets.Keyword, "term" + i, 1))).ToList();

        var (entities, transactions) = await index.WriteVersionAsync(key, "v1", postings);

        Assert.Equal(1000, entities);
        // 16 buckets: ~63 entities each, one transaction per bucket instead of one request per entity.
        Assert.InRange(transactions, 16, 26);
        Assert.Equal(1000, await index.DeleteVersionAsync(key, "v1"));
    }

    [Fact]
    public void Enrichment_keywords_weigh_more_than_passing_mentions()
    {
        var tokenizer = new LexiconSearchTokenizer(Broadsheet.Enrichment.Lexicon.NewsroomLexicon.Shared);
        var article = new Broadsheet.Core.Model.Article
        {
            Id = "p1-01",
            Title = "论坛在嘉祥举行",
            Paragraphs = ["碳材料产业发展高峰论坛举行。会上发布了碳材料产业规划，企业代表介绍了新产品。"],
            Enrichment = new Broadsheet.Core.Model.Enrichment { Keywords = [new Broadsheet.Core.Model.Keyword("碳材料", 0.9)] },
        };
        var terms = IndexTerms.For(article, "p", tokenizer).Where(t => t.Facet == Facets.Keyword).ToDictionary(t => t.Value, t => t.Weight);
        var plain = IndexTerms.KeywordWeights(article, tokenizer);

        var carbon = tokenizer.Tokenize("碳材料").Select(IndexTerms.Normalize).ToList();
        Assert.NotEmpty(carbon);
        Assert.All(carbon, t => Assert.Equal(plain[t] + 0.9, terms[t], 3));
        Assert.Equal(plain["企业"], terms["企业"]);
    }
}
