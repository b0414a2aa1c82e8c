using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Core.Text;

namespace Broadsheet.Search;

/// <summary>Facets an article is found by. `all` and `paper` let unfiltered and paper-only listings use the same machinery.</summary>
public static class Facets
{
    public const string All = "all";
    public const string Paper = "paper";
    public const string Keyword = "kw";
    public const string Person = "person";
    public const string Place = "place";
    public const string Org = "org";
    public const string Author = "author";
    public const string Column = "column";
}

public sealed record IndexTerm(string Facet, string Value, double Weight);

/// <summary>What an article is indexed under: search terms of its headline and body, and the facets of its enrichment.</summary>
public static class IndexTerms
{
    /// <summary>Headline words count three times a body word: a story is most about what its headline says.</summary>
    private const int HeadlineBoost = 3;

    public static List<IndexTerm> For(Article article, string paper, ISearchTokenizer tokenizer)
    {
        var terms = new Dictionary<(string, string), double>();
        void Add(string facet, string? value, double weight = 1)
        {
            var v = Normalize(value);
            if (v.Length == 0) return;
            var key = (facet, v);
            terms[key] = Math.Max(weight, terms.GetValueOrDefault(key));
        }

        Add(Facets.All, "*");
        Add(Facets.Paper, paper);
        Add(Facets.Column, article.Column);
        foreach (var b in article.Byline) Add(Facets.Author, b.Name);
        if (article.Enrichment is { } e)
        {
            foreach (var p in e.People) Add(p.IsAuthor ? Facets.Author : Facets.Person, p.Name);
            foreach (var p in e.Places) { Add(Facets.Place, p.Name); Add(Facets.Place, p.Normalized); }
            foreach (var o in e.Organizations) { Add(Facets.Org, o.Name); Add(Facets.Org, o.ShortForm); }
        }

        // Ranking weight of a search term: its frequency (headline boosted), plus the weight the enrichment gave
        // it as one of the story's keywords, so a story about 碳材料 outranks one that mentions it once.
        var weights = KeywordWeights(article, tokenizer);
        foreach (var keyword in article.Enrichment?.Keywords ?? [])
            foreach (var term in tokenizer.Tokenize(keyword.Term).Select(Normalize).Distinct())
                if (weights.TryGetValue(term, out var w)) weights[term] = Math.Round(w + keyword.Weight, 4);
        foreach (var (term, weight) in weights) Add(Facets.Keyword, term, weight);
        return terms.Select(t => new IndexTerm(t.Key.Item1, t.Key.Item2, t.Value)).ToList();
    }

    /// <summary>Term frequency (headline boosted), scaled so the article's top term weighs 1.</summary>
    public static Dictionary<string, double> KeywordWeights(Article article, ISearchTokenizer tokenizer)
    {
        var counts = new Dictionary<string, int>();
        void Count(string? text, int boost)
        {
            if (string.IsNullOrEmpty(text)) return;
            foreach (var t in tokenizer.Tokenize(text))
            {
                var v = Normalize(t);
                if (v.Length > 0) counts[v] = counts.GetValueOrDefault(v) + boost;
            }
        }
        Count(article.Kicker, HeadlineBoost);
        Count(article.Title, HeadlineBoost);
        Count(article.Subtitle, HeadlineBoost);
        foreach (var p in article.Paragraphs) Count(p, 1);
        if (counts.Count == 0) return [];
        double max = counts.Values.Max();
        return counts.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value / max, 4));
    }

    /// <summary>How facet values and query values are compared: NFKC, trimmed, lower-case (a long value is hashed into its key, not cut).</summary>
    public static string Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : value.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
