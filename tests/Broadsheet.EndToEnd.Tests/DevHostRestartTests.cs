using System.Diagnostics;
using System.Text;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Tests.Shared;
using static Broadsheet.EndToEnd.Tests.Ingestion;

namespace Broadsheet.EndToEnd.Tests;

/// <summary>A dev host killed while it ingests: the next one finds the unfinished upload and finishes it, once.</summary>
public sealed class DevHostRestartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task KilledMidIngestion_TheRestartedHostFinishesTheIssueOnce()
    {
        const string paper = "e2e-restart", date = "2022-08-08";
        // Many pages, so ingestion takes long enough to be interrupted.
        var pages = string.Join('\f', Enumerable.Repeat(Encoding.UTF8.GetString(ReferenceIssue), 24));
        var bytes = Encoding.UTF8.GetBytes(pages);
        var expected = IssueParser.Parse(bytes, new IssueContext(paper, DateOnly.Parse(date)));

        var first = await DevHostProcess.StartAsync(azurite.ConnectionString);
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(azurite.ConnectionString, $"{paper}/{date}.txt", bytes);

        // Kill as soon as the upload is on record but not finished.
        var seen = await WaitForUnfinishedAsync(first, paper, date);
        first.Kill();
        var firstOutput = first.Output;
        await first.DisposeAsync();

        await using var second = await DevHostProcess.StartAsync(azurite.ConnectionString);
        var done = await WaitForStatusAsync(second, paper, date, "complete", since);

        Assert.Single(await IssueRowsAsync(second, paper, date));
        var stories = await ArticlesAsync(second, $"paper={paper}&date={date}&top=100");
        Assert.Equal(expected.Articles.Count, stories.Count);
        Assert.Equal(stories.Count, stories.Select(a => Str(a, "id")).Distinct().Count());
        Assert.Equal(expected.Articles.Count, done.GetProperty("articles").GetInt32());

        // Once: a few more watcher passes leave the finished issue alone.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var later = Assert.Single(await IssueRowsAsync(second, paper, date));
        Assert.Equal(Str(done, "updated"), Str(later, "updated"));
        Assert.True(seen is "queued" or "running", $"killed at {seen}\n--- first host ---\n{firstOutput}");
    }

    private static async Task<string> WaitForUnfinishedAsync(DevHostProcess host, string paper, string date)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await FindIssueAsync(host, paper, date) is { } row && Str(row, "status") is "queued" or "running")
                return Str(row, "status")!;
            await Task.Delay(20);
        }
        Assert.Fail($"the upload never showed as queued or running\n{host.Output}");
        return "";
    }
}
