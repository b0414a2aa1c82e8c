using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Layout;

/// <summary>
/// Puts the blocks of a wrapped PDF page (runs of lines between blank lines, as <c>pdftotext</c> gives them in its
/// default order) in reading order where that order is plainly wrong: a block that stops mid-sentence goes on in a
/// block that starts mid-sentence. The block <c>pdftotext</c> sets next is usually that block; when it cannot be —
/// it opens a story with a dateline (`新华社北京10月2日电 …`) or opens a paragraph (its first line indented, short for
/// its column) — the nearest later block that can is moved up to follow it. Blocks of heading lines and furniture
/// keep their place (the reflow sets a deck met inside a sentence after it).
/// </summary>
public static class BlockLinker
{
    /// <summary>How many text blocks past the open one a continuation is looked for.</summary>
    private const int MaxLookahead = 8;

    /// <summary>A paragraph's first line is indented two em; a line this much short of its column opens one.</summary>
    private const double IndentShortfall = 1.5;

    private sealed class Block(int start, int end)
    {
        public int Start { get; } = start; // first line
        public int End { get; } = end; // one past the last line
        public bool Text { get; set; } // holds a line of running text (not furniture, not a deck of its own)
        public bool Open { get; set; } // its last line stops mid-sentence at full width
        public bool CannotContinue { get; set; } // its first line opens a story or a paragraph
    }

    /// <summary>
    /// The page's lines with blocks moved where an open sentence goes on, or <paramref name="lines"/> itself when no
    /// block moves. <paramref name="full"/> gives each line's column width (em); lines keep their own.
    /// </summary>
    public static (string[] Lines, bool[] Furniture, double[] Full) Link(
        string[] lines, bool[] furniture, double[] full, Func<string[], int, bool> isDeckBlock, RecogniserSet r, DateOnly? issueDate)
    {
        var blocks = Blocks(lines);
        if (blocks.Count < 3) return (lines, furniture, full);
        foreach (var b in blocks) Describe(b, lines, furniture, full, isDeckBlock, r, issueDate);

        var order = new List<int>(blocks.Count);
        var placed = new bool[blocks.Count];
        var moved = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (placed[i]) continue;
            var current = i;
            while (true)
            {
                order.Add(current);
                placed[current] = true;
                if (!blocks[current].Open) break;
                var next = NextText(blocks, placed, current);
                if (next < 0 || !blocks[next].CannotContinue) break;
                var found = -1;
                for (int k = next + 1, seen = 0; k < blocks.Count && seen < MaxLookahead; k++)
                {
                    if (placed[k] || !blocks[k].Text) continue;
                    seen++;
                    if (!blocks[k].CannotContinue) { found = k; break; }
                }
                if (found < 0) break;
                // Follow it only forward: a block the loop has not reached yet moves up; the chain goes on from it.
                moved = true;
                current = found;
            }
        }
        if (!moved) return (lines, furniture, full);

        var outLines = new List<string>(lines.Length);
        var outFurniture = new List<bool>(lines.Length);
        var outFull = new List<double>(lines.Length);
        foreach (var bi in order)
        {
            var b = blocks[bi];
            if (outLines.Count > 0) { outLines.Add(""); outFurniture.Add(false); outFull.Add(full[b.Start]); }
            for (var k = b.Start; k < b.End; k++) { outLines.Add(lines[k]); outFurniture.Add(furniture[k]); outFull.Add(full[k]); }
        }
        return (outLines.ToArray(), outFurniture.ToArray(), outFull.ToArray());
    }

    private static int NextText(List<Block> blocks, bool[] placed, int from)
    {
        for (var k = from + 1; k < blocks.Count; k++) if (!placed[k] && blocks[k].Text) return k;
        return -1;
    }

    private static List<Block> Blocks(string[] lines)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length;)
        {
            if (lines[i].Length == 0) { i++; continue; }
            var end = i;
            while (end < lines.Length && lines[end].Length > 0) end++;
            blocks.Add(new Block(i, end));
            i = end;
        }
        return blocks;
    }

    private static void Describe(Block b, string[] lines, bool[] furniture, double[] full, Func<string[], int, bool> isDeckBlock, RecogniserSet r, DateOnly? issueDate)
    {
        int first = -1, last = -1;
        for (var k = b.Start; k < b.End; k++)
        {
            if (furniture[k]) continue;
            if (first < 0) first = k;
            last = k;
        }
        if (first < 0 || isDeckBlock(lines, b.Start)) return;
        b.Text = true;
        var lastLine = lines[last];
        b.Open = last > first && !Chars.EndsSentence(lastLine) && Reflow.Em(lastLine) >= full[last] - IndentShortfall
                 && r.Byline.Match(lastLine) is null;
        var firstLine = lines[first];
        var opensParagraph = last > first && !Chars.EndsSentence(firstLine)
                             && Reflow.Em(firstLine) + 0.1 * CountNarrow(firstLine) <= full[first] - IndentShortfall;
        var next = first + 1 < b.End ? lines[first + 1] : "";
        b.CannotContinue = opensParagraph || r.Dateline.Match(firstLine, issueDate) is not null
                           || next.Length > 0 && r.Dateline.Match(firstLine + next, issueDate) is not null;
    }

    private static int CountNarrow(string s)
    {
        var n = 0;
        foreach (var c in s) if (!Chars.IsWide(c)) n++;
        return n;
    }
}
