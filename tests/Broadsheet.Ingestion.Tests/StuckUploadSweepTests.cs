using Azure.Core;
using Broadsheet.Search;
using Broadsheet.Storage;
using Broadsheet.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion.Tests;

/// <summary>
/// The function app's sweep of uploads no orchestration will finish, against Azurite and the local engine.
/// A harness that registers no tasks stands in for a host that claims uploads but cannot run them: its
/// orchestrations end failed at once ("no orchestrator named IngestIssue"), leaving the upload queued.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StuckUploadSweepTests(AzuriteFixture azurite)
{
    private const string Blob = "jining-daily/2022-08-08.txt";

    private static StuckUploadSweep Sweep(PipelineHarness h, TimeSpan stuckAfter) =>
        new(h.Services.GetRequiredService<IssueStore>(), h.Intake, h.Services.GetRequiredService<RecordFailureActivity>(),
            h.Services.GetRequiredService<ILogger<StuckUploadSweep>>()) { StuckAfter = stuckAfter };

    private static Task<IssueEntity?> RowAsync(PipelineHarness h) =>
        h.Services.GetRequiredService<IssueStore>().GetAsync(IssueKey.For("jining-daily", "2022-08-08"));

    [Fact]
    public async Task Upload_whose_orchestration_never_started_is_restarted_and_completes()
    {
        string prefix;
        await using (var dead = await PipelineHarness.StartAsync(azurite, registerTasks: false))
        {
            // Claimed and scheduled, then the host and its task hub are gone.
            prefix = dead.Prefix;
            await dead.UploadAsync(Blob, Samples.ReferencePage());
            Assert.Equal(IntakeAction.Scheduled, (await dead.Intake.OnBlobAsync(dead.UploadContainer, Blob, dead.Client)).Action);
        }

        await using var h = await PipelineHarness.StartAsync(azurite, prefix: prefix, taskHub: prefix + "newhub");
        var row = await RowAsync(h);
        Assert.Equal(IssueStatus.Queued, row!.Status);

        // Not stuck for long enough yet: left alone.
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0), await Sweep(h, TimeSpan.FromMinutes(15)).RunAsync(h.Client));
        Assert.Equal(IssueStatus.Queued, (await RowAsync(h))!.Status);

        Assert.Equal(new StuckUploadSweep.Outcome(1, 0, 0), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));
        var result = await h.WaitAsync(row.InstanceId!);

        Assert.Equal("complete", result.Status);
        var after = await RowAsync(h);
        Assert.Equal(IssueStatus.Complete, after!.Status);
        Assert.Equal(after.ContentHash, after.RestartedContentHash);
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));
    }

    [Fact]
    public async Task Upload_whose_orchestration_keeps_ending_without_a_result_is_restarted_once_then_failed_with_the_reason()
    {
        await using var h = await PipelineHarness.StartAsync(azurite, registerTasks: false);
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var intake = await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client);
        await WaitUntilEndedAsync(h.Client, intake.InstanceId);
        Assert.Equal(IssueStatus.Queued, (await RowAsync(h))!.Status);

        Assert.Equal(new StuckUploadSweep.Outcome(1, 0, 0), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));
        Assert.Equal(IssueStatus.Queued, (await RowAsync(h))!.Status);
        await WaitUntilEndedAsync(h.Client, intake.InstanceId);

        Assert.Equal(new StuckUploadSweep.Outcome(0, 1, 0), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));

        var row = await RowAsync(h);
        Assert.Equal(IssueStatus.Failed, row!.Status);
        // The Azure Storage provider keeps no failure details for a failed orchestration: the status is the reason.
        Assert.True(row.Error!.StartsWith("ingestion stopped without a result (its orchestration ended failed", StringComparison.Ordinal), row.Error);
        Assert.EndsWith("; upload the file again to retry", row.Error);
        Assert.DoesNotContain('\n', row.Error!);
        // Settled: later passes leave it be.
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));
    }

    [Fact]
    public async Task Upload_with_a_live_orchestration_is_left_to_it()
    {
        // The parse's download of the upload waits until the test lets it go: the orchestration stays running.
        using var gate = new GatePolicy(m => m.Request.Method == RequestMethod.Get && m.Request.Uri.Path.EndsWith("/" + Blob, StringComparison.Ordinal));
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(gate));
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var intake = await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client);
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 1), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));

        gate.Open();
        Assert.Equal("complete", (await h.WaitAsync(intake.InstanceId)).Status);
        Assert.Null((await RowAsync(h))!.RestartedContentHash);
    }

    [Fact]
    public async Task Stuck_upload_whose_blob_is_gone_is_failed()
    {
        string prefix;
        await using (var dead = await PipelineHarness.StartAsync(azurite, registerTasks: false))
        {
            prefix = dead.Prefix;
            var blob = await dead.UploadAsync(Blob, Samples.ReferencePage());
            await dead.Intake.OnBlobAsync(dead.UploadContainer, Blob, dead.Client);
            await blob.DeleteAsync();
        }

        await using var h = await PipelineHarness.StartAsync(azurite, prefix: prefix, taskHub: prefix + "newhub");
        Assert.Equal(new StuckUploadSweep.Outcome(0, 1, 0), await Sweep(h, TimeSpan.Zero).RunAsync(h.Client));

        var row = await RowAsync(h);
        Assert.Equal(IssueStatus.Failed, row!.Status);
        Assert.Equal("ingestion stopped without a result (the uploaded blob is gone); upload the file again to retry", row.Error);
    }

    private static async Task WaitUntilEndedAsync(DurableTaskClient client, string instanceId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ended = await client.WaitForInstanceCompletionAsync(instanceId, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, ended.RuntimeStatus);
    }
}
