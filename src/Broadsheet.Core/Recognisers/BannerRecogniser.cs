using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Recognisers;

/// <summary>
/// Page and column banners: short standalone lines (`孔子文化节·记忆`, `奋进新征程 建功新时代`). Knows the cues that
/// tie a banner to stories that are not next to it: an editor's note that names the column
/// (`开设“孔子文化节·记忆”…专栏`), a series of interviews (`——访…`), and briefs banners (简讯).
/// </summary>
public sealed partial class BannerRecogniser
{
    [GeneratedRegex(@"[“「『\""]([^”」』\""]{2,30})[”」』\""]")]
    private static partial Regex Quoted();

    private static readonly char[] BannerTrim = ['【', '】', '[', ']', ' ', '■', '◆', '●'];
    private static readonly char[] DashTrim = ['—', '－', '-', ' '];
    private static readonly string[] BriefWords = ["简讯", "快讯", "短讯", "简报", "速递", "速览", "一句话新闻", "新闻速读", "资讯", "动态", "要闻速览"];

    /// <summary>Column names an editor's note announces, in order (the quoted names).</summary>
    public IReadOnlyList<string> NamedColumns(string noteText)
    {
        var list = new List<string>();
        foreach (Match m in Quoted().Matches(noteText)) list.Add(Chars.Squeeze(m.Groups[1].Value));
        return list;
    }

    public bool IsBriefsBanner(string banner)
    {
        var t = banner.Trim(BannerTrim);
        return t.Length <= 8 && BriefWords.Any(w => t.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The series marker of an interview or profile subtitle (`——访`, `——记`), or null.</summary>
    public static string? SeriesMarker(string? subtitle)
    {
        if (subtitle is null) return null;
        var t = subtitle.TrimStart(DashTrim);
        if (t.Length < 2 || t.Length == subtitle.Length) return null;
        return t[0] is '访' or '记' or '专' ? t[..1] : null;
    }

    /// <summary>A banner reads like a column name: a middle dot, or two short parallel phrases.</summary>
    public bool LooksLikeColumn(string line)
    {
        var s = line.Trim();
        if (s.Contains('·')) return true;
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[0].Length == parts[1].Length && parts[0].Length <= 7;
    }
}
