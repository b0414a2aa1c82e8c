using System.Text;

namespace Broadsheet.Core.Layout;

/// <summary>
/// Undoes two PDF-extraction artifacts on one line and keeps everything else:
/// bold text doubled run by run (`一把手一把手` → `一把手`) and letter-spaced digits (`1984 年 9 月` → `1984年9月`).
/// </summary>
public static class TextNormaliser
{
    /// <summary>Lines longer than this are body text; bold doubling only hits banners and headlines.</summary>
    private const int MaxDoubledLine = 240;
    private const int MaxRun = 40;

    public static string NormaliseLine(string line)
    {
        var s = Chars.Clean(line);
        if (s.Length == 0) return s;
        s = CollapseDoubling(s);
        return CloseDigitSpacing(s);
    }

    /// <summary>
    /// When the whole line splits into runs each printed twice (spaces between runs may be single),
    /// returns one copy of each run; otherwise the line unchanged. Whole-line only, so words such as
    /// 常常 or 谢谢 inside ordinary text are never touched.
    /// </summary>
    public static string CollapseDoubling(string s)
    {
        if (s.Length < 4 || s.Length > MaxDoubledLine) return s;
        var n = s.Length;
        if (!StartsDoubled(s)) return s;
        // next[i] = run length k chosen at i (k>0: doubled run; -1: a single space); dp by reachability from the end.
        var reach = new bool[n + 1];
        var choice = new int[n + 1];
        reach[n] = true;
        for (var i = n - 1; i >= 0; i--)
        {
            if (Chars.IsSpace(s[i]) && reach[i + 1]) { reach[i] = true; choice[i] = -1; continue; }
            var maxK = Math.Min(MaxRun, (n - i) / 2);
            for (var k = 1; k <= maxK; k++)
            {
                if (!reach[i + 2 * k]) continue;
                if (string.CompareOrdinal(s, i, s, i + k, k) != 0) continue;
                reach[i] = true; choice[i] = k; break;
            }
        }
        if (!reach[0]) return s;

        var sb = new StringBuilder(n / 2 + 1);
        int letters = 0, runs = 0, longest = 0;
        for (var i = 0; i < n;)
        {
            if (choice[i] == -1) { sb.Append(s[i]); i++; continue; }
            var k = choice[i];
            for (var j = 0; j < k; j++) if (Chars.IsHan(s[i + j]) || char.IsLetter(s[i + j])) letters++;
            sb.Append(s, i, k);
            runs++;
            longest = Math.Max(longest, k);
            i += 2 * k;
        }
        // A line of dashes or two repeated characters is not bold doubling.
        // (and 步步高高 is a phrase, not two doubled characters: real doubling has runs of several characters).
        return letters >= 2 && longest >= 2 ? sb.ToString() : s;
    }

    private static bool StartsDoubled(string s)
    {
        var maxK = Math.Min(MaxRun, s.Length / 2);
        var first = s[0];
        for (var k = s.IndexOf(first, 1); k > 0 && k <= maxK; k = s.IndexOf(first, k + 1))
            if (string.CompareOrdinal(s, 0, s, k, k) == 0) return true;
        return false;
    }

    /// <summary>Removes spaces between a digit and a CJK character or %, in either order (`业率达 98.5%`).</summary>
    public static string CloseDigitSpacing(string s)
    {
        var hasSpace = false;
        foreach (var c in s) if (c == ' ' || c == '\u3000') { hasSpace = true; break; }
        if (!hasSpace) return s;

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is ' ' or '\u3000' && sb.Length > 0)
            {
                var j = i;
                while (j < s.Length && s[j] is ' ' or '\u3000') j++;
                if (j < s.Length)
                {
                    var before = sb[^1];
                    var after = s[j];
                    var digitToCjk = Chars.IsDigit(before) && (Chars.IsHan(after) || after is '%' or '％');
                    var cjkToDigit = Chars.IsHan(before) && Chars.IsDigit(after);
                    if (digitToCjk || cjkToDigit) { i = j - 1; continue; }
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
