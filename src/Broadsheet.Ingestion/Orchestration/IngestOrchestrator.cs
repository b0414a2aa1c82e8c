using Broadsheet.Core.Layout;
using Broadsheet.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// parse → enrich (fan-out in batches) → publish, for one upload. Deterministic: no I/O here, only activity
/// calls with references. Every activity has a retry policy; the final failure is recorded on the upload.
/// </summary>
public static class IngestOrchestrator
{
    public const string Name = "IngestIssue";

    /// <summary>Attempts per activity, the first included.</summary>
    public const int ActivityAttempts = 6;

    /// <summary>
    /// <see cref="ActivityAttempts"/> attempts, 2, 4, 8, 16 and 30 s apart: rides out a worker restart or a storage outage
    /// of about a minute (each attempt already retries every storage call itself). Input the parser refuses is not
    /// thrown, so only failures worth retrying get here — except lost staging: the same activity would find the same
    /// blob missing six times over a minute, so it goes to the orchestrator at once, which stages again.
    /// </summary>
    public static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: ActivityAttempts, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromSeconds(30))
        {
            HandleFailure = failure => !IsCausedBy<StagingLostException>(failure),
        });

    public static async Task<IngestResult> RunAsync(TaskOrchestrationContext context, Upload request)
    {
        var log = context.CreateReplaySafeLogger(Name);
        ParseResult? parsed = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await IngestAsync(context, log, request, p => parsed = p);
            }
            catch (TaskFailedException e) when (attempt == 1 && IsCausedBy<StagingLostException>(e.FailureDetails))
            {
                // Storage lost staged batches (Azurite killed before it saved them): stage again from the upload, once.
                log.LogWarning("Staging of {Container}/{Blob} was lost; staging it again from the upload: {Failure}", request.Container, request.BlobName, OneLine(e.FailureDetails));
            }
            catch (TaskFailedException e)
            {
                log.LogWarning("Activity failed for {Container}/{Blob}: {Failure}", request.Container, request.BlobName, e.FailureDetails.ToString());
                return await FailAsync(context, log, request, parsed, OneLine(e.FailureDetails));
            }
        }
    }

    private static async Task<IngestResult> IngestAsync(TaskOrchestrationContext context, ILogger log, Upload request, Action<ParseResult> onParsed)
    {
        var parsed = await context.CallActivityAsync<ParseResult>(ParseIssueActivity.Name, request, ActivityRetry);
        onParsed(parsed);
        if (parsed.Rejected)
            return await FailAsync(context, log, request, parsed, parsed.Error ?? "rejected");
        if (parsed.Unchanged)
            return new IngestResult("unchanged", parsed.Paper, parsed.Date, parsed.Version, parsed.Articles, parsed.Pages, null);

        var paper = parsed.Paper!;
        var date = parsed.Date!;
        var version = parsed.Version!;
        var batches = Enumerable.Range(0, parsed.Batches)
            .Select(b => context.CallActivityAsync<int>(EnrichArticlesActivity.Name, new EnrichBatchRequest(paper, date, version, b, request.StagingId), ActivityRetry))
            .ToList();
        await Task.WhenAll(batches);

        var published = await context.CallActivityAsync<PublishResult>(PublishIssueActivity.Name,
            new PublishRequest(request, paper, date, version, parsed.Batches), ActivityRetry);
        var status = published.Superseded ? "superseded" : "complete";
        log.LogInformation("Ingest {Status}: {Paper} {Date} version {Version}, {Articles} articles, {Pages} pages, {IndexEntities} index entities, {Stale} stale rows deleted",
            status, paper, date, version, published.Articles, published.Pages, published.IndexEntities, published.StaleRowsDeleted);
        return new IngestResult(status, paper, date, version, published.Articles, published.Pages, null);
    }

    /// <summary>
    /// By type name, down the chain of inner failures: the activity's exception reaches the orchestrator as a name
    /// (TaskFailureDetails.ErrorType) through the task hub, on every backend (a test checks it on the dev host's).
    /// </summary>
    private static bool IsCausedBy<T>(TaskFailureDetails? details) where T : Exception
    {
        for (; details is not null; details = details.InnerFailure)
            if (details.ErrorType == typeof(T).FullName) return true;
        return false;
    }

    private static async Task<IngestResult> FailAsync(TaskOrchestrationContext context, ILogger log, Upload request, ParseResult? parsed, string error)
    {
        log.LogWarning("Ingest failed: blob {Container}/{Blob}: {Error}", request.Container, request.BlobName, error);
        await context.CallActivityAsync(RecordFailureActivity.Name,
            new FailureRecord(request, parsed?.Paper ?? request.Paper, parsed?.Date ?? request.Date, parsed?.Version, error), ActivityRetry);
        return new IngestResult("failed", parsed?.Paper ?? request.Paper, parsed?.Date ?? request.Date, parsed?.Version, 0, 0, error);
    }

    /// <summary>The innermost failure's message, first line only: what a user sees in /api/issues.</summary>
    internal static string OneLine(TaskFailureDetails details)
    {
        while (details.InnerFailure is not null) details = details.InnerFailure;
        var message = details.ErrorMessage ?? details.ErrorType;
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? Chars.Clip(line, 300) + "…" : line;
    }
}
