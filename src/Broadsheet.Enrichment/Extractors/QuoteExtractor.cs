using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Quotes: text in “…” that reads as speech, with its speaker — the person named between the closing mark and a speech verb
/// (“……”段玉超说 / “……”近日，…局长刘东利在接受记者采访时说), or before the opening mark (刘东利说：“……”); 他说 / 她说 take the
/// last person named. Short quoted terms (“四化”, “组合拳”) are not quotes.
/// </summary>
internal static partial class QuoteExtractor
{
    [GeneratedRegex("说|表示|介绍|指出|强调|坦言|感慨|告诉记者|谈到|称")]
    private static partial Regex SpeechVerb();

    [GeneratedRegex("(?:说|表示|介绍|指出|强调|坦言|感慨|谈到|称)道?[：:，,]?$")]
    private static partial Regex SpeechVerbAtEnd();

    public static List<Quote> Extract(ArticleText at, IReadOnlyList<PersonMention> people)
    {
        var text = at.Text;
        var quotes = new List<Quote>();
        var subjects = people.Where(p => !p.IsAuthor).ToList();
        for (var open = text.IndexOf('“', at.BodyStart); open >= 0; open = text.IndexOf('“', open + 1))
        {
            var close = MatchingClose(text, open);
            if (close < 0) break;
            var inner = text[(open + 1)..close].Trim();
            if (!ReadsAsSpeech(inner)) continue;
            var speaker = SpeakerAfter(text, close + 1, subjects) ?? SpeakerBefore(text, open, subjects);
            // Without a speaker, slogans and names in quotes (“驿心向党，红色服务大礼包”) are not speech: a sentence ends with 。！？…
            if (speaker is null && inner[^1] is not ('。' or '！' or '？' or '…' or '!' or '?')) continue;
            quotes.Add(new Quote(speaker, inner));
            open = close;
        }
        return quotes;
    }

    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '“') depth++;
            else if (text[i] == '”' && --depth == 0) return i;
            else if (text[i] == '\n') return -1; // a quote doesn't run over a paragraph end here
        }
        return -1;
    }

    /// <summary>Speech is a sentence or more, not a quoted term or title.</summary>
    private static bool ReadsAsSpeech(string s) =>
        s.Length >= 20 || s.Length >= 8 && s.IndexOfAny(['，', '。', '！', '？', '…', '；']) >= 0;

    private static string? SpeakerAfter(string text, int from, List<PersonMention> people)
    {
        var end = from;
        while (end < text.Length && end - from < 80 && !Chars.IsSentenceEnd(text[end]) && text[end] != '“') end++;
        var verb = SpeechVerb().Match(text, from, end - from);
        if (!verb.Success) return null;
        return PersonIn(people, from, verb.Index) ?? Pronoun(text, from, verb.Index, people);
    }

    private static string? SpeakerBefore(string text, int open, List<PersonMention> people)
    {
        var start = open;
        while (start > 0 && open - start < 60 && !Chars.IsSentenceEnd(text[start - 1]) && text[start - 1] != '”') start--;
        var window = text[start..open];
        var verb = SpeechVerbAtEnd().Match(window);
        if (!verb.Success) return null;
        return PersonIn(people, start, start + verb.Index) ?? Pronoun(text, start, start + verb.Index, people);
    }

    /// <summary>The person named last in [from, to).</summary>
    private static string? PersonIn(List<PersonMention> people, int from, int to)
    {
        string? best = null;
        var bestAt = -1;
        foreach (var p in people)
        {
            foreach (var o in p.Offsets)
            {
                if (o >= from && o + p.Name.Length <= to && o > bestAt) { best = p.Name; bestAt = o; }
            }
        }
        return best;
    }

    /// <summary>他说: the last person named before the pronoun.</summary>
    private static string? Pronoun(string text, int from, int to, List<PersonMention> people)
    {
        var span = text.AsSpan(from, to - from);
        var at = span.LastIndexOfAny('他', '她');
        return at < 0 ? null : PersonIn(people, 0, from + at);
    }
}
