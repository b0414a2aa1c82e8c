namespace Broadsheet.Core.Layout;

/// <summary>
/// Takes apart side-by-side columns that <c>pdftotext</c>'s default order reads together. Where the lines of two or
/// more columns sit on one baseline they come out as one line, the columns' fragments joined by a single space
/// (`务院总理李克强30日下午在人民大会堂亲切 英雄辈出。`); where their baselines are a little apart they come out as
/// separate lines, one column's line after the other's. In a block (lines between blank lines) with such joined
/// lines, every line is cut into its column fragments and each fragment is given to a column stream; the block
/// comes back as one run of lines per column, left to right, with a blank line between them. Every character stays.
/// <para>
/// A line is joined columns when it is wider than any column of the page and cuts at spaces into as few pieces as
/// possible, each no wider than a column. Which stream a fragment goes on: the fragments of one line go left to
/// right onto streams in the same order; columns run in step, so the streams that have waited longest for a line are
/// the likeliest; and a word cut at a line's end (`委` / `员`) makes a pair of Han characters the page holds elsewhere.
/// </para>
/// </summary>
public static class ColumnSplitter
{
    /// <summary>
    /// A block is taken apart where it has this many joined lines, each within <see cref="MaxJoinedGap"/> lines of
    /// the one before: a joined line or two on their own are headlines side by side or a running head.
    /// </summary>
    private const int MinJoinedLines = 3;

    private const int MaxJoinedGap = 3;

    /// <summary>Lines of text (no space, open at the end) needed to tell the page's widest column.</summary>
    private const int MinMeasuredLines = 8;

    /// <summary>What a stream that is not running scores for a fragment, against a line of waiting for a running one.</summary>
    private const double Dormant = 0.5;

    /// <summary>
    /// What a Han pair across the junction that the page holds elsewhere is worth: more than any wait, so the words
    /// decide where they speak (on 2019-10, weights 0 → 1.5 → 8 left 10,568 → 9,707 → 9,347 line junctions that
    /// join text of different stories or places).
    /// </summary>
    private const double JunctionWeight = 8;

    /// <summary>The lines with joined columns taken apart, or <paramref name="lines"/> itself when there are none.</summary>
    public static string[] Split(string[] lines)
    {
        var column = WidestColumn(lines);
        if (column <= 0) return lines;

        List<string>[]? pieces = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var cut = Cut(lines[i], column);
            if (cut is null) continue;
            pieces ??= new List<string>[lines.Length];
            pieces[i] = cut;
        }
        if (pieces is null) return lines;

        Dictionary<int, int>? pairs = null;
        var output = new List<string>(lines.Length + 16);
        for (var i = 0; i < lines.Length;)
        {
            if (lines[i].Length == 0) { output.Add(lines[i]); i++; continue; }
            var end = i;
            int columns = 1, run = 0, lastJoined = -MaxJoinedGap - 1;
            var dense = false;
            while (end < lines.Length && lines[end].Length > 0)
            {
                if (pieces[end] is { } p)
                {
                    columns = Math.Max(columns, p.Count);
                    run = end - lastJoined <= MaxJoinedGap ? run + 1 : 1;
                    lastJoined = end;
                    if (run >= MinJoinedLines) dense = true;
                }
                end++;
            }
            if (!dense)
            {
                for (var k = i; k < end; k++) output.Add(lines[k]);
            }
            else
            {
                pairs ??= HanPairs(lines);
                Deinterleave(lines, pieces, i, end, columns, pairs, output);
            }
            i = end;
        }
        return output.ToArray();
    }

    /// <summary>
    /// The widest column of the page (em): of the lines of text with no space that do not end a sentence, the 90th
    /// percentile and half an em; 0 when too few lines tell.
    /// </summary>
    private static double WidestColumn(string[] lines)
    {
        var widths = new List<double>();
        foreach (var l in lines)
            if (l.Length >= 6 && l.IndexOf(' ') < 0 && !Chars.EndsSentence(l)) widths.Add(Reflow.Em(l));
        if (widths.Count < MinMeasuredLines) return 0;
        widths.Sort();
        return widths[(int)(widths.Count * 0.9)] + 0.5;
    }

    /// <summary>
    /// The line cut at spaces into as few pieces as fit a column each, when it is wider than a column; null when it
    /// is not, or cannot be cut so. A space between two Latin word characters never cuts (`Xi Jinping`).
    /// </summary>
    internal static List<string>? Cut(string line, double column)
    {
        if (line.IndexOf(' ') < 0 || Reflow.Em(line) <= column) return null;
        var tokens = line.Split(' ');
        var n = tokens.Length;
        // best[j]: fewest pieces covering tokens[0..j); from[j]: where the last of them starts.
        var best = new int[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var j = 1; j <= n; j++)
        {
            var width = 0.0;
            for (var s = j - 1; s >= 0; s--)
            {
                width += Reflow.Em(tokens[s]) + (s < j - 1 ? 0.5 : 0);
                if (width > column) break;
                if (s > 0 && !CanCutBetween(tokens[s - 1], tokens[s])) continue;
                if (best[s] == int.MaxValue || best[s] + 1 >= best[j]) continue;
                best[j] = best[s] + 1;
                from[j] = s;
            }
        }
        if (best[n] == int.MaxValue || best[n] < 2) return null;
        var pieces = new List<string>(best[n]);
        for (var j = n; j > 0; j = from[j]) pieces.Add(string.Join(' ', tokens, from[j], j - from[j]));
        pieces.Reverse();
        return pieces;
    }

    private static bool CanCutBetween(string left, string right) =>
        left.Length > 0 && right.Length > 0 && !(Chars.IsLatinWordChar(left[^1]) && Chars.IsLatinWordChar(right[0]));

    private sealed class Stream
    {
        public List<string> Lines { get; } = [];
        public int LastLine { get; set; }
    }

    /// <summary>Gives each fragment of the block's lines to a column stream, then writes the streams out in order.</summary>
    private static void Deinterleave(string[] lines, List<string>?[] pieces, int start, int end, int columns,
        Dictionary<int, int> pairs, List<string> output)
    {
        var streams = new Stream[columns];
        for (var c = 0; c < columns; c++) streams[c] = new Stream();
        var single = new List<string>(1);
        // The lines above the first joined line are one column's (it starts higher than the others); which column is
        // told at that line by the fragment that goes on with them, else the rightmost (on 2019-10 slightly better
        // than the leftmost: 9,285 against 9,317 line junctions joining text of different places).
        var lead = start;
        while (pieces[lead] is null) lead++;
        for (var i = lead; i < end; i++)
        {
            var line = pieces[i];
            if (line is null) { single.Clear(); single.Add(lines[i]); line = single; }
            var slots = Place(line, streams, i, pairs);
            for (var k = 0; k < line.Count; k++)
            {
                streams[slots[k]].Lines.Add(line[k]);
                streams[slots[k]].LastLine = i;
            }
            if (i == lead && lead > start)
            {
                var above = lines[lead - 1];
                var on = line.Count - 1;
                for (var k = 0; k < line.Count; k++)
                    if (JoinsWord(above, line[k], pairs)) { on = k; break; }
                streams[slots[on]].Lines.InsertRange(0, lines[start..lead]);
            }
        }
        var first = true;
        foreach (var s in streams)
        {
            if (s.Lines.Count == 0) continue;
            if (!first) output.Add("");
            output.AddRange(s.Lines);
            first = false;
        }
    }

    /// <summary>
    /// The stream for each fragment of a line: fragments keep their left-to-right order across streams, and the
    /// placing that scores best (waiting, junction pairs) wins; ties go to the leftmost streams.
    /// </summary>
    private static int[] Place(List<string> line, Stream[] streams, int lineIndex, Dictionary<int, int> pairs)
    {
        int k = line.Count, n = streams.Length;
        var slots = new int[k];
        if (k == n) { for (var j = 0; j < k; j++) slots[j] = j; return slots; }
        // score[a, b]: best for the first a fragments on the first b streams.
        var score = new double[k + 1, n + 1];
        var took = new bool[k + 1, n + 1];
        for (var a = 1; a <= k; a++) score[a, 0] = double.NegativeInfinity;
        for (var a = 0; a <= k; a++)
        for (var b = 1; b <= n; b++)
        {
            var skip = score[a, b - 1];
            var take = a > 0 ? score[a - 1, b - 1] + Fit(streams[b - 1], line[a - 1], lineIndex, n, pairs) : double.NegativeInfinity;
            // Strictly better to take: ties leave the fragment for a stream further left.
            took[a, b] = take > skip;
            score[a, b] = Math.Max(skip, take);
        }
        for (int a = k, b = n; a > 0; b--)
            if (took[a, b]) slots[--a] = b - 1;
        return slots;
    }

    private static double Fit(Stream s, string piece, int lineIndex, int columns, Dictionary<int, int> pairs)
    {
        // A stream that has had no line for longer than a round of all columns is not running here (not started, or
        // its column ended): it takes a fragment only where no running stream can.
        var wait = lineIndex - s.LastLine;
        var fit = s.Lines.Count == 0 || wait > columns + 1 ? Dormant : Math.Min(columns, wait);
        if (s.Lines.Count > 0 && JoinsWord(s.Lines[^1], piece, pairs)) fit += JunctionWeight;
        return fit;
    }

    /// <summary>The last character of one line and the first of the next are a Han pair the page holds elsewhere.</summary>
    private static bool JoinsWord(string before, string after, Dictionary<int, int> pairs)
    {
        if (before.Length == 0 || after.Length == 0) return false;
        char a = before[^1], b = after[0];
        return IsPair(a, b) && pairs.TryGetValue(a << 16 | b, out var count) && count > 0;
    }

    /// <summary>Two characters that tell a word: both Han (punctuation beside a character tells nothing, tried).</summary>
    private static bool IsPair(char a, char b) =>
        Chars.IsHan(a) && Chars.IsHan(b);

    /// <summary>How often each pair of adjacent Han characters occurs inside the page's lines.</summary>
    private static Dictionary<int, int> HanPairs(string[] lines)
    {
        var pairs = new Dictionary<int, int>();
        foreach (var l in lines)
            for (var i = 1; i < l.Length; i++)
                if (IsPair(l[i - 1], l[i]))
                {
                    var key = l[i - 1] << 16 | l[i];
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                }
        return pairs;
    }
}
