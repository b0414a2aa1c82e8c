using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Recognisers;

/// <summary>
/// The paper's name as page furniture prints it: a nameplate line (`济宁日报`) or a running head that names the
/// paper (`济宁日报 2022年8月8日 星期一 第3版`, `2 要闻·济宁日报 …`). The name must stand alone: `济宁日报社` (the
/// publisher's address line) and `人民日报海外版` (another edition) name no paper here.
/// </summary>
public static partial class PaperName
{
    /// <summary>How a paper's name ends: 日报, 晚报, 早报, 都市报, 时报, 商报, 青年报, 法治报.</summary>
    public const string Suffix = "(?:日报|晚报|早报|都市报|时报|商报|青年报|法治报)";

    private const string Han = @"\p{IsCJKUnifiedIdeographs}";

    [GeneratedRegex($"(?<!{Han}){Han}{{2,6}}?{Suffix}(?!{Han})")]
    private static partial Regex Standalone();

    /// <summary>The first paper name in these furniture lines, or null.</summary>
    public static string? In(IEnumerable<string> furniture)
    {
        foreach (var line in furniture)
        {
            var s = Chars.Clean(line);
            if (s.Contains('报') && Standalone().Match(s) is { Success: true } m) return m.Value;
        }
        return null;
    }
}
