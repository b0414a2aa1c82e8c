using System.Text.Json;
using Broadsheet.Core.Json;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

internal static class TestSupport
{
    public static string FixturePath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string ReferencePage => File.ReadAllText(FixturePath("jining-daily-2022-08-08", "page-01.txt"));

    public static ParsedIssue ParseReference() =>
        IssueParser.Parse(ReferencePage, new IssueContext("jining-daily", new DateOnly(2022, 8, 8)));

    /// <summary>
    /// Han characters of the input that the JSON output does not hold as often (bold doubling may be collapsed,
    /// so the input is counted after normalisation). Empty when nothing was lost.
    /// </summary>
    public static Dictionary<char, int> LostHan(string input, ParsedIssue issue)
    {
        var expected = new Dictionary<char, int>();
        foreach (var line in input.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n', '\f'))
            foreach (var c in TextNormaliser.NormaliseLine(line))
                if (Chars.IsHan(c)) expected[c] = expected.GetValueOrDefault(c) + 1;
        var json = JsonSerializer.Serialize(issue, ArticleJson.Compact);
        var actual = new Dictionary<char, int>();
        foreach (var c in json) if (Chars.IsHan(c)) actual[c] = actual.GetValueOrDefault(c) + 1;
        return expected.Where(kv => actual.GetValueOrDefault(kv.Key) < kv.Value)
            .ToDictionary(kv => kv.Key, kv => kv.Value - actual.GetValueOrDefault(kv.Key));
    }

    public static string Squeeze(string? s) => s is null ? "" : Chars.Squeeze(s);
    public static string Headline(Article a) => Squeeze(string.Concat(a.Kicker, a.Title, a.Subtitle));
    public static string Body(Article a) => Squeeze(string.Concat(a.Paragraphs));
}
