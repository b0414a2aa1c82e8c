using Broadsheet.Core.Model;

namespace Broadsheet.Ingestion.Tests;

public class EnrichBatchTests
{
    private static List<Article> Stories(int count, int chars) =>
        Enumerable.Range(0, count).Select(i => new Article { Id = $"a{i}", Title = "题", Paragraphs = [new string('字', chars)] }).ToList();

    private static void AssertInOrderAndComplete(List<Article> stories, List<Article[]> batches) =>
        Assert.Equal(stories.Select(s => s.Id), batches.SelectMany(b => b).Select(s => s.Id));

    [Fact]
    public void Stories_are_shared_evenly_so_batches_finish_together()
    {
        var stories = Stories(150, 500);
        var batches = ParseIssueActivity.Batches(stories, maxStories: 100, maxChars: 200_000);
        Assert.Equal([75, 75], batches.Select(b => b.Length));
        AssertInOrderAndComplete(stories, batches);
    }

    [Fact]
    public void Long_stories_are_split_by_size_even_when_few()
    {
        var stories = Stories(10, 50_000); // 500,000 characters
        var batches = ParseIssueActivity.Batches(stories, maxStories: 100, maxChars: 200_000);
        Assert.Equal(3, batches.Count);
        Assert.All(batches, b => Assert.InRange(b.Length, 3, 4));
        AssertInOrderAndComplete(stories, batches);
    }

    [Fact]
    public void No_batch_is_empty_or_over_the_story_limit()
    {
        foreach (var (count, max) in new[] { (1, 100), (7, 3), (101, 100), (999, 10) })
        {
            var stories = Stories(count, 10);
            var batches = ParseIssueActivity.Batches(stories, max, 200_000);
            Assert.All(batches, b => Assert.InRange(b.Length, 1, max));
            Assert.Equal((count + max - 1) / max, batches.Count);
            AssertInOrderAndComplete(stories, batches);
        }
        Assert.Empty(ParseIssueActivity.Batches([], 100, 200_000));
    }
}
