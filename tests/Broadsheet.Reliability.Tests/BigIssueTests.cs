using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Ingestion;
using Broadsheet.TestKit;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.Reliability.Tests;

/// <summary>
/// The biggest issue the bounds allow (<see cref="Inputs.MaximalIssue"/>: 200 pages, 2,000 stories, just under 16 MB),
/// read whole by five readers at once: the dev host's memory stays bounded because the story list is paged. Prints
/// the figures docs/reliability.md quotes as a `[reliability]` line.
/// </summary>
public sealed class BigIssueTests(ITestOutputHelper output)
{
    /// <summary>The dev host's own budget (docs/reliability.md): well within a small VM or a laptop.</summary>
    private const long RssBudget = 500L * 1000 * 1000;

    private const int Readers = 5;
    private const int WholeReadsEach = 3;

    [Fact]
    public void The_maximal_issue_is_at_every_bound_and_parses_into_exactly_the_stories_composed()
    {
        var bounds = new IngestionOptions();
        var issue = Inputs.MaximalIssue;
        var bytes = Encoding.UTF8.GetBytes(issue.Text);
        // Allowed (the bound is inclusive), and no more than a few sentences short of it.
        Assert.InRange(bytes.LongLength, bounds.MaxUploadBytes - 4096, bounds.MaxUploadBytes);

        var parsed = IssueParser.Parse(bytes, new IssueContext("big", new DateOnly(2022, 8, 8)));
        Assert.Equal(bounds.MaxPagesPerIssue, parsed.Issue.Pages.Count);
        Assert.Equal(bounds.MaxStoriesPerIssue, parsed.Articles.Count);
        Assert.Empty(parsed.Unassigned);
        // Story for story, in order: each parsed deck holds the headline composed for that place in the issue.
        var titles = issue.Titles!;
        Assert.Equal(parsed.Articles.Count, titles.Count);
        for (var i = 0; i < titles.Count; i++)
            Assert.True(Deck(parsed.Articles[i]).Contains(titles[i], StringComparison.Ordinal),
                $"story {i} ({parsed.Articles[i].Id}) has deck '{Deck(parsed.Articles[i])}', composed as '{titles[i]}'");
        // Whole stories: none was cut short or swallowed another (each was composed to about 8 KB of body).
        Assert.All(parsed.Articles, a => Assert.InRange(a.Paragraphs.Sum(p => Encoding.UTF8.GetByteCount(p)), 4_000, 12_000));
    }

    [Fact]
    public async Task A_maximal_issue_read_whole_by_five_readers_at_once_keeps_the_host_under_500_MB()
    {
        var bounds = new IngestionOptions();
        var issue = Inputs.MaximalIssue;
        var dump = Encoding.UTF8.GetBytes(issue.Text);

        await using var dev = new DevHostStack();
        await dev.InitializeAsync();
        const string blob = "big/2022-08-08.txt";
        await dev.Issues.GetBlobClient(blob).UploadAsync(new BinaryData(dump), overwrite: true);
        var row = (await dev.WaitForFinishedAsync([blob], TimeSpan.FromMinutes(30)))[blob];
        Assert.True(Str(row, "status") == "complete", row.GetRawText());
        Assert.Equal(bounds.MaxPagesPerIssue, row.GetProperty("pages").GetInt32());
        Assert.Equal(bounds.MaxStoriesPerIssue, row.GetProperty("articles").GetInt32());

        using var rss = new RssSampler(dev.Host.ProcessId, TimeSpan.FromMilliseconds(20));
        var before = rss.Current;
        var clock = Stopwatch.StartNew();
        var bytes = new long[Readers];
        var reads = await Task.WhenAll(Enumerable.Range(0, Readers).Select(async reader =>
        {
            var whole = new List<List<(string Id, string Deck)>>();
            for (var round = 0; round < WholeReadsEach; round++)
            {
                var listed = new List<(string Id, string Deck)>();
                string? token = null;
                do
                {
                    using var response = await dev.Host.Http.GetAsync("issues/big/2022-08-08?top=500" + (token is null ? "" : "&continuationToken=" + Q(token)));
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, body);
                    Interlocked.Add(ref bytes[reader], Encoding.UTF8.GetByteCount(body));
                    var page = JsonDocument.Parse(body).RootElement;
                    foreach (var a in page.GetProperty("articleList").EnumerateArray())
                        listed.Add((Str(a, "id")!, $"{Str(a, "kicker")}{Str(a, "title")}{Str(a, "subtitle")}"));
                    token = Str(page, "continuationToken");
                } while (token is not null);
                whole.Add(listed);
            }
            return whole;
        }));
        var elapsed = clock.Elapsed;
        var peak = rss.Stop();

        var line = string.Create(CultureInfo.InvariantCulture,
            $"[reliability] maximal issue: {bounds.MaxPagesPerIssue} pages, {issue.Stories} stories, {dump.Length:N0} bytes; {Readers} readers × {WholeReadsEach} whole reads ({bytes.Sum() / 1e6:F0} MB of JSON) in {elapsed.TotalSeconds:F1} s; dev-host RSS {before / 1e6:F0} MB before, peak {peak / 1e6:F0} MB while serving (sampled every 20 ms), VmHWM {rss.HighWaterMark / 1e6:F0} MB since start (ingestion included)");
        output.WriteLine(line);
        Console.WriteLine(line);

        // Every whole read returns every story once, in issue order, as composed.
        var titles = issue.Titles!;
        foreach (var listed in reads.SelectMany(r => r))
        {
            Assert.Equal(titles.Count, listed.Count);
            Assert.Equal(listed.Count, listed.Select(s => s.Id).Distinct().Count());
            for (var i = 0; i < titles.Count; i++)
                Assert.True(listed[i].Deck.Contains(titles[i], StringComparison.Ordinal), $"story {i} ({listed[i].Id}) listed as '{listed[i].Deck}', composed as '{titles[i]}'");
            Assert.Equal(reads[0][0].Select(s => s.Id), listed.Select(s => s.Id));
        }
        Assert.True(peak < RssBudget, line);
    }

    private static string Deck(Article a) => $"{a.Kicker}{a.Title}{a.Subtitle}";
}
