using System.Diagnostics;
using System.Text;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.TestKit;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.EndToEnd.Tests;

/// <summary>
/// A dev host killed while it ingests: the next one finds the unfinished upload and finishes it, once — and leaves
/// alone what the first one had finished, complete or failed.
/// </summary>
public sealed class DevHostRestartTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task KilledMidIngestion_TheRestartedHostFinishesTheIssueOnce_AndRepeatsNothingElse()
    {
        const string paper = "e2e-restart", date = "2022-08-08";
        // Many pages, so ingestion takes long enough to be interrupted.
        var bytes = Encoding.UTF8.GetBytes(string.Join('\f', Enumerable.Repeat(Encoding.UTF8.GetString(ReferenceIssue), 12)));
        var expected = IssueParser.Parse(bytes, new IssueContext(paper, DateOnly.Parse(date)));

        await using var first = await DevHostProcess.StartAsync(azurite.ConnectionString);
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(azurite.ConnectionString, "e2e-done/2022-08-01.txt", ReferenceIssue);
        await UploadAsync(azurite.ConnectionString, "e2e-refused/2022-08-02.txt", "PK\u0003\u0004 not an issue \0\0\0\u0001\u0002"u8.ToArray());
        var done = await WaitForStatusAsync(first, "e2e-done", "2022-08-01", "complete", since);
        var refused = await WaitForStatusAsync(first, "e2e-refused", "2022-08-02", "failed", since);

        since = DateTimeOffset.UtcNow;
        await UploadAsync(azurite.ConnectionString, $"{paper}/{date}.txt", bytes);
        // Kill once the orchestration is under way (parse started), before it finishes.
        var killedAt = await WaitForRunningAsync(first, paper, date);
        first.Kill();
        output.WriteLine($"first host killed while the upload was {killedAt}");

        await using var second = await DevHostProcess.StartAsync(azurite.ConnectionString);
        var finished = await WaitForStatusAsync(second, paper, date, "complete", since);
        Assert.Contains("unfinished upload", second.Output);

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

    private static async Task<string> WaitForRunningAsync(DevHostProcess host, string paper, string date)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var status = await FindIssueAsync(host, paper, date) is { } row ? Str(row, "status") : null;
            if (status is "running") return status;
            Assert.False(status is "complete" or "failed", $"ingestion ended ({status}) before it could be interrupted\n{host.Output}");
            await Task.Delay(20);
        }
        Assert.Fail($"the upload never showed as running\n{host.Output}");
        return "";
    }
}
