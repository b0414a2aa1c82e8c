using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Tests;

/// <summary>Small builders so extractor tests read as text in, facts out.</summary>
internal static class Build
{
    public static NewsroomLexicon Lexicon => NewsroomLexicon.Shared;

    public static readonly IssueInfo Issue = new() { Paper = "济宁日报", Date = "2022-08-08" };

    public static Article Article(string body, string? title = null, Dateline? dateline = null, params Byline[] byline) => new()
    {
        Id = "t-01",
        Page = 1,
        Pages = [1],
        Title = title,
        Dateline = dateline,
        Byline = [.. byline],
        Paragraphs = [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries)],
    };

    public static ArticleText Text(string body, string? title = null, Dateline? dateline = null, IssueInfo? issue = null, params Byline[] byline) =>
        new(Article(body, title, dateline, byline), issue ?? Issue, Lexicon);
}
