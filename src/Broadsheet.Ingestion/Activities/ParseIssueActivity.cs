using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// Reads the uploaded blob (the exact version that was queued), decodes and parses it, resolves the issue's
/// paper and date, and stages the stories in batches. Input the parser refuses is a rejection with a reason,
/// not an exception: retrying it cannot help.
/// </summary>
public sealed class ParseIssueActivity(BroadsheetStorage storage, IssueStore issues, StagingStore staging, IngestionOptions options, ILogger<ParseIssueActivity> log) : IIngestActivity<Upload, ParseResult>
{
    public const string Name = "ParseIssue";

    public async Task<ParseResult> RunAsync(Upload request)
    {
        var intakeKey = request.IssueKey;
        var version = request.Version;

        // Too big is refused before a byte is read: no newspaper issue is this big as text.
        var blob = storage.BlobService.GetBlobContainerClient(request.Container).GetBlobClient(request.BlobName);
        BinaryData? content;
        try
        {
            content = await DownloadAsync(blob, new BlobRequestConditions { IfMatch = new ETag(request.ETag) });
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Reject(request, "the blob was deleted before it could be read");
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Replaced since it was queued. The same file uploaded again (20 clicks on Upload) has a new ETag but the
            // same bytes, and its event finds this ingestion already running: carry on with those bytes.
            content = await DownloadAsync(blob, null);
            if (content is not null && !HasContentHash(content, request.ContentHash))
                return Reject(request, "the blob was replaced after this upload was queued; the newer content is ingested instead");
        }
        if (content is null)
            return Reject(request, $"the upload is larger than {options.MaxUploadBytes / 1024 / 1024} MB, the most an issue dump may be; split it by issue");

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

        // Bounds per issue (bytes above, pages and stories here): what one issue may hold, so what one reader may ask for.
        if (parsed.Issue.Pages.Count > options.MaxPagesPerIssue)
            return Reject(request, $"the upload has {parsed.Issue.Pages.Count} pages, more than the {options.MaxPagesPerIssue} an issue may have; split it by issue");
        if (parsed.Articles.Count > options.MaxStoriesPerIssue)
            return Reject(request, $"the upload has {parsed.Articles.Count} stories, more than the {options.MaxStoriesPerIssue} an issue may have; split it by issue");

        var paper = IssueKey.NormalizePaper(request.Paper ?? parsed.Issue.Paper ?? "");
        var issueDate = request.Date ?? parsed.Issue.Date;
        if (paper.Length == 0 || !IssueKey.IsDate(issueDate))
            return Reject(request, "paper and date unknown: name the blob {paper}/{yyyy-MM-dd}.txt or set blob metadata 'paper' and 'date'");
        if (paper.Length > IssueKey.MaxPaperLength)
            return Reject(request, $"the paper's name is longer than {IssueKey.MaxPaperLength} characters; give it a shorter name");
        var key = IssueKey.For(paper, issueDate!);

        if (key != intakeKey)
        {
            // The text told us which issue this is: move the upload's record from its placeholder row to the issue's row.
            await issues.UpdateAsync(key, row => request.RecordOn(row ?? new IssueEntity(), paper, issueDate!, IssueStatus.Running, null));
            await issues.DeleteAsync(intakeKey);
        }

        var existing = await issues.GetAsync(key);
        if (existing is { Status: IssueStatus.Complete } && existing.CurrentVersion == version && existing.ContentHash == request.ContentHash)
            return new ParseResult(false, null, true, paper, issueDate, version, existing.Articles, existing.Pages, 0);

        await issues.UpdateAsync(key, row => row is null || row.ContentHash == request.ContentHash
            ? request.RecordOn(row ?? new IssueEntity(), paper, issueDate!, IssueStatus.Running, null)
            : null);

        parsed.Issue.Paper = paper;
        parsed.Issue.Date = issueDate;
        UniqueIds(parsed.Articles);
        var batches = Batches(parsed.Articles, Math.Max(1, options.EnrichBatchSize), Math.Max(1, options.EnrichBatchChars));
        var area = request.StagingFor(key, version);
        for (var b = 0; b < batches.Count; b++)
            await staging.WriteBatchAsync(area, "parsed", b, batches[b].ToList());
        // The issue's "unplaced fragments": a used-up jump marker is not one.
        var unplaced = parsed.Unplaced();
        await staging.WriteIssueAsync(area, new StagedIssue(parsed.Issue, unplaced, parsed.Articles.Count, batches.Count));

        log.LogInformation("Parsed {Container}/{Blob} as {Paper} {Date} version {Version}: {Articles} articles, {Pages} pages, {Unassigned} unassigned, {Batches} batches",
            request.Container, request.BlobName, paper, issueDate, version, parsed.Articles.Count, parsed.Issue.Pages.Count, unplaced.Count, batches.Count);
        return new ParseResult(false, null, false, paper, issueDate, version, parsed.Articles.Count, parsed.Issue.Pages.Count, batches.Count);
    }

    /// <summary>
    /// Stories in order, in as few batches as keep each to <paramref name="maxStories"/> stories and about
    /// <paramref name="maxChars"/> characters, with the stories shared out evenly: 150 stories at 100 a batch are two
    /// batches of 75, which finish together.
    /// </summary>
    public static List<Article[]> Batches(IReadOnlyList<Article> articles, int maxStories, int maxChars)
    {
        var n = articles.Count;
        if (n == 0) return [];
        var chars = articles.Sum(a => (long)(a.Title?.Length ?? 0) + (a.Paragraphs?.Sum(p => (long)p.Length) ?? 0));
        var count = (int)Math.Clamp(Math.Max((n + maxStories - 1L) / maxStories, (chars + maxChars - 1L) / maxChars), 1, n);
        return Enumerable.Range(0, count)
            .Select(b => articles.Skip(n * b / count).Take(n * (b + 1) / count - n * b / count).ToArray())
            .ToList();
    }

    /// <summary>The blob's bytes, or null when it is larger than the limit (checked on the response headers, before reading the body).</summary>
    private async Task<BinaryData?> DownloadAsync(Azure.Storage.Blobs.BlobClient blob, BlobRequestConditions? conditions) =>
        await storage.Resilience.ExecuteAsync(async t =>
        {
            var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, t);
            await using var body = response.Value.Content;
            if (response.Value.Details.ContentLength > options.MaxUploadBytes) return null;
            return await BinaryData.FromStreamAsync(body, t);
        });

    /// <summary>True when the bytes hash to the intake's "md5-…" or "sha256-…" content hash.</summary>
    private static bool HasContentHash(BinaryData content, string contentHash)
    {
        var hash = contentHash.StartsWith("md5-", StringComparison.Ordinal)
            ? Upload.Md5ContentHash(System.Security.Cryptography.MD5.HashData(content.ToMemory().Span))
            : Upload.Sha256ContentHash(System.Security.Cryptography.SHA256.HashData(content.ToMemory().Span));
        return hash == contentHash;
    }

    private ParseResult Reject(Upload request, string reason)
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
