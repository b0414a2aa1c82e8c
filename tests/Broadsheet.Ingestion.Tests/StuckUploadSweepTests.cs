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
    public async Task Orchestration_without_progress_while_the_hub_stands_still_is_terminated_and_restarted_once_a_moving_one_is_left_alone()
    {
        // Each parse waits on its download until the test lets it go: a running orchestration whose activity never
        // reports back, as when storage lost the activity's message state (issue #16 item 5).
        const string other = "other-daily/2022-08-08.txt";
        using var gate = Gate(Blob);
        using var otherGate = Gate(other);
        await using var h = await PipelineHarness.StartAsync(azurite, o => { o.Storage.Policies.Add(gate); o.Storage.Policies.Add(otherGate); });
        var store = h.Services.GetRequiredService<IssueStore>();
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var wedged = (await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client)).InstanceId;
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the other one moves later
        await h.UploadAsync(other, Samples.ReferencePage());
        var moving = (await h.Intake.OnBlobAsync(h.UploadContainer, other, h.Client)).InstanceId;
        await otherGate.Reached.WaitAsync(TimeSpan.FromMinutes(2));

        // The production threshold; a short StuckAfter so the row's age is not what decides.
        var staleAfter = StuckUploadSweep.DefaultStaleAfter;
        StuckUploadSweep At(DateTimeOffset now) => new(store, h.Intake, h.Services.GetRequiredService<RecordFailureActivity>(),
            h.Services.GetRequiredService<ILogger<StuckUploadSweep>>()) { StuckAfter = TimeSpan.FromMinutes(1), Clock = new FixedClock(now) };
        var wedgedMoved = await LastMovedAsync(h, IssueKey.For("jining-daily", "2022-08-08"), wedged);
        var otherMoved = await LastMovedAsync(h, IssueKey.For("other-daily", "2022-08-08"), moving);
        Assert.True(wedgedMoved < otherMoved - TimeSpan.FromSeconds(1), $"{wedgedMoved:O} vs {otherMoved:O}");

        // Past the threshold for the wedged one, not for the other: the hub is moving, both are left alone.
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 2), await At(otherMoved + staleAfter - TimeSpan.FromSeconds(1)).RunAsync(h.Client));

        otherGate.Open();
        Assert.Equal("complete", (await h.WaitAsync(moving)).Status);
        // Now it is alone: just short of the threshold it is still left to itself ...
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 1), await At(wedgedMoved + staleAfter - TimeSpan.FromSeconds(1)).RunAsync(h.Client));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Client.GetInstanceAsync(wedged))!.RuntimeStatus);

        // ... past it, it is terminated and the upload started again under the same id (the intake's own path).
        Assert.Equal(new StuckUploadSweep.Outcome(1, 0, 0), await At(wedgedMoved + staleAfter + TimeSpan.FromSeconds(1)).RunAsync(h.Client));
        var row = await RowAsync(h);
        Assert.Equal(IssueStatus.Queued, row!.Status);
        Assert.Equal(row.ContentHash, row.RestartedContentHash);
        Assert.Equal(wedged, row.InstanceId);
        Assert.NotEqual(OrchestrationRuntimeStatus.Terminated, (await h.Client.GetInstanceAsync(wedged))!.RuntimeStatus);

        // The old activity's late result goes nowhere; the new run completes with every story once.
        gate.Open();
        Assert.Equal("complete", (await h.WaitAsync(wedged)).Status);
        var expected = Broadsheet.Core.IssueParser.Parse(Samples.ReferencePage(), new Broadsheet.Core.Model.IssueContext("jining-daily", new DateOnly(2022, 8, 8))).Articles.Count;
        Assert.Equal(expected, (await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08")).GetProperty("articleList").GetArrayLength());
        // Both issues, one version each: nothing published twice, no second version left beside the first.
        Assert.Equal(2 * expected, (await IngestionTests.SnapshotAsync(h)).Articles.Count);
        Assert.Equal(IssueStatus.Complete, (await RowAsync(h))!.Status);
        // Settled: it is not restarted again.
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0), await At(DateTimeOffset.UtcNow + staleAfter + staleAfter).RunAsync(h.Client));
    }

    [Fact]
    public async Task Orchestration_whose_row_storage_lost_is_left_while_it_moves_then_terminated_and_restarted_once()
    {
        // Azurite killed before it saved the claim: the row is gone, the orchestration stays running (its download held
        // open, as when storage lost its activity's message state). No row names it, so only the task hub shows it.
        using var gate = Gate(Blob);
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(gate));
        var store = h.Services.GetRequiredService<IssueStore>();
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var instanceId = (await h.Intake.OnBlobAsync(h.UploadContainer, Blob, h.Client)).InstanceId;
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        await store.DeleteAsync(IssueKey.For("jining-daily", "2022-08-08"));
        var moved = (await h.Client.GetInstanceAsync(instanceId))!.LastUpdatedAt;

        var staleAfter = StuckUploadSweep.DefaultStaleAfter;
        StuckUploadSweep At(DateTimeOffset now) => new(store, h.Intake, h.Services.GetRequiredService<RecordFailureActivity>(),
            h.Services.GetRequiredService<ILogger<StuckUploadSweep>>()) { StuckAfter = TimeSpan.FromMinutes(1), Clock = new FixedClock(now) };

        // 1 s short of the threshold it may still be moving: left to itself, nothing written.
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0), await At(moved + staleAfter - TimeSpan.FromSeconds(1)).RunAsync(h.Client));
        Assert.Null(await RowAsync(h));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Client.GetInstanceAsync(instanceId))!.RuntimeStatus);

        // 1 s past it: terminated, and the upload claimed again and restarted under the same id, once.
        Assert.Equal(new StuckUploadSweep.Outcome(1, 0, 0), await At(moved + staleAfter + TimeSpan.FromSeconds(1)).RunAsync(h.Client));
        var row = await RowAsync(h);
        Assert.Equal(IssueStatus.Queued, row!.Status);
        Assert.Equal(instanceId, row.InstanceId);
        Assert.Equal(row.ContentHash, row.RestartedContentHash);

        gate.Open();
        Assert.Equal("complete", (await h.WaitAsync(instanceId)).Status);
        var expected = Broadsheet.Core.IssueParser.Parse(Samples.ReferencePage(), new Broadsheet.Core.Model.IssueContext("jining-daily", new DateOnly(2022, 8, 8))).Articles.Count;
        Assert.Equal(expected, (await IngestionTests.SnapshotAsync(h)).Articles.Count);
        Assert.Equal(IssueStatus.Complete, (await RowAsync(h))!.Status);
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0), await At(DateTimeOffset.UtcNow + staleAfter + staleAfter).RunAsync(h.Client));
    }

    [Fact]
    public async Task Dev_host_watcher_hands_a_blob_over_again_when_storage_lost_its_claim()
    {
        // Azurite killed before it saved them: the upload's row and its orchestration are gone, the blob is not.
        using var gate = Gate(Blob);
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(gate));
        var store = h.Services.GetRequiredService<IssueStore>();
        var watcher = new Broadsheet.DevHost.IssueWatcher(h.Storage.BlobService.GetBlobContainerClient(h.UploadContainer), h.Intake, store, h.Client,
            h.Services.GetRequiredService<ILogger<Broadsheet.DevHost.IssueWatcher>>());
        await h.UploadAsync(Blob, Samples.ReferencePage());
        await watcher.PollOnceAsync(default);
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        var instanceId = (await RowAsync(h))!.InstanceId!;

        await store.DeleteAsync(IssueKey.For("jining-daily", "2022-08-08"));
        await h.Client.TerminateInstanceAsync(instanceId);
        await h.Client.WaitForInstanceCompletionAsync(instanceId, new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        await h.Client.PurgeInstanceAsync(instanceId);

        // The blob is known and unchanged: polling alone does not look at it again ...
        await watcher.PollOnceAsync(default);
        Assert.Null(await RowAsync(h));
        // ... the sweep pass finds its claim gone, and the next poll hands it over again.
        await watcher.SweepOnceAsync(default);
        await watcher.PollOnceAsync(default);
        Assert.Equal(IssueStatus.Queued, (await RowAsync(h))?.Status);

        gate.Open();
        Assert.Equal("complete", (await h.WaitAsync(instanceId)).Status);
        // Settled: later passes hand nothing over (the row is not written again).
        var done = (await RowAsync(h))!;
        Assert.Equal(IssueStatus.Complete, done.Status);
        await watcher.SweepOnceAsync(default);
        await watcher.PollOnceAsync(default);
        Assert.Equal(done.Updated, (await RowAsync(h))!.Updated);
    }

    [Fact]
    public async Task Finished_orchestrations_past_the_retention_are_purged_the_rest_kept_and_the_issue_still_served()
    {
        // Before the cut-off: a completed upload, a completed one whose issue row is unfinished again (claimed by a new
        // upload that has not started its orchestration yet, as the intake leaves it between claim and start), and one
        // still running (its download held open). After it: a completed one.
        const string reclaimed = "reclaimed-daily/2022-08-08.txt", running = "running-daily/2022-08-08.txt", newer = "newer-daily/2022-08-08.txt";
        using var gate = Gate(running);
        await using var h = await PipelineHarness.StartAsync(azurite, o => o.Storage.Policies.Add(gate));
        var store = h.Services.GetRequiredService<IssueStore>();
        await h.UploadAsync(Blob, Samples.ReferencePage());
        var old = (await h.IngestAsync(Blob)).Intake.InstanceId;
        await h.UploadAsync(reclaimed, Samples.ReferencePage());
        var reclaimedId = (await h.IngestAsync(reclaimed)).Intake.InstanceId;
        await h.UploadAsync(running, Samples.ReferencePage());
        var runningId = (await h.Intake.OnBlobAsync(h.UploadContainer, running, h.Client)).InstanceId;
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the newer one is created later
        await h.UploadAsync(newer, Samples.ReferencePage());
        var newerId = (await h.IngestAsync(newer)).Intake.InstanceId;
        var reclaimedKey = IssueKey.For("reclaimed-daily", "2022-08-08");
        await store.UpdateAsync(reclaimedKey, row => { row!.Status = IssueStatus.Queued; return row; });

        async Task<DateTimeOffset> CreatedAsync(string id) => (await h.Client.GetInstanceAsync(id))!.CreatedAt;
        var newerCreated = await CreatedAsync(newerId);
        foreach (var id in new[] { old, reclaimedId, runningId })
            Assert.True(await CreatedAsync(id) < newerCreated - TimeSpan.FromSeconds(2), id);
        Assert.NotEmpty(await TaskHubHistory.EventsAsync(azurite.ConnectionString, old, h.TaskHub));

        // The production retention on a fake clock; stuck and stale thresholds far off, so only the purge acts.
        var retention = StuckUploadSweep.DefaultRetention;
        StuckUploadSweep At(DateTimeOffset now) => new(store, h.Intake, h.Services.GetRequiredService<RecordFailureActivity>(),
            h.Services.GetRequiredService<ILogger<StuckUploadSweep>>())
        { StuckAfter = TimeSpan.FromDays(30), StaleAfter = TimeSpan.FromDays(30), Clock = new FixedClock(now) };
        var cutOff = newerCreated - TimeSpan.FromSeconds(1) + retention;

        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0, 1), await At(cutOff).RunAsync(h.Client));

        // Past the retention and finished: gone from the hub, history and all.
        Assert.Null(await h.Client.GetInstanceAsync(old));
        Assert.Empty(await TaskHubHistory.EventsAsync(azurite.ConnectionString, old, h.TaskHub));
        // Kept: the one an unfinished upload names, the running one, and the one within the retention.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.Client.GetInstanceAsync(reclaimedId))?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Client.GetInstanceAsync(runningId))?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.Client.GetInstanceAsync(newerId))?.RuntimeStatus);
        Assert.NotEmpty(await TaskHubHistory.EventsAsync(azurite.ConnectionString, newerId, h.TaskHub));

        // The purged upload's issue lives in our tables: still served, every story; its row is untouched.
        var expected = Broadsheet.Core.IssueParser.Parse(Samples.ReferencePage(), new Broadsheet.Core.Model.IssueContext("jining-daily", new DateOnly(2022, 8, 8))).Articles.Count;
        Assert.Equal(expected, (await h.GetJsonAsync("/api/issues/jining-daily/2022-08-08")).GetProperty("articleList").GetArrayLength());
        Assert.Equal(IssueStatus.Complete, (await RowAsync(h))!.Status);

        // A second pass at the same time changes nothing.
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0, 0), await At(cutOff).RunAsync(h.Client));
        Assert.NotNull(await h.Client.GetInstanceAsync(reclaimedId));
        Assert.NotNull(await h.Client.GetInstanceAsync(newerId));

        // Once its upload is settled the reclaimed one goes too, with the newer one once it is past the retention;
        // the running one stays while it runs.
        await store.UpdateAsync(reclaimedKey, row => { row!.Status = IssueStatus.Complete; return row; });
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0, 2), await At(newerCreated + TimeSpan.FromSeconds(1) + retention).RunAsync(h.Client));
        Assert.Null(await h.Client.GetInstanceAsync(reclaimedId));
        Assert.Null(await h.Client.GetInstanceAsync(newerId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Client.GetInstanceAsync(runningId))?.RuntimeStatus);

        gate.Open();
        Assert.Equal("complete", (await h.WaitAsync(runningId)).Status);
    }

    [Fact]
    public async Task A_purge_that_fails_logs_a_warning_and_the_next_pass_purges()
    {
        var warnings = new WarningLog();
        var h = await PipelineHarness.StartAsync(azurite);
        var prefix = h.Prefix;
        var client = h.Client;
        string instanceId;
        StuckUploadSweep sweep;
        try
        {
            await h.UploadAsync(Blob, Samples.ReferencePage());
            instanceId = (await h.IngestAsync(Blob)).Intake.InstanceId;
            sweep = new StuckUploadSweep(h.Services.GetRequiredService<IssueStore>(), h.Intake, h.Services.GetRequiredService<RecordFailureActivity>(), warnings)
            { Clock = new FixedClock(DateTimeOffset.UtcNow + StuckUploadSweep.DefaultRetention + TimeSpan.FromMinutes(1)) };
        }
        finally
        {
            await h.DisposeAsync(); // the task hub's engine is gone: every call to it fails
        }

        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0, 0), await sweep.RunAsync(client));
        var purge = Assert.Single(warnings.Entries, e => e.Template.StartsWith("Could not purge finished orchestrations", StringComparison.Ordinal));
        Assert.Contains("{CreatedBefore:O}", purge.Template);
        Assert.Contains("{Reason}", purge.Template);

        // The next pass (a host started again on the same task hub) purges it.
        await using var again = await PipelineHarness.StartAsync(azurite, prefix: prefix);
        Assert.NotNull(await again.Client.GetInstanceAsync(instanceId));
        Assert.Equal(new StuckUploadSweep.Outcome(0, 0, 0, 1), await new StuckUploadSweep(again.Services.GetRequiredService<IssueStore>(), again.Intake,
                again.Services.GetRequiredService<RecordFailureActivity>(), again.Services.GetRequiredService<ILogger<StuckUploadSweep>>())
            { Clock = new FixedClock(DateTimeOffset.UtcNow + StuckUploadSweep.DefaultRetention + TimeSpan.FromMinutes(1)) }.RunAsync(again.Client));
        Assert.Null(await again.Client.GetInstanceAsync(instanceId));
        Assert.Equal(IssueStatus.Complete, (await RowAsync(again))!.Status);
    }

    /// <summary>The sweep's warnings, with the message template each was logged with (structured, not a formatted string).</summary>
    private sealed class WarningLog : ILogger<StuckUploadSweep>
    {
        public List<(string Template, string Message)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.Warning) return;
            var template = state is IEnumerable<KeyValuePair<string, object?>> values
                ? values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? "" : "";
            lock (Entries) Entries.Add((template, formatter(state, exception)));
        }
    }

    private static GatePolicy Gate(string blob) =>
        new(m => m.Request.Method == RequestMethod.Get && m.Request.Uri.Path.EndsWith("/" + blob, StringComparison.Ordinal));

    /// <summary>The later of the upload's row change and its orchestration's last step: what the sweep measures from.</summary>
    private static async Task<DateTimeOffset> LastMovedAsync(PipelineHarness h, IssueKey key, string instanceId)
    {
        var row = await h.Services.GetRequiredService<IssueStore>().GetAsync(key);
        var instance = await h.Client.GetInstanceAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        return row!.Updated > instance.LastUpdatedAt ? row.Updated : instance.LastUpdatedAt;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
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
