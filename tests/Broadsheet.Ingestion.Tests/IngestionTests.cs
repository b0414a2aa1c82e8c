using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Search;
using Broadsheet.Storage;
using Broadsheet.TestKit;
using Xunit.Abstractions;

namespace Broadsheet.Ingestion.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Blob = "jining-daily/2022-08-08.txt";

    [Fact]
    public async Task Reference_page_ingests_into_eight_queryable_stories()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());

        var (intake, result) = await h.IngestAsync(Blob);

        Assert.Equal(IntakeAction.Scheduled, intake.Action);
        Assert.Equal("complete", result!.Status);
        Assert.Equal(8, result.Articles);
        var issue = await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08");
        Assert.Equal("complete", issue.GetProperty("status").GetString());
        Assert.Equal(8, issue.GetProperty("articleList").GetArrayLength());
        var listed = await h.GetJsonAsync("/api/articles?paper=jining-daily&date=2022-08-08&top=100");
        Assert.Equal(8, listed.GetProperty("items").GetArrayLength());
        foreach (var item in listed.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var one = await h.GetJsonAsync("/api/articles/" + id);
            Assert.Equal(item.GetProperty("paragraphs").GetRawText(), one.GetProperty("paragraphs").GetRawText());
            Assert.Equal(JsonValueKind.Object, one.GetProperty("enrichment").ValueKind);
        }
    }

    [Fact]
    public async Task Characters_outside_the_BMP_are_ingested_whole_and_found()
    {
        // 𪚥 (CJK Extension B) in a name, and emoji with a skin-tone modifier: each a surrogate pair in UTF-16.
        var text = Samples.ReferenceText().Replace("刘东利", "刘𪚥利").Replace("技工院校是培养", "技工院校😀👍🏻是培养张𪚥");
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Encoding.UTF8.GetBytes(text));

        var (_, result) = await h.IngestAsync(Blob);

        Assert.Equal("complete", result!.Status);
        async Task<List<string>> ParagraphsFound(string parameter, string value) =>
            [.. (await h.GetJsonAsync($"/api/articles?{parameter}={Uri.EscapeDataString(value)}")).GetProperty("items").EnumerateArray()
                .SelectMany(a => a.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!))];
        Assert.Contains(await ParagraphsFound("q", "刘𪚥利"), p => p.Contains("刘𪚥利"));
        Assert.Contains(await ParagraphsFound("q", "张𪚥"), p => p.Contains("技工院校😀👍🏻是培养张𪚥"));
        Assert.Contains(await ParagraphsFound("person", "刘𪚥利"), p => p.Contains("刘𪚥利"));
        // Emoji alone are not words: a clear 400, not a 500.
        await h.GetJsonAsync("/api/articles?q=" + Uri.EscapeDataString("😀😀"), status: 400);
        await h.GetJsonAsync("/api/articles?q=" + Uri.EscapeDataString("好👍"));
    }

    [Fact]
    public async Task Stored_stories_are_the_parsers_stories_word_for_word()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        await h.IngestAsync(Blob);

        var parsed = IssueParser.Parse(Samples.ReferencePage(), new IssueContext("jining-daily", new DateOnly(2022, 8, 8)));
        foreach (var article in parsed.Articles)
        {
            var id = $"jining-daily_2022-08-08_{article.Id}";
            var stored = await h.GetJsonAsync("/api/articles/" + id);
            Assert.Equal(article.Paragraphs, stored.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList());
            Assert.Equal(article.Title, stored.GetProperty("title").GetString());
            Assert.Equal("jining-daily", stored.GetProperty("paper").GetString());
            Assert.Equal("2022-08-08", stored.GetProperty("date").GetString());
        }
    }

    [Fact]
    public async Task Same_upload_again_changes_nothing()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        await h.IngestAsync(Blob);
        var before = await SnapshotAsync(h);

        // The same bytes uploaded again (a new ETag), and the same event delivered twice.
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var (again, result) = await h.IngestAsync(Blob);
        var (duplicate, _) = await h.IngestAsync(Blob);

        Assert.Equal(IntakeAction.Unchanged, again.Action);
        Assert.Null(result);
        Assert.Equal(IntakeAction.Unchanged, duplicate.Action);
        var after = await SnapshotAsync(h);
        Assert.Equal(before.Articles, after.Articles);
        Assert.Equal(before.Postings, after.Postings);
        Assert.Equal(before.IssueUpdated, after.IssueUpdated);
    }

    [Fact]
    public async Task Duplicate_event_while_running_starts_nothing_new()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());

        var first = await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client);
        var second = await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client);
        await h.WaitAsync(first.InstanceId);
        var third = await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client);

        Assert.Equal(IntakeAction.Scheduled, first.Action);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(IntakeAction.AlreadyScheduled, second.Action);
        Assert.Equal(IntakeAction.Unchanged, third.Action);
        Assert.DoesNotContain('/', first.InstanceId);
    }

    [Fact]
    public async Task Replaced_issue_replaces_its_stories_and_leaves_no_stale_rows()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var (_, first) = await h.IngestAsync(Blob);
        var oldSnapshot = await SnapshotAsync(h);

        // A corrected issue: a name corrected throughout, and the last block dropped.
        var text = Samples.ReferenceText().Replace("刘东利", "王东来");
        text = text[..text.LastIndexOf("\n\n", StringComparison.Ordinal)];
        await h.UploadAsync(Blob, Encoding.UTF8.GetBytes(text));
        var (intake, second) = await h.IngestAsync(Blob);

        Assert.Equal(IntakeAction.Scheduled, intake.Action);
        Assert.True(second!.Status == "complete", second.Error);
        Assert.NotEqual(first!.Version, second.Version);
        var snapshot = await SnapshotAsync(h);
        // Only the new version's rows exist: articles, index entities, manifests, staging.
        Assert.All(snapshot.Articles, a => Assert.StartsWith(second.Version + "|", a));
        Assert.All(snapshot.Postings, p => Assert.EndsWith("|" + second.Version, p));
        Assert.Equal(second.Articles, snapshot.Articles.Count);
        Assert.Equal(IndexEntitiesOf(snapshot, second.Version!), snapshot.Postings.Count);
        // Besides the change marker searches watch (IndexStore.AnnounceChangeAsync), one manifest: the new version's.
        Assert.Equal(["manifests/jining-daily/2022-08-08/" + second.Version + ".json"], snapshot.WorkBlobs.Where(b => b != "index-generation"));
        Assert.DoesNotContain(snapshot.Postings, oldSnapshot.Postings.Contains);

        var found = await h.GetJsonAsync("/api/articles?q=王东来");
        Assert.NotEqual(0, found.GetProperty("items").GetArrayLength());
        var gone = await h.GetJsonAsync("/api/articles?q=刘东利");
        Assert.Equal(0, gone.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Content_that_was_replaced_and_comes_back_is_ingested_again()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var original = Samples.ReferencePage();
        await h.UploadAsync(Blob, original);
        var (_, a) = await h.IngestAsync(Blob);
        await h.UploadAsync(Blob, Encoding.UTF8.GetBytes(Samples.ReferenceText().Replace("刘东利", "王东来")));
        var (_, b) = await h.IngestAsync(Blob);

        // Same blob, same bytes as the first upload: same instance id, but the issue moved on, so it runs again.
        await h.UploadAsync(Blob, original);
        var (intake, again) = await h.IngestAsync(Blob);

        Assert.Equal(IntakeAction.Scheduled, intake.Action);
        Assert.NotEqual(a!.Version, b!.Version);
        Assert.Equal("complete", again!.Status);
        Assert.Equal(a.Version, again.Version);
        var snapshot = await SnapshotAsync(h);
        Assert.All(snapshot.Articles, r => Assert.StartsWith(a.Version + "|", r));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("zip")]
    public async Task Junk_upload_fails_with_a_reason_and_touches_nothing_else(string kind)
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        await h.IngestAsync(Blob);
        var before = await SnapshotAsync(h);

        var junkName = "jining-daily/2022-08-09.txt";
        await h.UploadAsync(junkName, kind == "zip" ? Samples.Zip() : Samples.RandomBytes());
        var (_, result) = await h.IngestAsync(junkName);

        Assert.Equal("failed", result!.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.DoesNotContain('\n', result.Error);
        var issues = await h.GetJsonAsync("/api/issues");
        var junk = issues.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("date").GetString() == "2022-08-09");
        Assert.Equal("failed", junk.GetProperty("status").GetString());
        Assert.Equal(result.Error, junk.GetProperty("error").GetString());
        output.WriteLine($"{kind}: {result.Error}");
        var after = await SnapshotAsync(h);
        Assert.Equal(before.Articles, after.Articles);
        Assert.Equal(before.Postings, after.Postings);
        Assert.Equal(before.WorkBlobs, after.WorkBlobs);
        var good = issues.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("date").GetString() == "2022-08-08");
        Assert.Equal("complete", good.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failed_upload_is_not_retried_by_a_repeated_event_but_by_a_new_upload()
    {
        string prefix;
        var junk = "jining-daily/2022-08-09.txt";
        await using (var first = await PipelineHarness.StartAsync(azurite))
        {
            prefix = first.Prefix;
            await first.UploadAsync(junk, Samples.Zip());
            var (_, failed) = await first.IngestAsync(junk);
            Assert.Equal("failed", failed!.Status);
        }

        // A restarted host (empty Durable state) sees the blob again: the recorded failure stands.
        await using var h = await PipelineHarness.StartAsync(azurite, prefix: prefix);
        var (again, _) = await h.IngestAsync(junk);
        Assert.Equal(IntakeAction.AlreadyScheduled, again.Action);

        // The user uploads it again: that is a new attempt.
        await h.UploadAsync(junk, Samples.Zip());
        var (retry, result) = await h.IngestAsync(junk);
        Assert.Equal(IntakeAction.Scheduled, retry.Action);
        Assert.Equal("failed", result!.Status);
    }

    [Fact]
    public async Task Junk_upload_under_an_unknown_name_shows_as_failed_upload()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync("scans/archive.zip", Samples.Zip());
        var (_, result) = await h.IngestAsync("scans/archive.zip");

        Assert.Equal("failed", result!.Status);
        var issues = await h.GetJsonAsync("/api/issues");
        var row = Assert.Single(issues.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal(h.UploadContainer + "/scans/archive.zip", row.GetProperty("blob").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("paper").ValueKind);
    }

    [Fact]
    public async Task Paper_and_date_come_from_metadata_when_the_name_does_not_tell()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync("upload-123.txt", Samples.ReferencePage(), new Dictionary<string, string> { ["paper"] = "jining-daily", ["date"] = "2022-08-08" });
        var (_, result) = await h.IngestAsync("upload-123.txt");

        Assert.Equal("complete", result!.Status);
        Assert.Equal(("jining-daily", "2022-08-08"), (result.Paper, result.Date));
    }

    [Fact]
    public async Task Papers_that_share_their_first_120_characters_are_two_issues_each_found_by_its_own_name()
    {
        var jia = new string('长', 130) + "甲";
        var yi = new string('长', 130) + "乙";
        var longest = new string('长', IssueKey.MaxPaperLength - 1) + "丙";
        var tooLong = new string('长', IssueKey.MaxPaperLength) + "丁";
        await using var h = await PipelineHarness.StartAsync(azurite);
        var results = new Dictionary<string, IngestResult>();
        foreach (var (name, paper) in new[] { ("long/jia.txt", jia), ("long/yi.txt", yi), ("long/bing.txt", longest), ("long/ding.txt", tooLong) })
        {
            await h.UploadAsync(name, Samples.ReferencePage(), new Dictionary<string, string> { ["paper"] = Uri.EscapeDataString(paper), ["date"] = "2022-10-07" });
            results[paper] = (await h.IngestAsync(name)).Result!;
        }

        foreach (var paper in new[] { jia, yi, longest })
        {
            Assert.Equal("complete", results[paper].Status);
            var issue = await h.GetJsonAsync($"/api/issues/{Uri.EscapeDataString(paper)}/2022-10-07");
            Assert.Equal(paper, issue.GetProperty("paper").GetString());
            var listed = await h.GetJsonAsync($"/api/articles?paper={Uri.EscapeDataString(paper)}&top=100");
            Assert.Equal(results[paper].Articles, listed.GetProperty("items").GetArrayLength());
            Assert.All(listed.GetProperty("items").EnumerateArray(), a => Assert.Equal(paper, a.GetProperty("paper").GetString()));
        }
        Assert.Equal("failed", results[tooLong].Status);
        Assert.Contains($"longer than {IssueKey.MaxPaperLength} characters", results[tooLong].Error);
        // A paper never uploaded is no issue, however much of its name it shares with one.
        await h.GetJsonAsync($"/api/issues/{Uri.EscapeDataString(new string('长', 130) + "戊")}/2022-10-07", status: 404);
    }

    [Fact]
    public async Task A_paper_named_with_spaces_around_it_is_trimmed_once_and_found_by_either_spelling()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync("spaced.txt", Samples.ReferencePage(), new Dictionary<string, string> { ["paper"] = "%20space%20", ["date"] = "2022-08-08" });
        var (_, result) = await h.IngestAsync("spaced.txt");

        Assert.Equal(("complete", "space"), (result!.Status, result.Paper));
        foreach (var spelling in new[] { "space", "%20space%20" })
        {
            Assert.Equal("space", (await h.GetJsonAsync($"/api/issues/{spelling}/2022-08-08")).GetProperty("paper").GetString());
            Assert.Single((await h.GetJsonAsync($"/api/issues?paper={spelling}")).GetProperty("items").EnumerateArray());
            Assert.NotEqual(0, (await h.GetJsonAsync($"/api/articles?paper={spelling}")).GetProperty("items").GetArrayLength());
        }
    }

    [Fact]
    public async Task A_date_range_lists_no_placeholder_rows()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync("scans/archive.zip", Samples.Zip());
        await h.IngestAsync("scans/archive.zip");

        Assert.Single((await h.GetJsonAsync("/api/issues")).GetProperty("items").EnumerateArray());
        Assert.Empty((await h.GetJsonAsync("/api/issues?from=2030-01-01")).GetProperty("items").EnumerateArray());
        Assert.Empty((await h.GetJsonAsync("/api/issues?to=1990-01-01")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("../escape/2022-10-02.txt")]
    [InlineData("./dot/2022-10-03.txt")]
    [InlineData("a/../../up/2022-10-03.txt")]
    public async Task A_blob_whose_name_has_dot_segments_fails_once_with_a_reason(string name)
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        // Stored under the name as given, dots and all (as a raw REST client can): System.Uri would resolve them.
        var container = h.Storage.Uploads;
        var sas = container.GenerateSasUri(Azure.Storage.Sas.BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));
        var url = new Uri($"{container.Uri.AbsoluteUri}/{name}{sas.Query}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using (var http = new HttpClient())
        using (var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(Samples.ReferencePage()) })
        {
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            (await http.SendAsync(put)).EnsureSuccessStatusCode();
        }
        var listed = new List<string>();
        await foreach (var b in container.GetBlobsAsync()) listed.Add(b.Name);
        Assert.Equal([name], listed);

        var first = await h.Intake.OnBlobAsync(h.UploadContainer, name, h.Client);
        var row = Assert.Single((await h.GetJsonAsync("/api/issues")).GetProperty("items").EnumerateArray());
        var again = await h.Intake.OnBlobAsync(h.UploadContainer, name, h.Client);

        Assert.Equal((IntakeAction.Refused, IntakeAction.Refused), (first.Action, again.Action));
        Assert.Equal(("failed", h.UploadContainer + "/" + name), (row.GetProperty("status").GetString(), row.GetProperty("blob").GetString()));
        Assert.Contains("cannot be read", row.GetProperty("error").GetString());
        // The second look changed nothing.
        var after = Assert.Single((await h.GetJsonAsync("/api/issues")).GetProperty("items").EnumerateArray());
        Assert.Equal(row.GetProperty("updated").GetString(), after.GetProperty("updated").GetString());
    }

    [Fact]
    public async Task An_issue_over_the_byte_page_or_story_bound_fails_with_a_reason()
    {
        await using var h = await PipelineHarness.StartAsync(azurite, o => { o.MaxStoriesPerIssue = 5; o.MaxUploadBytes = 1 << 20; });
        // One more page than an issue may have, each a line of text.
        var pages = string.Join("\f", Enumerable.Range(1, new IngestionOptions().MaxPagesPerIssue + 1).Select(i => $"第{i}版\n新闻{i}\n正文第{i}段。"));
        await h.UploadAsync("bounds/2022-10-01.txt", Encoding.UTF8.GetBytes(pages));
        await h.UploadAsync("bounds/2022-10-02.txt", Samples.ReferencePage()); // 8 stories, over this host's 5

        var (_, tooManyPages) = await h.IngestAsync("bounds/2022-10-01.txt");
        var (_, tooManyStories) = await h.IngestAsync("bounds/2022-10-02.txt");

        Assert.Equal("failed", tooManyPages!.Status);
        Assert.Contains($"more than the {new IngestionOptions().MaxPagesPerIssue} an issue may have", tooManyPages.Error);
        Assert.Equal("failed", tooManyStories!.Status);
        Assert.Equal("the upload has 8 stories, more than the 5 an issue may have; split it by issue", tooManyStories.Error);

        // Over this host's 1 MB: the reference page 70 times over (70 pages, within the page bound).
        var big = Encoding.UTF8.GetBytes(string.Join("\f", Enumerable.Repeat(Samples.ReferenceText(), 70)));
        Assert.InRange(big.Length, (1 << 20) + 1, 16 << 20);
        await h.UploadAsync("bounds/2022-10-03.txt", big);
        var (_, tooBig) = await h.IngestAsync("bounds/2022-10-03.txt");
        Assert.Equal("failed", tooBig!.Status);
        Assert.Equal("the upload is larger than 1 MB, the most an issue dump may be; split it by issue", tooBig.Error);
    }

    [Fact]
    public async Task An_issues_story_list_is_paged_in_issue_order_and_a_page_never_mixes_versions()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        await h.IngestAsync(Blob);
        var whole = (await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08")).GetProperty("articleList")
            .EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();

        var paged = new List<string?>();
        string? token = null;
        var first = "";
        do
        {
            var page = await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08?top=3" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            Assert.InRange(page.GetProperty("articleList").GetArrayLength(), 1, 3);
            paged.AddRange(page.GetProperty("articleList").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
            token = page.GetProperty("continuationToken").GetString();
            if (first == "") first = token!;
        } while (token is not null);

        Assert.Equal(8, whole.Count);
        Assert.Equal(whole, paged);
        // A token belongs to its version: once the issue is replaced, it is refused, not resumed in the new list.
        await h.UploadAsync(Blob, Encoding.UTF8.GetBytes(Samples.ReferenceText().Replace("刘东利", "刘东")));
        await h.IngestAsync(Blob);
        var stale = await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08?top=3&continuationToken=" + Uri.EscapeDataString(first), status: 400);
        Assert.Contains("start again", stale.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Transient_activity_failure_is_retried_to_success()
    {
        // The first write of an enriched batch fails with an error the storage resilience pipeline does not
        // retry, so the activity itself fails and Durable's retry policy must run it again.
        var fault = new FailOncePolicy(m => m.Request.Method == Azure.Core.RequestMethod.Put && m.Request.Uri.Path.Contains("enriched-"));
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(fault));
        await h.UploadAsync(Blob, Samples.ReferencePage());

        var (_, result) = await h.IngestAsync(Blob);

        Assert.Equal(1, fault.Failures);
        Assert.True(result!.Status == "complete", result.Error);
        Assert.Equal(ParsedCount(), result.Articles);
    }

    [Fact]
    public async Task Staging_lost_before_publish_is_staged_again_on_the_dev_hosts_engine()
    {
        // The activity's exception type has to cross the gRPC server and the task hub's queues and history to reach
        // the orchestrator's TaskFailedException: only a failure that says StagingLostException is staged again (at
        // once, not retried). Had the type been lost on the way, the publish would simply be retried and succeed.
        var lost = new AnswerOncePolicy(404, m => m.Request.Method == Azure.Core.RequestMethod.Get && m.Request.Uri.Path.Contains("/enriched-"));
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(lost));
        await h.UploadAsync(Blob, Samples.ReferencePage());

        var (intake, result) = await h.IngestAsync(Blob);

        Assert.Equal(1, lost.Answered);
        Assert.True(result!.Status == "complete", result.Error);
        Assert.Equal(ParsedCount(), result.Articles);
        var events = await TaskHubHistory.EventsAsync(azurite.ConnectionString, intake.InstanceId, h.TaskHub);
        var scheduled = events.Where(e => e.EventType == "TaskScheduled").OrderBy(e => e.EventId).Select(e => e.Name).ToList();
        Assert.Equal(2, scheduled.Count(n => n == ParseIssueActivity.Name));
        Assert.Equal([PublishIssueActivity.Name, ParseIssueActivity.Name], scheduled.SkipWhile(n => n != PublishIssueActivity.Name).Take(2));
        Assert.Equal(2, scheduled.Count(n => n == PublishIssueActivity.Name));
    }

    [Fact]
    public async Task Storage_throttling_is_retried_inside_the_attempt_budget()
    {
        var throttle = new ThrottlePolicy(times: 2);
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(throttle));
        await h.UploadAsync(Blob, Samples.ReferencePage());
        throttle.Arm();

        var (_, result) = await h.IngestAsync(Blob);

        Assert.Equal(2, throttle.Throttled);
        Assert.Equal("complete", result!.Status);
    }

    [Fact]
    public async Task Storage_that_stays_down_gives_a_503_with_one_line()
    {
        var outage = new ThrottlePolicy(times: 1000);
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(outage));
        outage.Arm();

        var error = await h.GetJsonAsync("/api/articles?q=刘东利", 503);

        Assert.Contains("storage", error.GetProperty("error").GetString());
        // Every attempt the retry budget allows at the read, plus at most one look at the change marker.
        Assert.InRange(outage.Throttled, h.Storage.Options.MaxAttempts, h.Storage.Options.MaxAttempts + 1);
    }

    [Fact]
    public async Task Enrichment_fans_out_in_batches()
    {
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.EnrichBatchSize = 3);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var (intake, result) = await h.IngestAsync(Blob);

        Assert.Equal("complete", result!.Status);
        var meta = await h.Client.GetInstanceAsync(intake.InstanceId, getInputsAndOutputs: true);
        Assert.NotNull(meta);
        var listed = await h.GetJsonAsync("/api/articles?top=100");
        Assert.Equal(result.Articles, listed.GetProperty("items").GetArrayLength());
        Assert.All(listed.GetProperty("items").EnumerateArray(), a => Assert.Equal(JsonValueKind.Object, a.GetProperty("enrichment").ValueKind));
    }

    [Fact]
    public async Task Two_page_issue_comes_back_with_its_jumps_merged()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.TwoPageIssue());
        var (_, result) = await h.IngestAsync(Blob);

        var parsed = IssueParser.Parse(Samples.TwoPageIssue(), new IssueContext("jining-daily", new DateOnly(2022, 8, 8)));
        Assert.Equal(parsed.Articles.Count, result!.Articles);
        Assert.Equal(2, result.Pages);
        var items = (await h.GetJsonAsync("/api/articles?top=100")).GetProperty("items").EnumerateArray().ToList();
        var jumped = items.Where(i => i.GetProperty("pages").GetArrayLength() == 2).ToList();
        Assert.NotEmpty(jumped);
        Assert.All(jumped, j => Assert.Equal([1, 2], j.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32())));

        // The used-up jump markers (（上接1版A） …) were placed by the join: the issue does not count them as unplaced.
        Assert.NotEmpty(parsed.FollowedJumpMarkers);
        var issue = await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08");
        Assert.Equal(parsed.Unassigned.Count - parsed.FollowedJumpMarkers.Count, issue.GetProperty("unassigned").GetInt32());
    }

    [Fact]
    public async Task Forty_page_issue_fans_out_and_publishes_every_story()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        var issue = Samples.FortyPageIssue();
        await h.UploadAsync(Blob, issue);
        h.Counter.Reset();

        var (intake, result) = await h.IngestAsync(Blob);

        var parsed = IssueParser.Parse(issue, new IssueContext("jining-daily", new DateOnly(2022, 8, 8)));
        Assert.Equal(40, result!.Pages);
        Assert.Equal(parsed.Articles.Count, result.Articles);
        Assert.True(result.Articles > 150, $"{result.Articles} stories");
        output.WriteLine($"{result.Articles} stories, 40 pages: {h.Counter} => {(double)h.Counter.Total / result.Articles:F1} requests per story");
        var history = await h.Client.GetInstanceAsync(intake.InstanceId, getInputsAndOutputs: true);
        // References only: the orchestration's input and output stay small whatever the issue's size.
        Assert.True(history!.SerializedInput!.Length < 1000 && history.SerializedOutput!.Length < 1000);
        var page = await h.GetJsonAsync("/api/articles?top=100");
        Assert.Equal(100, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Transactions_per_story_are_measured()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        h.Counter.Reset();

        var (_, result) = await h.IngestAsync(Blob);

        var stories = result!.Articles;
        output.WriteLine($"{stories} stories: {h.Counter} => {(double)h.Counter.Total / stories:F1} requests per story " +
                         $"({(double)h.Counter.Table / stories:F1} table, {(double)h.Counter.Blob / stories:F1} blob)");
        // Batched writes keep this far below one request per index entity (thousands per issue).
        Assert.True(h.Counter.Total / (double)stories < 60, $"too many requests per story: {h.Counter}");
    }

    [Fact]
    public async Task A_twin_upload_of_the_same_bytes_published_first_leaves_the_other_its_staging_and_no_blob_behind()
    {
        // Two names, one content: both ingestions stage the same version. The second has parsed when the first runs
        // from start to finish; its enrichment and publish come after the first's clean-up (seen in CI with 20 twins).
        await using var h = await PipelineHarness.StartAsync(azurite);
        var metadata = new Dictionary<string, string> { ["paper"] = "twin-names", ["date"] = "2022-08-08" };
        await h.UploadAsync("inbox/first.txt", Samples.ReferencePage(), metadata);
        var blob = await h.UploadAsync("inbox/second.txt", Samples.ReferencePage(), metadata);
        var props = (await blob.GetPropertiesAsync()).Value;
        var hash = props.ContentHash is { Length: > 0 } md5
            ? Upload.Md5ContentHash(md5)
            : Upload.Sha256ContentHash(System.Security.Cryptography.SHA256.HashData(Samples.ReferencePage()));
        var second = new Upload(h.UploadContainer, "inbox/second.txt", props.ETag.ToString(), hash, "twin-names", "2022-08-08");
        var parsed = await Activity<ParseIssueActivity>(h).RunAsync(second);
        Assert.True(parsed is { Rejected: false, Unchanged: false, Batches: > 0 }, parsed.Error);

        var (_, first) = await h.IngestAsync("inbox/first.txt");
        Assert.Equal(("complete", parsed.Version), (first!.Status, first.Version));

        for (var b = 0; b < parsed.Batches; b++)
            await Activity<EnrichArticlesActivity>(h).RunAsync(new EnrichBatchRequest(parsed.Paper!, parsed.Date!, parsed.Version!, b, second.StagingId));
        var published = await Activity<PublishIssueActivity>(h).RunAsync(new PublishRequest(second, parsed.Paper!, parsed.Date!, parsed.Version!, parsed.Batches));

        Assert.False(published.Superseded);
        Assert.Equal(first.Articles, published.Articles);
        var staging = new List<string>();
        await foreach (var b in h.Storage.Work.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "staging/" })) staging.Add(b.Name);
        Assert.Empty(staging);
        Assert.Equal(first.Articles, (await h.GetJsonAsync("/api/articles?paper=twin-names&date=2022-08-08&top=100")).GetProperty("items").GetArrayLength());
    }

    private static T Activity<T>(PipelineHarness h) where T : notnull => (T)h.Services.GetService(typeof(T))!;

    private static int ParsedCount() =>
        IssueParser.Parse(Samples.ReferencePage(), new IssueContext("jining-daily", new DateOnly(2022, 8, 8))).Articles.Count;

    private static int IndexEntitiesOf(Snapshot s, string version) => s.Postings.Count(p => p.EndsWith("|" + version, StringComparison.Ordinal));

    internal sealed record Snapshot(List<string> Articles, List<string> Postings, List<string> WorkBlobs, DateTimeOffset? IssueUpdated);

    internal static async Task<Snapshot> SnapshotAsync(PipelineHarness h)
    {
        var articles = new List<string>();
        await foreach (var e in h.Storage.Articles.QueryAsync<TableEntity>(select: ["RowKey"])) articles.Add(e.RowKey);
        var postings = new List<string>();
        await foreach (var e in h.Storage.Postings.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"])) postings.Add(e.PartitionKey + "/" + e.RowKey);
        var blobs = new List<string>();
        await foreach (var b in h.Storage.Work.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions())) blobs.Add(b.Name);
        var issue = await ((IssueStore)h.Services.GetService(typeof(IssueStore))!).GetAsync(IssueKey.For("jining-daily", "2022-08-08"));
        articles.Sort(StringComparer.Ordinal);
        postings.Sort(StringComparer.Ordinal);
        blobs.Sort(StringComparer.Ordinal);
        return new Snapshot(articles, postings, blobs, issue?.Updated);
    }
}

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class Azurite : AzuriteCollection;
