using System.Text;
using CoreChars = Broadsheet.Core.Layout.Chars;
using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy;

/// <summary>
/// A story's text as the harness compares it: Han characters, letters and digits only (NFKC, lower case), so
/// whitespace, punctuation and brackets (`（本报…电）` lifted as `本报…电`) never decide a result.
/// </summary>
public sealed class StoryText
{
    /// <summary>Counts of each character over every text field: the story's content, in any order.</summary>
    public Dictionary<char, int> Chars { get; } = [];
    /// <summary>Counts of each pair of neighbouring characters within a field: which story a piece is from.</summary>
    public Dictionary<(char, char), int> Bigrams { get; } = [];
    public int Length { get; private set; }

    public static StoryText Of(IEnumerable<string?> fields)
    {
        var t = new StoryText();
        foreach (var f in fields) t.Add(f);
        return t;
    }

    /// <summary>Every text field of an article: deck, column, label, credits, dateline, jump markers, body.</summary>
    public static StoryText Of(Article a) => Of(Fields(a));

    public static IEnumerable<string?> Fields(Article a)
    {
        yield return a.Label;
        yield return a.Column;
        yield return a.Kicker;
        yield return a.Title;
        yield return a.Subtitle;
        yield return a.Dateline?.Raw;
        yield return a.BylineRaw;
        if (a.BylineRaw is null) foreach (var b in a.Byline) yield return b.Name;
        yield return a.ContinuedFrom?.Raw;
        foreach (var p in a.Paragraphs) yield return p;
        yield return a.ContinuesTo?.Raw;
    }

    private void Add(string? field)
    {
        var norm = Normalise(field);
        for (var i = 0; i < norm.Length; i++)
        {
            Chars[norm[i]] = Chars.GetValueOrDefault(norm[i]) + 1;
            if (i > 0) Bigrams[(norm[i - 1], norm[i])] = Bigrams.GetValueOrDefault((norm[i - 1], norm[i])) + 1;
        }
        Length += norm.Length;
    }

    /// <summary>The compared characters of a text: Han (as Broadsheet.Core defines it), letters and digits.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (CoreChars.IsHan(c) || char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Text with all whitespace removed: how the contract compares headings.</summary>
    public static string NoSpace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) if (!char.IsWhiteSpace(c) && !CoreChars.IsSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    public bool SameAs(StoryText other) =>
        Length == other.Length && Chars.Count == other.Chars.Count
        && Chars.All(kv => other.Chars.GetValueOrDefault(kv.Key) == kv.Value);

    /// <summary>Characters the two have in common (multiset intersection).</summary>
    public int SharedChars(StoryText other) => Shared(Chars, other.Chars);

    /// <summary>Character pairs the two have in common: a fair measure of shared text, unlike single characters.</summary>
    public int SharedBigrams(StoryText other) => Shared(Bigrams, other.Bigrams);

    public int BigramCount => Math.Max(0, Bigrams.Values.Sum());

    private static int Shared<T>(Dictionary<T, int> a, Dictionary<T, int> b) where T : notnull
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var n = 0;
        foreach (var (k, v) in a) n += Math.Min(v, b.GetValueOrDefault(k));
        return n;
    }
}
