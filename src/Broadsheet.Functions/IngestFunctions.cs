using Azure.Storage.Blobs;
using Broadsheet.Ingestion;
using Broadsheet.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Broadsheet.Functions;

/// <summary>
/// Bindings for ingestion: the blob trigger, the orchestrator and one wrapper per activity of
/// <see cref="IngestTasks.Activities"/> (a test checks they agree). No logic here.
/// </summary>
public sealed class IngestFunctions(UploadIntake intake, ParseIssueActivity parse, EnrichArticlesActivity enrich,
    PublishIssueActivity publish, RecordFailureActivity recordFailure)
{
    /// <summary>BlobCreated in `issues` (via Event Grid: the only source Flex Consumption supports) → queued upload + orchestration.</summary>
    [Function(nameof(OnIssueUploaded))]
    public Task<IntakeResult> OnIssueUploaded(
        [BlobTrigger(StorageOptions.DefaultUploadContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "IssueStorage")] BlobClient blob,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        intake.OnBlobAsync(blob.BlobContainerName, blob.Name, client, ct);

    [Function(IngestOrchestrator.Name)]
    public static Task<IngestResult> IngestIssue([OrchestrationTrigger] TaskOrchestrationContext context) =>
        IngestOrchestrator.RunAsync(context, context.GetInput<Upload>()!);

    [Function(ParseIssueActivity.Name)]
    public Task<ParseResult> ParseIssue([ActivityTrigger] Upload request) => parse.RunAsync(request);

    [Function(EnrichArticlesActivity.Name)]
    public Task<int> EnrichArticles([ActivityTrigger] EnrichBatchRequest request) => enrich.RunAsync(request);

    [Function(PublishIssueActivity.Name)]
    public Task<PublishResult> PublishIssue([ActivityTrigger] PublishRequest request) => publish.RunAsync(request);

    [Function(RecordFailureActivity.Name)]
    public Task<bool> RecordIngestFailure([ActivityTrigger] FailureRecord failure) => recordFailure.RunAsync(failure);
}
