using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;
using EnrichmentResult = Broadsheet.Core.Model.Enrichment;

namespace Broadsheet.Enrichment;

/// <summary>
/// Enriches an article with people, places, organisations, quotes, figures, dates, keywords, a summary and a fingerprint.
/// Relies only on the article's text fields (kicker, title, subtitle, paragraphs, byline, dateline). Thread-safe: share one
/// instance; the dictionaries load once per process (<see cref="NewsroomLexicon.Shared"/>).
/// </summary>
public sealed class ArticleEnricher : IArticleEnricher
{
    private readonly NewsroomLexicon _lexicon;
    private readonly PersonExtractor _people;
    private readonly PlaceExtractor _places;
    private readonly OrganizationExtractor _organizations;
    private readonly FigureExtractor _figures;
    private readonly KeywordExtractor _keywords;

    public ArticleEnricher() : this(NewsroomLexicon.Shared) { }

    public ArticleEnricher(NewsroomLexicon lexicon)
    {
        _lexicon = lexicon;
        _people = new PersonExtractor(lexicon);
        _places = new PlaceExtractor(lexicon);
        _organizations = new OrganizationExtractor(lexicon);
        _figures = new FigureExtractor(lexicon);
        _keywords = new KeywordExtractor(lexicon);
    }

    public EnrichmentResult Enrich(Article article, IssueInfo issue)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(issue);
        var text = new ArticleText(article, issue, _lexicon);
        var people = _people.Extract(text);
        var organizations = _organizations.Extract(text);
        var keywords = _keywords.Extract(text);
        return new EnrichmentResult
        {
            People = PersonExtractor.ToModel(people),
            Places = _places.Extract(text, issue.Paper, people.Select(p => p.Name), organizations.Select(o => o.Name)),
            Organizations = organizations,
            Quotes = QuoteExtractor.Extract(text, people),
            Figures = _figures.Extract(text),
            Dates = DateExtractor.Extract(text),
            Keywords = keywords,
            Summary = Summarizer.Summarize(text),
            Fingerprint = SimHash.ToHex(SimHash.Compute(text.Body.Length > 0 ? text.Body : text.Text)),
        };
    }
}
