using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.TestKit;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.EndToEnd.Tests;

/// <summary>
/// The whole path as a user meets it: a dump uploaded to the `issues` container of Azurite, the dev host
/// (a real `broadsheet serve` process) ingesting it with the pipeline's orchestrator, and HTTP queries.
/// </summary>
public sealed class DevHostEndToEndTests(DevHostFixture fixture) : IClassFixture<DevHostFixture>
{
    private DevHostProcess Host => fixture.Host;

    [Fact]
    public async Task ReferenceIssue_IngestsIntoEightStories_FoundByPersonPlaceAndKeyword()
    {
        const string paper = "济宁日报", date = "2022-08-08";
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(fixture.Storage, $"{paper}/{date}.txt", ReferenceIssue);
        var issue = await WaitForStatusAsync(Host, paper, date, "complete", since);

        var all = await ArticlesAsync(Host, $"paper={Q(paper)}&date={date}&top=100");
        Assert.Equal(8, all.Count);
        Assert.Equal(8, issue.GetProperty("articles").GetInt32());
        Assert.Equal(all.Count, all.Select(a => Str(a, "id")).Distinct().Count());

        // Person: the interviewee of the first interview, named in its body and subtitle.
        var byPerson = await ArticlesAsync(Host, $"paper={Q(paper)}&person={Q("刘东利")}");
        Assert.Contains(byPerson, a => Headline(a).Contains("推动技能人才“四化”培养"));
        Assert.DoesNotContain(byPerson, a => Headline(a).Contains("汶上打出基金监管"));

        // Place: the carbon-materials forum is datelined 嘉祥.
        var byPlace = await ArticlesAsync(Host, $"paper={Q(paper)}&place={Q("嘉祥")}");
        Assert.Contains(byPlace, a => Headline(a).Contains("先进碳材料产业"));
        Assert.DoesNotContain(byPlace, a => Headline(a).Contains("城市基层治理引来"));

        // Keyword: segmented the same way as at ingestion.
        var byKeyword = await ArticlesAsync(Host, $"q={Q("碳材料")}&paper={Q(paper)}");
        Assert.Contains(byKeyword, a => Headline(a).Contains("先进碳材料产业"));
        Assert.All(byKeyword, a => Assert.Contains("碳材料", Headline(a) + Body(a)));

        // Author: both interviews are by 谷常浩.
        var byAuthor = await ArticlesAsync(Host, $"paper={Q(paper)}&author={Q("谷常浩")}");
        Assert.Equal(2, byAuthor.Count);

        // One article, whole, by the id the search gave.
        var id = Str(byPlace.First(a => Headline(a).Contains("先进碳材料产业")), "id")!;
        var one = await Host.GetJsonAsync($"articles/{Q(id)}");
        Assert.Equal(id, Str(one, "id"));
        Assert.NotEmpty(Body(one));

        // The issue itself, with its article list.
        var whole = await Host.GetJsonAsync($"issues/{Q(paper)}/{date}");
        Assert.Contains(paper, whole.GetRawText());
    }

    [Fact]
    public async Task ReUpload_OfTheSameContent_ChangesNothing()
    {
        const string paper = "e2e-reupload", date = "2022-08-08";
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(fixture.Storage, $"{paper}/{date}.txt", ReferenceIssue);
        var before = await WaitForStatusAsync(Host, paper, date, "complete", since);
        var idsBefore = (await ArticlesAsync(Host, $"paper={paper}&date={date}&top=100")).Select(a => Str(a, "id")).Order().ToList();

        var again = await UploadAsync(fixture.Storage, $"{paper}/{date}.txt", ReferenceIssue);
        await WaitForHostToSeeAsync(again.ETag.ToString());

        var after = Assert.Single(await IssueRowsAsync(Host, paper, date));
        Assert.Equal("complete", Str(after, "status"));
        Assert.Equal(Str(before, "updated"), Str(after, "updated"));
        var idsAfter = (await ArticlesAsync(Host, $"paper={paper}&date={date}&top=100")).Select(a => Str(a, "id")).Order().ToList();
        Assert.Equal(idsBefore, idsAfter);
    }

    [Fact]
    public async Task ReplacingTwoPageIssue_ComesBackWithItsJumpsMerged_AndNoStaleStories()
    {
        const string paper = "e2e-replace", date = "2022-08-08";
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(fixture.Storage, $"{paper}/{date}.txt", ReferenceIssue);
        await WaitForStatusAsync(Host, paper, date, "complete", since);
        var pageOne = await ArticlesAsync(Host, $"paper={paper}&date={date}&top=100");
        var interview = pageOne.Single(a => Headline(a).Contains("推动技能人才“四化”培养"));
        Assert.Equal([1], interview.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32()));

        var twoPages = TwoPageIssue;
        since = DateTimeOffset.UtcNow;
        await UploadAsync(fixture.Storage, $"{paper}/{date}.txt", twoPages);
        var issue = await WaitForStatusAsync(Host, paper, date, "complete", since);

        var expected = IssueParser.Parse(twoPages, new IssueContext(paper, DateOnly.Parse(date)));
        var stories = await ArticlesAsync(Host, $"paper={paper}&date={date}&top=100");
        Assert.Equal(expected.Articles.Count, stories.Count);
        Assert.Equal(expected.Articles.Count, issue.GetProperty("articles").GetInt32());
        Assert.Single(await IssueRowsAsync(Host, paper, date));

        // The interview continued on page 2 (（上接1版C）) is one story spanning both pages, continuation included.
        var merged = stories.Single(a => Headline(a).Contains("推动技能人才“四化”培养"));
        Assert.Equal([1, 2], merged.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains(ContinuationOpening(twoPages, "（上接1版C）"), Body(merged));
        Assert.DoesNotContain(stories, a => a.TryGetProperty("continuedFrom", out var c) && c.ValueKind == JsonValueKind.Object
            && Str(c, "raw") == "（上接1版C）");
    }

    [Fact]
    public async Task JunkUpload_ShowsAsFailedWithAReason_WhileEverythingElseKeepsWorking()
    {
        var since = DateTimeOffset.UtcNow;
        await UploadAsync(fixture.Storage, "e2e-healthy/2022-08-10.txt", ReferenceIssue);
        await WaitForStatusAsync(Host, "e2e-healthy", "2022-08-10", "complete", since);

        // A zip's local-file header followed by random bytes: not text in any encoding.
        var junk = new byte[4096];
        new Random(20220808).NextBytes(junk);
        "PK\u0003\u0004"u8.CopyTo(junk);
        since = DateTimeOffset.UtcNow;
        await UploadAsync(fixture.Storage, "e2e-junk/2022-08-11.txt", junk);
        var failed = await WaitForStatusAsync(Host, "e2e-junk", "2022-08-11", "failed", since);
        var reason = Str(failed, "error");
        Assert.False(string.IsNullOrWhiteSpace(reason), failed.GetRawText());
        Assert.DoesNotContain("\n", reason);
        Assert.DoesNotContain("   at ", reason);

        Assert.False(Host.HasExited, Host.Output);
        Assert.Equal("complete", Str((await FindIssueAsync(Host, "e2e-healthy", "2022-08-10"))!.Value, "status"));
        Assert.Equal(8, (await ArticlesAsync(Host, "paper=e2e-healthy&top=100")).Count);
        Assert.Empty(await ArticlesAsync(Host, "paper=e2e-junk&top=100"));
    }

    [Fact]
    public async Task UnknownRoute_Answers404WithJson_AndEveryRequestIsLoggedOnOneLine()
    {
        using var response = await Host.Http.GetAsync("no/such/route?x=1");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("/api/no/such/route", Str(body, "error"));

        await EventuallyAsync(() => Host.Output.Split('\n').Any(l => l.Contains("GET /api/no/such/route?x=1 404 ") && l.Contains(" ms")));
    }

    [Fact]
    public async Task CliUploadAndQuery_NameTheBlobFromPaperAndDate_AndPrintTheStories_AndAnUnchangedReUploadAnswersAtOnce()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("e2e-cli-").FullName, "dump.txt");
        await File.WriteAllBytesAsync(file, ReferenceIssue);
        var api = Host.Api.ToString();

        var upload = await DevHostProcess.RunCliAsync("upload", file, "--paper", "测试日报", "--date", "2022-08-12",
            "--storage", fixture.Storage, "--wait", "--api", api);
        Assert.True(upload.ExitCode == 0, upload.StdErr + upload.StdOut + Host.Output);
        Assert.Contains("issues/测试日报/2022-08-12.txt", upload.StdOut);
        Assert.Equal("complete", Str((await FindIssueAsync(Host, "测试日报", "2022-08-12"))!.Value, "status"));

        // The same content again changes nothing, and --wait says so as soon as it polls: the issue is complete with
        // the version this content publishes as. (--timeout 3 fails if it waited for the watcher instead.)
        var again = await DevHostProcess.RunCliAsync("upload", file, "--paper", "测试日报", "--date", "2022-08-12",
            "--storage", fixture.Storage, "--wait", "--timeout", "3", "--api", api);
        Assert.True(again.ExitCode == 0, again.StdErr + again.StdOut);
        Assert.Contains("测试日报/2022-08-12.txt: unchanged, already ingested: 8 stories", again.StdErr);

        var table = await DevHostProcess.RunCliAsync("query", "--paper", "测试日报", "--person", "刘东利", "--api", api);
        Assert.True(table.ExitCode == 0, table.StdErr);
        Assert.Contains("推动技能人才“四化”培养", table.StdOut);
        Assert.Contains("谷常浩", table.StdOut);

        var json = await DevHostProcess.RunCliAsync("query", "--paper", "测试日报", "--top", "100", "--json", "--api", api);
        Assert.Equal(8, JsonDocument.Parse(json.StdOut).RootElement.GetProperty("items").GetArrayLength());

        var issues = await DevHostProcess.RunCliAsync("issues", "--api", api);
        Assert.Contains("测试日报", issues.StdOut);
        Assert.Contains("complete", issues.StdOut);
    }

    /// <summary>Waits for the watcher's log line about a blob version: the host has looked at it and decided.</summary>
    private async Task WaitForHostToSeeAsync(string etag) =>
        await EventuallyAsync(() => Host.Output.Contains(etag.Trim('"')), TimeSpan.FromSeconds(30));

    private async Task EventuallyAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"condition not met in time\n--- host output ---\n{Host.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>The reference page plus its page 2, joined by a form feed (fixture from the parser's test suite).</summary>
    private static byte[] TwoPageIssue => Samples.TwoPageIssue();

    /// <summary>The first words after a continuation marker, wrapped lines joined: they must end up in the merged story.</summary>
    private static string ContinuationOpening(byte[] issue, string marker)
    {
        var text = System.Text.Encoding.UTF8.GetString(issue);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture has no {marker}");
        var after = text[(at + marker.Length)..].Replace("\r", "").Replace("\n", "");
        return after[..12];
    }
}
