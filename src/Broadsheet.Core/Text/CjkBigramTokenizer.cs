using System.Globalization;
using System.Text;

namespace Broadsheet.Core.Text;

/// <summary>
/// INTERIM search tokenizer until the enrichment segmenter is wired in: overlapping CJK bigrams (a lone CJK
/// character is a term of its own) and Latin/digit words. Needs no dictionary, so any query that is a
/// substring of the text of two or more CJK characters finds it.
/// </summary>
public sealed class CjkBigramTokenizer : ISearchTokenizer
{
    public IEnumerable<string> Tokenize(string text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var run = new StringBuilder();
        var runIsCjk = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var cjk = IsCjk(rune);
            var word = !cjk && (Rune.IsLetterOrDigit(rune));
            if (!cjk && !word)
            {
                foreach (var t in Flush(run, runIsCjk)) yield return t;
                continue;
            }
            if (run.Length > 0 && cjk != runIsCjk)
                foreach (var t in Flush(run, runIsCjk)) yield return t;
            runIsCjk = cjk;
            run.Append(cjk ? rune.ToString() : Rune.ToLowerInvariant(rune).ToString());
        }
        foreach (var t in Flush(run, runIsCjk)) yield return t;
    }

    private static IEnumerable<string> Flush(StringBuilder run, bool cjk)
    {
        if (run.Length == 0) return [];
        var s = run.ToString();
        run.Clear();
        if (!cjk) return [s];
        var chars = new List<string>();
        foreach (var r in s.EnumerateRunes()) chars.Add(r.ToString());
        if (chars.Count == 1) return chars;
        var bigrams = new List<string>(chars.Count - 1);
        for (var i = 0; i + 1 < chars.Count; i++) bigrams.Add(chars[i] + chars[i + 1]);
        return bigrams;
    }

    private static bool IsCjk(Rune r)
    {
        var v = r.Value;
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2FA1F)
               || (v >= 0xF900 && v <= 0xFAFF) || Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherLetter && v >= 0x3040 && v <= 0x30FF;
    }
}
