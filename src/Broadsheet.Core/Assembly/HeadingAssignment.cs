using Broadsheet.Core.Layout;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// PDF text in content-stream order (`pdftotext -raw`) often prints every story's body first and all the headlines
/// after them. Which headline heads which body is decided for the whole page: the bodies are cut where a story can
/// start (a dateline, after a closing credit or picture credit, the page top), each headline line goes to the part
/// that holds most of its Han bigrams (a title shares words with its own story), lines of one deck stay together,
/// and each part gets at most one deck. The decks are then set over their bodies, so the page reads headline first.
/// </summary>
public static class HeadingAssignment
{
    /// <summary>A deck goes to a part only when this share of its bigrams is found there.</summary>
    private const double MinShare = 0.3;

    /// <summary>Longest deck (kicker, a title wrapped over two lines, subtitle).</summary>
    private const int MaxDeckLines = 4;

    /// <summary>What cutting the cluster into one more deck costs (in weighted bigrams found).</summary>
    private const double DeckCost = 1;

    /// <summary>What a line costs in a deck whose story shares few of its words (more than a deck: it goes alone).</summary>
    private const double StrayCost = 1.5;

    /// <summary>Lines (logical lines, one paragraph or heading line each) with a trailing cluster of decks set over their bodies.</summary>
    public static IReadOnlyList<string> SetDecksOverBodies(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate)
    {
        // The trailing cluster: heading lines (and furniture, blanks) after the last body line.
        var end = lines.Count;
        var cluster = new List<int>();
        var k = end - 1;
        for (; k >= 0; k--)
        {
            var l = lines[k];
            if (l.Length == 0 || r.Furniture.Match(l) is not null) continue;
            if (!r.Headline.IsHeadingLine(l) || r.Byline.Match(l) is not null) break;
            cluster.Add(k);
        }
        if (cluster.Count < 3 || k < 0) return lines;
        cluster.Reverse();
        var lastBody = k;

        // Parts of the body: cut before a dateline, after a closing or picture credit.
        var starts = new List<int> { 0 };
        for (var i = 1; i <= lastBody; i++)
        {
            var l = lines[i];
            if (l.Length == 0 || r.Furniture.Match(l) is not null) continue;
            var prev = PreviousText(lines, i, r);
            if (r.Dateline.Match(l, issueDate) is not null
                || prev is not null && (r.Byline.Match(prev) is { RoleOnly: false } || r.Dateline.MatchClosing(prev, issueDate) is not null))
                if (starts[^1] != i) starts.Add(i);
        }
        if (starts.Count < 2) return lines;
        var parts = new HashSet<int>[starts.Count];
        for (var p = 0; p < starts.Count; p++)
        {
            var to = p + 1 < starts.Count ? starts[p + 1] : lastBody + 1;
            parts[p] = [];
            for (var i = starts[p]; i < to; i++) parts[p].UnionWith(StorySegmenter.Bigrams(lines[i]));
        }

        // How telling each bigram is: one found in every part (中华, 北京) says little about which story a line heads.
        var df = new Dictionary<int, int>();
        foreach (var part in parts) foreach (var g in part) df[g] = df.GetValueOrDefault(g) + 1;
        var lineGrams = cluster.Select(i => StorySegmenter.Bigrams(lines[i])).ToList();

        // Decks: the cluster cut into runs of one to four lines, each scored by the weighted bigrams its best part
        // holds, less a cost per deck (so a wrapped title's tail, `福祖国`, stays with its head). Dynamic programming.
        var n = cluster.Count;
        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var j = 1; j <= n; j++)
            for (var i = Math.Max(0, j - MaxDeckLines); i < j; i++)
            {
                var (part, score) = Fit(Union(lineGrams, i, j), parts, df);
                var total = best[i] + score - DeckCost;
                // A line of its own words that its deck's story does not share is no part of that deck.
                for (var c = i; c < j && part >= 0; c++)
                    if (lineGrams[c].Count >= 3 && Score(lineGrams[c], parts[part], df).Share < MinShare) total -= StrayCost;
                if (total > best[j]) { best[j] = total; from[j] = i; }
            }
        var decks = new List<(int From, int To)>();
        for (var j = n; j > 0; j = from[j]) decks.Add((from[j], j));
        decks.Reverse();

        // Each part takes at most one deck, best fits first; a deck whose best share is low stays where it was.
        var fits = new List<(int Deck, int Part, double Score)>();
        for (var d = 0; d < decks.Count; d++)
        {
            var grams = Union(lineGrams, decks[d].From, decks[d].To);
            if (grams.Count < 3) continue;
            for (var p = 0; p < parts.Length; p++)
            {
                var (score, share) = Score(grams, parts[p], df);
                if (share >= MinShare) fits.Add((d, p, score));
            }
        }
        fits.Sort((x, y) => y.Score.CompareTo(x.Score));
        var assigned = new int[decks.Count];
        Array.Fill(assigned, -1);
        var taken = new Dictionary<int, int>();
        foreach (var (d, p, _) in fits)
        {
            if (assigned[d] >= 0 || taken.ContainsKey(p)) continue;
            assigned[d] = p;
            taken[p] = d;
        }
        if (taken.Count == 0) return lines;

        var output = new List<string>(lines.Count);
        for (var p = 0; p < starts.Count; p++)
        {
            if (taken.TryGetValue(p, out var d))
            {
                output.Add("");
                for (var c = decks[d].From; c < decks[d].To; c++) output.Add(lines[cluster[c]]);
            }
            var to = p + 1 < starts.Count ? starts[p + 1] : lastBody + 1;
            for (var i = starts[p]; i < to; i++) output.Add(lines[i]);
        }
        // What follows the last body: furniture, blanks, and decks no part took, in their order.
        var placed = new HashSet<int>();
        for (var d = 0; d < decks.Count; d++)
            if (assigned[d] >= 0) for (var c = decks[d].From; c < decks[d].To; c++) placed.Add(cluster[c]);
        for (var i = lastBody + 1; i < lines.Count; i++) if (!placed.Contains(i)) output.Add(lines[i]);
        return output;
    }

    private static string? PreviousText(IReadOnlyList<string> lines, int i, RecogniserSet r)
    {
        for (var j = i - 1; j >= 0; j--)
            if (lines[j].Length > 0 && r.Furniture.Match(lines[j]) is null) return lines[j];
        return null;
    }

    private static HashSet<int> Union(List<HashSet<int>> grams, int from, int to)
    {
        var set = new HashSet<int>(grams[from]);
        for (var i = from + 1; i < to; i++) set.UnionWith(grams[i]);
        return set;
    }

    /// <summary>The part a deck fits best and how well (weighted bigrams found there).</summary>
    private static (int Part, double Score) Fit(HashSet<int> grams, HashSet<int>[] parts, Dictionary<int, int> df)
    {
        int part = -1; double score = 0;
        for (var p = 0; p < parts.Length; p++)
        {
            var s = Score(grams, parts[p], df).Score;
            if (s > score) { score = s; part = p; }
        }
        return (part, score);
    }

    /// <summary>Each of the deck's bigrams the part holds counts 1/(parts holding it); the share is of the deck's bigrams.</summary>
    private static (double Score, double Share) Score(HashSet<int> grams, HashSet<int> part, Dictionary<int, int> df)
    {
        if (grams.Count == 0) return (0, 0);
        double score = 0; var hit = 0;
        foreach (var g in grams)
        {
            if (!part.Contains(g)) continue;
            hit++;
            score += 1.0 / df[g];
        }
        return (score, (double)hit / grams.Count);
    }
}
