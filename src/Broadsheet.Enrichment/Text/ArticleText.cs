using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;

namespace Broadsheet.Enrichment.Text;

/// <summary>
/// The text an article gives the extractors: headline lines (kicker, title, subtitle) then body paragraphs,
/// one a line, cut once by jieba and shared by every extractor.
/// </summary>
public sealed partial class ArticleText
{
    public Article Article { get; }
    /// <summary>Headline lines then paragraphs, joined by '\n'.</summary>
    public string Text { get; }
    /// <summary>Where the body starts in <see cref="Text"/>; before it is headline.</summary>
    public int BodyStart { get; }
    public IReadOnlyList<Token> Tokens { get; }
    /// <summary>The date relative dates resolve against: the dateline's, else the issue's, else null.</summary>
    public DateOnly? ReferenceDate { get; }
    public DateOnly? IssueDate { get; }

    private readonly List<int> _wordIds;
    /// <summary>Each token's dictionary entry, read once here: every extractor asks for the same tokens' words again.</summary>
    private readonly WordInfo[] _words;

    public ArticleText(Article article, IssueInfo issue, NewsroomLexicon lexicon)
    {
        Article = article;
        var headline = new[] { article.Kicker, article.Title, article.Subtitle }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Clean(s!)).ToList();
        var head = string.Join('\n', headline);
        var body = string.Join('\n', (article.Paragraphs ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Clean));
        Text = head.Length == 0 ? body : head + "\n" + body;
        BodyStart = head.Length == 0 ? 0 : head.Length + 1;
        var wordIds = new List<int>(Text.Length / 2 + 1);
        Tokens = lexicon.Cut(Text, wordIds);
        _wordIds = wordIds;
        _words = new WordInfo[wordIds.Count];
        for (var k = 0; k < _words.Length; k++) if (wordIds[k] >= 0) _words[k] = lexicon.WordAt(wordIds[k]);
        IssueDate = ParseDate(issue.Date);
        ReferenceDate = ParseDate(article.Dateline?.Date) ?? IssueDate;
    }

    public ReadOnlySpan<char> Body => Text.AsSpan(BodyStart);

    public bool InHeadline(int offset) => offset < BodyStart;

    /// <summary>One line per field; spaces PDF extraction leaves between digits and Han (1984 年 9 月) go, so dates and figures read whole.</summary>
    private static string Clean(string s)
    {
        s = s.Replace('\n', ' ').Replace('\r', ' ');
        // Most lines hold no space at all: nothing for the pattern to find.
        return (s.AsSpan().IndexOfAny(' ', '\u3000') < 0 ? s : DigitHanGap().Replace(s, "")).Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[0-9０-９%])[ \u3000]+(?=[\u4e00-\u9fff%])|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[0-9０-９])")]
    private static partial System.Text.RegularExpressions.Regex DigitHanGap();

    private static DateOnly? ParseDate(string? s)
    {
        // The usual shape read directly: the general parser costs more than the rest of a short article's set-up.
        if (s is { Length: 10 } && s[4] == '-' && s[7] == '-' && Digits(s, 0, 4) is var year and > 0 && Digits(s, 5, 2) is var month and >= 1 and <= 12
            && Digits(s, 8, 2) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month)
            && System.Globalization.CultureInfo.CurrentCulture.Calendar is System.Globalization.GregorianCalendar)
            return new DateOnly(year, month, day);
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d) ? d : null;
    }

    /// <summary>The number written in s[start..start+count) in ASCII digits; -1 when another character is there.</summary>
    private static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return -1;
            n = n * 10 + s[i] - '0';
        }
        return n;
    }

    /// <summary>Token <paramref name="k"/> as a word of jieba's dictionary (<see cref="NewsroomLexicon.TryGetWord"/>), without looking it up again.</summary>
    public bool TryGetWord(int k, out WordInfo info)
    {
        info = _words[k];
        return _wordIds[k] >= 0;
    }

    /// <summary>A number for token <paramref name="k"/>'s dictionary word, the same for the same word; -1 when it is none.</summary>
    public int WordId(int k) => _wordIds[k];

    /// <summary>Index of the first token that ends after <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Count - 1, found = Tokens.Count;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].End > offset) { found = mid; hi = mid - 1; } else lo = mid + 1;
        }
        return found;
    }
}

/// <summary>Character classes the rules share.</summary>
internal static class Chars
{
    public static bool IsHan(char c) => Core.Layout.Chars.IsHan(c);
    public static bool IsHanAt(ReadOnlySpan<char> s, int i, out int width) => Core.Layout.Chars.IsHanAt(s, i, out width);
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';
    public static char AsciiDigit(char c) => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;
    /// <summary>Sentence enders.</summary>
    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n' or '；' or ';';
    public static bool IsClauseBreak(char c) => IsSentenceEnd(c) || c is '，' or ',' or '：' or ':' or '、' or '“' or '”' or '"' or '（' or '）' or '(' or ')' or '《' or '》' or '—' or '…' or ' ' or '　' or '\t';
}
