using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy;

/// <summary>How a gold story came out of the parser.</summary>
public enum Segmentation
{
    /// <summary>One predicted article holds exactly the story's text: the whole story, nothing else.</summary>
    Exact,
    /// <summary>One predicted article holds all of the story and text that is not the story's.</summary>
    Merged,
    /// <summary>The story is cut into several predicted articles (or lost text), none holding anything else.</summary>
    Split,
    /// <summary>Cut and mixed with other text: parts of it sit in articles with text of other stories.</summary>
    Mixed,
    /// <summary>No predicted article holds a tenth of it: it went to unassigned, furniture or nowhere.</summary>
    Missing,
}

/// <summary>A predicted article that holds part of a gold story.</summary>
/// <param name="Index">Its position in the parse's article list.</param>
/// <param name="Share">Fraction of the gold story's character pairs found in it.</param>
public sealed record Piece(int Index, Article Article, double Share);

/// <summary>Another gold story whose text sits in the article matched to this one.</summary>
public sealed record Intruder(int Index, Article Gold, int Chars);

/// <summary>One gold story scored against the parse.</summary>
public sealed record StoryResult(
    string Dump,
    int Index,
    Article Gold,
    Article? Predicted,
    Segmentation Segmentation,
    bool TitleExact,
    bool HeadlineExact,
    bool? KickerExact,
    bool? SubtitleExact,
    bool? BylineFound,
    bool? DatelineFound,
    IReadOnlyList<Piece> Pieces,
    IReadOnlyList<Intruder> Intruders,
    int ExtraChars,
    IReadOnlyList<Origin> Origins,
    int DroppedChars = 0);

/// <summary>One dump parsed and scored: its stories, and how many of its Han characters the parse kept.</summary>
/// <param name="GoldGap">Han characters the dump and its gold do not share (either way): 0 when the gold accounts for
/// every character printed, as a rendered dump's gold must.</param>
public sealed record DumpResult(string Name, int Pages, int Predicted, IReadOnlyList<StoryResult> Stories, int HanIn, int HanKept, int GoldGap, string? Error);

public static class DumpEvaluation
{
    /// <summary>Scores a parse of <paramref name="input"/> against its gold.</summary>
    public static DumpResult Evaluate(string name, string input, ParsedIssue gold, ParsedIssue predicted)
    {
        var g = gold.Articles;
        var p = predicted.Articles;
        var tg = g.Select(StoryText.Of).ToList();
        var tp = p.Select(StoryText.Of).ToList();

        // Each predicted article's fields, attributed to the gold story (and field) they come from; ties between
        // stories that print the same text go to the article's home, the story it shares most with.
        var attribution = new Attribution(g, gold.Issue.Pages.SelectMany(x => x.Furniture));
        var origins = new List<List<Origin>>(p.Count);
        for (var j = 0; j < p.Count; j++)
        {
            int home = -1, most = 0;
            for (var i = 0; i < g.Count; i++)
            {
                var s = tg[i].SharedBigrams(tp[j]);
                if (s > most) (home, most) = (i, s);
            }
            origins.Add(attribution.Of(p[j], prefer: home));
        }

        // Text the parse put in no article (unassigned lines, page furniture), by the story it is from.
        var dropped = new int[g.Count];
        foreach (var text in predicted.Unassigned.Concat(predicted.Issue.Pages.SelectMany(x => x.Furniture)))
            if (attribution.OfLeftover(text) is { Owner: >= 0 } o) dropped[o.Owner] += o.Chars;

        // Exact pairs first, one predicted article to one story (the corpus repeats a few stories on a page).
        var exact = new int[g.Count];
        var used = new bool[p.Count];
        for (var i = 0; i < g.Count; i++)
        {
            exact[i] = -1;
            for (var j = 0; j < p.Count; j++)
                if (!used[j] && tg[i].SameAs(tp[j])) { exact[i] = j; used[j] = true; break; }
        }

        var stories = new List<StoryResult>(g.Count);
        for (var i = 0; i < g.Count; i++)
        {
            var pieces = new List<Piece>();
            for (var j = 0; j < p.Count; j++)
            {
                var chars = origins[j].Where(o => o.Owner == i).Sum(o => o.Chars);
                if (chars > 0) pieces.Add(new Piece(j, p[j], (double)chars / Math.Max(1, tg[i].Length)));
            }
            pieces.Sort((a, b) => b.Share.CompareTo(a.Share));
            var best = exact[i] >= 0 ? exact[i] : pieces.Count > 0 ? pieces[0].Index : -1;
            var mine = best >= 0 ? origins[best] : [];
            // What else the matched article holds: other stories' text, and text of no story (furniture, heads).
            var intruders = mine.Where(o => o.Owner >= 0 && o.Owner != i).GroupBy(o => o.Owner)
                .Select(x => new Intruder(x.Key, g[x.Key], x.Sum(o => o.Chars))).OrderByDescending(x => x.Chars).ToList();
            var extra = mine.Where(o => o.Owner < 0).Sum(o => o.Chars);

            Segmentation seg;
            if (exact[i] >= 0) seg = Segmentation.Exact;
            else if (best < 0 || pieces[0].Share < 0.1) seg = Segmentation.Missing;
            else if (tg[i].SharedChars(tp[best]) == tg[i].Length) seg = Segmentation.Merged;
            else seg = pieces.All(x => origins[x.Index].All(o => o.Owner == i)) ? Segmentation.Split : Segmentation.Mixed;

            var a = best >= 0 ? p[best] : null;
            stories.Add(new StoryResult(
                name, i, g[i], a, seg,
                TitleExact: Same(g[i].Title, a?.Title),
                HeadlineExact: Same(Deck(g[i]), a is null ? null : Deck(a)),
                KickerExact: Either(g[i].Kicker, a?.Kicker),
                SubtitleExact: Either(g[i].Subtitle, a?.Subtitle),
                BylineFound: g[i].Byline.Count == 0 ? null : g[i].Byline.All(b => a?.Byline.Any(x => StoryText.NoSpace(x.Name) == StoryText.NoSpace(b.Name)) == true),
                DatelineFound: g[i].Dateline is null ? null
                    : a?.Dateline is { } d && StoryText.Normalise(d.Raw) == StoryText.Normalise(g[i].Dateline!.Raw),
                pieces, intruders, extra, mine, dropped[i]));
        }

        var hanIn = HanCounts([input]);
        var kept = Shared(hanIn, HanCounts(Everything(predicted)));
        return new DumpResult(name, gold.Issue.Pages.Count, p.Count, stories, hanIn.Values.Sum(), kept, GoldGap(input, gold), null);
    }

    /// <summary>A dump the parser refused: every story missing, nothing kept.</summary>
    public static DumpResult Failed(string name, string input, ParsedIssue gold, string error) =>
        new(name, gold.Issue.Pages.Count, 0,
            gold.Articles.Select((a, i) => new StoryResult(name, i, a, null, Segmentation.Missing, false, false,
                a.Kicker is null ? null : false, a.Subtitle is null ? null : false,
                a.Byline.Count == 0 ? null : false, a.Dateline is null ? null : false, [], [], 0, [])).ToList(),
            HanCounts([input]).Values.Sum(), 0, GoldGap(input, gold), error);

    /// <summary>Han characters of the dump its gold lacks, plus those of the gold the dump lacks.</summary>
    public static int GoldGap(string input, ParsedIssue gold)
    {
        var printed = HanCounts([input]);
        var answered = HanCounts(Everything(gold));
        var shared = Shared(printed, answered);
        return printed.Values.Sum() - shared + answered.Values.Sum() - shared;
    }

    private static int Shared(Dictionary<char, int> a, Dictionary<char, int> b) =>
        a.Sum(kv => Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));

    private static string Deck(Article a) => string.Concat(a.Kicker, a.Title, a.Subtitle);

    private static bool Same(string? gold, string? predicted) => StoryText.NoSpace(gold) == StoryText.NoSpace(predicted);

    /// <summary>Null when neither side has the field (nothing to check); else whether they agree.</summary>
    private static bool? Either(string? gold, string? predicted) =>
        string.IsNullOrWhiteSpace(gold) && string.IsNullOrWhiteSpace(predicted) ? null : Same(gold, predicted);

    /// <summary>Every string of the parse's output: articles, banners, furniture, unassigned.</summary>
    private static IEnumerable<string?> Everything(ParsedIssue issue)
    {
        foreach (var a in issue.Articles)
            foreach (var f in StoryText.Fields(a)) yield return f;
        foreach (var page in issue.Issue.Pages)
        {
            yield return page.Banner;
            foreach (var f in page.Furniture) yield return f;
        }
        foreach (var u in issue.Unassigned) yield return u;
    }

    private static Dictionary<char, int> HanCounts(IEnumerable<string?> texts)
    {
        var counts = new Dictionary<char, int>();
        foreach (var t in texts)
            if (t is not null)
                foreach (var c in t)
                    if (Chars.IsHan(c)) counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts;
    }
}
