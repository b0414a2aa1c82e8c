using System.Text.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// Articles of the reference page (Fixtures/page-01.gold.json) as the parser will hand them over: the gold headline
/// list becomes title (first line) and subtitle (the rest), byline, dateline and paragraphs are copied.
/// </summary>
public static class GoldPage
{
    private static readonly Lazy<(IssueInfo Issue, List<Article> Articles)> _page = new(Load);

    public static IssueInfo Issue => _page.Value.Issue;
    public static IReadOnlyList<Article> Articles => _page.Value.Articles;

    /// <summary>The article whose headline (title + subtitle) contains <paramref name="text"/>.</summary>
    public static Article Headed(string text) =>
        Articles.Single(a => ((a.Title ?? "") + (a.Subtitle ?? "")).Contains(text, StringComparison.Ordinal));

    private static (IssueInfo, List<Article>) Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "page-01.gold.json")));
        var root = doc.RootElement;
        var issue = new IssueInfo
        {
            Paper = root.GetProperty("issue").GetProperty("paper").GetString(),
            Date = root.GetProperty("issue").GetProperty("date").GetString(),
        };
        var articles = new List<Article>();
        var n = 0;
        foreach (var a in root.GetProperty("articles").EnumerateArray())
        {
            n++;
            var headline = a.GetProperty("headline").EnumerateArray().Select(h => h.GetString()!).ToList();
            var article = new Article
            {
                Id = $"p1-{n:00}",
                Page = 1,
                Pages = [1],
                Kind = a.GetProperty("kind").GetString()!,
                Title = headline.FirstOrDefault(),
                Subtitle = headline.Count > 1 ? string.Join(" ", headline.Skip(1)) : null,
                Column = a.TryGetProperty("column", out var c) ? c.GetString() : null,
                Paragraphs = a.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList(),
            };
            if (a.TryGetProperty("byline", out var by))
                article.Byline = by.EnumerateArray().Select(b => new Byline(b.GetProperty("name").GetString()!, b.GetProperty("role").GetString()!)).ToList();
            if (a.TryGetProperty("dateline", out var dl))
                article.Dateline = new Dateline("", dl.TryGetProperty("place", out var p) ? p.GetString() : null, dl.TryGetProperty("date", out var d) ? d.GetString() : null);
            articles.Add(article);
        }
        return (issue, articles);
    }
}
