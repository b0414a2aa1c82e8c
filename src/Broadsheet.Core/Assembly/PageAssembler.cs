using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Assembly;

/// <summary>What one page gives: its info, its stories in reading order, and text nothing claimed.</summary>
public sealed record AssembledPage(PageInfo Info, List<Story> Stories, List<string> Unassigned, DateOnly? PrintedDate, string? Paper);

/// <summary>
/// Puts a page's recognised lines together into stories, with the whole page in view: which blocks are headline
/// decks and which body, whether decks follow their bodies (PDF dumps) or precede them (archive exports), which
/// byline opens or closes which story, and which story each banner heads.
/// </summary>
public sealed partial class PageAssembler(RecogniserSet r)
{
    private enum ItemKind { Body, Heading, Byline, Note }

    private sealed class Item(ItemKind kind, List<PageLine> lines)
    {
        public ItemKind Kind { get; set; } = kind;
        public List<PageLine> Lines { get; } = lines;
        public bool BlankBefore => Lines[0].BlankBefore;
        public PageLine Last => Lines[^1];
        /// <summary>For a heading that shares its line with a byline: the byline opens another story.</summary>
        public bool SharedWithByline { get; init; }
        public string? HeadText { get; init; }
        public IEnumerable<string> HeadLines => HeadText is not null ? [HeadText] : Lines.Select(l => l.Body);
        public override string ToString() => $"{Kind}: {string.Join(" / ", HeadLines)}";
    }

    public AssembledPage Assemble(int ordinal, List<PageLine> lines)
    {
        var info = new PageInfo { Number = ordinal };
        DateOnly? printed = null;
        string? paper = null;
        foreach (var l in lines)
        {
            if (l.Kind != LineKind.Furniture) continue;
            info.Furniture.Add(l.Raw);
            var f = l.Furniture!;
            if (f.Kind == FurnitureKind.RunningHead && f.PageNumber is { } n && info.Number == ordinal && n > 0) info.Number = n;
            printed ??= f.Date;
            paper ??= f.Paper;
        }
        var content = lines.Where(l => l.Kind != LineKind.Furniture).ToList();
        var wrapped = IsWrapped(content);
        var items = BuildItems(content, wrapped);
        var headlineAfter = DecksFollowBodies(items, wrapped);
        var unassigned = new List<string>();
        var stories = headlineAfter ? AssembleAfter(items, info, unassigned)
            : AssembleFirst(items, info, unassigned, wrapped ? null : InsideHeadings(items));

        foreach (var s in stories)
        {
            s.DeckLineEach = !wrapped;
            s.Paragraphs = ParagraphBuilder.Build(s.Lines, wrapped, t => r.Crosshead.IsCrosshead(t, r.Headline));
            if (s.Pages.Count == 0) s.Pages.Add(info.Number);
        }
        AssignKinds(stories);
        // The same banner twice over one story is one column; the second copy is kept as a leftover.
        foreach (var s in stories)
        {
            if (s.Columns.Count < 2) continue;
            var seen = new HashSet<string>();
            for (var i = 0; i < s.Columns.Count; i++)
            {
                if (seen.Add(s.Columns[i])) continue;
                s.Leftovers.Add(s.Columns[i]);
                s.Columns.RemoveAt(i--);
            }
        }
        // Lines are done with once paragraphs exist; letting them go keeps a big issue's memory (and GC work) per page.
        foreach (var s in stories) s.Lines.Clear();
        // A "story" with no text of its own (say, a stray marker line) is no article; its pieces are kept as unassigned.
        foreach (var s in stories.Where(s => s.Paragraphs.Count == 0 && !s.HasDeck && s.Kind != ArticleKind.EditorsNote))
        {
            if (s.Label is not null) unassigned.Add(s.Label);
            unassigned.AddRange(s.Bylines.Select(b => b.Raw));
            unassigned.AddRange(s.Columns);
            if (s.ContinuesTo is not null) unassigned.Add(s.ContinuesTo.Raw);
            if (s.ContinuedFrom is not null) unassigned.Add(s.ContinuedFrom.Raw);
            if (s.Dateline is not null) unassigned.Add(s.Dateline.Dateline.Raw + s.Dateline.CreditRaw);
            unassigned.AddRange(s.Leftovers);
        }
        stories.RemoveAll(s => s.Paragraphs.Count == 0 && !s.HasDeck && s.Kind != ArticleKind.EditorsNote);
        return new AssembledPage(info, stories, unassigned, printed, paper);
    }

    /// <summary>PDF dumps wrap lines at the column width; archive exports put a paragraph on each line.</summary>
    private static bool IsWrapped(List<PageLine> lines)
    {
        int longLines = 0, open = 0;
        foreach (var l in lines)
        {
            if (l.Kind != LineKind.Text || l.Body.Length < 12) continue;
            longLines++;
            if (!Chars.EndsSentence(l.Body)) open++;
        }
        return longLines < 3 || open * 2 >= longLines;
    }

    // ---- items: bylines, editor's notes, heading blocks, body blocks ----

    private List<Item> BuildItems(List<PageLine> lines, bool wrapped)
    {
        lastBodyWidth = 0;
        var items = new List<Item>();
        var i = 0;
        while (i < lines.Count)
        {
            var l = lines[i];
            switch (l.Kind)
            {
                case LineKind.Byline:
                case LineKind.BylineMore:
                {
                    var group = new List<PageLine> { l };
                    i++;
                    while (i < lines.Count && lines[i].Kind == LineKind.BylineMore) group.Add(lines[i++]);
                    if (l.Byline!.Lead is { } lead)
                        items.Add(new Item(ItemKind.Heading, [l]) { HeadText = lead, SharedWithByline = true });
                    items.Add(new Item(ItemKind.Byline, group));
                    continue;
                }
                case LineKind.EditorsNote:
                {
                    var group = new List<PageLine> { l };
                    i++;
                    // One paragraph a line: the note is its own line; the text after it goes through the heading checks.
                    if (!wrapped) { items.Add(new Item(ItemKind.Note, group)); continue; }
                    var last = l.Body;
                    while (i < lines.Count && lines[i] is { Kind: LineKind.Text, Dateline: null, JumpIn: null } next
                           && !(next.BlankBefore && Chars.EndsSentence(last)))
                    {
                        group.Add(next); last = next.Body; i++;
                        if (next.JumpOut is not null || next.TrailingByline is not null) break;
                    }
                    items.Add(new Item(ItemKind.Note, group));
                    continue;
                }
                default:
                {
                    var run = new List<PageLine>(16) { l };
                    i++;
                    while (i < lines.Count && lines[i] is { Kind: LineKind.Text, BlankBefore: false, Dateline: null, JumpIn: null }
                           && run[^1].JumpOut is null && run[^1].TrailingByline is null && run[^1].ClosingDateline is null)
                        run.Add(lines[i++]);
                    AddRun(items, run, wrapped);
                    continue;
                }
            }
        }
        return items;
    }

    /// <summary>Widest line of the last body block built on this page (the column width headlines are measured against).</summary>
    private int lastBodyWidth;

    private void AddBodyItem(List<Item> items, List<PageLine> lines)
    {
        items.Add(new Item(ItemKind.Body, lines));
        var w = 0;
        foreach (var l in lines) w = Math.Max(w, l.TextWidth);
        lastBodyWidth = w;
    }

    private void AddRun(List<Item> items, List<PageLine> run, bool wrapped)
    {
        if (!wrapped)
        {
            // One paragraph per line: a line that does not end like a sentence is a headline line, and so is a
            // short kicker ending in ： over one (`林郑月娥：` / `暴徒无法无天 特区政府决心止暴制乱`).
            for (var j = 0; j < run.Count; j++)
            {
                var l = run[j];
                var heading = !IsTextLabel(l.Body) && (IsHeadingLine(l) && !r.Crosshead.IsCrosshead(l.Body, r.Headline)
                                                        || j + 1 < run.Count && (IsColonKicker(l) || IsSentenceKicker(l, run[j + 1])) && IsHeadingLine(run[j + 1]))
                              || IsStandaloneHeading(l);
                // A bracketed line is a heading only under another (a title's date); else it closes the text above.
                if (heading && IsBracketed(l.Body) && !(items.Count > 0 && items[^1].Kind == ItemKind.Heading && !l.BlankBefore)) heading = false;
                var kind = heading ? ItemKind.Heading : ItemKind.Body;
                if (items.Count > 0 && items[^1].Kind == kind && !l.BlankBefore && kind == ItemKind.Heading) items[^1].Lines.Add(l);
                else items.Add(new Item(kind, [l]));
            }
            return;
        }

        LastOpenBody(items, out var open);
        var refWidth = lastBodyWidth;
        // A full-width line with a comma is wrapped body text, not a headline.
        bool BodyLike(PageLine l) => refWidth > 0 && !HeadlineRecogniser.IsSubtitle(l.Body)
                                     && l.Body.AsSpan().IndexOfAny('，', '、', ',') >= 0 && l.TextWidth >= refWidth * 0.85;
        if (run.Count <= 4 && run.TrueForAll(IsHeadingLine) && !run.Exists(BodyLike)
            && !run.TrueForAll(l => r.Crosshead.IsCrosshead(l.Body, r.Headline)))
        {
            var strong = run.Exists(l => HeadlineRecogniser.IsSubtitle(l.Body)) || refWidth > 0 && run.TrueForAll(l => l.TextWidth <= refWidth * 0.75);
            var fullWidth = refWidth >= 16 && run.Count >= 2 && run.TrueForAll(l => Math.Abs(l.TextWidth - refWidth) <= 2);
            if ((open && !strong) || fullWidth) AddBodyItem(items, run);
            else items.Add(new Item(ItemKind.Heading, run));
            return;
        }

        // A deck glued under the body it heads: lines after the last sentence end, short and headline-like.
        var lastEnd = run.FindLastIndex(l => Chars.EndsSentence(l.Body) || l.JumpOut is not null);
        var tail = run.Count - 1 - lastEnd;
        if (lastEnd >= 1 && tail is >= 1 and <= 3)
        {
            var bodyWidth = run.Take(lastEnd + 1).Max(x => x.TextWidth);
            var tailLines = run.GetRange(lastEnd + 1, tail);
            if (tailLines.TrueForAll(l => IsHeadingLine(l) && (l.TextWidth < bodyWidth * 0.85 || HeadlineRecogniser.IsSubtitle(l.Body))))
            {
                AddBodyItem(items, run.GetRange(0, lastEnd + 1));
                items.Add(new Item(ItemKind.Heading, tailLines));
                return;
            }
        }
        AddBodyItem(items, run);
    }

    private bool IsHeadingLine(PageLine l) =>
        l.Dateline is null && l.JumpIn is null && l.JumpOut is null && l.TrailingByline is null && l.ClosingDateline is null
        && r.Headline.IsHeadingLine(l.Body);

    /// <summary>`外交部驻港公署负责人：` — short, one phrase, ending in a colon.</summary>
    private static bool IsColonKicker(PageLine l) =>
        l is { Dateline: null, JumpIn: null, JumpOut: null, TrailingByline: null, ClosingDateline: null }
        && l.Body.Length is >= 3 and <= 24 && l.Body[^1] is '：' or ':'
        && l.Body.AsSpan(0, l.Body.Length - 1).IndexOfAny("，。；！？：,;:") < 0;

    /// <summary>
    /// A kicker that reads as a sentence (`既净化湖水，又带动产业，千岛湖——`, `中办通知印发近七个月来，基层落实情况如何？`) over a
    /// title: one short clause run, ending in `——`, or over a title that carries its bracketed series tag.
    /// </summary>
    private static bool IsSentenceKicker(PageLine l, PageLine next) =>
        l is { Dateline: null, JumpIn: null, JumpOut: null, TrailingByline: null, ClosingDateline: null }
        && l.Body.Length is >= 6 and <= 40 && l.Body.AsSpan().IndexOfAny("。；;") < 0 && l.Body[^1] is not '，' and not '、'
        && (l.Body.EndsWith("——", StringComparison.Ordinal) || next.Body.Length > 0 && next.Body[^1] is '）' or ')' && next.Body.LastIndexOfAny(['（', '(']) > 0);

    /// <summary>Lines a story's text carries that look like headings but are not: `核心阅读`, `数据来源：…`, `【人物】…`.</summary>
    private static bool IsTextLabel(string line) =>
        line is "核心阅读" || IsArtCredit(line) || line.StartsWith("数据来源", StringComparison.Ordinal) || line.StartsWith("资料来源", StringComparison.Ordinal)
        || line.Length > 0 && line[0] == '【' && line.IndexOf('】') is var close && close > 0 && close < line.Length - 1;

    /// <summary>
    /// A credit that closes the story above and never heads the next: an illustrated column's (`勾  犇图  周  南文`,
    /// `本期统筹：杨烁壁`), a picture story's (`刘新吾  何  超摄影报道`, `…摄影报道（影像中国）`), a wire picture's
    /// `新华社发`, a layout credit without its colon (`版式设计  沈亦伶`).
    /// </summary>
    private static bool IsArtCredit(string line) => ArtCredit().IsMatch(line);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:\p{IsCJKUnifiedIdeographs}\s*){2,4}[图文]\s+(?:\p{IsCJKUnifiedIdeographs}\s*){2,4}[图文]|本期统筹：.{2,12}|新华社发|[^，。：]{2,30}摄影报道(?:（[^）]{2,8}）)?|(?:版式设计|制图|美术编辑)\s+(?:\p{IsCJKUnifiedIdeographs}\s*){2,4})$")]
    private static partial System.Text.RegularExpressions.Regex ArtCredit();

    /// <summary>A line whose text is only a subtitle or commentary label is a heading wherever it stands.</summary>
    private bool IsStandaloneHeading(PageLine l) =>
        l is { Dateline: null, JumpIn: null, JumpOut: null, TrailingByline: null, ClosingDateline: null }
        && (r.Commentary.IsLabel(l.Body) || r.Banner.IsBriefsBanner(l.Body));

    /// <summary>The last body block when nothing but blank lines follows it; open = it stops mid-sentence.</summary>
    private static Item? LastOpenBody(List<Item> items, out bool open)
    {
        open = false;
        if (items.Count == 0 || items[^1].Kind != ItemKind.Body) return items.Count > 0 && items[^1].Kind == ItemKind.Body ? items[^1] : null;
        var last = items[^1].Last;
        open = !Chars.EndsSentence(last.Body) && last.JumpOut is null && last.TrailingByline is null && last.ClosingDateline is null;
        return items[^1];
    }

    /// <summary>
    /// Decks after bodies (PDF extraction stores the headline box later) or before them. Only the ends of a page
    /// tell: a page that ends on a deck has decks after bodies; one that ends on body text has them first.
    /// Wrapped text (a PDF dump) breaks the tie.
    /// </summary>
    private static bool DecksFollowBodies(List<Item> items, bool wrapped)
    {
        var score = wrapped ? 1 : -1;
        var last = items.LastOrDefault(i => i.Kind != ItemKind.Note);
        if (last is not null) score += last.Kind == ItemKind.Heading ? 2 : last.Kind == ItemKind.Body ? -2 : 0;
        var first = items.FirstOrDefault(i => i.Kind != ItemKind.Note);
        if (first is not null && first.Kind is ItemKind.Body or ItemKind.Byline) score += 1;
        return score > 0;
    }

    // ---- decks after bodies ----

    private List<Story> AssembleAfter(List<Item> items, PageInfo info, List<string> unassigned)
    {
        var stories = new List<Story>();
        Story? current = null;
        var heads = new List<Item>();
        var openers = new List<PageLine>();
        var columns = new List<string>();
        var orphans = new List<string>();
        Item? forward = null;

        // Page top: a line glued over the first body, of another width and without a comma, is the page banner.
        if (items.Count > 0 && items[0] is { Kind: ItemKind.Body } top && top.Lines.Count > 1 && IsHeadingLine(top.Lines[0])
            && !IsHeadingLine(top.Lines[1]) && top.Lines[0].Body.AsSpan().IndexOfAny('，', ',') < 0
            && Math.Abs(top.Lines[0].TextWidth - top.Lines[1].TextWidth) > 0.25 * Math.Max(top.Lines[0].TextWidth, top.Lines[1].TextWidth))
        {
            info.Banner = top.Lines[0].Body;
            top.Lines.RemoveAt(0);
        }

        void ResolveHeads(bool final)
        {
            if (heads.Count == 0) return;
            var banners = new List<Item>();
            if (current is { HasDeck: false, HasBody: true, IsPhotoBlock: false } && current.Kind != ArticleKind.EditorsNote)
            {
                var shared = heads.FindLastIndex(h => h.SharedWithByline);
                var take = shared >= 0 ? shared + 1 : 1;
                if (shared < 0 && heads.Count > 1 && !heads[0].HeadLines.Any(HeadlineRecogniser.IsSubtitle)
                    && HeadlineRecogniser.IsSubtitle(heads[1].HeadLines.First())) take = 2;
                foreach (var h in heads.Take(take)) current.DeckLines.AddRange(h.HeadLines);
                current.HasDeck = true;
                current.Closed = true;
                banners.AddRange(heads.Skip(take));
            }
            else if (current is null && stories.Count == 0 && !final
                     && (heads.Count >= 2 || (heads[0].Lines.Count >= 2 && !r.Banner.LooksLikeColumn(string.Join(" ", heads[0].HeadLines)))))
            {
                // Page top, a deck (alone, or under a banner) before any text: that story reads headline first and
                // the banner is its column. A lone one-line, column-like cluster stays the page banner.
                // A deck already waiting for its body (a credit came between) becomes a banner, not lost.
                if (forward is not null) banners.Add(forward);
                forward = heads[^1];
                banners.AddRange(heads.Take(heads.Count - 1));
            }
            else banners.AddRange(heads);
            heads.Clear();

            foreach (var b in banners)
            {
                var text = string.Join(" ", b.HeadLines);
                if (stories.Count == 0 && info.Banner is null && current is null && forward is null) info.Banner = text;
                else if (final) orphans.Add(text);
                else columns.Add(text);
            }
        }

        Story Start()
        {
            var s = NewStory(info.Number, openers, columns);
            if (forward is not null)
            {
                s.DeckLines.AddRange(forward.HeadLines);
                s.HasDeck = true;
                forward = null;
            }
            stories.Add(s);
            return s;
        }

        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            var next = k + 1 < items.Count ? items[k + 1] : null;
            switch (item.Kind)
            {
                case ItemKind.Heading:
                    // A deck glued over a body, apart from the text before it, heads that body (a continuation's repeated
                    // headline over its （上接…） line, a story set headline first on a page that mostly is not).
                    if (next is { Kind: ItemKind.Body, BlankBefore: false } && !item.SharedWithByline
                        && (item.BlankBefore || k == 0 || items[k - 1].Kind != ItemKind.Body))
                    {
                        ResolveHeads(false);
                        if (forward is not null) columns.Add(string.Join(" ", forward.HeadLines));
                        forward = item;
                        if (current is not null) current.Closed = true;
                    }
                    else heads.Add(item);
                    break;
                case ItemKind.Byline:
                {
                    var closes = current is { HasBody: true, HasDeck: false } && heads.Count == 0 && forward is null
                                 && (item.Lines[0].Byline!.Closing || (!item.BlankBefore && next is not { Kind: ItemKind.Body }));
                    if (closes) { current!.Bylines.AddRange(Bylines(item)); current.Closed = true; }
                    else { ResolveHeads(false); openers.AddRange(item.Lines); if (current is not null) current.Closed = true; }
                    break;
                }
                case ItemKind.Note:
                {
                    ResolveHeads(false);
                    var note = new Story { Page = info.Number, Kind = ArticleKind.EditorsNote, Label = item.Lines[0].Note!.Label, Closed = true };
                    AddBody(note, item);
                    stories.Add(note);
                    current = note;
                    break;
                }
                default:
                {
                    var first = item.Lines[0];
                    var photo = IsCaptionBlock(item, next);
                    var startsNew = (current is null || current.Closed || heads.Count > 0 || openers.Count > 0 || forward is not null
                                    || first.Dateline is not null || first.JumpIn is not null || photo) && !ClosesCurrent(item, current, heads, openers);
                    if (startsNew)
                    {
                        ResolveHeads(false);
                        current = Start();
                        current.IsPhotoBlock = photo;
                    }
                    AddBody(current!, item);
                    break;
                }
            }
        }
        ResolveHeads(true);
        if (forward is not null) orphans.Add(string.Join(" ", forward.HeadLines));
        if (openers.Count > 0) unassigned.AddRange(openers.Select(o => o.Raw));
        orphans.AddRange(columns);
        PlaceBanners(stories, orphans, unassigned);
        return stories;
    }

    // ---- decks before bodies ----

    private List<Story> AssembleFirst(List<Item> items, PageInfo info, List<string> unassigned, HashSet<Item>? inside)
    {
        var stories = new List<Story>();
        Story? current = null;
        var heads = new List<Item>();
        var openers = new List<PageLine>();
        var orphans = new List<string>();
        Item? lastCrosshead = null;

        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            switch (item.Kind)
            {
                case ItemKind.Heading:
                {
                    // A short line set inside a story's text (body right before and after it, no blank line, no dateline
                    // or byline after it) is a crosshead, and so is a short line between paragraphs of a feature (a dash subtitle).
                    var after = k + 1 < items.Count ? items[k + 1] : null;
                    var crosshead = inside is not null
                        ? inside.Contains(item) && current is { HasBody: true } && current.Kind != ArticleKind.EditorsNote
                          && heads.Count == 0 && openers.Count == 0 && item.HeadText is null
                        : current is { HasBody: true, Closed: false } && current.Kind != ArticleKind.EditorsNote && heads.Count == 0 && openers.Count == 0
                          && item.Lines.Count == 1 && item.HeadText is null && item.Lines[0].Body.Length <= 14
                          && ((!item.BlankBefore && after is { BlankBefore: false }) || HasDashSubtitle(current))
                          && after is { Kind: ItemKind.Body } && after.Lines[0] is { Dateline: null, JumpIn: null }
                          && !r.Banner.IsBriefsBanner(item.Lines[0].Body) && !r.Commentary.IsLabel(item.Lines[0].Body);
                    if (crosshead)
                    {
                        lastCrosshead = item;
                        foreach (var l in item.Lines) l.Crosshead = true;
                        current!.Closed = false;
                        AddBody(current, item);
                        break;
                    }
                    heads.Add(item);
                    break;
                }
                case ItemKind.Byline:
                {
                    var next = k + 1 < items.Count ? items[k + 1] : null;
                    // A credit under a crosshead (a roundup part's `本报记者  张  枨`), or a picture credit under a numbered
                    // caption (`图②：…` / `本报记者  贺  勇摄`), stays in the story.
                    if (inside is not null && current is { HasBody: true } && heads.Count == 0 && openers.Count == 0
                        && (items[k - 1] == lastCrosshead || IsNumberedCaption(items[k - 1].Lines[0].Body) && item.Lines[0].Byline!.PhotoCredit))
                    {
                        current.Bylines.AddRange(Bylines(item));
                        break;
                    }
                    var closes = current is { HasBody: true } && heads.Count == 0 && openers.Count == 0
                                 && (item.Lines[0].Byline!.Closing || next is null || next.Kind is ItemKind.Heading or ItemKind.Byline or ItemKind.Note);
                    if (closes) { current!.Bylines.AddRange(Bylines(item)); current.Closed = true; }
                    else openers.AddRange(item.Lines);
                    break;
                }
                // One paragraph a line: an editor's note right under a deck, no blank line between, opens that story's
                // text (`“更多的机遇等着我们”（身边看“六稳”①）` / `编者按：…`); set apart, it is the note of a column banner.
                case ItemKind.Note when inside is not null && heads.Count > 0 && !item.BlankBefore:
                    item.Lines[0].Body = item.Lines[0].Text; // the label (`编者按：`) stays in the text
                    goto default;
                case ItemKind.Note:
                {
                    var note = new Story { Page = info.Number, Kind = ArticleKind.EditorsNote, Label = item.Lines[0].Note!.Label, Closed = true };
                    AddBody(note, item);
                    // A heading right over an editor's note is its column banner.
                    foreach (var h in heads) note.Columns.Add(string.Join(" ", h.HeadLines));
                    heads.Clear();
                    stories.Add(note);
                    current = note;
                    break;
                }
                default:
                {
                    var first = item.Lines[0];
                    // Headline-first pages give a photo item its own heading (图片报道) or set it apart with a blank line;
                    // captions glued to a story's text (图①：…) are that story's.
                    var photo = (inside is null ? heads.Count == 0 && openers.Count == 0
                                    : heads.Count > 0 || item.BlankBefore || current is null or { Closed: true })
                                && IsCaptionBlock(item, k + 1 < items.Count ? items[k + 1] : null);
                    // A deck's last line too long to read as a heading, then the dateline: that line was the subtitle.
                    if (inside is not null && first.Dateline is not null && heads.Count == 0 && openers.Count == 0
                        && current is { HasDeck: true, Lines.Count: 1, Closed: false, Dateline: null } && !item.BlankBefore
                        && !Chars.EndsSentence(current.Lines[0].Body) && current.Lines[0].Dateline is null)
                    {
                        current.DeckLines.Add(current.Lines[0].Body);
                        current.CachedDeck = null;
                        current.Lines.Clear();
                        AddBody(current, item);
                        break;
                    }
                    // A numbered caption (`图③：…`) right after a story's text is that story's, credit or not.
                    if (inside is not null && heads.Count == 0 && openers.Count == 0 && !item.BlankBefore && IsNumberedCaption(first.Body)
                        && current is { HasBody: true } && current.Kind != ArticleKind.EditorsNote)
                        photo = false;
                    var startsNew = (current is null || current.Closed && !(inside is not null && IsNumberedCaption(first.Body) && !photo && heads.Count == 0 && openers.Count == 0)
                                    || heads.Count > 0 || openers.Count > 0
                                    || first.Dateline is not null || first.JumpIn is not null || photo) && !ClosesCurrent(item, current, heads, openers);
                    if (startsNew)
                    {
                        var columns = new List<string>();
                        current = NewStory(info.Number, openers, columns);
                        current.IsPhotoBlock = photo;
                        // A briefs banner (简讯) heads the briefs after it; it is never a story's own deck.
                        var briefs = heads.FindLastIndex(h => r.Banner.IsBriefsBanner(string.Join(" ", h.HeadLines)));
                        if (briefs >= 0 && briefs == heads.Count - 1)
                        {
                            current.Columns.AddRange(heads.Select(h => string.Join(" ", h.HeadLines)));
                            heads.Clear();
                        }
                        if (heads.Count > 0)
                        {
                            // The last block is the deck (with a lone subtitle block, the one before too); earlier ones are banners.
                            var take = heads.Count > 1 && heads[^1].HeadLines.All(HeadlineRecogniser.IsSubtitle) ? 2 : 1;
                            var banners = heads.Take(heads.Count - take).Select(h => string.Join(" ", h.HeadLines)).ToList();
                            foreach (var h in heads.Skip(heads.Count - take)) current.DeckLines.AddRange(h.HeadLines);
                            current.HasDeck = true;
                            // Banners over a deck are that story's column (a page-wide banner glued over the text is not a heading item).
                            current.Columns.AddRange(banners);
                            // A title, then a kicker line and its title: the story's first part's heading, a crosshead.
                            if (inside is not null && heads[^1].HeadText is null && IsLeadIn(current.DeckLines))
                            {
                                var at = current.DeckLines.FindIndex(1, IsKickerLine) - (current.DeckLines.Count - heads[^1].Lines.Count);
                                if (at >= 1)
                                {
                                    var part = heads[^1].Lines.GetRange(at, heads[^1].Lines.Count - at);
                                    current.DeckLines.RemoveRange(current.DeckLines.Count - part.Count, part.Count);
                                    foreach (var l in part) l.Crosshead = true;
                                    AddBody(current, new Item(ItemKind.Body, part));
                                }
                            }
                            // A `——` subtitle ends its deck: heading lines after it (`内容提要`, the first speaker's
                            // crosshead, a highlighted line of the lead) are the text's. Not over a dateline: a news deck's
                            // subtitle wrapped in a PDF column (`——军运会开幕式文艺` / `演出的背后`) goes on.
                            if (inside is not null && heads[^1].HeadText is null && first.Dateline is null && current.DeckLines.FindIndex(1, HeadlineRecogniser.IsSubtitle) is var dash and >= 1
                                && current.DeckLines.Count - dash - 1 is var after and >= 1 && after < heads[^1].Lines.Count)
                            {
                                var part = heads[^1].Lines.GetRange(heads[^1].Lines.Count - after, after);
                                current.DeckLines.RemoveRange(current.DeckLines.Count - after, after);
                                foreach (var l in part) l.Crosshead = true;
                                AddBody(current, new Item(ItemKind.Body, part));
                            }
                            heads.Clear();
                        }
                        stories.Add(current);
                    }
                    AddBody(current!, item);
                    break;
                }
            }
        }
        // Decks with no body after them: a page's closing banners.
        foreach (var h in heads) orphans.Add(string.Join(" ", h.HeadLines));
        if (openers.Count > 0)
        {
            if (current is { HasBody: true }) current.Bylines.AddRange(openers.Where(o => o.Byline is not null).Select(o => o.Byline!));
            else unassigned.AddRange(openers.Select(o => o.Raw));
        }
        PlaceBanners(stories, orphans, unassigned);
        return stories;
    }

    // ---- which heading blocks open a story: the page-wide cut (one paragraph a line) ----

    /// <summary>Heading blocks that sit inside a story rather than open one, from <see cref="StorySegmenter"/>.</summary>
    private HashSet<Item> InsideHeadings(List<Item> items)
    {
        var inside = new HashSet<Item>();
        var heads = new List<int>();
        for (var k = 0; k < items.Count; k++) if (items[k].Kind == ItemKind.Heading) heads.Add(k);
        if (heads.Count == 0) return inside;

        // Stories set apart by blank lines: a heading block with no blank line above it is inside a story.
        int bodies = 0, bodyGaps = 0, headGaps = 0;
        foreach (var it in items.Skip(1))
        {
            if (it.Kind == ItemKind.Body) { bodies++; if (it.BlankBefore) bodyGaps++; }
            else if (it.Kind == ItemKind.Heading && it.BlankBefore) headGaps++;
        }
        var gapped = headGaps > 0 && bodyGaps * 10 <= bodies;

        var sections = new List<StorySegmenter.Section>();
        var cues = new List<double[]?>();
        var first = heads[0] > 0 ? 1 : 0;
        if (first == 1) { sections.Add(new StorySegmenter.Section(0, SectionText(items, 0, heads[0]))); cues.Add(null); }
        for (var h = 0; h < heads.Count; h++)
        {
            var k = heads[h];
            var end = h + 1 < heads.Count ? heads[h + 1] : items.Count;
            var (score, must, f) = StartEvidence(items, k, gapped, heads, h);
            cues.Add(f);
            sections.Add(new StorySegmenter.Section(score, SectionText(items, k + 1, end), must, string.Concat(items[k].HeadLines)));
        }
        SegmentSink?.Invoke(sections, cues, heads.Select(k => (IReadOnlyList<string>)items[k].HeadLines.ToList()).ToList());
        var starts = StorySegmenter.Segment(sections);
        for (var h = 0; h < heads.Count; h++) if (!starts[h + first]) inside.Add(items[heads[h]]);
        if (DecisionSink is not null) foreach (var k in heads) DecisionSink(items[k].HeadLines.ToList(), !inside.Contains(items[k]));
        return inside;
    }

    /// <summary>A whole line in brackets: a closing note (`（作者为…）`), or under a title its date (`（2019年10月1日）`).</summary>
    private static bool IsBracketed(string line) => line.Length > 2 && line[0] is '（' or '(' && line[^1] is '）' or ')';

    private static string SectionText(List<Item> items, int from, int to)
    {
        var sb = new System.Text.StringBuilder();
        for (var k = from; k < to; k++) if (items[k].Kind == ItemKind.Body) foreach (var l in items[k].Lines) sb.Append(l.Body);
        return sb.ToString();
    }

    /// <summary>Called with each heading block's lines and start features (the accuracy harness's training export).</summary>
    [ThreadStatic] internal static Action<IReadOnlyList<string>, double[]>? FeatureSink;

    /// <summary>Called with each heading block's lines and whether the page-wide cut opened a story there (the export's last column).</summary>
    [ThreadStatic] internal static Action<IReadOnlyList<string>, bool>? DecisionSink;

    /// <summary>
    /// Called with each page's sections as the cut weighs them, each section's start cues (null where a rule, not
    /// <see cref="StartModel"/>, sets its score) and each heading block's lines: what fitting the model against the
    /// cut itself needs (the accuracy harness's `--fit-start`).
    /// </summary>
    [ThreadStatic] internal static Action<IReadOnlyList<StorySegmenter.Section>, IReadOnlyList<double[]?>, IReadOnlyList<IReadOnlyList<string>>>? SegmentSink;

    /// <summary>The evidence that the heading block at k opens a story (positive) or sits inside one (negative), and the cues it was weighed from.</summary>
    private (double Score, bool Must, double[]? Cues) StartEvidence(List<Item> items, int k, bool gapped, List<int> heads, int h)
    {
        var item = items[k];
        var prev = k > 0 ? items[k - 1] : null;
        var first = item.HeadLines.First();
        // `图片报道` is the web edition's heading of a photo item, a story of its own.
        if (item.SharedWithByline || r.Commentary.IsLabel(first) || r.Banner.IsBriefsBanner(first) || first == "图片报道"
            || prev is null or { Kind: ItemKind.Note }) return (10, true, null);
        var f = StartFeatures(items, k, gapped, heads, h);
        FeatureSink?.Invoke(item.HeadLines.ToList(), f);
        // A block of `——` lines alone after text (`——李云鹤`, a quote's attribution) has no title: no story opens there.
        if (prev.Kind == ItemKind.Body && item.HeadLines.All(l => l.StartsWith("——", StringComparison.Ordinal))) return (-10, false, null);
        return (StartModel.Logit(f), false, f);
    }

    /// <summary>The cues <see cref="StartModel"/> weighs, in its order.</summary>
    private double[] StartFeatures(List<Item> items, int k, bool gapped, List<int> heads, int h)
    {
        var item = items[k];
        var prev = items[k - 1];
        var next = k + 1 < items.Count ? items[k + 1] : null;
        var lines = item.HeadLines.ToList();
        var first = lines[0];
        var f = new double[StartModel.Count];
        f[StartModel.Bias] = 1;
        if (gapped) f[item.BlankBefore ? StartModel.GapBlank : StartModel.GapNone] = 1;
        else if (item.BlankBefore) f[StartModel.Blank] = 1;
        if (prev.Kind == ItemKind.Byline || prev.Last is { ClosingDateline: not null } or { TrailingByline: not null } or { JumpOut: not null }
            || IsBracketed(prev.Last.Body) || IsArtCredit(prev.Last.Body)) f[StartModel.PrevClosed] = 1;
        else if (prev.Kind == ItemKind.Body && !Chars.EndsSentence(prev.Last.Body)) f[StartModel.PrevOpen] = 1;
        if (next is { Kind: ItemKind.Body } && (next.Lines[0].Dateline is not null || next.Lines[0].JumpIn is not null)) f[StartModel.NextDateline] = 1;
        if (next is { Kind: ItemKind.Byline }) f[StartModel.NextByline] = 1;
        if (next is { Kind: ItemKind.Body } && IsCaptionBlock(next, k + 2 < items.Count ? items[k + 2] : null)) f[StartModel.NextCaption] = 1;
        if (next is { Kind: ItemKind.Body } && IsSpeakerLine(next.Lines[0].Body)) f[StartModel.NextSpeaker] = 1;
        if (lines.Count >= 2) f[StartModel.TwoLines] = 1;
        if (lines.Count >= 3) f[StartModel.ThreeLines] = 1;
        if (lines.Count == 1 && first.EndsWith("——", StringComparison.Ordinal)) f[StartModel.LoneDash] = 1;
        if (HeadlineRecogniser.IsSubtitle(first)) f[StartModel.DashSubtitle] = 1;
        if (IsBracketed(first)) f[StartModel.Bracketed] = 1;
        // A speaker's bracketed role (`何冀平（电影《决胜时刻》编剧）`) is no series tag.
        else if (lines.Exists(l => l[^1] is '）' or ')' && !IsSpeakerName(l))) f[StartModel.Tag] = 1;
        var length = lines.Sum(l => l.Length);
        if (length >= 16) f[StartModel.Long] = 1;
        else if (length <= 6) f[StartModel.Short] = 1;
        if (lines.Exists(l => l.Contains('，'))) f[StartModel.Comma] = 1;
        if (IsLeadIn(lines)) f[StartModel.KickerLine] = 1;
        if (r.Crosshead.IsCrosshead(first, r.Headline)) f[StartModel.Numbered] = 1;
        if (InRoundup(items, heads, h)) f[StartModel.Roundup] = 1;
        if (IsSpeakerName(lines[^1])) f[StartModel.Speaker] = 1;
        if (lines.Skip(1).Any(HeadlineRecogniser.IsSubtitle)) f[StartModel.SubtitleLine] = 1;
        if (CrossheadForm(lines) is { } form && (h > 0 && CrossheadForm(items[heads[h - 1]].HeadLines.ToList()) == form
                                                 || h + 1 < heads.Count && CrossheadForm(items[heads[h + 1]].HeadLines.ToList()) == form))
            f[StartModel.Sibling] = 1;
        if (IsPlainHead(items, heads, h) && (h > 0 && IsPlainHead(items, heads, h - 1) && Math.Abs(items[heads[h - 1]].HeadLines.First().Length - first.Length) <= 3
                                             || h + 1 < heads.Count && IsPlainHead(items, heads, h + 1) && Math.Abs(items[heads[h + 1]].HeadLines.First().Length - first.Length) <= 3))
            f[StartModel.PlainRun] = 1;
        // Under a feature's deck (a title and its `——` subtitle) and a short lead, a heading with nothing else for it is
        // the feature's first crosshead.
        if (h > 0 && !item.BlankBefore && f[StartModel.NextDateline] == 0 && f[StartModel.PrevClosed] == 0
            && items[heads[h - 1]].HeadLines.ToList() is { Count: >= 2 } above && above.Skip(1).Any(HeadlineRecogniser.IsSubtitle)
            && SectionText(items, heads[h - 1] + 1, k).Length < 400)
            f[StartModel.UnderFeatureLead] = 1;

        var end = h + 1 < heads.Count ? heads[h + 1] : items.Count;
        var section = StorySegmenter.Bigrams(SectionText(items, k + 1, end));
        var title = StorySegmenter.Bigrams(string.Concat(lines));
        var before = StorySegmenter.Bigrams(SectionText(items, h > 0 ? heads[h - 1] + 1 : 0, k));
        f[StartModel.Cohesion] = section.Count >= 8 ? StorySegmenter.Share(section, before) : 0.25;
        f[StartModel.TitleOwn] = title.Count >= 2 && section.Count >= 8 ? StorySegmenter.Share(title, section) : 0.3;
        f[StartModel.TitlePrev] = title.Count >= 2 && before.Count >= 8 ? StorySegmenter.Share(title, before) : 0.3;
        var chars = 0;
        for (var j = k + 1; j < end; j++) if (items[j].Kind == ItemKind.Body) foreach (var l in items[j].Lines) chars += l.Body.Length;
        f[StartModel.SectionSize] = Math.Log10(1 + chars) / 4;
        // A photo item: a caption or two under its heading, with the picture credit.
        if (chars <= 400 && Enumerable.Range(k + 1, end - k - 1).Any(j => items[j].Kind == ItemKind.Byline && items[j].Lines[0].Byline!.PhotoCredit
                                                                          || items[j].Lines.Exists(l => l.TrailingByline is { PhotoCredit: true })))
            f[StartModel.PhotoSection] = 1;
        return f;
    }

    /// <summary>
    /// The shapes a story's crossheads share, one after another (`“…”` quotes, `（2）…`, `黑龙江：…`, `李光羲　《祝酒歌》`, `快速崛起——` over a
    /// line): a heading block of such a shape next to another of the same shape is one of a run of crossheads. A title
    /// with its series tag (`滕代远：…（为了民族复兴·英雄烈士谱）`) heads a story of a series and has no such shape.
    /// </summary>
    private static string? CrossheadForm(List<string> lines)
    {
        if (lines.Count == 2 && lines[0].Length <= 8 && lines[0].EndsWith("——", StringComparison.Ordinal) && !HasSeriesTag(lines[1])) return "kicker";
        if (lines.Count != 1 || HasSeriesTag(lines[0])) return null;
        var l = lines[0];
        if (l.Length > 2 && l[0] == '“' && l[^1] == '”' && l.IndexOf('“', 1) < 0) return "quoted";
        if (NumberedLead().IsMatch(l)) return "numbered";
        if (ColonLead().IsMatch(l)) return "colon";
        if (NamedWork().IsMatch(l)) return "work";
        return null;
    }

    /// <summary>
    /// A bare one-line heading, with none of the marks of a story's start: no blank line above, no closing credit or
    /// closing line over it, no dateline or byline under it, no series tag, no kicker ending. Two such lines of about one
    /// length next to each other are a run of crossheads (a feature's parts, a roundup's items), not two stories.
    /// </summary>
    private bool IsPlainHead(List<Item> items, List<int> heads, int h)
    {
        var k = heads[h];
        var item = items[k];
        var lines = item.HeadLines.ToList();
        if (k == 0 || lines.Count != 1 || item.BlankBefore) return false;
        var line = lines[0];
        if (line.Length < 2 || HasSeriesTag(line) || IsBracketed(line) || IsKickerLine(line) || HeadlineRecogniser.IsSubtitle(line)
            || CrossheadForm([line]) is not null || r.Crosshead.IsCrosshead(line, r.Headline)) return false;
        var prev = items[k - 1];
        if (prev.Kind != ItemKind.Body || prev.Last is { ClosingDateline: not null } or { TrailingByline: not null } or { JumpOut: not null }
            || IsBracketed(prev.Last.Body) || IsArtCredit(prev.Last.Body)) return false;
        var next = k + 1 < items.Count ? items[k + 1] : null;
        return next is { Kind: ItemKind.Body } && next.Lines[0].Dateline is null && next.Lines[0].JumpIn is null;
    }

    private static bool HasSeriesTag(string line) => line.Length > 2 && line[^1] is '）' or ')' && line.LastIndexOfAny(['（', '(']) > 0;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")]
    private static partial System.Text.RegularExpressions.Regex NumberedLead();

    /// <summary>A singer and their song, a writer and their book: `李光羲　《祝酒歌》`.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\p{IsCJKUnifiedIdeographs}\s*){2,4}\s《[^》]+》$")]
    private static partial System.Text.RegularExpressions.Regex NamedWork();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^：，。“]{2,8}：.")]
    private static partial System.Text.RegularExpressions.Regex ColonLead();

    /// <summary>A deck line that leads into the next one (`仪仗方队擎旗手郭凤通——`, `外交部驻港公署负责人：`).</summary>
    private static bool IsKickerLine(string line) => line.EndsWith("——", StringComparison.Ordinal) || line[^1] is '：' or ':';

    /// <summary>`图③：北京复兴门桥东北角…` — one of a story's numbered picture captions.</summary>
    private static bool IsNumberedCaption(string line) =>
        line.Length > 3 && line[0] == '图' && (line[1] is >= '①' and <= '⑳' || char.IsAsciiDigit(line[1])) && line.AsSpan(2, 2).IndexOfAny('：', ':') >= 0;

    /// <summary>A kicker line that is not the deck's first: the lines before it are the story's title, the rest a crosshead.</summary>
    private static bool IsLeadIn(List<string> lines) => lines.Count >= 3 && !IsKickerLine(lines[0]) && lines.Skip(1).Any(IsKickerLine);

    /// <summary>
    /// A roundup of mini-stories (`礼赞新中国` / `上海中共一大会址——` / `重温入党誓词…`, then `内蒙古阿尔山——` / …): after a
    /// deck whose title is followed by a kicker line, heading blocks led by a kicker line head its parts.
    /// </summary>
    private static bool InRoundup(List<Item> items, List<int> heads, int h)
    {
        var lines = items[heads[h]].HeadLines.ToList();
        if (lines.Count != 2 || !IsKickerLine(lines[0])) return false;
        for (var g = h - 1; g >= 0; g--)
        {
            var other = items[heads[g]].HeadLines.ToList();
            if (IsLeadIn(other)) return true;
            if (other.Count != 2 || !IsKickerLine(other[0])) return false;
        }
        return false;
    }

    /// <summary>
    /// A forum report's speaker under the heading of their part: `陈凯歌（导演）`, `（以色列）莫瑞斯·托帕兹`,
    /// `华为云首席营销官  张  鹏`. A name is two to four characters (or a foreign one joined by `·`): a title with its
    /// series tag (`走向胜利第一步（新中国的“第一”·体育篇）`) is longer.
    /// </summary>
    private static bool IsSpeakerName(string line) => SpeakerName().IsMatch(line);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:(?:\p{IsCJKUnifiedIdeographs}\s*){1,3}\p{IsCJKUnifiedIdeographs}|\p{IsCJKUnifiedIdeographs}+(?:·\p{IsCJKUnifiedIdeographs}+)+)\s*[（(][^）)]{2,24}[）)]|[（(][\p{IsCJKUnifiedIdeographs}]{1,6}[）)]\s*[\p{IsCJKUnifiedIdeographs}·—]{2,16}|[^\s，。]{2,16}\s{2,}(?:\p{IsCJKUnifiedIdeographs}\s*){2,4})$")]
    private static partial System.Text.RegularExpressions.Regex SpeakerName();

    /// <summary>`张三：某某大学教授，…` — a speaker's line in a forum report (the heading over it is a crosshead).</summary>
    private static bool IsSpeakerLine(string line)
    {
        var colon = line.IndexOf('：');
        return colon is >= 2 and <= 12 && line.AsSpan(0, colon).IndexOfAny("，。；、") < 0 && line.Length > colon + 4;
    }

    // ---- shared pieces ----

    /// <summary>A closing wire line right after a story's text belongs to that story, even after its closing byline.</summary>
    private static bool ClosesCurrent(Item item, Story? current, List<Item> heads, List<PageLine> openers) =>
        item.Lines[0].ClosingDateline is not null && current is { HasBody: true } && current.Kind != ArticleKind.EditorsNote
        && heads.Count == 0 && openers.Count == 0;

    /// <summary>A short block with a credit right under it (a photo credit, or any credit under caption-like text) is a photo caption.</summary>
    private bool IsCaptionBlock(Item item, Item? next) =>
        next is { Kind: ItemKind.Byline, BlankBefore: false } && item.Lines[0].Dateline is null
        && (next.Lines[0].Byline!.PhotoCredit || r.Caption.IsCaption(string.Concat(item.Lines.Select(l => l.Body))))
        && item.Lines.Sum(l => l.Body.Length) <= 400;

    private static Story NewStory(int page, List<PageLine> openers, List<string> columns)
    {
        var s = new Story { Page = page };
        foreach (var o in openers) if (o.Byline is not null) s.Bylines.Add(o.Byline);
        openers.Clear();
        s.Columns.AddRange(columns);
        columns.Clear();
        return s;
    }

    private static IEnumerable<BylineMatch> Bylines(Item item) => item.Lines.Where(l => l.Byline is not null).Select(l => l.Byline!);

    private static void AddBody(Story s, Item item)
    {
        foreach (var l in item.Lines)
        {
            // Markers have one field each; a second one of a kind (rare, garbled input) is kept as a leftover.
            if (l.Dateline is not null)
            {
                if (s.Lines.Count == 0) s.Dateline = l.Dateline;
                else s.Leftovers.Add(l.Dateline.Dateline.Raw + l.Dateline.CreditRaw);
            }
            if (l.JumpIn is not null)
            {
                if (s.Lines.Count == 0) s.ContinuedFrom = l.JumpIn;
                else s.Leftovers.Add(l.JumpIn.Raw);
            }
            if (l.ClosingDateline is not null)
            {
                // A closing wire line is the story's dateline when it has none; otherwise it stays in the text.
                s.Closed = true;
                if (s.Dateline is null && s.Lines.Count > 0) { s.Dateline = l.ClosingDateline; continue; }
            }
            s.Lines.Add(l);
            if (l.TrailingByline is not null) { s.Bylines.Add(l.TrailingByline); s.Closed = true; }
            if (l.JumpOut is not null)
            {
                if (s.ContinuesTo is null) s.ContinuesTo = l.JumpOut;
                else s.Leftovers.Add(l.JumpOut.Raw);
                s.Closed = true;
            }
        }
    }

    /// <summary>
    /// Banners whose story is not beside them: one an editor's note names heads that note and the page's photo
    /// items; a trailing banner heads a series (stories whose subtitles start alike, `——访…`); briefs banners head
    /// every brief after them. What still has no story is kept as unassigned.
    /// </summary>
    private void PlaceBanners(List<Story> stories, List<string> orphans, List<string> unassigned)
    {
        // A page has an editor's note or two; a bound keeps garbage input (a note on every line) linear.
        foreach (var note in stories.Where(s => s.Kind == ArticleKind.EditorsNote).Take(4).ToList())
        {
            var named = r.Banner.NamedColumns(string.Concat(note.Lines.Select(l => l.Body)));
            if (named.Count == 0) continue;
            foreach (var name in named.Take(4))
            {
                var holders = stories.Where(s => s != note && s.Columns.Any(c => Chars.Squeeze(c) == name)).ToList();
                var orphan = orphans.FindIndex(o => Chars.Squeeze(o) == name);
                var own = note.Columns.FindIndex(c => Chars.Squeeze(c) == name);
                if (holders.Count == 0 && orphan < 0 && own < 0) continue;
                var banner = own >= 0 ? note.Columns[own] : orphan >= 0 ? orphans[orphan] : holders[0].Columns.First(c => Chars.Squeeze(c) == name);
                if (own < 0) note.Columns.Insert(0, banner);
                // The column's items: the page's photos when it is a picture column, else the story right after the note.
                var photos = stories.Where(s => s != note && s.Columns.Count == 0 && IsPhoto(s)).ToList();
                if (photos.Count > 0)
                {
                    foreach (var h in holders) h.Columns.RemoveAll(c => Chars.Squeeze(c) == name);
                    foreach (var p in photos) p.Columns.Add(banner);
                }
                else if (holders.Count == 0)
                {
                    var at = stories.IndexOf(note);
                    if (at + 1 < stories.Count && stories[at + 1].Columns.Count == 0) stories[at + 1].Columns.Add(banner);
                }
                if (orphan >= 0) orphans.RemoveAt(orphan);
                break;
            }
        }

        if (orphans.Count > 0)
        {
            // A trailing banner heads a series: stories without a column whose subtitles start alike (——访…).
            var bySeries = stories.Where(s => s.Columns.Count == 0 && BannerRecogniser.SeriesMarker(Deck(s).Subtitle) is not null)
                .GroupBy(s => BannerRecogniser.SeriesMarker(Deck(s).Subtitle)).FirstOrDefault(g => g.Count() >= 2);
            foreach (var o in orphans)
            {
                if (bySeries is not null) { foreach (var s in bySeries) s.Columns.Add(o); bySeries = null; continue; }
                unassigned.Add(o);
            }
        }

        // A briefs banner heads the briefs that follow it until the next deck or banner.
        for (var i = 0; i < stories.Count; i++)
        {
            if (stories[i].Kind == ArticleKind.EditorsNote || !stories[i].Columns.Any(r.Banner.IsBriefsBanner)) continue;
            var banner = stories[i].Columns.First(r.Banner.IsBriefsBanner);
            stories[i].Kind = ArticleKind.Brief;
            for (var j = i + 1; j < stories.Count && stories[j].Columns.Count == 0 && stories[j].Kind == ArticleKind.Article
                                && stories[j] is { HasDeck: false, ContinuedFrom: null, ContinuesTo: null }
                                && stories[j].Lines.Sum(l => l.Body.Length) <= 300; j++)
            {
                stories[j].Columns.Add(banner);
                stories[j].Kind = ArticleKind.Brief;
            }
        }
    }

    /// <summary>Features and investigations (`——来自…的调查`) are the stories that carry crossheads.</summary>
    private static bool HasDashSubtitle(Story s) => s.DeckLines.Count > 1 && HeadlineRecogniser.IsSubtitle(s.DeckLines[^1]);

    public Deck Deck(Story s) => s.CachedDeck ??= r.Headline.Split(s.DeckLines, s.DeckLineEach, s.Dateline is not null);

    private bool IsPhoto(Story s)
    {
        if (s.Kind is not ArticleKind.Article and not ArticleKind.Photo || s.HasDeck || s.Dateline is not null) return false;
        var text = string.Concat(s.Lines.Select(l => l.Body));
        if (text.Length == 0 || text.Length > 400) return false;
        return s.Bylines.Any(b => b.PhotoCredit) || r.Caption.IsCaption(text);
    }

    private void AssignKinds(List<Story> stories)
    {
        foreach (var s in stories)
        {
            // A label line over the deck (短评, 述评) types the item; it is not part of the headline.
            if (s.DeckLines.Count > 1 && r.Commentary.IsLabel(s.DeckLines[0]))
            {
                s.Label ??= s.DeckLines[0];
                s.DeckLines.RemoveAt(0);
                s.CachedDeck = null;
                if (s.Kind == ArticleKind.Article) s.Kind = ArticleKind.Commentary;
            }
            if (s.Kind != ArticleKind.Article) continue;
            if (IsPhoto(s)) { s.Kind = ArticleKind.Photo; continue; }
            var deck = Deck(s);
            if (r.Commentary.IsCommentary(s.Columns.FirstOrDefault(), deck.Kicker ?? deck.Title, s.Bylines.SelectMany(b => b.People),
                    string.Join(" ", s.Bylines.Select(b => b.Raw))))
                s.Kind = ArticleKind.Commentary;
        }
    }
}
