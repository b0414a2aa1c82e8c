using Broadsheet.Core.Layout;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// PDF text in content-stream order (`pdftotext -raw`, which prints no blank line) writes each story's deck before
/// its body on some pages, after it on others, and either way on one page. Which heading lines are a story's deck,
/// on which side of its body, and which sit inside a body (crossheads) is decided for the whole page at once: the
/// page is cut into stories, each its body rows with a deck of one to six heading lines right before or right after
/// them, by dynamic programming. A story scores by the words its deck shares with its body (a title talks about its
/// own story: Han bigrams, each weighted by how few rows hold it), a dateline opening its body and a credit closing it;
/// a heading line kept inside a body, a story with no deck and a dateline or credit in mid-story cost. The decks are
/// then set over their bodies, each after a blank line, so the page reads headline first.
/// </summary>
public static class DeckOrder
{
    /// <summary>Longest deck (kicker, a title wrapped over two lines, subtitle).</summary>
    private const int MaxDeckLines = 6;

    /// <summary>What each story costs (so a body is not cut where no deck's words call for it).</summary>
    private const double StoryCost = 3;

    /// <summary>What a heading line kept inside a body (a crosshead) costs.</summary>
    private const double CrossheadCost = 1;

    /// <summary>What a story with no deck costs (a page-top run-on from the page before costs nothing).</summary>
    private const double NoDeckCost = 3;

    /// <summary>A dateline opening the story's body; one inside it.</summary>
    private const double DatelineFirst = 2, DatelineInside = 4;

    /// <summary>A credit or closing wire line ending the story's body; one followed by more of it.</summary>
    private const double ClosingLast = 1, ClosingInside = 2;

    /// <summary>How much better than one order throughout a page must fit to be read as mixing both, or decks after bodies.</summary>
    private const double MixedMargin = 3, LastMargin = 0;

    /// <summary>More heading lines than this at the page's end are the decks of several stories, all printed after the bodies.</summary>
    internal const int MaxTrailingDeckLines = 4;

    /// <summary>
    /// Most tokens (logical lines) a page may have for the assignment: its work grows with their square (three
    /// passes over every span). A page of the tuning month has at most 311; a page of garbage with thousands of lines
    /// is left in its order.
    /// </summary>
    internal const int MaxTokens = 800;

    /// <summary>How many heading lines the page ends in (furniture and blank lines aside).</summary>
    public static int TrailingHeadingLines(IReadOnlyList<string> lines, RecogniserSet r)
    {
        var count = 0;
        for (var k = lines.Count - 1; k >= 0; k--)
        {
            var l = lines[k];
            if (l.Length == 0 || l.Length <= 80 && r.Furniture.Match(l) is not null) continue;
            if (!r.Headline.IsHeadingLine(l) || r.Byline.Match(l) is not null) break;
            count++;
        }
        return count;
    }

    /// <summary>Labels a story's text carries that read like heading lines: `核心阅读`, `数据来源：…`.</summary>
    private static bool IsTextLabel(string line) =>
        line is "核心阅读" || line.StartsWith("数据来源", StringComparison.Ordinal) || line.StartsWith("资料来源", StringComparison.Ordinal);

    /// <summary>A note on the author (`（作者为中国驻几内亚大使）`, `（作者单位：…）`): it closes a commentary.</summary>
    private static bool IsAuthorNote(string l) =>
        l.Length <= 80 && l.StartsWith("（作者", StringComparison.Ordinal) && l[^1] is '）' && l.IndexOf('）') == l.Length - 1;

    /// <summary>A heading line that is no byline, dateline, closing credit or text label.</summary>
    internal static bool IsHeading(string l, RecogniserSet r, DateOnly? issueDate) =>
        r.Headline.IsHeadingLine(l) && r.Byline.Match(l) is null && r.Dateline.Match(l, issueDate) is null
        && !HeadingAssignment.Closes(l, r, issueDate) && !IsTextLabel(l);

    /// <summary>Lines (logical lines, one paragraph or heading line each) with every deck set over its body.</summary>
    public static IReadOnlyList<string> SetDecksOverBodies(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate) =>
        SetDecksOverBodies(lines, r, issueDate, out _);

    /// <param name="spansWeighed">How many story spans were weighed (the measure of its work).</param>
    internal static IReadOnlyList<string> SetDecksOverBodies(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate, out long spansWeighed)
    {
        spansWeighed = 0;
        // Tokens: the page's lines of text; furniture goes along with the token before it.
        var tokens = new List<int>();
        var furnitureAfter = new Dictionary<int, List<int>>();
        var leading = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Length == 0) continue;
            if (l.Length <= 80 && r.Furniture.Match(l) is not null)
            {
                if (tokens.Count == 0) leading.Add(i);
                else (furnitureAfter.TryGetValue(tokens[^1], out var list) ? list : furnitureAfter[tokens[^1]] = []).Add(i);
                continue;
            }
            tokens.Add(i);
        }
        var n = tokens.Count;
        if (n < 3 || n > MaxTokens) return lines;

        var head = new bool[n];
        var dateline = new bool[n];
        var closing = new bool[n];
        var ends = new bool[n];
        var grams = new HashSet<int>[n];
        var heads = 0;
        for (var t = 0; t < n; t++)
        {
            var l = lines[tokens[t]];
            head[t] = IsHeading(l, r, issueDate);
            if (head[t]) { heads++; continue; }
            dateline[t] = r.Dateline.Match(l, issueDate) is not null;
            closing[t] = HeadingAssignment.Closes(l, r, issueDate) || IsAuthorNote(l);
            ends[t] = Chars.EndsSentence(l) || closing[t];
            grams[t] = StorySegmenter.Bigrams(l);
        }
        if (heads == 0 || heads == n) return lines;

        // How telling each bigram is: found in many rows (中国, 发展) it says little about which story a deck heads.
        var df = new Dictionary<int, int>();
        for (var t = 0; t < n; t++) if (!head[t]) foreach (var g in grams[t]) df[g] = df.GetValueOrDefault(g) + 1;

        // For each heading line, its weighted bigrams found in the body rows before each token (prefix sums).
        var headIndex = new int[n];
        var headLines = new List<int>();
        for (var t = 0; t < n; t++)
        {
            headIndex[t] = head[t] ? headLines.Count : -1;
            if (head[t]) headLines.Add(t);
        }
        var fit = new double[headLines.Count, n + 1];
        for (var h = 0; h < headLines.Count; h++)
        {
            var hg = StorySegmenter.Bigrams(lines[tokens[headLines[h]]]);
            for (var t = 0; t < n; t++)
            {
                double s = 0;
                if (!head[t]) foreach (var g in hg) if (grams[t].Contains(g)) s += 1.0 / df[g];
                fit[h, t + 1] = fit[h, t] + s;
            }
        }
        // Prefix counts of heading lines, datelines and closing lines.
        var headsBefore = new int[n + 1];
        var datelinesBefore = new int[n + 1];
        var closingBefore = new int[n + 1];
        for (var t = 0; t < n; t++)
        {
            headsBefore[t + 1] = headsBefore[t] + (head[t] ? 1 : 0);
            datelinesBefore[t + 1] = datelinesBefore[t] + (dateline[t] ? 1 : 0);
            closingBefore[t + 1] = closingBefore[t] + (closing[t] ? 1 : 0);
        }

        // The page's order, decided for the whole page: every deck before its body (the page is left as it is),
        // every deck after it, or both — taken only when it fits clearly better than either (one deck's words say
        // little; a page's decks together say much).
        var best = new double[n + 1];
        var how = new (int From, int Deck)[n + 1]; // Deck > 0: that many lines first; < 0: that many lines last; 0: none
        long work = 0;
        var (firstScore, _) = Solve(true, false);
        var (lastScore, lastStories) = Solve(false, true);
        var (bothScore, bothStories) = Solve(true, true);
        spansWeighed = work;
        List<(int From, int To, int Deck)>? stories =
            bothScore > Math.Max(firstScore, lastScore) + MixedMargin ? bothStories
            : lastScore > firstScore + LastMargin ? lastStories
            : null;
        if (stories is null) return lines;

        var output = new List<string>(lines.Count + stories.Count);
        foreach (var i in leading) output.Add(lines[i]);
        foreach (var (from, to, deck) in stories)
        {
            int bodyFrom = deck > 0 ? from + deck : from, bodyTo = deck < 0 ? to + deck : to;
            if (deck != 0 || head[from])
            {
                output.Add("");
                var deckFrom = deck > 0 ? from : to + deck;
                for (var t = deckFrom; t < deckFrom + Math.Abs(deck); t++) Emit(t);
            }
            for (var t = bodyFrom; t < bodyTo; t++) Emit(t);
        }
        return output;

        (double Score, List<(int From, int To, int Deck)>? Stories) Solve(bool allowFirst, bool allowLast)
        {
            Array.Fill(best, double.NegativeInfinity);
            best[0] = 0;
            for (var j = 1; j <= n; j++)
            {
                // A story ends after a heading line (its deck), at a sentence end, or at the page end.
                if (j < n && !head[j - 1] && !ends[j - 1]) continue;
                // A closing credit or wire line (`（本报金边电）`) ends the story above it: none starts there.
                if (j < n && closing[j]) continue;
                for (var i = 0; i < j; i++)
                {
                    if (double.IsNegativeInfinity(best[i])) continue;
                    work++;
                    // No deck: body rows and crossheads only (or heading lines alone: a banner, a deck of no body here).
                    Consider(i, j, 0, i == 0 && !head[0] ? 0 : NoDeckCost);
                    // Deck first: d heading lines, then a body row.
                    for (var d = 1; allowFirst && d <= MaxDeckLines && i + d < j && head[i + d - 1]; d++)
                        if (!head[i + d] && !head[j - 1]) Consider(i, j, d, 0);
                    // Deck last: a body row, then d heading lines.
                    for (var d = 1; allowLast && d <= MaxDeckLines && j - d > i && head[j - d]; d++)
                        if (!head[j - d - 1] && !head[i]) Consider(i, j, -d, 0);
                }
            }
            if (double.IsNegativeInfinity(best[n])) return (double.NegativeInfinity, null);
            var list = new List<(int From, int To, int Deck)>();
            for (var j = n; j > 0; j = how[j].From) list.Add((how[j].From, j, how[j].Deck));
            list.Reverse();
            return (best[n], list);
        }

        void Emit(int t)
        {
            output.Add(lines[tokens[t]]);
            if (furnitureAfter.TryGetValue(tokens[t], out var f)) foreach (var i in f) output.Add(lines[i]);
        }

        // The story tokens[i..j) with its deck (see how[]), scored and kept when best.
        void Consider(int i, int j, int deck, double cost)
        {
            int bodyFrom = deck > 0 ? i + deck : i, bodyTo = deck < 0 ? j + deck : j;
            var score = best[i] - StoryCost - cost;
            if (deck != 0)
            {
                var deckFrom = deck > 0 ? i : j + deck;
                for (var t = deckFrom; t < deckFrom + Math.Abs(deck); t++)
                {
                    var h = headIndex[t];
                    score += fit[h, bodyTo] - fit[h, bodyFrom];
                }
            }
            score -= CrossheadCost * (headsBefore[bodyTo] - headsBefore[bodyFrom]);
            var datelines = datelinesBefore[bodyTo] - datelinesBefore[bodyFrom];
            if (bodyTo == bodyFrom) { if (score > best[j]) { best[j] = score; how[j] = (i, deck); } return; }
            if (dateline[bodyFrom]) { score += DatelineFirst; datelines--; }
            score -= DatelineInside * datelines;
            var closings = closingBefore[bodyTo] - closingBefore[bodyFrom];
            if (closing[bodyTo - 1]) { score += ClosingLast; closings--; }
            score -= ClosingInside * closings;
            if (score > best[j]) { best[j] = score; how[j] = (i, deck); }
        }
    }
}
