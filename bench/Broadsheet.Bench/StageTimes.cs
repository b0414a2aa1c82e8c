using System.Diagnostics;
using Broadsheet.Enrichment.Extractors;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Bench;

/// <summary>Where enrichment time goes, stage by stage (the `quick` mode's breakdown).</summary>
internal static class StageTimes
{
    public static void Print(NewsCorpus corpus)
    {
        Print("corpus articles", corpus.Articles, corpus);
        var parsed = Broadsheet.Core.IssueParser.Parse(corpus.Dump, new Broadsheet.Core.Model.IssueContext("济宁日报", new DateOnly(2022, 8, 8)));
        Print($"parsed dump ({parsed.Articles.Count} articles)", parsed.Articles, corpus);
    }

    private static void Print(string what, IReadOnlyList<Broadsheet.Core.Model.Article> articles, NewsCorpus corpus)
    {
        var lexicon = NewsroomLexicon.Shared;
        var stages = new Dictionary<string, TimeSpan>();
        var people = new PersonExtractor(lexicon);
        var places = new PlaceExtractor(lexicon);
        var orgs = new OrganizationExtractor(lexicon);
        var figures = new FigureExtractor(lexicon);
        var keywords = new KeywordExtractor(lexicon);
        T Time<T>(string stage, Func<T> f)
        {
            var c = Stopwatch.StartNew();
            var r = f();
            stages[stage] = stages.GetValueOrDefault(stage) + c.Elapsed;
            return r;
        }
        foreach (var a in articles)
        {
            var text = Time("cut", () => new ArticleText(a, corpus.Issue, lexicon));
            var p = Time("people", () => people.Extract(text));
            Time("places", () => places.Extract(text, corpus.Issue.Paper));
            Time("orgs", () => orgs.Extract(text));
            Time("quotes", () => QuoteExtractor.Extract(text, p));
            Time("figures", () => figures.Extract(text));
            Time("dates", () => DateExtractor.Extract(text));
            Time("keywords", () => keywords.Extract(text));
            Time("summary", () => Summarizer.Summarize(text));
            Time("simhash", () => SimHash.Compute(text.Body));
        }
        Console.WriteLine(what + ": " + string.Join("  ", stages.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:F0}ms")));
    }
}
