using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests.Scoring;

/// <summary>
/// The C# scorer must say what tools/score-articles.py says. Expected numbers in Fixtures/scoring/expected.json
/// and sequence-matcher.json were produced by running the python scorer and difflib (Fixtures/scoring/make_cases.py)
/// on the hand-made predictions in Fixtures/scoring/cases.
/// </summary>
public class ArticleScorerTests
{
    // The python scorer prints one decimal: its numbers are exact to ±0.05.
    private const double PrintedPrecision = 0.051;

    public static TheoryData<string> Golds() => new()
    {
        "jining-daily-2022-08-08/page-01.gold.json",
        "jining-daily-2022-08-08/page-02.gold.json",
        "jining-daily-2022-08-08/issue.gold.json",
        "another-paper/page-01.gold.json",
    };

    [Theory]
    [MemberData(nameof(Golds))]
    public void A_gold_scored_against_itself_is_100(string gold)
    {
        var json = FixtureFiles.Text(gold);
        var report = ArticleScorer.Score(json, json);
        Assert.Equal(100.0, report.Score, 9);
        Assert.Equal(report.GoldCount, report.Found);
        Assert.Equal(0, report.Unmatched);
    }

    [Theory]
    [MemberData(nameof(Golds))]
    public void A_parsed_issue_built_from_the_gold_scores_100(string gold)
    {
        var json = FixtureFiles.Text(gold);
        var report = ArticleScorer.Score(IssueFromGold(json), json);
        Assert.True(Math.Abs(report.Score - 100) < 1e-9, report.ToString());
    }

    private static Dictionary<string, JsonElement> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FixtureFiles.Text("scoring/expected.json"))!;

    public static TheoryData<string> Cases() => [.. Expected().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_the_python_scorer(string name)
    {
        var expected = Expected()[name];
        var report = ArticleScorer.Score(FixtureFiles.Text($"scoring/cases/{name}.json"), FixtureFiles.Text(expected.GetProperty("gold").GetString()!));

        Assert.True(Math.Abs(expected.GetProperty("score").GetDouble() - report.Score) <= PrintedPrecision,
            $"python {expected.GetProperty("score").GetDouble()}, C#:\n{report}");
        Assert.Equal(expected.GetProperty("found").GetInt32(), report.Found);
        Assert.Equal(expected.GetProperty("predicted").GetInt32(), report.Predicted);
        Assert.Equal(expected.GetProperty("unmatched").GetInt32(), report.Unmatched);
        var articles = expected.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(articles.Count, report.Articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            var e = articles[i];
            var a = report.Articles[i];
            Assert.Equal(e.GetProperty("missing").GetBoolean(), a.PredictedIndex is null);
            Assert.Equal(e.GetProperty("found").GetBoolean(), a.Found);
            if (a.PredictedIndex is not null)
                Assert.True(Math.Abs(e.GetProperty("score").GetDouble() - a.Score * 100) <= PrintedPrecision,
                    $"gold {i}: python {e.GetProperty("score").GetDouble()}, C#:\n{report}");
        }
    }

    [Fact]
    public void A_dropped_article_is_the_only_one_not_found_and_costs_no_penalty()
    {
        const string gold = "jining-daily-2022-08-08/page-02.gold.json";
        const string prediction = "scoring/cases/p2-missing-article.json";
        var goldBodies = Bodies(gold);
        var predicted = Bodies(prediction);
        var dropped = Assert.Single(Enumerable.Range(0, goldBodies.Count), i => !predicted.Contains(goldBodies[i]));

        var report = ArticleScorer.Score(FixtureFiles.Text(prediction), FixtureFiles.Text(gold));

        var notFound = Assert.Single(report.Articles, a => !a.Found);
        Assert.Equal(dropped, notFound.GoldIndex);
        Assert.All(report.Articles.Where(a => a.Found), a => Assert.Equal(1.0, a.Score, 9));
        Assert.Equal(0, report.Unmatched);
        // No extra predictions, so the total is the plain mean: the dropped article only scores what its
        // best partial pairing earns.
        Assert.Equal(100 * report.Articles.Sum(a => a.Score) / report.GoldCount, report.Score, 9);
    }

    private static List<string> Bodies(string file) =>
        [.. JsonNode.Parse(FixtureFiles.Text(file))!["articles"]!.AsArray().Select(a => ArticleScorer.Body(a!.AsObject()))];

    [Fact]
    public void SequenceMatcher_gives_difflibs_matching_blocks_and_ratio()
    {
        var cases = JsonNode.Parse(FixtureFiles.Text("scoring/sequence-matcher.json"))!.AsArray();
        Assert.True(cases.Count > 300);
        foreach (var c in cases)
        {
            var a = c!["a"]!.GetValue<string>();
            var b = c["b"]!.GetValue<string>();
            var sm = new SequenceMatcher(a, b);
            var expected = c["blocks"]!.AsArray().Select(x => (x![0]!.GetValue<int>(), x[1]!.GetValue<int>(), x[2]!.GetValue<int>())).ToList();
            Assert.Equal(expected, sm.GetMatchingBlocks().Select(m => (m.I, m.J, m.Size)).ToList());
            Assert.Equal(c["ratio"]!.GetValue<double>(), sm.Ratio(), 12);
        }
    }

    [Fact]
    public void Norm_removes_what_pythons_backslash_s_matches()
    {
        // Python's \s is str.isspace: it includes the 0x1C–0x1F separators that char.IsWhiteSpace does not.
        Assert.Equal("ab", ArticleScorer.Norm("a\u001c\u001d\u001e\u001f\u3000\u00a0\u2028\u0085\t b"));
        Assert.Equal("a\u200bb", ArticleScorer.Norm("a\u200bb"));
    }

    /// <summary>The gold as the parser would return it: the deck spread over kicker/title/subtitle.</summary>
    internal static ParsedIssue IssueFromGold(string goldJson)
    {
        var issue = new ParsedIssue();
        foreach (var node in JsonNode.Parse(goldJson)!["articles"]!.AsArray())
        {
            var g = node!.AsObject();
            var headline = g["headline"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();
            var d = g["dateline"];
            var j = g["continuesTo"];
            issue.Articles.Add(new Article
            {
                Kind = g["kind"]?.GetValue<string>() ?? ArticleKind.Article,
                Kicker = headline.Count > 2 ? headline[0] : null,
                Title = headline.Count > 2 ? headline[1] : headline.FirstOrDefault(),
                Subtitle = headline.Count > 1 ? string.Concat(headline.Skip(headline.Count > 2 ? 2 : 1)) : null,
                Column = g["column"]?.GetValue<string>(),
                Byline = [.. (g["byline"]?.AsArray() ?? []).Select(b => new Byline(b!["name"]!.GetValue<string>(), b["role"]!.GetValue<string>()))],
                Dateline = d is null ? null : new Dateline(d["raw"]?.GetValue<string>() ?? "", d["place"]?.GetValue<string>(), d["date"]?.GetValue<string>()),
                ContinuesTo = j is null ? null : new JumpRef(j["page"]!.GetValue<int>(), j["section"]?.GetValue<string>(), ""),
                Paragraphs = [.. g["paragraphs"]!.AsArray().Select(p => p!.GetValue<string>())],
            });
        }
        return issue;
    }
}
