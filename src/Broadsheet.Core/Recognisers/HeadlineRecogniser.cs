using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Recognisers;

/// <summary>A headline deck: 引题 (kicker, above), 主题 (title), 副题 (subtitle, below).</summary>
public sealed record Deck(string? Kicker, string? Title, string? Subtitle)
{
    public string Text => string.Concat(Kicker, Title, Subtitle);
}

/// <summary>
/// Headline lines and decks. A headline line is short, holds no sentence and does not end like one.
/// A deck is one to four such lines: a `——` line is the subtitle (features, interviews); a main title may be
/// wrapped over two lines that read as one phrase (`中国（济宁）先进碳材料产业` / `发展高峰论坛在嘉祥举行`).
/// </summary>
public sealed partial class HeadlineRecogniser
{
    public const int MaxLineLength = 48;

    public bool IsHeadingLine(string line)
    {
        if (line.Length == 0) return false;
        // A series tag may make a title long (`…（守初心 担使命 找差距 抓落实·深入开展“不忘初心、牢记使命”主题教育）`).
        var tag = line[^1] is '）' or ')' && line.LastIndexOfAny(['（', '(']) is var open and > 0 ? line.Length - open : 0;
        if (line.Length - tag > MaxLineLength || tag > 60) return false;
        if (tag > 4 && IsExclaimedTitle(line.AsSpan(0, line.Length - tag)) && !line.AsSpan(line.Length - tag).ContainsAny("记电")) return true;
        if (Chars.EndsSentence(line)) return false;
        var last = line[^1];
        if (last is '，' or '、' or '：' or ':' or '；' or ',' or ';') return false;
        int commas = 0, letters = 0;
        foreach (var c in line)
        {
            if (c is '。' or '；' or '！' or '？' && !IsSubtitle(line)) return false;
            if (c is '，' or ',') commas++;
            if (Chars.IsHan(c) || char.IsLetterOrDigit(c)) letters++;
        }
        if (letters < 2) return false;
        return commas <= (IsSubtitle(line) ? 3 : 1);
    }

    /// <summary>
    /// A short title that asks or exclaims, before its series tag (`经济增速有所放缓怎么看？（经济数据辩证看①）`,
    /// `“没救下人，才会后悔！”（德耀中华）`): one phrase or two, no full stop. Text ends its sentence before a credit's
    /// brackets, not a column's.
    /// </summary>
    private static bool IsExclaimedTitle(ReadOnlySpan<char> title)
    {
        title = title.TrimEnd();
        var i = title.Length - 1;
        while (i >= 0 && title[i] is '”' or '’' or '"') i--;
        if (i < 1 || title[i] is not ('？' or '！' or '…' or '?' or '!') || title.Length > 30) return false;
        return title.IndexOfAny("。；;") < 0 && title.Count('，') + title.Count(',') <= 1;
    }

    public static bool IsSubtitle(string line) => line.StartsWith('—') || line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith('－');

    /// <summary>
    /// The deck's lines as kicker, title and subtitle. <paramref name="lineEach"/>: the dump gives each field its own
    /// line (an archive export, not wrapped text), so two lines are never one wrapped title, and with no cue either
    /// way they are kicker + title, the paper's commonest two-line deck.
    /// </summary>
    /// <param name="news">The story carries a wire dateline: a news report, whose decks are more often title + subtitle.</param>
    public Deck Split(IReadOnlyList<string> lines, bool lineEach = false, bool news = false)
    {
        if (lines.Count == 0) return new Deck(null, null, null);
        var list = lines.Where(l => l.Length > 0).ToList();
        string? subtitle = null;
        if (list.Count > 1 && IsSubtitle(list[^1])) { subtitle = list[^1]; list.RemoveAt(list.Count - 1); }
        if (list.Count == 0) return new Deck(null, null, subtitle);
        if (list.Count == 1) return new Deck(null, list[0], subtitle);
        if (list.Count == 2)
        {
            if (IsKicker(list[0], list[1])) return new Deck(list[0], list[1], subtitle);
            if (lineEach && subtitle is null)
                return (TwoLineCue(list[0], list[1]) ?? DeckSplitModel.IsTitleAndSubtitle(list[0], list[1], news))
                    ? new Deck(null, list[0], list[1]) : new Deck(list[0], list[1], null);
            if (ReadsAsOne(list[0], list[1])) return new Deck(null, list[0] + list[1], subtitle);
            // Two phrases: with a dash subtitle both are the main title; without, the second is a news subtitle.
            return subtitle is null ? new Deck(null, list[0], list[1]) : new Deck(null, list[0] + " " + list[1], subtitle);
        }
        var rest = string.Join(" ", list.Skip(1));
        return subtitle is null ? new Deck(list[0], list[1], string.Join(" ", list.Skip(2))) : new Deck(list[0], rest, subtitle);
    }

    /// <summary>
    /// The first of two heading lines is a kicker (引题) when it leads into the next: it ends in `——` or `：`
    /// (`外交部驻港公署负责人：`), reads as a sentence (a comma, `…强调`), or the next line carries the title's
    /// bracketed tag (`真情宣讲给更多人听（最美奋斗者）`).
    /// </summary>
    public static bool IsKicker(string first, string next)
    {
        if (first.EndsWith("——", StringComparison.Ordinal) || first[^1] is '：' or ':') return true;
        if (IsSubtitle(next) || next[0] is '（' or '(') return false;
        if (first.Contains('，') || first.EndsWith("强调", StringComparison.Ordinal) || first.EndsWith("指出", StringComparison.Ordinal)) return true;
        return next[^1] is '）' && first[^1] is not '）' && next.LastIndexOf('（') is var open && open > 0 && next.Length - open <= 22;
    }

    /// <summary>
    /// Two heading lines whose brackets tell how they split: true for title + subtitle (a bracketed date under the title,
    /// `（2019年10月10日）`, or a title carrying its series tag above), false for kicker + title (the tag on the second
    /// line); null when nothing does and <see cref="DeckSplitModel"/> weighs the words.
    /// </summary>
    public static bool? TwoLineCue(string title, string next)
    {
        if (next[0] is '（' or '(' && next[^1] is '）' or ')') return true;
        if (title[^1] is '）' or ')' && title.Contains('（')) return true;
        if (next[^1] is '）' or ')' && next.Contains('（')) return false;
        return null;
    }

    /// <summary>A title wrapped mid-phrase: an unclosed bracket, or a long first line that ends inside a word.</summary>
    private static bool ReadsAsOne(string a, string b)
    {
        int open = 0;
        foreach (var c in a) { if (c is '（' or '(' or '《' or '“') open++; else if (c is '）' or ')' or '》' or '”') open--; }
        if (open > 0) return true;
        if (b[0] is '（' or '(') return false;
        var last = a[^1];
        if (!Chars.IsHan(last) || a.Contains(' ') || b.Contains(' ')) return false;
        return a.Length >= 12 && a.Length >= b.Length && b.Length >= 4;
    }
}
