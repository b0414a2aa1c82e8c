namespace Broadsheet.Core.Layout;

/// <summary>Character classes the layout rules are written in.</summary>
public static class Chars
{
    /// <summary>What Broadsheet counts as a Chinese character, everywhere (parser, enrichment, search terms).</summary>
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '〇';

    /// <summary>CJK text and full-width forms: they take two columns and join without spaces.</summary>
    public static bool IsWide(char c) =>
        IsHan(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or >= '\u2E80' and <= '\u2FDF'
            or '“' or '”' or '‘' or '’' or '…' or '—' or '·' or '■' or '□' or '◎' or '●' or '▲' or '◆' or '★'
            || char.IsHighSurrogate(c) || char.IsLowSurrogate(c);

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
    public static bool IsFullWidthDigit(char c) => c is >= '０' and <= '９';
    public static bool IsDigit(char c) => IsAsciiDigit(c) || IsFullWidthDigit(c);
    public static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' || c is >= 'À' and <= 'ɏ';
    public static bool IsLatinWordChar(char c) => IsLatinLetter(c) || IsAsciiDigit(c);

    /// <summary>Space as the dumps use it: ASCII, no-break and ideographic space.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u200B' or '\v';

    /// <summary>Punctuation that ends a sentence (and so may end a paragraph).</summary>
    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '…' or '.';

    public static bool IsClosingQuote(char c) => c is '”' or '’' or '』' or '」' or '》' or '"' or '\'';
    public static bool IsClosingBracket(char c) => c is '）' or ')' or '】' or ']' or '〕';
    public static bool IsOpeningBracket(char c) => c is '（' or '(' or '【' or '[' or '〔';

    /// <summary>Display width in columns: wide characters count two.</summary>
    public static int Width(ReadOnlySpan<char> s)
    {
        var w = 0;
        foreach (var c in s) w += IsWide(c) ? 2 : 1;
        return w;
    }

    public static int CountHan(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) if (IsHan(c)) n++;
        return n;
    }

    /// <summary>
    /// True when text ends a sentence: 。！？… possibly followed by closing quotes, or a bracketed aside
    /// that itself follows a sentence end (`…致辞。（图片由…提供）`).
    /// </summary>
    public static bool EndsSentence(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        var i = s.Length - 1;
        while (i >= 0 && IsClosingQuote(s[i])) i--;
        if (i < 0) return false;
        if (IsSentenceEnd(s[i]))
        {
            // "3." inside a number, or an abbreviation, is not an end; a full stop after a Latin word is.
            return s[i] != '.' || (i > 0 && !IsAsciiDigit(s[i - 1]));
        }
        if (IsClosingBracket(s[i]))
        {
            var open = FindOpening(s, i);
            return open > 0 && EndsSentence(s[..open]);
        }
        return false;
    }

    private static int FindOpening(ReadOnlySpan<char> s, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (IsClosingBracket(s[i])) depth++;
            else if (IsOpeningBracket(s[i]) && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>Trims the ends (ideographic space included); the same string when there is nothing to trim.</summary>
    public static string Clean(string s) =>
        s.Length == 0 || (!IsSpace(s[0]) && !IsSpace(s[^1]) && s[^1] != '\r') ? s : Clean(s.AsSpan());

    /// <summary>Trims the ends (ideographic space included).</summary>
    public static string Clean(ReadOnlySpan<char> s)
    {
        var start = 0; var end = s.Length;
        while (start < end && (IsSpace(s[start]) || s[start] == '\r')) start++;
        while (end > start && (IsSpace(s[end - 1]) || s[end - 1] == '\r')) end--;
        return s[start..end].ToString();
    }

    /// <summary>Whitespace removed: how the scorer and our matching compare text.</summary>
    public static string Squeeze(ReadOnlySpan<char> s)
    {
        Span<char> buf = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s) if (!IsSpace(c) && c is not ('\n' or '\r' or '\f')) buf[n++] = c;
        return buf[..n].ToString();
    }

    public static int DigitValue(char c) => IsAsciiDigit(c) ? c - '0' : IsFullWidthDigit(c) ? c - '０' : -1;

    /// <summary>Arabic, full-width or Chinese numerals (八, 十四, 二十三, 〇) to a number; -1 when not a number.</summary>
    public static int ParseNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return -1;
        if (DigitValue(s[0]) >= 0)
        {
            var v = 0;
            foreach (var c in s)
            {
                var d = DigitValue(c);
                if (d < 0 || v > 100000) return -1;
                v = v * 10 + d;
            }
            return v;
        }
        int total = 0, current = 0;
        foreach (var c in s)
        {
            var d = "〇一二三四五六七八九".IndexOf(c);
            if (c == '零') d = 0;
            if (c == '两') d = 2;
            if (d >= 0) { current = current * 10 + d; continue; }
            if (c == '十') { total += (current == 0 ? 1 : current) * 10; current = 0; continue; }
            if (c == '百') { total += (current == 0 ? 1 : current) * 100; current = 0; continue; }
            return -1;
        }
        return total + current;
    }
}
