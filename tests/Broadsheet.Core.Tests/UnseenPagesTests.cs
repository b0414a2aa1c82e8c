using System.Text.Json.Nodes;
using Broadsheet.Core.Model;
using Broadsheet.Core.Tests.Scoring;

namespace Broadsheet.Core.Tests;

/// <summary>
/// The parser on pages it was not written against, scored like tools/score-articles.py (Scoring/ArticleScorer).
/// Fixtures: the reference page 1 of 济宁日报 2022-08-08, its page 2 (continuations, briefs, commentary, photo,
/// Chinese-numeral dateline, closing byline), the two pages as one issue (jumps merged), and another paper's
/// headline-first, one-paragraph-per-line page. Every fixture's issue date is 2022-08-08 (another-paper's masthead:
/// 星期一 农历壬寅年七月十一 is that Monday).
/// </summary>
public class UnseenPagesTests
{
    private static readonly DateOnly IssueDate = new(2022, 8, 8);

    public static TheoryData<string, string, string, double> Fixtures() => new()
    {
        { "jining-daily-2022-08-08/page-01.txt", "jining-daily-2022-08-08/page-01.gold.json", "jining-daily", 98 },
        { "jining-daily-2022-08-08/page-02.txt", "jining-daily-2022-08-08/page-02.gold.json", "jining-daily", 95 },
        { "jining-daily-2022-08-08/issue.txt", "jining-daily-2022-08-08/issue.gold.json", "jining-daily", 95 },
        { "another-paper/page-01.txt", "another-paper/page-01.gold.json", "another-paper", 95 },
    };

    private static (ParsedIssue Parsed, ScoreReport Report) ParseAndScore(string dump, string gold, string paper)
    {
        var parsed = IssueParser.Parse(FixtureFiles.Bytes(dump), new IssueContext(paper, IssueDate));
        return (parsed, ArticleScorer.Score(parsed, FixtureFiles.Text(gold)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Scores_at_least_the_bar_and_finds_every_gold_article(string dump, string gold, string paper, double bar)
    {
        var (_, report) = ParseAndScore(dump, gold, paper);
        Assert.True(report.Score >= bar, $"{dump}: {report.Score:F1} < {bar}\n{report}");
        Assert.True(report.Found == report.GoldCount, $"{dump}: {report.Found}/{report.GoldCount} found\n{report}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_found_article_starts_on_its_gold_page(string dump, string gold, string paper, double bar)
    {
        _ = bar;
        var (parsed, report) = ParseAndScore(dump, gold, paper);
        var golds = GoldArticles(gold);
        foreach (var a in report.Articles.Where(a => a.Found))
            Assert.True(golds[a.GoldIndex]!["page"]!.GetValue<int>() == parsed.Articles[a.PredictedIndex!.Value].Page,
                $"{dump}: gold {a.GoldIndex} ({a.Headline}) starts on page {golds[a.GoldIndex]!["page"]}, parsed on {parsed.Articles[a.PredictedIndex.Value].Page}");
    }

    [Fact]
    public void In_the_two_page_issue_jumped_stories_span_both_pages_and_no_continuation_stands_alone()
    {
        const string gold = "jining-daily-2022-08-08/issue.gold.json";
        var (parsed, report) = ParseAndScore("jining-daily-2022-08-08/issue.txt", gold, "jining-daily");
        var golds = GoldArticles(gold);

        var jumped = report.Articles.Where(a => golds[a.GoldIndex]!["pages"]!.AsArray().Count == 2).ToList();
        Assert.Equal(3, jumped.Count);
        foreach (var a in jumped)
        {
            Assert.True(a.Found, $"gold {a.GoldIndex} ({a.Headline}) not found\n{report}");
            var article = parsed.Articles[a.PredictedIndex!.Value];
            Assert.Equal([1, 2], article.Pages);
            Assert.NotNull(article.ContinuesTo);
        }
        Assert.All(parsed.Articles, a => Assert.Null(a.ContinuedFrom));
        Assert.Equal([1, 2], parsed.Issue.Pages.Select(p => p.Number));
    }

    [Fact]
    public void On_page_two_alone_each_continuation_names_the_page_and_section_it_came_from()
    {
        const string gold = "jining-daily-2022-08-08/page-02.gold.json";
        var (parsed, report) = ParseAndScore("jining-daily-2022-08-08/page-02.txt", gold, "jining-daily");
        var golds = GoldArticles(gold);

        var continuations = report.Articles.Where(a => golds[a.GoldIndex]!["continuedFrom"] is not null).ToList();
        Assert.Equal(3, continuations.Count);
        foreach (var a in continuations)
        {
            Assert.True(a.Found, $"gold {a.GoldIndex} ({a.Headline}) not found\n{report}");
            var from = golds[a.GoldIndex]!["continuedFrom"]!;
            var parsedFrom = parsed.Articles[a.PredictedIndex!.Value].ContinuedFrom;
            Assert.NotNull(parsedFrom);
            Assert.Equal(from["page"]!.GetValue<int>(), parsedFrom.Page);
            Assert.Equal(from["section"]!.GetValue<string>(), parsedFrom.Section);
        }
    }

    private static JsonArray GoldArticles(string gold) => JsonNode.Parse(FixtureFiles.Text(gold))!["articles"]!.AsArray();
}
