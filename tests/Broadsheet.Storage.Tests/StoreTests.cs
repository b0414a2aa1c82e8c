using System.Text.Json;
using Broadsheet.Search;
using Broadsheet.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Storage.Tests;

/// <summary>The stores against Azurite: point reads and their cache, bodies bigger than a table property, index partitions, the change marker.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoreTests(AzuriteFixture azurite)
{
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
    public async Task An_issues_story_list_reads_each_storys_summary_not_the_whole_article()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var store = h.Services.GetRequiredService<ArticleStore>();
        var key = IssueKey.For("list-paper", "2022-08-08");
        string Article(int n, int bodyChars) => JsonSerializer.Serialize(new
        {
            id = ArticleId.For(key, $"p1-{n:00}").ToString(), paper = "list-paper", localId = $"p1-{n:00}", page = 1, pages = new[] { 1 },
            kind = "article", kicker = (string?)null, title = $"标题{n}", subtitle = "副题", column = (string?)null,
            byline = new[] { new { name = "段耀武", role = "reporter" } }, paragraphs = new[] { new string('字', bodyChars) },
        });
        // Story 2's body is too big for a row and lives in a blob.
        var rows = Enumerable.Range(0, 4).Select(n => new ArticleRow(ArticleId.For(key, $"p1-{n:00}"), "v1", n, 1, "article", $"标题{n}", null,
            Article(n, n == 2 ? 500_000 : 3_000))).ToList();
        await store.WriteVersionAsync(key, "v1", rows);

        h.Counter.Reset();
        var listed = await store.ListSummariesAsync(key, "v1", from: 1, count: 2);
        Assert.Equal(2, listed.Count);
        for (var i = 0; i < 2; i++)
        {
            var summary = JsonDocument.Parse(listed[i]).RootElement;
            Assert.Equal(ArticleStore.SummaryFields, summary.EnumerateObject().Select(p => p.Name));
            Assert.Equal($"标题{i + 1}", summary.GetProperty("title").GetString());
            Assert.Equal("段耀武", summary.GetProperty("byline")[0].GetProperty("name").GetString());
        }
        Assert.Equal(0, h.Counter.Blob); // story 2's body was not read

        // A row written before summaries were stored is listed from its whole article.
        var old = await h.Storage.Articles.GetEntityAsync<Azure.Data.Tables.TableEntity>(key.ArticlePartition, ArticleStore.RowKey("v1", "p1-03"));
        old.Value.Remove("Summary");
        await h.Storage.Articles.UpsertEntityAsync(old.Value, Azure.Data.Tables.TableUpdateMode.Replace);
        var last = Assert.Single(await store.ListSummariesAsync(key, "v1", from: 3, count: 100));
        Assert.Equal(ArticleStore.SummaryOf(rows[3].Json), last);
        Assert.Equal("标题3", JsonDocument.Parse(last).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Index_entities_of_an_issue_fall_into_few_partitions()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var index = h.Services.GetRequiredService<IndexStore>();
        var key = IssueKey.For("p", "2022-08-08");
        var postings = Enumerable.Range(0, 1000).Select(i => (ArticleId.For(key, "p1-01"), "article", new IndexTerm(Facets.Person, "name" + i, 1))).ToList();

        var (entities, transactions) = await index.WriteVersionAsync(key, "v1", postings);

        Assert.Equal(1000, entities); // one per person (search terms are packed by group: KeywordPackingTests)
        // 16 buckets: ~63 entities each, one transaction per bucket instead of one request per entity.
        Assert.InRange(transactions, 16, 26);
        Assert.Equal(1000, await index.DeleteVersionAsync(key, "v1"));
    }

    [Fact]
    public async Task A_search_sees_a_change_announced_by_another_instance_within_a_generation_check()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        // Two instances' index stores over the same storage: one announces, the other notices the marker change.
        var mine = h.Services.GetRequiredService<IndexStore>();
        var other = new IndexStore(h.Storage);
        var before = await mine.GenerationAsync();
        await other.AnnounceChangeAsync();
        await Task.Delay(IndexGeneration.Check + TimeSpan.FromMilliseconds(50));
        Assert.NotEqual(before, await mine.GenerationAsync());
    }
}

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class Azurite : AzuriteCollection;
