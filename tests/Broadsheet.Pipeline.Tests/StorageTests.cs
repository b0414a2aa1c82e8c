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
}
