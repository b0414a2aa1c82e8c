using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;
using Broadsheet.Core.Text;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>
/// Makes a staged version visible, all or nothing: writes the version's article rows and index entities, then
/// flips the issue's current-version pointer (the one write readers key on), then deletes every other
/// version's rows. A half-written version is never visible because readers only follow the pointer. If a newer
/// upload of the issue arrived meanwhile, this version is discarded instead.
/// </summary>
public sealed class PublishIssueActivity(
    IssueStore issues, ArticleStore articles, IndexStore index, StagingStore staging, ISearchTokenizer tokenizer,
    ILogger<PublishIssueActivity> log) : IIngestActivity<PublishRequest, PublishResult>
{
    public const string Name = "PublishIssue";

    public async Task<PublishResult> RunAsync(PublishRequest request)
    {
        var key = IssueKey.For(request.Paper, request.Date);
        var version = request.Version;
        var area = request.Upload.StagingFor(key, version);

        var before = await issues.GetAsync(key);
        if (before is not null && before.ContentHash != request.Upload.ContentHash)
            return await DiscardAsync(key, version, area, request);
        if (before is { Status: IssueStatus.Complete } && before.CurrentVersion == version && before.CurrentContentHash == request.Upload.ContentHash)
        {
            // The same bytes uploaded under another name were published first (versions derive from content): this
            // version is already what readers see. This upload's own staging is all there is to clean up.
            await staging.DeleteAsync(area);
            log.LogInformation("{Paper} {Date} version {Version} from {Blob} was already published by an identical upload",
                request.Paper, request.Date, version, request.Upload.BlobName);
            return new PublishResult(false, before.Articles, before.Pages, 0, 0);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var staged = await staging.ReadIssueAsync(area);
        var read = clock.Elapsed;

        // Batch by batch: the next staged batch is read and one batch's rows are written while this one is built, so
        // a 2,000-story issue holds about three batches of whole articles at a time, not all of them (its garbage would
        // stay on the heap after the publish until the next full collection). Only the postings, small, are gathered
        // for the index, which packs them per term across the issue.
        var postings = new List<(ArticleId, string, IndexTerm)>();
        var stories = 0;
        var articleTransactions = 0;
        var writing = Task.FromResult(0);
        var reading = request.Batches > 0 ? staging.ReadBatchAsync(area, "enriched", 0) : null;
        for (var b = 0; b < request.Batches; b++)
        {
            var batch = await reading!;
            reading = b + 1 < request.Batches ? staging.ReadBatchAsync(area, "enriched", b + 1) : null;
            var rows = new List<ArticleRow>(batch.Count);
            foreach (var article in batch)
            {
                var id = ArticleId.For(key, article.Id);
                rows.Add(new ArticleRow(id, version, stories++, article.Page, article.Kind, Headline(article), article.Column, ToJson(article, id, request)));
                postings.AddRange(IndexTerms.For(article, request.Paper, tokenizer).Select(t => (id, article.Kind, t)));
            }
            articleTransactions += await writing;
            writing = articles.WriteVersionAsync(key, version, rows);
        }
        articleTransactions += await writing;
        var built = clock.Elapsed;
        var (indexEntities, indexTransactions) = await index.WriteVersionAsync(key, version, postings);
        var written = clock.Elapsed;
        var pages = staged.Issue.Pages.Count;
        var unassigned = staged.Unassigned.Count;
        if (stories >= LargeIssueStories) ReturnMemory();

        // The flip: only if this upload is still the latest one for the issue.
        var flipped = await issues.UpdateAsync(key, row =>
        {
            if (row is null || row.ContentHash != request.Upload.ContentHash) return null;
            row.CurrentVersion = version;
            row.CurrentContentHash = request.Upload.ContentHash;
            row.Status = IssueStatus.Complete;
            row.Error = null;
            row.Paper = request.Paper;
            row.Date = request.Date;
            row.Articles = stories;
            row.Pages = pages;
            row.Unassigned = unassigned;
            return row;
        });
        if (flipped?.CurrentVersion != version)
            return await DiscardAsync(key, version, area, request);
        await index.AnnounceChangeAsync();
        var visible = clock.Elapsed;

        // Everything not current goes: the previous version, and any attempt that died half-way.
        var stale = await articles.DeleteOtherVersionsAsync(key, version);
        foreach (var old in (await index.VersionsAsync(key)).Where(v => v != version))
            stale += await index.DeleteVersionAsync(key, old);
        await staging.DeleteAsync(area);

        log.LogInformation("Published {Paper} {Date} version {Version}: {Articles} articles ({ArticleTx} transactions), {IndexEntities} index entities ({IndexTx} transactions), {Stale} stale rows deleted; " +
            "read {ReadMs:F0} ms, build and write articles {BuildMs:F0} ms, write index {WriteMs:F0} ms, flip {FlipMs:F0} ms, clean-up {CleanMs:F0} ms",
            request.Paper, request.Date, version, stories, articleTransactions, indexEntities, indexTransactions, stale,
            read.TotalMilliseconds, (built - read).TotalMilliseconds, (written - built).TotalMilliseconds, (visible - written).TotalMilliseconds,
            (clock.Elapsed - visible).TotalMilliseconds);
        return new PublishResult(false, stories, pages, indexEntities, stale);
    }


    /// <summary>Stories from which an issue is large enough to hand its memory back once published.</summary>
    public const int LargeIssueStories = 1000;

    /// <summary>
    /// Parse, enrich and publish of a large issue leave hundreds of MB of garbage that an idle host does not collect
    /// (a maximal issue: 24 MB live in 500 MB resident, docs/reliability.md). One compacting collection before the
    /// issue becomes visible gives that memory back to the OS, so readers do not start from a bloated process.
    /// </summary>
    private static void ReturnMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private async Task<PublishResult> DiscardAsync(IssueKey key, string version, StagingArea area, PublishRequest request)
    {
        var current = (await issues.GetAsync(key))?.CurrentVersion;
        var deleted = 0;
        if (current != version)
        {
            deleted += await articles.DeleteVersionAsync(key, version);
            deleted += await index.DeleteVersionAsync(key, version);
        }
        await staging.DeleteAsync(area);
        log.LogInformation("Superseded {Paper} {Date} version {Version} from {Blob}: a newer upload replaces it ({Deleted} rows discarded)",
            request.Paper, request.Date, version, request.Upload.BlobName, deleted);
        return new PublishResult(true, 0, 0, 0, deleted);
    }

    private static string? Headline(Article a) =>
        string.Join(" ", new[] { a.Kicker, a.Title, a.Subtitle }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } h ? h : null;

    /// <summary>The contract's article JSON with the service id, plus the issue it belongs to.</summary>
    internal static string ToJson(Article article, ArticleId id, PublishRequest request)
    {
        var node = JsonSerializer.SerializeToNode(article, ArticleJson.Compact)!.AsObject();
        node["id"] = id.ToString();
        var ordered = new JsonObject
        {
            ["id"] = id.ToString(),
            ["paper"] = request.Paper,
            ["date"] = request.Date,
            ["localId"] = article.Id,
        };
        foreach (var (k, v) in node.ToList())
        {
            if (k == "id") continue;
            node.Remove(k);
            ordered[k] = v;
        }
        return ordered.ToJsonString(ArticleJson.Compact);
    }
}
