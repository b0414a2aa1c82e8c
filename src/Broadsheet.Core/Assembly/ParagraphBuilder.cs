using System.Text;
using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// Joins a story's lines into paragraphs. Wrapped lines join with nothing between CJK characters (a space only
/// between Latin words; a hyphen that split a Latin word goes). A paragraph ends where a sentence ends and the
/// text moves on: a blank line after closing punctuation, a short last line after closing punctuation, or —
/// in one-paragraph-per-line dumps — any line that ends a sentence. A blank line mid-sentence is a column break.
/// </summary>
public static class ParagraphBuilder
{
    [ThreadStatic] private static StringBuilder? Builder;

    public static List<string> Build(IReadOnlyList<PageLine> lines, bool wrapped, Func<string, bool> isCrosshead)
    {
        var paragraphs = new List<string>();
        if (lines.Count == 0) return paragraphs;
        var full = FullWidth(lines);
        var sb = Builder ??= new StringBuilder(1024);
        sb.Clear();
        PageLine? prev = null;
        var prevCrosshead = false;
        foreach (var line in lines)
        {
            var crosshead = line.Crosshead || isCrosshead(line.Body);
            if (sb.Length > 0 && prev is not null)
            {
                // Only a closing bracket needs the paragraph before it (`…致辞。（图片由…提供）` spans lines).
                var ends = prev.Body.Length >= 3 && !Chars.IsClosingBracket(prev.Body[^1])
                    ? Chars.EndsSentence(prev.Body)
                    : Chars.EndsSentence(sb.ToString(sb.Length - Math.Min(sb.Length, 64), Math.Min(sb.Length, 64)));
                var shortLast = prev.TextWidth < full * 0.8;
                var brk = crosshead || prevCrosshead || line.Dateline is not null
                    || (ends && (line.BlankBefore || !wrapped || shortLast || prev.TrailingByline is not null));
                if (brk) { paragraphs.Add(sb.ToString()); sb.Clear(); }
            }
            Join(sb, line.Body);
            prev = line;
            prevCrosshead = crosshead;
        }
        if (sb.Length > 0) paragraphs.Add(sb.ToString());
        paragraphs.RemoveAll(p => p.Length == 0);
        return paragraphs;
    }

    /// <summary>The width of a full wrapped line in this story: the widest lines that do not end a sentence.</summary>
    private static double FullWidth(IReadOnlyList<PageLine> lines)
    {
        Span<int> widths = lines.Count <= 512 ? stackalloc int[lines.Count] : new int[lines.Count];
        var n = 0;
        foreach (var l in lines) if (!Chars.EndsSentence(l.Text)) widths[n++] = l.TextWidth;
        if (n == 0) return 0;
        widths = widths[..n];
        widths.Sort();
        return widths[(int)(n * 0.75)];
    }

    public static void Join(StringBuilder sb, string text)
    {
        if (text.Length == 0) return;
        if (sb.Length == 0) { sb.Append(text); return; }
        var a = sb[^1];
        var b = text[0];
        if (a == '-' && sb.Length >= 2 && char.IsLower(sb[^2]) && char.IsLower(b)) { sb.Length--; sb.Append(text); return; }
        var latinBefore = Chars.IsLatinWordChar(a) || a is ',' or ';' or ':' or '!' or '?' or '.' && sb.Length >= 2 && Chars.IsLatinLetter(sb[^2]);
        if ((latinBefore && Chars.IsLatinLetter(b)) || (Chars.IsLatinLetter(a) && Chars.IsLatinWordChar(b))) sb.Append(' ');
        sb.Append(text);
    }

    public static string Join(string a, string b)
    {
        var sb = new StringBuilder(a);
        Join(sb, b);
        return sb.ToString();
    }
}
