using System.Diagnostics;
using System.Globalization;
using Broadsheet.Ingestion;
using Broadsheet.TestKit;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.Reliability.Tests;

/// <summary>
/// The biggest issue the bounds allow, read whole by five readers at once: the dev host's memory stays bounded
/// because the story list is paged. Prints the figures docs/reliability.md quotes as a `[reliability]` line.
/// </summary>
public sealed class BigIssueTests(ITestOutputHelper output)
{
    /// <summary>The dev host's own budget (docs/reliability.md): well within a small VM or a laptop.</summary>
    private const long RssBudget = 500L * 1000 * 1000;

    [Fact]
    public async Task A_maximal_issue_read_whole_by_five_readers_at_once_keeps_the_host_under_500_MB()
    {
        await using var dev = new DevHostStack();
        await dev.InitializeAsync();
        // The reference page (8 stories) as many times as an issue may have pages: the page bound, 1,600 stories.
        var pages = new IngestionOptions().MaxPagesPerIssue;
        var dump = Inputs.BigDump((long)(Inputs.ReferenceIssue.Length + 1) * pages - 1);
        const string blob = "big/2022-08-08.txt";
        await dev.Issues.GetBlobClient(blob).UploadAsync(new BinaryData(dump), overwrite: true);
        var row = (await dev.WaitForFinishedAsync([blob], TimeSpan.FromMinutes(20)))[blob];
        Assert.Equal("complete", Str(row, "status"));
        var stories = row.GetProperty("articles").GetInt32();
        Assert.Equal(pages, row.GetProperty("pages").GetInt32());

        using var rss = new RssSampler(dev.Host.ProcessId, TimeSpan.FromMilliseconds(20));
        var before = rss.Current;
        var clock = Stopwatch.StartNew();
        var bytes = new long[5];
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async reader =>
        {
            for (var round = 0; round < 3; round++)
            {
                var listed = 0;
                string? token = null;
                do
                {
                    using var response = await dev.Host.Http.GetAsync("issues/big/2022-08-08?top=500" + (token is null ? "" : "&continuationToken=" + Q(token)));
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, body);
                    Interlocked.Add(ref bytes[reader], body.Length);
                    var page = System.Text.Json.JsonDocument.Parse(body).RootElement;
                    listed += page.GetProperty("articleList").GetArrayLength();
                    token = Str(page, "continuationToken");
                } while (token is not null);
                Assert.Equal(stories, listed);
            }
        }));
        var elapsed = clock.Elapsed;
        var peak = rss.Stop();

        var line = string.Create(CultureInfo.InvariantCulture,
            $"[reliability] maximal issue: {pages} pages, {stories} stories, {dump.Length / 1e6:F1} MB; 5 readers × 3 whole reads ({bytes.Sum() / 1e6:F0} MB of JSON) in {elapsed.TotalSeconds:F1} s; dev-host RSS {before / 1e6:F0} MB before, peak {peak / 1e6:F0} MB while serving (sampled every 20 ms), VmHWM {rss.HighWaterMark / 1e6:F0} MB since start (ingestion included)");
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(peak < RssBudget, line);
    }
}
