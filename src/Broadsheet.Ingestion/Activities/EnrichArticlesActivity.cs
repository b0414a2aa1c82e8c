using Broadsheet.Core;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>Enriches one staged batch of stories and stages the result. Returns how many stories it enriched.</summary>
public sealed class EnrichArticlesActivity(StagingStore staging, IArticleEnricher enricher, ILogger<EnrichArticlesActivity> log) : IIngestActivity<EnrichBatchRequest, int>
{
    public const string Name = "EnrichArticles";

    public async Task<int> RunAsync(EnrichBatchRequest request)
    {
        var area = request.Staging;
        var issue = await staging.ReadIssueAsync(area);
        var articles = await staging.ReadBatchAsync(area, "parsed", request.Batch);
        var enriched = 0;
        foreach (var article in articles)
        {
            try
            {
                article.Enrichment = enricher.Enrich(article, issue.Issue);
                enriched++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One story the enricher trips on must not sink the issue: it is published without enrichment.
                log.LogWarning(e, "Enrichment failed for {Paper} {Date} article {ArticleId}", request.Paper, request.Date, article.Id);
            }
        }
        await staging.WriteBatchAsync(area, "enriched", request.Batch, articles);
        log.LogInformation("Enriched {Paper} {Date} version {Version} batch {Batch}: {Enriched}/{Count} stories",
            request.Paper, request.Date, request.Version, request.Batch, enriched, articles.Count);
        return enriched;
    }
}
