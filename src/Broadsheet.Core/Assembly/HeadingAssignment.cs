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

    /// <summary>Longest line that may be furniture, a credit or a closing wire line.</summary>
    private const int MaxShortLine = 80;

    /// <summary>Longest deck (kicker, a title wrapped over two lines, subtitle).</summary>
    private const int MaxDeckLines = 4;

    /// <summary>What cutting the cluster into one more deck costs (in weighted bigrams found).</summary>
    private const double DeckCost = 1;

    /// <summary>What a line costs in a deck whose story shares few of its words (more than a deck: it goes alone).</summary>
    private const double StrayCost = 1.5;

    /// <summary>
    /// Most heading lines × body parts the assignment weighs. Its work and memory grow with that product; a page of
    /// garbage with thousands of heading-like lines would make it blow up, and no real page comes near (a `-raw` page of
    /// the tuning month weighs at most 336). Above it the page is left in its order.
    /// </summary>
    internal const int MaxCells = 40_000;

    /// <summary>Lines (logical lines, one paragraph or heading line each) with a trailing cluster of decks set over their bodies.</summary>
    public static IReadOnlyList<string> SetDecksOverBodies(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate) =>
        SetDecksOverBodies(lines, r, issueDate, out _);

    /// <param name="cellsWeighed">How many heading line × body part pairs were weighed (the measure of its work).</param>
    internal static IReadOnlyList<string> SetDecksOverBodies(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate, out int cellsWeighed) =>
        SetDecksOverBodies(lines, r, issueDate, out cellsWeighed, out _);

    /// <param name="decksPlaced">How many decks were set over a body.</param>
    /// <param name="contentOrder">The page has no blank line (`-raw`): a deck ends where its title's bracketed series tag closes.</param>
    internal static IReadOnlyList<string> SetDecksOverBodies(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate, out int cellsWeighed, out int decksPlaced, bool contentOrder = false)
    {
        cellsWeighed = 0;
        decksPlaced = 0;
        // Furniture, credits and closing wire lines are short: longer lines (paragraphs) are not run past those recognisers.
        var furniture = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++) furniture[i] = lines[i].Length is > 0 and <= MaxShortLine && r.Furniture.Match(lines[i]) is not null;

        // The trailing cluster: heading lines (and furniture, blanks) after the last body line.
        var cluster = new List<int>();
        var k = lines.Count - 1;
        for (; k >= 0; k--)
        {
            var l = lines[k];
            if (l.Length == 0 || furniture[k]) continue;
            if (!r.Headline.IsHeadingLine(l) || r.Byline.Match(l) is not null) break;
            cluster.Add(k);
        }
        if (cluster.Count < 3 || k < 0) return lines;
        cluster.Reverse();
        var lastBody = k;

        // Parts of the body: cut before a dateline, after a closing or picture credit.
        var starts = new List<int> { 0 };
        var prev = -1;
        for (var i = 0; i <= lastBody; i++)
        {
            var l = lines[i];
            if (l.Length == 0 || furniture[i]) continue;
            if (i > 0 && starts[^1] != i && (r.Dateline.Match(l, issueDate) is not null || prev >= 0 && Closes(lines[prev], r, issueDate)))
                starts.Add(i);
            prev = i;
        }
        if (starts.Count < 1) return lines;
        if ((long)cluster.Count * starts.Count > MaxCells) return lines;
        cellsWeighed = cluster.Count * starts.Count;
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

        // Each line against each part once: its weighted bigrams found there, and how many. A deck's fit is the sum
        // over its lines (a bigram two lines share counts twice: decks repeat few words).
        var n = cluster.Count;
        var lineScore = new double[n, parts.Length];
        var lineHits = new int[n, parts.Length];
        for (var c = 0; c < n; c++)
            for (var p = 0; p < parts.Length; p++)
                foreach (var g in lineGrams[c])
                    if (parts[p].Contains(g)) { lineHits[c, p]++; lineScore[c, p] += 1.0 / df[g]; }

        // Decks: the cluster cut into runs of one to four lines, each scored by the weighted bigrams its best part
        // holds, less a cost per deck (so a wrapped title's tail, `福祖国`, stays with its head). Dynamic programming.
        // A line closing the deck's last bracket (`负利率时代的挑战（经济透` / `视）`) ends its title's series tag: the
        // deck goes on only into a `——` subtitle.
        var closesTag = new bool[n];
        if (contentOrder)
            for (var c = 0; c + 1 < n; c++)
            {
                var l = lines[cluster[c]];
                closesTag[c] = Chars.IsClosingBracket(l[^1]) && !HeadlineRecogniser.IsSubtitle(lines[cluster[c + 1]]);
            }
        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var j = 1; j <= n; j++)
        {
            // The deck [i, j) holds no closed tag but on its last line.
            var closed = -1;
            for (var c = j - 2; c >= Math.Max(0, j - MaxDeckLines) && closed < 0; c--) if (closesTag[c]) closed = c;
            for (var i = Math.Max(closed + 1, j - MaxDeckLines); i < j; i++)
            {
                int part = -1; double score = 0;
                for (var p = 0; p < parts.Length; p++)
                {
                    double s = 0;
                    for (var c = i; c < j; c++) s += lineScore[c, p];
                    if (s > score) { score = s; part = p; }
                }
                var total = best[i] + score - DeckCost;
                // A line of its own words that its deck's story does not share is no part of that deck.
                for (var c = i; c < j && part >= 0; c++)
                    if (lineGrams[c].Count >= 3 && lineHits[c, part] < MinShare * lineGrams[c].Count) total -= StrayCost;
                if (total > best[j]) { best[j] = total; from[j] = i; }
            }
        }
        var decks = new List<(int From, int To)>();
        for (var j = n; j > 0; j = from[j]) decks.Add((from[j], j));
        decks.Reverse();

        // Each part takes at most one deck, best fits first; a deck whose best share is low stays where it was.
        var fits = new List<(int Deck, int Part, double Score)>();
        for (var d = 0; d < decks.Count; d++)
        {
            var (lo, hi) = decks[d];
            var grams = 0;
            for (var c = lo; c < hi; c++) grams += lineGrams[c].Count;
            if (grams < 3) continue;
            for (var p = 0; p < parts.Length; p++)
            {
                int hits = 0; double score = 0;
                for (var c = lo; c < hi; c++) { hits += lineHits[c, p]; score += lineScore[c, p]; }
                if (hits >= MinShare * grams) fits.Add((d, p, score));
            }
        }
        fits.Sort((x, y) => y.Score.CompareTo(x.Score));
        var assigned = new int[decks.Count];
        Array.Fill(assigned, -1);
        var taken = new Dictionary<int, List<int>>();
        foreach (var (d, p, _) in fits)
        {
            if (assigned[d] >= 0 || taken.ContainsKey(p)) continue;
            assigned[d] = p;
            taken[p] = [d];
        }
        if (taken.Count == 0) return lines;
        // A deck left over whose words are in a part already taken heads a story with no dateline or credit to cut
        // it from the one above: the part holds both, and is cut between them below.
        foreach (var (d, p, _) in fits)
        {
            if (assigned[d] >= 0 || !taken.TryGetValue(p, out var list)) continue;
            assigned[d] = p;
            list.Add(d);
        }

        var output = new List<string>(lines.Count);
        for (var p = 0; p < starts.Count; p++)
        {
            var to = p + 1 < starts.Count ? starts[p + 1] : lastBody + 1;
            if (!taken.TryGetValue(p, out var partDecks))
            {
                for (var i = starts[p]; i < to; i++) output.Add(lines[i]);
                continue;
            }
            List<(int Deck, int From)> cuts = partDecks.Count == 1 ? [(partDecks[0], starts[p])] : CutPart(lines, starts[p], to, furniture, partDecks, decks, lineGrams, df);
            // Decks the cut could not give a run of their own stay where they were, with the decks no part took.
            foreach (var d in partDecks) if (!cuts.Exists(c => c.Deck == d)) assigned[d] = -1;
            for (var c = 0; c < cuts.Count; c++)
            {
                var (d, runFrom) = cuts[c];
                var end = c + 1 < cuts.Count ? cuts[c + 1].From : to;
                output.Add("");
                for (var k2 = decks[d].From; k2 < decks[d].To; k2++) output.Add(lines[cluster[k2]]);
                for (var i = runFrom; i < end; i++) output.Add(lines[i]);
            }
        }
        // What follows the last body: furniture, blanks, and decks no part took, in their order.
        var placed = new HashSet<int>();
        decksPlaced = assigned.Count(p => p >= 0);
        for (var d = 0; d < decks.Count; d++)
            if (assigned[d] >= 0) for (var c = decks[d].From; c < decks[d].To; c++) placed.Add(cluster[c]);
        for (var i = lastBody + 1; i < lines.Count; i++) if (!placed.Contains(i)) output.Add(lines[i]);
        return output;
    }

    /// <summary>
    /// A body part that two or more decks fit: it is cut at line boundaries into one run per deck, decks in the order
    /// their words first come in the part, each cut where the sum over runs of the deck's telling bigrams found in its
    /// own run is highest (dynamic programming). Returns each deck with the line its run starts at.
    /// </summary>
    private static List<(int Deck, int From)> CutPart(IReadOnlyList<string> lines, int from, int to, bool[] furniture,
        List<int> partDecks, List<(int From, int To)> decks, List<HashSet<int>> lineGrams, Dictionary<int, int> df)
    {
        var rows = new List<int>();
        for (var i = from; i < to; i++) if (lines[i].Length > 0 && !furniture[i]) rows.Add(i);
        var deckGrams = partDecks.Select(d =>
        {
            var set = new HashSet<int>();
            for (var c = decks[d].From; c < decks[d].To; c++) set.UnionWith(lineGrams[c]);
            return set;
        }).ToList();
        var rowGrams = rows.Select(i => StorySegmenter.Bigrams(lines[i])).ToList();
        // Within the part, a bigram in many of its rows tells little about where one deck's run ends.
        var rowDf = new Dictionary<int, int>();
        foreach (var set in rowGrams) foreach (var g in set) rowDf[g] = rowDf.GetValueOrDefault(g) + 1;
        // gain[k, j]: deck k's telling bigrams that row j holds.
        var gain = new double[partDecks.Count, rows.Count];
        var first = new double[partDecks.Count];
        for (var k = 0; k < partDecks.Count; k++)
        {
            first[k] = double.MaxValue;
            for (var j = 0; j < rows.Count; j++)
            {
                foreach (var g in rowGrams[j]) if (deckGrams[k].Contains(g)) gain[k, j] += 1.0 / (df.GetValueOrDefault(g, 1) * rowDf[g]);
                if (gain[k, j] > 0 && first[k] == double.MaxValue) first[k] = j;
            }
        }
        var order = Enumerable.Range(0, partDecks.Count).OrderBy(k => first[k]).ToList();
        int n = rows.Count, m = order.Count;
        if (n < m) return [(partDecks[order[0]], from)];
        // best[k, j]: decks order[0..k] over rows 0..j-1, the last run ending at row j.
        var best = new double[m + 1, n + 1];
        var back = new int[m + 1, n + 1];
        for (var k = 0; k <= m; k++) for (var j = 0; j <= n; j++) best[k, j] = double.NegativeInfinity;
        best[0, 0] = 0;
        for (var k = 1; k <= m; k++)
            for (var j = k; j <= n; j++)
            {
                double run = 0;
                for (var i = j - 1; i >= k - 1; i--)
                {
                    run += gain[order[k - 1], i];
                    // A run starts only at the page's first body row or after a sentence end.
                    if (i > 0 && !Chars.EndsSentence(lines[rows[i - 1]])) continue;
                    var v = best[k - 1, i] + run;
                    if (v > best[k, j]) { best[k, j] = v; back[k, j] = i; }
                }
            }
        if (double.IsNegativeInfinity(best[m, n])) return [(partDecks[order[0]], from)];
        var result = new List<(int, int)>();
        for (int k = m, j = n; k > 0; k--)
        {
            var i = back[k, j];
            result.Add((partDecks[order[k - 1]], k == 1 ? from : rows[i]));
            j = i;
        }
        result.Reverse();
        return result;
    }

    /// <summary>A credit (`本报记者 殷新宇摄`) or a closing wire line (`（新华社北京9月30日电）`) ends the story above it.</summary>
    internal static bool Closes(string line, RecogniserSet r, DateOnly? issueDate) =>
        line.Length <= MaxShortLine && (r.Byline.Match(line) is { RoleOnly: false } || r.Dateline.MatchClosing(line, issueDate) is not null);

}
