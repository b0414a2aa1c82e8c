using System.Diagnostics;
using System.Text;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.Reliability.Tests;

/// <summary>Storage or the dev host going away in the middle of ingestion, and coming back.</summary>
public sealed class RestartTests(ITestOutputHelper output)
{
    private const string Date = "2022-08-08";
    private static byte[] Pages(int n) => Encoding.UTF8.GetBytes(string.Join('\f', Enumerable.Repeat(Inputs.ReferenceText, n)));

    [Fact]
    public async Task Azurite_stopped_mid_ingestion_and_restarted_the_dev_host_recovers_and_every_issue_completes_once()
    {
        await using var dev = new DevHostStack { Persistent = true };
        await dev.InitializeAsync();
        var bytes = Pages(6);
        var names = Enumerable.Range(0, 4).Select(i => $"outage-{i}/{Date}.txt").ToList();
        foreach (var name in names) await dev.Issues.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);

        // Pull the plug once the host has taken the uploads on.
        await Waiting.UntilAsync(async () => (await dev.IssuesAsync()).Count(r => Str(r, "paper")?.StartsWith("outage-") == true) >= 2 ? "" : null,
            TimeSpan.FromMinutes(1), () => dev.Host.Output);
        await dev.Storage.Azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        using (var down = await dev.Host.Http.GetAsync("issues"))
            Assert.True((int)down.StatusCode >= 500, "with storage down the API says so"); // and answers at all
        Assert.False(dev.Host.HasExited, dev.Host.Output);
        await dev.Storage.Azurite.RestartAsync();

        var rows = await dev.WaitForFinishedAsync(names, TimeSpan.FromMinutes(4));
        var expected = IssueParser.Parse(bytes, new IssueContext("outage-0", DateOnly.Parse(Date))).Articles.Count;
        foreach (var name in names)
        {
            var paper = name.Split('/')[0];
            Assert.True(Str(rows[name], "status") == "complete", $"{name}: {Str(rows[name], "status")} {Str(rows[name], "error")}\n{DevHostStack.Tail(dev.Host.Output)}");
            var stories = await ArticlesAsync(dev.Host, $"paper={paper}&top=100");
            Assert.Equal(expected, stories.Count);
            Assert.Equal(expected, stories.Select(s => Str(s, "id")).Distinct().Count());
        }
        Assert.Equal(names.Count, (await dev.IssuesAsync()).Count(r => Str(r, "paper")?.StartsWith("outage-") == true));
        output.WriteLine(DevHostStack.Tail(dev.Host.Output, 3000));
    }

    [Fact]
    public async Task Azurite_killed_mid_ingestion_and_restarted_every_upload_completes_once_or_fails_with_a_reason()
    {
        // Issue #16, item 5: SIGKILL loses what Azurite acknowledged since its last save (every ~5 s) — staged
        // batches, task-hub messages, rows. The dev host is not restarted: its retries and its sweep must settle it all.
        await using var dev = new DevHostStack { Persistent = true };
        await dev.InitializeAsync();
        var bytes = Pages(3);
        var names = Enumerable.Range(0, 20).Select(i => $"crash-{i:00}/{Date}.txt").ToList();
        foreach (var name in names) await dev.Issues.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        var uploaded = Stopwatch.StartNew();

        // Kill once ingestion is under way and the uploads themselves have been saved (a lost upload is no test of the host).
        await Waiting.UntilAsync(async () => uploaded.Elapsed > TimeSpan.FromSeconds(8)
                && (await dev.IssuesAsync()).Count(r => Str(r, "paper")?.StartsWith("crash-") == true) >= 5 ? "" : null,
            TimeSpan.FromMinutes(1), () => dev.Host.Output);
        var before = (await dev.IssuesAsync()).Where(r => Str(r, "paper")?.StartsWith("crash-") == true)
            .GroupBy(r => Str(r, "status")).Select(g => $"{g.Key} {g.Count()}").ToList();
        await dev.Storage.Azurite.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await dev.Storage.Azurite.RestartAsync();
        var restarted = Stopwatch.StartNew();

        // Bound: the activities' retries (about a minute), then the sweep, a pass a minute: rows idle for 2 minutes, and
        // an orchestration storage left wedged (Azure/durabletask#1173) once nothing unfinished has moved for 5 minutes.
        var rows = await dev.WaitForFinishedAsync(names, TimeSpan.FromMinutes(10));
        output.WriteLine($"killed with {string.Join(", ", before)}; all finished {restarted.Elapsed.TotalSeconds:0} s after the restart");
        var expected = IssueParser.Parse(bytes, new IssueContext("crash-00", DateOnly.Parse(Date))).Articles.Count;
        foreach (var name in names)
        {
            var (status, error) = (Str(rows[name], "status"), Str(rows[name], "error"));
            output.WriteLine($"{name}: {status} {error}");
            Assert.DoesNotContain("does not exist", error ?? "");
            if (status == "failed")
            {
                Assert.False(string.IsNullOrWhiteSpace(error), name);
                Assert.DoesNotContain('\n', error!);
                continue;
            }
            var stories = await ArticlesAsync(dev.Host, $"paper={name.Split('/')[0]}&top=100");
            Assert.Equal(expected, stories.Count);
            Assert.Equal(expected, stories.Select(s => Str(s, "id")).Distinct().Count());
        }
        Assert.Equal(names.Count, (await dev.IssuesAsync()).Count(r => Str(r, "paper")?.StartsWith("crash-") == true));
        output.WriteLine(DevHostStack.Tail(dev.Host.Output, 3000));
    }

    [Fact]
    public async Task An_issue_fed_by_two_blobs_keeps_the_latest_upload_across_restarts()
    {
        await using var dev = new DevHostStack();
        await dev.InitializeAsync();
        var metadata = new Dictionary<string, string> { ["paper"] = Uri.EscapeDataString("双胞"), ["date"] = "2022-08-13" };
        var (twinA, twinB) = ("twin/twinA.txt", "twin/twinB.txt");
        var storiesA = IssueParser.Parse(Pages(2), new IssueContext("双胞", new DateOnly(2022, 8, 13))).Articles.Count;
        var storiesB = IssueParser.Parse(Pages(1), new IssueContext("双胞", new DateOnly(2022, 8, 13))).Articles.Count;
        Assert.NotEqual(storiesA, storiesB);
        await dev.Issues.GetBlobClient(twinA).UploadAsync(new BinaryData(Pages(2)), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });
        Assert.Equal(storiesA, (await dev.WaitForFinishedAsync([twinA], TimeSpan.FromMinutes(3)))[twinA].GetProperty("articles").GetInt32());
        await dev.Issues.GetBlobClient(twinB).UploadAsync(new BinaryData(Pages(1)), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });
        Assert.Equal(storiesB, (await dev.WaitForFinishedAsync([twinB], TimeSpan.FromMinutes(3)))[twinB].GetProperty("articles").GetInt32());

        for (var restart = 1; restart <= 2; restart++)
        {
            await dev.RestartHostAsync();
            // Let the watcher list the container a few times.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var row = (await dev.WaitForFinishedAsync([twinB], TimeSpan.FromMinutes(3)))[twinB];
            Assert.True(Str(row, "status") == "complete" && row.GetProperty("articles").GetInt32() == storiesB,
                $"restart {restart}: {row}\n{DevHostStack.Tail(dev.Host.Output)}");
            Assert.DoesNotContain("Queued issues/" + twinA, dev.Host.Output);
            Assert.DoesNotContain("Queued issues/" + twinB, dev.Host.Output);
        }
        output.WriteLine(DevHostStack.Tail(dev.Host.Output, 2000));
    }

    [Fact]
    public async Task Dev_host_killed_mid_ingestion_and_restarted_completes_every_issue_once()
    {
        await using var dev = new DevHostStack();
        await dev.InitializeAsync();
        var bytes = Pages(6);
        var names = Enumerable.Range(0, 4).Select(i => $"killed-{i}/{Date}.txt").ToList();
        foreach (var name in names) await dev.Issues.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);

        await Waiting.UntilAsync(async () => (await dev.IssuesAsync()).Any(r => Str(r, "paper")?.StartsWith("killed-") == true && Str(r, "status") is "queued" or "running") ? "" : null,
            TimeSpan.FromMinutes(1), () => dev.Host.Output);
        var before = (await dev.IssuesAsync()).Where(r => Str(r, "paper")?.StartsWith("killed-") == true).Select(r => Str(r, "status")).ToList();
        await dev.RestartHostAsync(); // SIGKILL, then a new process on the same storage

        var rows = await dev.WaitForFinishedAsync(names, TimeSpan.FromMinutes(4));
        output.WriteLine($"killed with statuses: {string.Join(", ", before)}");
        var expected = IssueParser.Parse(bytes, new IssueContext("killed-0", DateOnly.Parse(Date))).Articles.Count;
        foreach (var name in names)
        {
            Assert.True(Str(rows[name], "status") == "complete", $"{name}: {Str(rows[name], "status")} {Str(rows[name], "error")}");
            var stories = await ArticlesAsync(dev.Host, $"paper={name.Split('/')[0]}&top=100");
            Assert.Equal(expected, stories.Count);
            Assert.Equal(expected, stories.Select(s => Str(s, "id")).Distinct().Count());
        }
        // Once: later passes of the watcher leave finished issues alone.
        var updated = rows.Values.Select(r => Str(r, "updated")).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var again = await dev.WaitForFinishedAsync(names, TimeSpan.FromSeconds(10));
        Assert.Equal(updated, names.Select(n => Str(again[n], "updated")).ToList());
        Assert.Equal(names.Count, (await dev.IssuesAsync()).Count(r => Str(r, "paper")?.StartsWith("killed-") == true));
    }
}
