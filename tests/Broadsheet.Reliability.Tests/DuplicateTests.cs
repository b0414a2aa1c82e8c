using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Ingestion;
using Broadsheet.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Broadsheet.Reliability.Tests.InProcessApi;

namespace Broadsheet.Reliability.Tests;

/// <summary>At-least-once delivery and users who press Upload many times: one issue, one set of stories.</summary>
public sealed class DuplicateTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string Date = "2022-08-08";
    private static int Expected(string paper) =>
        IssueParser.Parse(Inputs.ReferenceIssue, new IssueContext(paper, DateOnly.Parse(Date))).Articles.Count;

    [Fact]
    public async Task The_same_blob_event_delivered_three_times_ingests_once()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        const string paper = "dup-event", blob = paper + "/" + Date + ".txt";
        await h.UploadAsync(blob, Inputs.ReferenceIssue);

        // Three deliveries at once (Event Grid retries while the first is still being handled) ...
        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => h.Intake.OnBlobAsync(h.UploadContainer, blob, h.Client)));
        Assert.Single(first, r => r.Action == IntakeAction.Scheduled);
        Assert.Single(first.Select(r => r.InstanceId).Distinct());
        await h.WaitAsync(first[0].InstanceId);
        var done = await IssueRowAsync(h, paper);

        // ... and three more after it finished.
        foreach (var _ in Enumerable.Range(0, 3))
            Assert.NotEqual(IntakeAction.Scheduled, (await h.Intake.OnBlobAsync(h.UploadContainer, blob, h.Client)).Action);

        var after = await IssueRowAsync(h, paper);
        Assert.Equal("complete", after.Status);
        Assert.Equal(done.Updated, after.Updated); // not written again
        Assert.Equal(Expected(paper), (await ArticlesAsync(h, paper, Date)).Count);
        Assert.Equal(Expected(paper), (await ArticleRowsAsync(h, paper, Date)).Count);
    }

    [Fact]
    public async Task Twenty_simultaneous_uploads_of_the_same_issue_make_one_set_of_stories()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        const string paper = "dup-upload", blob = paper + "/" + Date + ".txt";

        // 20 clients upload the same file under the same name at once; each upload raises its own event.
        var intakes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await h.UploadAsync(blob, Inputs.ReferenceIssue);
            return await h.Intake.OnBlobAsync(h.UploadContainer, blob, h.Client);
        }));
        output.WriteLine(string.Join(", ", intakes.GroupBy(i => i.Action).Select(g => $"{g.Key} {g.Count()}")));
        var scheduled = intakes.Where(i => i.Action == IntakeAction.Scheduled).Select(i => i.InstanceId).Distinct().ToList();
        Assert.NotEmpty(scheduled);
        foreach (var id in scheduled) await h.WaitAsync(id);

        var row = await IssueRowAsync(h, paper);
        Assert.True(row.Status == "complete", $"{row.Status}: {row.Error}");
        Assert.Equal(Expected(paper), row.Articles);
        Assert.Equal(Expected(paper), (await ArticlesAsync(h, paper, Date)).Count);
        Assert.Equal(Expected(paper), (await ArticleRowsAsync(h, paper, Date)).Count);
        Assert.Empty(await StagingLeftAsync(h, paper, Date));
    }

    [Fact]
    public async Task Twenty_simultaneous_uploads_of_one_issue_under_different_names_make_one_set_of_stories()
    {
        await using var h = await PipelineHarness.StartAsync(azurite);
        const string paper = "dup-names";
        var metadata = new Dictionary<string, string> { ["paper"] = paper, ["date"] = Date };

        var intakes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var name = $"inbox/scan-{i:00}.txt";
            await h.UploadAsync(name, Inputs.ReferenceIssue, metadata);
            return await h.Intake.OnBlobAsync(h.UploadContainer, name, h.Client);
        }));
        var results = new List<IngestResult>();
        foreach (var i in intakes.Where(i => i.Action == IntakeAction.Scheduled)) results.Add(await h.WaitAsync(i.InstanceId));
        output.WriteLine(string.Join(", ", results.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}")));

        var rows = (await h.GetJsonAsync("/api/issues?top=200")).GetProperty("items").EnumerateArray().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("complete", row.GetProperty("status").GetString());
        Assert.Equal(Expected(paper), (await ArticlesAsync(h, paper, Date)).Count);
        Assert.Equal(Expected(paper), (await ArticleRowsAsync(h, paper, Date)).Count);
        Assert.Empty(await StagingLeftAsync(h, paper, Date));
    }

    private static async Task<Broadsheet.Storage.IssueEntity> IssueRowAsync(PipelineHarness h, string paper) =>
        await h.Services.GetRequiredService<Broadsheet.Storage.IssueStore>().GetAsync(Broadsheet.Search.IssueKey.For(paper, Date))
        ?? throw new Xunit.Sdk.XunitException($"no issue row for {paper}");
}

