using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Recognisers;

/// <summary>
/// Runs the line recognisers over a page in priority order (furniture, byline, editor's note, dateline, jumps,
/// closing byline) and records on each line what it is and what it holds. It decides nothing about stories:
/// the assembler does that with the whole page in view.
/// </summary>
public sealed class LineProcessor(RecogniserSet recognisers)
{
    public List<PageLine> Process(IReadOnlyList<string> rawLines, DateOnly? issueDate)
    {
        rawLines = MendSplitMarkers(rawLines);
        rawLines = MendSplitCredits(rawLines, issueDate);
        var lines = new List<PageLine>(rawLines.Count);
        var blank = false;
        PageLine? previous = null;
        for (var i = 0; i < rawLines.Count; i++)
        {
            var clean = Chars.Clean(rawLines[i]);
            if (clean.Length == 0) { blank = true; continue; }
            var line = new PageLine { Index = i, Raw = clean, Text = TextNormaliser.NormaliseLine(clean), BlankBefore = blank };
            blank = false;
            Classify(line, previous, issueDate);
            lines.Add(line);
            previous = line;
        }
        return lines;
    }

    /// <summary>
    /// A jump marker wrapped across two lines (`…改革，（下转2` / `版C）`) is put back on the first line, so the
    /// line that ends the story carries the whole marker.
    /// </summary>
    private IReadOnlyList<string> MendSplitMarkers(IReadOnlyList<string> raw)
    {
        List<string>? mended = null;
        for (var i = 0; i + 1 < raw.Count; i++)
        {
            var a = (mended ?? raw)[i];
            var open = a.AsSpan().LastIndexOfAny('（', '(');
            if (open < 0 || a.Length - open > 8 || a.AsSpan(open).IndexOfAny('）', ')') >= 0) continue;
            var b = (mended ?? raw)[i + 1];
            var close = b.AsSpan(0, Math.Min(b.Length, 8)).IndexOfAny('）', ')');
            if (close < 0) continue;
            var candidate = string.Concat(a.AsSpan(open).Trim(), b.AsSpan(0, close + 1).Trim());
            var found = recognisers.Jump.FindAll(candidate);
            if (found.Length != 1 || found[0].Length != candidate.Length) continue;
            mended ??= [.. raw];
            mended[i] = a.TrimEnd() + b[..(close + 1)].Trim();
            mended[i + 1] = b[(close + 1)..];
        }
        return mended ?? raw;
    }

    /// <summary>
    /// A dateline credit wrapped across two lines (`本报长沙8月7日讯（新华社记者 李大伟` / `黄秋生 通讯员 陈理春）清晨…`)
    /// is put back together on the dateline's line.
    /// </summary>
    private IReadOnlyList<string> MendSplitCredits(IReadOnlyList<string> raw, DateOnly? issueDate)
    {
        List<string>? mended = null;
        for (var i = 0; i + 1 < raw.Count; i++)
        {
            var a = (mended ?? raw)[i];
            if (a.Length < 4 || (a.IndexOf('讯') < 0 && a.IndexOf('电') < 0)) continue;
            var open = a.AsSpan().LastIndexOfAny('（', '(');
            if (open < 0 || a.AsSpan(open).IndexOfAny('）', ')') >= 0) continue;
            var d = recognisers.Dateline.Match(Chars.Clean(a), issueDate);
            if (d is null || d.CreditRaw is not null) continue;
            var b = (mended ?? raw)[i + 1];
            var close = b.AsSpan(0, Math.Min(b.Length, 30)).IndexOfAny('）', ')');
            if (close < 0) continue;
            var joined = Chars.Clean(a) + Chars.Clean(b[..(close + 1)]);
            if (recognisers.Dateline.Match(joined, issueDate) is not { Credit: not null }) continue;
            mended ??= [.. raw];
            mended[i] = joined;
            mended[i + 1] = b[(close + 1)..];
        }
        return mended ?? raw;
    }

    private void Classify(PageLine line, PageLine? previous, DateOnly? issueDate)
    {
        var text = line.Text;
        if (recognisers.Furniture.Match(line.Raw) is { } f) { line.Kind = LineKind.Furniture; line.Furniture = f; line.Body = line.Raw; return; }

        if (recognisers.Byline.Match(text) is { } b)
        {
            if (!b.RoleOnly) { line.Kind = LineKind.Byline; line.Byline = b; return; }
            if (previous is { Kind: LineKind.Byline or LineKind.BylineMore } && !line.BlankBefore)
            {
                line.Kind = LineKind.BylineMore; line.Byline = b; return;
            }
        }

        line.Kind = LineKind.Text;
        var body = text;
        if (recognisers.EditorsNote.Match(text) is { } n)
        {
            line.Kind = LineKind.EditorsNote; line.Note = n; body = text[n.Length..];
        }
        else if (recognisers.Dateline.Match(text, issueDate) is { } d)
        {
            line.Dateline = d; body = text[d.Length..];
        }
        else if (recognisers.Dateline.MatchClosing(text, issueDate) is { } closing)
        {
            line.ClosingDateline = closing; line.Body = text; return;
        }

        // Markers are lifted out (one out, one in per line); what is around them stays body text.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var j in recognisers.Jump.FindAll(body))
            {
                if (j.Direction == JumpDirection.Out && line.JumpOut is null) line.JumpOut = j.Ref;
                else if (j.Direction == JumpDirection.In && line.JumpIn is null) line.JumpIn = j.Ref;
                else continue;
                body = body[..j.Start].TrimEnd() + body[(j.Start + j.Length)..].TrimStart();
                break;
            }
        }

        var at = recognisers.Byline.FindTrailing(body, out var trailing);
        if (at >= 0 && trailing is not null)
        {
            var before = body[..at].TrimEnd();
            if (before.Length == 0 || Chars.EndsSentence(before)) { line.TrailingByline = trailing; body = before; }
        }
        line.Body = body;
    }
}

/// <summary>The recognisers, one instance each, shared by the line processor and the assembler.</summary>
public sealed class RecogniserSet
{
    public FurnitureRecogniser Furniture { get; } = new();
    public BylineRecogniser Byline { get; } = new();
    public DatelineRecogniser Dateline { get; }
    public JumpRecogniser Jump { get; } = new();
    public EditorsNoteRecogniser EditorsNote { get; } = new();
    public HeadlineRecogniser Headline { get; } = new();
    public BannerRecogniser Banner { get; } = new();
    public CaptionRecogniser Caption { get; } = new();
    public CrossheadRecogniser Crosshead { get; } = new();
    public CommentaryRecogniser Commentary { get; } = new();

    public RecogniserSet() => Dateline = new DatelineRecogniser(Byline);

    public static readonly RecogniserSet Default = new();
}
