using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadsheet.Ingestion.Tests;

/// <summary>The orchestrator alone, against a scripted orchestration context: which activities it calls, with what, and what it returns.</summary>
public sealed class IngestOrchestratorTests
{
    private static readonly Upload Upload = new("issues", "p/2022-08-08.txt", "\"0x1\"", "md5-00112233445566778899", "p", "2022-08-08");

    private static ParseResult Parsed(int batches, bool unchanged = false) =>
        new(false, null, unchanged, "p", "2022-08-08", "v0011223344556677", 12, 2, batches);

    [Fact]
    public async Task Parse_then_one_enrichment_per_batch_then_publish()
    {
        var context = new ScriptedContext
        {
            [ParseIssueActivity.Name] = _ => Parsed(batches: 3),
            [EnrichArticlesActivity.Name] = _ => 4,
            [PublishIssueActivity.Name] = _ => new PublishResult(false, 12, 2, 300, 0),
        };

        var result = await IngestOrchestrator.RunAsync(context, Upload);

        Assert.Equal(new IngestResult("complete", "p", "2022-08-08", "v0011223344556677", 12, 2, null), result);
        Assert.Equal([ParseIssueActivity.Name, EnrichArticlesActivity.Name, EnrichArticlesActivity.Name, EnrichArticlesActivity.Name, PublishIssueActivity.Name],
            context.Calls.Select(c => c.Name));
        Assert.Equal(Upload, context.Calls[0].Input);
        Assert.Equal([0, 1, 2], context.Calls.Select(c => c.Input).OfType<EnrichBatchRequest>().Select(r => r.Batch));
        Assert.Equal(new PublishRequest(Upload, "p", "2022-08-08", "v0011223344556677", 3), context.Calls[^1].Input);
        // Every call carries the retry policy.
        Assert.All(context.Calls, c => Assert.Same(IngestOrchestrator.ActivityRetry, c.Options));
    }

    [Fact]
    public async Task An_upload_the_parser_refuses_is_recorded_as_failed_and_nothing_else_runs()
    {
        var context = new ScriptedContext
        {
            [ParseIssueActivity.Name] = _ => new ParseResult(true, "input looks binary", false, "p", "2022-08-08", null, 0, 0, 0),
            [RecordFailureActivity.Name] = _ => true,
        };

        var result = await IngestOrchestrator.RunAsync(context, Upload);

        Assert.Equal("failed", result.Status);
        Assert.Equal("input looks binary", result.Error);
        Assert.Equal([ParseIssueActivity.Name, RecordFailureActivity.Name], context.Calls.Select(c => c.Name));
        Assert.Equal(new FailureRecord(Upload, "p", "2022-08-08", null, "input looks binary"), context.Calls[1].Input);
    }

    [Fact]
    public async Task Content_the_issue_already_holds_is_not_enriched_or_published_again()
    {
        var context = new ScriptedContext { [ParseIssueActivity.Name] = _ => Parsed(batches: 0, unchanged: true) };

        var result = await IngestOrchestrator.RunAsync(context, Upload);

        Assert.Equal("unchanged", result.Status);
        Assert.Equal([ParseIssueActivity.Name], context.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task A_newer_upload_of_the_issue_supersedes_this_one()
    {
        var context = new ScriptedContext
        {
            [ParseIssueActivity.Name] = _ => Parsed(batches: 1),
            [EnrichArticlesActivity.Name] = _ => 12,
            [PublishIssueActivity.Name] = _ => new PublishResult(true, 0, 0, 0, 40),
        };

        Assert.Equal("superseded", (await IngestOrchestrator.RunAsync(context, Upload)).Status);
    }

    [Fact]
    public async Task An_activity_that_fails_after_its_retries_ends_the_upload_failed_with_the_innermost_first_line()
    {
        var inner = new TaskFailureDetails("RequestFailedException", "storage is gone\nstack…", null, null, null);
        var context = new ScriptedContext
        {
            [ParseIssueActivity.Name] = _ => Parsed(batches: 2),
            [EnrichArticlesActivity.Name] = _ => throw new TaskFailedException(EnrichArticlesActivity.Name, 2,
                new TaskFailureDetails("TaskFailedException", "activity failed", null, inner, null)),
            [RecordFailureActivity.Name] = _ => true,
        };

        var result = await IngestOrchestrator.RunAsync(context, Upload);

        Assert.Equal("failed", result.Status);
        Assert.Equal("storage is gone", result.Error);
        var record = Assert.IsType<FailureRecord>(context.Calls[^1].Input);
        Assert.Equal(new FailureRecord(Upload, "p", "2022-08-08", "v0011223344556677", "storage is gone"), record);
        Assert.DoesNotContain(context.Calls, c => c.Name == PublishIssueActivity.Name);
    }

    [Fact]
    public async Task Staging_that_storage_lost_is_staged_again_from_the_upload_once()
    {
        // Azurite killed within its metadata flush loses the latest staged batches: publish finds one missing.
        var lost = new TaskFailureDetails(typeof(Broadsheet.Storage.StagingLostException).FullName!, "staged blob … is missing", null, null, null);
        var publishes = 0;
        var context = new ScriptedContext
        {
            [ParseIssueActivity.Name] = _ => Parsed(batches: 1),
            [EnrichArticlesActivity.Name] = _ => 12,
            [PublishIssueActivity.Name] = _ => ++publishes == 1
                ? throw new TaskFailedException(PublishIssueActivity.Name, 3, new TaskFailureDetails("TaskFailedException", "activity failed", null, lost, null))
                : new PublishResult(false, 12, 2, 300, 0),
        };

        var result = await IngestOrchestrator.RunAsync(context, Upload);

        Assert.Equal("complete", result.Status);
        Assert.Equal([ParseIssueActivity.Name, EnrichArticlesActivity.Name, PublishIssueActivity.Name, ParseIssueActivity.Name, EnrichArticlesActivity.Name, PublishIssueActivity.Name],
            context.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task Staging_lost_twice_fails_the_upload_with_the_reason()
    {
        var lost = new TaskFailureDetails(typeof(Broadsheet.Storage.StagingLostException).FullName!, "staged blob x is missing", null, null, null);
        var context = new ScriptedContext
        {
            [ParseIssueActivity.Name] = _ => Parsed(batches: 1),
            [EnrichArticlesActivity.Name] = _ => throw new TaskFailedException(EnrichArticlesActivity.Name, 2, lost),
            [RecordFailureActivity.Name] = _ => true,
        };

        var result = await IngestOrchestrator.RunAsync(context, Upload);

        Assert.Equal(("failed", "staged blob x is missing"), (result.Status, result.Error));
        Assert.Equal(2, context.Calls.Count(c => c.Name == ParseIssueActivity.Name));
    }

    /// <summary>An orchestration context whose activities answer from a script, and which records every call.</summary>
    private sealed class ScriptedContext : TaskOrchestrationContext
    {
        private readonly Dictionary<string, Func<object?, object?>> _script = [];

        public List<(string Name, object? Input, TaskOptions? Options)> Calls { get; } = [];

        public Func<object?, object?> this[string activity] { set => _script[activity] = value; }

        public override Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null)
        {
            lock (Calls) Calls.Add((name.Name, input, options));
            if (!_script.TryGetValue(name.Name, out var answer)) throw new InvalidOperationException($"unexpected activity {name.Name}");
            try
            {
                return Task.FromResult((T)answer(input)!);
            }
            catch (TaskFailedException e)
            {
                return Task.FromException<T>(e);
            }
        }

        public override TaskName Name => IngestOrchestrator.Name;
        public override string InstanceId => Upload.InstanceId;
        public override ParentOrchestrationInstance? Parent => null;
        public override DateTime CurrentUtcDateTime => new(2022, 8, 8, 0, 0, 0, DateTimeKind.Utc);
        public override bool IsReplaying => false;
        protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;
        public override T GetInput<T>() => (T)(object)Upload;
        public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => Task.CompletedTask;
        public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();
        public override void SetCustomStatus(object? customStatus) { }
        public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();
        public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();
        public override Guid NewGuid() => Guid.Empty;
    }
}
