using Broadsheet.Core.Model;

namespace Broadsheet.Core;

/// <summary>Adds <see cref="Article.Enrichment"/> to parsed articles. Implemented by Broadsheet.Enrichment; the pipeline depends only on this.</summary>
public interface IArticleEnricher
{
    Enrichment Enrich(Article article, IssueInfo issue);
}
