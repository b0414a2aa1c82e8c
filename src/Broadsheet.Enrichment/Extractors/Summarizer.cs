using System.Text;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Extractive summary of at most 200 characters: the lead sentence (a bare quote opening the story is colour, not the
/// news, so the sentence after it leads), then the sentences after it while they fit.
/// </summary>
internal static class Summarizer
{
    public const int MaxLength = 200;

    public static string Summarize(ArticleText at)
    {
        var sentences = Sentences(at.Body.ToString());
        if (sentences.Count == 0) return Fit(at.Text.Replace('\n', ' ').Trim());

        // Papers put the news first: the lead is the first sentence, unless it is a bare quote or a scrap.
        var lead = sentences.FindIndex(s => s.Length >= 8 && !(s.StartsWith('“') && s.IndexOf('”') >= s.Length - 3));
        if (lead < 0) lead = 0;

        var summary = new StringBuilder(Fit(sentences[lead]));
        if (summary.Length < sentences[lead].Length) return summary.ToString(); // cut short: nothing more fits
        for (var i = lead + 1; i < sentences.Count && summary.Length + sentences[i].Length <= MaxLength; i++) summary.Append(sentences[i]);
        return summary.ToString();
    }

    /// <summary>Sentences with their closing punctuation (and a closing quote mark after it).</summary>
    internal static List<string> Sentences(string body)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is not ('。' or '！' or '？' or '\n')) continue;
            var end = i + 1;
            while (end < body.Length && body[end] is '”' or '’' or '）') end++;
            Add(body[start..end]);
            start = end;
            i = end - 1;
        }
        Add(body[start..]);

        // “……。”日前，…局长屈耀武在接受记者采访时说。 — a bare quote and the short sentence naming its speaker are one.
        for (var i = list.Count - 2; i >= 0; i--)
        {
            if (list[i].StartsWith('“') && list[i].EndsWith('”') && list[i + 1].Length <= 60 && SaysSo(list[i + 1]))
            {
                list[i] += list[i + 1];
                list.RemoveAt(i + 1);
            }
        }
        return list;

        static bool SaysSo(string s) => s.Contains('说') || s.Contains("表示") || s.Contains("介绍");

        void Add(string s)
        {
            s = s.Trim();
            if (s.Length > 0) list.Add(s);
        }
    }

    /// <summary>Cuts an over-long sentence at its last clause break that fits, marked with an ellipsis.</summary>
    private static string Fit(string s)
    {
        if (s.Length <= MaxLength) return s;
        var cut = s.LastIndexOfAny(['，', '；', '、', ','], MaxLength - 2);
        if (cut < MaxLength / 2) cut = Core.Layout.Chars.CutLength(s, MaxLength - 1); // never half a 𪚥
        return s[..cut] + "…";
    }
}
