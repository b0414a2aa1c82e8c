using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Text;
using Broadsheet.Storage;

namespace Broadsheet.Pipeline;

/// <summary>
/// INTERIM stand-in until Broadsheet.Enrichment.ArticleEnricher lands: keywords by term frequency and a lead
/// summary only (no people, places or organisations), so the pipeline runs end to end meanwhile.
/// </summary>
public sealed class InterimEnricher(ISearchTokenizer tokenizer) : IArticleEnricher
{
    public Enrichment Enrich(Article article, IssueInfo issue)
    {
        var keywords = IndexTerms.KeywordWeights(article, tokenizer)
            .OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Take(10)
            .Select(k => new Keyword(k.Key, k.Value)).ToList();
        var lead = string.Concat(article.Paragraphs);
        return new Enrichment
        {
            Keywords = keywords,
            Summary = lead.Length > 200 ? lead[..200] : lead,
            People = article.Byline.Select(b => new Person(b.Name, b.Role, 1, IsAuthor: true)).ToList(),
        };
    }
}
