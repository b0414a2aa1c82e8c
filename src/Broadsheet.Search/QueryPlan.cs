using Broadsheet.Core.Text;

namespace Broadsheet.Search;

/// <summary>
/// How a query is answered: one posting list per filter (each one key range in the index), joined on docKey. With
/// `q` the hits are ranked by the summed weights of its terms; without, they come newest first. No filter at all
/// (or only a paper) is the `all` (or `paper`) list, so every listing uses the same machinery.
/// </summary>
public sealed record QueryPlan(IReadOnlyList<(string Facet, string Value)> Lists, bool Ranked, string? PaperKey)
{
    public static QueryPlan For(ArticleQuery query, ISearchTokenizer tokenizer)
    {
        var lists = new List<(string Facet, string Value)>();
        var ranked = false;
        if (query.Q is not null)
        {
            var terms = tokenizer.Tokenize(query.Q).Select(IndexTerms.Normalize).Where(t => t.Length > 0).Distinct().ToList();
            if (terms.Count == 0) throw new QueryException("q has no searchable words");
            lists.AddRange(terms.Select(t => (Facets.Keyword, t)));
            ranked = true;
        }
        void AddFacet(string facet, string? value)
        {
            if (value is null) return;
            var v = IndexTerms.Normalize(value);
            if (v.Length == 0) throw new QueryException($"{facet} is empty");
            lists.Add((facet, v));
        }
        AddFacet(Facets.Person, query.Person);
        AddFacet(Facets.Place, query.Place);
        AddFacet(Facets.Org, query.Org);
        AddFacet(Facets.Author, query.Author);
        AddFacet(Facets.Column, query.Column);
        if (lists.Count == 0) lists.Add(query.Paper is null ? (Facets.All, "*") : (Facets.Paper, IndexTerms.Normalize(query.Paper)));

        var paperKey = query.Paper is null ? null : IssueKey.PaperKey(query.Paper);
        return new QueryPlan(lists, ranked, paperKey);
    }

    /// <summary>The scans of this plan, resumed after <paramref name="afterDocKey"/>.</summary>
    public IEnumerable<PostingScan> Scans(ArticleQuery query, string? afterDocKey) =>
        Lists.Select(l => new PostingScan(l.Facet, l.Value, query.From, query.To, PaperKey, query.Kind, afterDocKey));
}
