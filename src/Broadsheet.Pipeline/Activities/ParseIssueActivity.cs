using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Storage;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Pipeline.Activities;

/// <summary>
/// Reads the uploaded blob (the exact version that was queued), decodes and parses it, resolves the issue's
/// paper and date, and stages the stories in batches. Input the parser refuses is a rejection with a reason,
/// not an exception: retrying it cannot help.
/// </summary>
public sealed class ParseIssueActivity(BroadsheetStorage storage, IssueStore issues, StagingStore staging, PipelineOptions options, ILogger<ParseIssueActivity> log)
{
    public const string Name = "ParseIssue";

    /// <summary>Larger uploads are refused: no newspaper issue is this big as text.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public async Task<ParseResult> RunAsync(IngestRequest request)
    {
        var intakeKey = IssueKey.ForUpload(request.Paper, request.Date, request.Container, request.BlobName);
        var version = Versions.Of(request.ContentHash);

        BinaryData content;
        try
        {
            var blob = storage.BlobService.GetBlobContainerClient(request.Container).GetBlobClient(request.BlobName);
            var download = await storage.Resilience.ExecuteAsync(async t => await blob.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(request.ETag) } }, t));
            content = download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Reject(request, "the blob was deleted before it could be read");
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Reject(request, "the blob was replaced after this upload was queued; the newer content is ingested instead");
        }
        if (content.ToMemory().Length > MaxBytes)
            return Reject(request, $"the upload is {content.ToMemory().Length / 1024 / 1024} MB; an issue dump is at most {MaxBytes / 1024 / 1024} MB of text");

        ParsedIssue parsed;
        try
        {
            DateOnly? date = request.Date is not null && DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            parsed = IssueParser.Parse(content.ToMemory().Span, new IssueContext(request.Paper, date));
        }
        catch (IssueFormatException e)
        {
            return Reject(request, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug is deterministic too: the same bytes would fail again. Record it, don't retry.
            log.LogError(e, "Parser failed on {Container}/{Blob}", request.Container, request.BlobName);
            return Reject(request, "the parser could not read this upload: " + e.Message.Split('\n')[0]);
        }

        var paper = request.Paper ?? parsed.Issue.Paper;
        var issueDate = request.Date ?? parsed.Issue.Date;
        if (string.IsNullOrWhiteSpace(paper) || !IssueKey.IsDate(issueDate))
            return Reject(request, "paper and date unknown: name the blob {paper}/{yyyy-MM-dd}.txt or set blob metadata 'paper' and 'date'");
        var key = IssueKey.For(paper, issueDate!);

        if (key != intakeKey)
        {
            // The text told us which issue this is: move the upload's record from its placeholder row to the issue's row.
            await issues.UpdateAsync(key, row => Uploads.Record(row ?? new IssueEntity(), request, paper, issueDate!, IssueStatus.Running, null));
            await issues.DeleteAsync(intakeKey);
        }

        var existing = await issues.GetAsync(key);
        if (existing is { Status: IssueStatus.Complete } && existing.CurrentVersion == version && existing.ContentHash == request.ContentHash)
            return new ParseResult(false, null, true, paper, issueDate, version, existing.Articles, existing.Pages, 0);

        await issues.UpdateAsync(key, row => row is null || row.ContentHash == request.ContentHash
            ? Uploads.Record(row ?? new IssueEntity(), request, paper, issueDate!, IssueStatus.Running, null)
            : null);

        parsed.Issue.Paper = paper;
        parsed.Issue.Date = issueDate;
        UniqueIds(parsed.Articles);
        var batchSize = Math.Max(1, options.EnrichBatchSize);
        var batches = parsed.Articles.Chunk(batchSize).ToList();
        for (var b = 0; b < batches.Count; b++)
            await staging.WriteBatchAsync(key, version, "parsed", b, batches[b].ToList());
        await staging.WriteIssueAsync(key, version, new StagedIssue(parsed.Issue, parsed.Unassigned, parsed.Articles.Count, batches.Count));

        log.LogInformation("Parsed {Container}/{Blob} as {Paper} {Date} version {Version}: {Articles} articles, {Pages} pages, {Unassigned} unassigned, {Batches} batches",
            request.Container, request.BlobName, paper, issueDate, version, parsed.Articles.Count, parsed.Issue.Pages.Count, parsed.Unassigned.Count, batches.Count);
        return new ParseResult(false, null, false, paper, issueDate, version, parsed.Articles.Count, parsed.Issue.Pages.Count, batches.Count);
    }

    private ParseResult Reject(IngestRequest request, string reason)
    {
        log.LogWarning("Rejected {Container}/{Blob}: {Reason}", request.Container, request.BlobName, reason);
        return new ParseResult(true, reason, false, request.Paper, request.Date, null, 0, 0, 0);
    }

    /// <summary>Ids become row keys: two articles with one id would overwrite each other. Keep both, suffixed.</summary>
    private static void UniqueIds(List<Article> articles)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            var id = string.IsNullOrWhiteSpace(articles[i].Id) ? $"a{i + 1:000}" : articles[i].Id;
            var candidate = id;
            for (var n = 2; !seen.Add(candidate); n++) candidate = $"{id}-{n}";
            articles[i].Id = candidate;
        }
    }
}

/// <summary>Version names derive from content: the same bytes always stage and publish as the same version.</summary>
public static class Versions
{
    public static string Of(string contentHash)
    {
        var hex = contentHash[(contentHash.IndexOf('-') + 1)..];
        return "v" + hex[..Math.Min(16, hex.Length)];
    }
}

/// <summary>How an upload is written on its issue row.</summary>
internal static class Uploads
{
    public static IssueEntity Record(IssueEntity row, IngestRequest request, string? paper, string? date, string status, string? error)
    {
        row.Paper = paper ?? row.Paper;
        row.Date = date ?? row.Date;
        row.Status = status;
        row.Error = error;
        row.Blob = request.Container + "/" + request.BlobName;
        row.BlobETag = request.ETag;
        row.ContentHash = request.ContentHash;
        return row;
    }
}
