namespace Broadsheet.Core.Layout;

/// <summary>Character classes the layout rules are written in.</summary>
public static class Chars
{
    /// <summary>
    /// What Broadsheet counts as a Chinese character, everywhere (parser, enrichment, search terms). A surrogate half
    /// is not one: text is cut in code points (<see cref="IsHanAt"/>), and a pair is Han when its code point is.
    /// </summary>
    public static bool IsHan(char c) => IsHan((int)c);

    /// <summary>
    /// The same by code point, so characters outside the BMP count too (𠀀, 𪚥): rare characters are common in
    /// personal and place names.
    /// </summary>
    public static bool IsHan(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or 0x3007 // 〇
            or >= 0x20000 and <= 0x323AF; // planes 2 and 3: Extensions B–I and the compatibility supplement

    /// <summary>The code point starting at s[i] is Han; <paramref name="width"/> is its length in chars (1 or 2).</summary>
    public static bool IsHanAt(ReadOnlySpan<char> s, int i, out int width)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return IsHan(char.ConvertToUtf32(s[i], s[i + 1]));
        }
        width = 1;
        return IsHan(s[i]);
    }

    /// <summary>The text is exactly one Han character (one code point, in or outside the BMP).</summary>
    public static bool IsOneHan(ReadOnlySpan<char> s) => s.Length is 1 or 2 && IsHanAt(s, 0, out var width) && width == s.Length;

    /// <summary>At most <paramref name="max"/> chars of the text, one fewer when the cut would halve a surrogate pair.</summary>
    public static int CutLength(ReadOnlySpan<char> s, int max) =>
        s.Length <= max ? s.Length : max > 0 && char.IsLowSurrogate(s[max]) && char.IsHighSurrogate(s[max - 1]) ? max - 1 : max;

    /// <summary>The text cut to at most <paramref name="max"/> chars, never inside a character (𪚥, 😀).</summary>
    public static string Clip(string s, int max) => s.Length <= max ? s : s[..CutLength(s, max)];

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
        foreach (var c in s) w += char.IsLowSurrogate(c) ? 0 : IsWide(c) ? 2 : 1; // a surrogate pair is one character
        return w;
    }

    /// <summary>Han characters by code point: 𪚥 counts once.</summary>
    public static int CountHan(ReadOnlySpan<char> s)
    {
        int n = 0, width;
        for (var i = 0; i < s.Length; i += width)
            if (IsHanAt(s, i, out width)) n++;
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
