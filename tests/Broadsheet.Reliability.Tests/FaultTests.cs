using System.Text;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Ingestion;
using Broadsheet.TestKit;
using Xunit.Abstractions;
using static Broadsheet.Reliability.Tests.InProcessApi;

namespace Broadsheet.Reliability.Tests;

/// <summary>Storage throttling, server timeouts after the write, and hung requests, injected into every storage client during ingestion.</summary>
public sealed class FaultTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Issues_ingested_through_throttling_and_timeouts_complete_with_nothing_lost_or_doubled()
    {
        var chaos = new ChaosPolicy(every: 10, hangEvery: 41);
        await using var h = await PipelineHarness.StartAsync(azurite, o =>
        {
            o.Storage.Policies.Add(chaos);
            o.Storage.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.EnrichBatchSize = 3;
        });
        var fourPages = Encoding.UTF8.GetBytes(string.Join('\f', Enumerable.Repeat(Inputs.ReferenceText, 4)));
        var uploads = new (string Paper, byte[] Bytes)[] { ("chaos-a", Inputs.ReferenceIssue), ("chaos-b", Inputs.ReferenceIssue), ("chaos-c", fourPages) };
        const string date = "2022-08-08";
        foreach (var (paper, bytes) in uploads) await h.UploadAsync($"{paper}/{date}.txt", bytes);

        chaos.Armed = true;
        var results = await Task.WhenAll(uploads.Select(async u =>
        {
            var intake = await h.Intake.OnBlobAsync(h.UploadContainer, $"{u.Paper}/{date}.txt", h.Client);
            Assert.Equal(IntakeAction.Scheduled, intake.Action);
            return await h.WaitAsync(intake.InstanceId);
        }));
        chaos.Armed = false;
        output.WriteLine($"injected {chaos.Throttled} throttled, {chaos.LostResponses} lost responses, {chaos.Hung} hung requests");
        Assert.True(chaos.Throttled > 0 && chaos.LostResponses > 0 && chaos.Hung > 0, "every kind of fault was injected");

        for (var i = 0; i < uploads.Length; i++)
        {
            var (paper, bytes) = uploads[i];
            Assert.True(results[i].Status == "complete", $"{paper}: {results[i].Status} {results[i].Error}");
            var expected = IssueParser.Parse(bytes, new IssueContext(paper, DateOnly.Parse(date))).Articles;

            var listed = await ArticlesAsync(h, paper, date);
            Assert.Equal(expected.Count, listed.Count);
            Assert.Equal(listed.Count, listed.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
            // Word for word: every story the parser found is there once, with its paragraphs.
            Assert.Equal(
                expected.Select(a => string.Join("\n", a.Paragraphs)).Order(StringComparer.Ordinal),
                listed.Select(a => string.Join("\n", a.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()))).Order(StringComparer.Ordinal));

            // Underneath: one version's rows only, no staging left over.
            var rows = await ArticleRowsAsync(h, paper, date);
            Assert.Equal(expected.Count, rows.Count);
            Assert.Single(rows.Select(r => r.GetString("Version")).Distinct());
            Assert.Empty(await StagingLeftAsync(h, paper, date));
        }
        var issues = await h.GetJsonAsync("/api/issues?top=200");
        Assert.Equal(uploads.Length, issues.GetProperty("items").GetArrayLength());
        Assert.All(issues.GetProperty("items").EnumerateArray(), i => Assert.Equal("complete", i.GetProperty("status").GetString()));
    }
}
