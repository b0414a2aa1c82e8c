using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Broadsheet.Core.Tests.Scoring;

/// <summary>
/// Guards the fixtures themselves (the full check is Fixtures/check_gold.py): a gold may only hold text its dump
/// prints, with the contract's paragraph rules, so an edit to either file cannot silently move the bar.
/// </summary>
public partial class FixtureGoldTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        { "jining-daily-2022-08-08/page-01.txt", "jining-daily-2022-08-08/page-01.gold.json" },
        { "jining-daily-2022-08-08/page-02.txt", "jining-daily-2022-08-08/page-02.gold.json" },
        { "jining-daily-2022-08-08/issue.txt", "jining-daily-2022-08-08/issue.gold.json" },
        { "another-paper/page-01.txt", "another-paper/page-01.gold.json" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Gold_text_is_printed_in_the_dump(string dump, string gold)
    {
        var stream = ArticleScorer.Norm(FixtureFiles.Text(dump));
        foreach (var node in JsonNode.Parse(FixtureFiles.Text(gold))!["articles"]!.AsArray())
        {
            var a = node!.AsObject();
            foreach (var p in a["paragraphs"]!.AsArray().Select(p => p!.GetValue<string>()))
            {
                var n = ArticleScorer.Norm(p);
                // A paragraph joined back across a jump is printed in two pieces.
                var printed = stream.Contains(n) || Enumerable.Range(8, Math.Max(0, n.Length - 15))
                    .Any(k => stream.Contains(n[..k]) && stream.Contains(n[k..]));
                Assert.True(printed, $"{gold}: paragraph not in {dump}: {Head(p)}");
                Assert.False(JumpMarker().IsMatch(p), $"{gold}: jump marker left in a paragraph");
                Assert.False(DatelinePrefix().IsMatch(p), $"{gold}: dateline left in a paragraph: {Head(p)}");
            }
            foreach (var h in a["headline"]!.AsArray().Select(h => h!.GetValue<string>()))
                Assert.Contains(ArticleScorer.Norm(h), stream);
            foreach (var b in a["byline"]?.AsArray() ?? [])
                Assert.Contains(b!["name"]!.GetValue<string>(), stream);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_Han_character_of_the_dump_is_in_its_gold(string dump, string gold)
    {
        // Characters the shared reference gold has no field for (its dateline and jump raws, a compiler credit).
        const string unplaced = "编者按编辑整理本报嘉祥汶上泗水讯下转上接版";
        var goldText = FixtureFiles.Text(gold);
        var missing = FixtureFiles.Text(dump).Where(c => c is >= '\u3400' and <= '\u9fff')
            .Where(c => !goldText.Contains(c) && !unplaced.Contains(c)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"{dump}: not in gold: {string.Concat(missing)}");
    }

    private static string Head(string p) => p[..Math.Min(30, p.Length)];

    [GeneratedRegex(@"[（(](下转|上接)")]
    private static partial Regex JumpMarker();

    [GeneratedRegex(@"^(本报|新华社|编者按)")]
    private static partial Regex DatelinePrefix();
}
