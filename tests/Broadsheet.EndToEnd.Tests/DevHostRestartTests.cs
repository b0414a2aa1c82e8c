using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.TestKit;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.EndToEnd.Tests;

/// <summary>
/// A dev host killed (SIGKILL) while an activity runs: the next one resumes the orchestration from its history in the
/// task hub — the activities the history shows completed do not run again — finishes the issue once, and leaves alone
/// what the first one had finished, complete or failed.
/// </summary>
public sealed class DevHostRestartTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task KilledDuringAnActivity_TheRestartedHostResumesFromHistory_RunsNoCompletedActivityAgain_AndRepeatsNothingElse()
    {
        const string paper = "e2e-restart", date = "2022-08-08";
        // Many pages: several enrichment batches, still running when the parse's completion is recorded.
        var bytes = Encoding.UTF8.GetBytes(string.Join('\f', Enumerable.Repeat(Encoding.UTF8.GetString(ReferenceIssue), 40)));
        var expected = IssueParser.Parse(bytes, new IssueContext(paper, DateOnly.Parse(date)));

        await using var first = await DevHostProcess.StartAsync(azurite.ConnectionString);
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(azurite.ConnectionString, "e2e-done/2022-08-01.txt", ReferenceIssue);
        await UploadAsync(azurite.ConnectionString, "e2e-refused/2022-08-02.txt", "PK\u0003\u0004 not an issue \0\0\0\u0001\u0002"u8.ToArray());
        var done = await WaitForStatusAsync(first, "e2e-done", "2022-08-01", "complete", since);
        var refused = await WaitForStatusAsync(first, "e2e-refused", "2022-08-02", "failed", since);

        since = DateTimeOffset.UtcNow;
        await UploadAsync(azurite.ConnectionString, $"{paper}/{date}.txt", bytes);
        var instanceId = await WaitForAsync(() => Regex.Match(first.Output, $@"{paper}/{date}\.txt \([^)]*\): Scheduled (\S+)") is { Success: true } m ? m.Groups[1].Value : null, first);
        // Kill the moment the history records the parse as completed: the enrichment activities it led to are running.
        var atKill = await WaitForAsync(async () =>
        {
            var events = await TaskHubHistory.EventsAsync(azurite.ConnectionString, instanceId);
            return TaskHubHistory.Completed(events).Any(c => c.Name == "ParseIssue") ? events : null;
        }, first);
        first.Kill();
        var completedBeforeKill = TaskHubHistory.Completed(atKill);
        var batches = int.Parse(Regex.Match(first.Output, $@"Parsed issues/{paper}/{date}\.txt .*, (\d+) batches").Groups[1].Value);
        Assert.True(batches >= 2, $"the issue should take several enrichment batches, took {batches}");
        Assert.Contains("Parsed issues/" + paper, first.Output);
        Assert.DoesNotContain("Published " + paper, first.Output);
        output.WriteLine($"killed with {completedBeforeKill.Count} activities completed in history: {string.Join(", ", completedBeforeKill.Select(c => c.Name))}");

        // Same port, so the same worker id: it takes its partitions back at once.
        await using var second = await DevHostProcess.StartAsync(azurite.ConnectionString, first.Port);
        var finished = await WaitForStatusAsync(second, paper, date, "complete", since);

        // Resumed, not restarted: the parse ran once (in the first host), and exactly the enrichment batches the history
        // had not recorded as completed ran in the second.
        Assert.DoesNotContain("Parsed issues/" + paper, second.Output);
        Assert.DoesNotMatch($@"{paper}/{date}\.txt \([^)]*\): Scheduled", second.Output);
        var enrichedAgain = Regex.Matches(second.Output, $@"Enriched {paper} {date} version \S+ batch (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var enrichedBefore = completedBeforeKill.Count(c => c.Name == "EnrichArticles");
        Assert.Equal(batches - enrichedBefore, enrichedAgain.Count);
        Assert.Equal(enrichedAgain.Count, enrichedAgain.Distinct().Count());
        // The issue shows complete once the publish activity has flipped it; its completion reaches the history just after.
        var all = await WaitForAsync(async () =>
        {
            var events = await TaskHubHistory.EventsAsync(azurite.ConnectionString, instanceId);
            return events.Any(e => e.EventType == "ExecutionCompleted") ? events : null;
        }, second);
        var history = TaskHubHistory.Completed(all);
        Assert.Equal(1, history.Count(c => c.Name == "ParseIssue"));
        Assert.Equal(batches, history.Count(c => c.Name == "EnrichArticles"));
        Assert.Equal(1, history.Count(c => c.Name == "PublishIssue"));

        Assert.Single(await IssueRowsAsync(second, paper, date));
        var stories = await ArticlesAsync(second, $"paper={paper}&date={date}&top=100");
        Assert.Equal(expected.Articles.Count, stories.Count);
        Assert.Equal(stories.Count, stories.Select(a => Str(a, "id")).Distinct().Count());
        Assert.Equal(expected.Articles.Count, finished.GetProperty("articles").GetInt32());

        // Once: more watcher passes leave the finished issue alone, and what the first host finished stays as it was.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(Str(finished, "updated"), Str((await FindIssueAsync(second, paper, date))!.Value, "updated"));
        Assert.Equal(Str(done, "updated"), Str((await FindIssueAsync(second, "e2e-done", "2022-08-01"))!.Value, "updated"));
        var stillRefused = (await FindIssueAsync(second, "e2e-refused", "2022-08-02"))!.Value;
        Assert.Equal("failed", Str(stillRefused, "status"));
        Assert.Equal(Str(refused, "updated"), Str(stillRefused, "updated"));
    }

    private static Task<T> WaitForAsync<T>(Func<T?> probe, DevHostProcess host) where T : class =>
        WaitForAsync(() => Task.FromResult(probe()), host);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, DevHostProcess host) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (await probe() is { } found) return found;
            Assert.False(host.HasExited, host.Output);
            await Task.Delay(20);
        }
        Assert.Fail($"timed out\n{host.Output}");
        throw new UnreachableException();
    }
}
