using System.Text;
using Broadsheet.Core.Assembly;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Layout;

/// <summary>
/// Rebuilds the logical lines of a page of PDF text (lines cut at a column width of 10–20 characters, no blank line
/// at a paragraph's end, justified lines letter-spaced) so the page reads like an archive export: each sentence run
/// on one line, each heading line on its own. The page-wide cut (<see cref="Assembly.StorySegmenter"/>) then works
/// on it as on any one-paragraph-a-line page. Pages that are not wrapped this way come back unchanged.
/// <para>
/// A line that does not end a sentence runs on into the next text line (a column end, a blank line between
/// columns, a running head in between do not stop it); a line that ends one closes its run (a paragraph cut at a
/// sentence end changes no story). A line that is short for its column, holds no sentence and comes where a run
/// could start is a heading line; one met while a run is still open (a neighbour's headline read between two
/// columns) is set after that run. A heading line keeps the blank line above it: PDF text puts another story's
/// headline in a block of its own, while a crosshead sits in its story's column.
/// </para>
/// </summary>
public static class Reflow
{
    /// <summary>A heading line is this much narrower (in em) than a full line of its column: more than a paragraph's indent.</summary>
    private const double HeadingShortfall = 3;

    /// <summary>A paragraph's first line (indented two em, its last character sometimes pushed down) is at most this much short.</summary>
    private const double ParagraphIndentMax = 4.5;

    /// <summary>At least this many lines of text, most not ending a sentence, make a page wrapped.</summary>
    private const int MinWrappedLines = 8;

    /// <summary>Wider than this (em) is no column line; an eighth of the lines that wide and the page is not wrapped.</summary>
    private const double MaxColumnEm = 40;

    public static IReadOnlyList<string> Page(IReadOnlyList<string> raw, RecogniserSet r, DateOnly? issueDate)
    {
        var lines = new string[raw.Count];
        for (var i = 0; i < raw.Count; i++) lines[i] = UndoLetterSpacing(Chars.Clean(raw[i]));
        lines = ColumnSplitter.Split(lines);
        if (!IsWrapped(lines)) return raw;
        var contentOrder = !HasInnerBlank(raw);
        if (contentOrder) lines = SplitGluedDatelines(lines, r, issueDate);

        var furniture = new bool[lines.Length];
        for (var i = 0; i < lines.Length; i++) furniture[i] = lines[i].Length > 0 && r.Furniture.Match(lines[i]) is not null;
        MergeFurnitureScraps(lines, furniture, r);
        var full = FullWidths(lines, furniture);
        (lines, furniture, full) = BlockLinker.Link(lines, furniture, full, (ls, i) => BlockIsHeadings(ls, i, r), r, issueDate);

        var output = new List<string>(lines.Length / 4 + 8);
        var run = new StringBuilder(256);
        var pending = new List<string>();
        var blank = false;
        var prefix = false; // still in the heading lines a block opens with
        var blockHeads = false; // the whole block is a deck of its own
        var lastHeading = false; // the line before was a heading line
        var seenText = false;
        var runLines = 0; // lines joined into the open run
        var runAfterHeading = false; // the open run started right under a heading line
        var trailing = TrailingDecks(lines, furniture, r);
        var crossheads = Crossheads(lines, furniture, full, r, issueDate);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) { blank = true; continue; }
            if (furniture[i]) { output.Add(line); lastHeading = false; continue; }
            var blockStart = blank;
            blank = false;
            if (blockStart || !seenText) { prefix = true; blockHeads = BlockIsHeadings(lines, i, r); }
            seenText = true;

            if (r.Byline.Match(line) is { RoleOnly: false } && !Chars.IsOpeningBracket(line[0]))
            {
                // A credit line (`本报记者 殷新宇摄`) is a line of its own wherever it stands.
                if (run.Length == 0) output.Add(line); else pending.Add(line);
                // On a page with no blank line, a credit that closes its story (no run open) may be followed by the
                // next story's headline (`陆启辉摄（人民视觉）` / `晒麦种备秋播` / `本报阳江10月22日电…`).
                prefix = contentOrder && run.Length == 0;
                lastHeading = false;
                continue;
            }
            // A deck line after a heading line, taken for a body line until this line goes on with the deck
            // (`天安门广场举行盛大阅兵仪式和群众游行` between a title and a headline across columns): it was a heading line.
            if (runLines == 1 && runAfterHeading && r.Headline.IsHeadingLine(run.ToString())
                && r.Headline.IsHeadingLine(line) && !Chars.EndsSentence(line) && (Em(line) > full[i] + 1 || HeadlineRecogniser.IsSubtitle(line)))
            {
                output.Add(run.ToString());
                run.Clear();
                runLines = 0;
                Flush(output, pending);
                prefix = lastHeading = true;
            }
            if (lastHeading && !blockStart && run.Length == 0 && IsTitleTail(line) && !Chars.EndsSentence(line))
            {
                // `和国成立70周年阅兵全体人` / `员`: a title's last character, too short to read as a heading line.
                output[^1] = ParagraphBuilder.Join(output[^1], line);
                continue;
            }
            // A `——` line under a heading line is the deck's subtitle, however wide.
            var subtitle = lastHeading && run.Length == 0 && HeadlineRecogniser.IsSubtitle(line) && r.Headline.IsHeadingLine(line);
            if (i >= trailing || subtitle || prefix && IsHeading(lines, i, full[i], run.Length > 0, blockHeads, contentOrder, r, issueDate)
                || prefix && run.Length == 0 && contentOrder && (OverDateline(lines, i, r, issueDate) || IsKickerOverTitle(lines, i, r, issueDate)))
            {
                // A crosshead between two parts of its story's column loses the blank line that would open a story.
                var gap = blockStart && i > 0 && !crossheads[i];
                if (!gap && lastHeading && IsTitleTail(line))
                {
                    // `珠海万人齐唱祝` / `福祖国`: a title wrapped with a scrap on the next line is one line.
                    var list = run.Length > 0 ? pending : output;
                    list[^1] = ParagraphBuilder.Join(list[^1], line);
                    continue;
                }
                lastHeading = true;
                if (run.Length > 0) { pending.Add(gap ? "\n" + line : line); continue; }
                if (gap) output.Add("");
                output.Add(line);
                continue;
            }
            if (run.Length == 0) runAfterHeading = lastHeading;
            runLines++;
            prefix = false;
            lastHeading = false;
            ParagraphBuilder.Join(run, line);
            if (EndsRun(line, full[i]) || ClosesBracketedRun(run, line))
            {
                output.Add(run.ToString());
                run.Clear();
                runLines = 0;
                Flush(output, pending);
                prefix = true; // a line after a sentence end may be a crosshead
            }
        }
        if (run.Length > 0) output.Add(run.ToString());
        Flush(output, pending);
        // No blank line anywhere: content-stream order (`pdftotext -raw`), where a deck may follow its body.
        if (HasInnerBlank(raw)) return HeadingAssignment.SetDecksOverBodies(output, r, issueDate);
        // The page ends in more heading lines than one deck has, or in several decks that fit several bodies: every
        // deck printed after every body. Else each deck sits next to its own body, before or after it.
        var closingHeads = DeckOrder.TrailingHeadingLines(output, r);
        if (closingHeads >= MinTrailingDecks)
        {
            var assigned = HeadingAssignment.SetDecksOverBodies(output, r, issueDate, out _, out var placed, contentOrder: true);
            if (placed >= 2 || closingHeads > DeckOrder.MaxTrailingDeckLines) return DeckFields.Join(assigned, r, issueDate);
        }
        return DeckFields.Join(DeckOrder.SetDecksOverBodies(output, r, issueDate), r, issueDate);
    }

    /// <summary>A blank line between the page's first and last lines of text.</summary>
    private static bool HasInnerBlank(IReadOnlyList<string> raw)
    {
        int first = 0, last = raw.Count - 1;
        while (first <= last && string.IsNullOrWhiteSpace(raw[first])) first++;
        while (last >= first && string.IsNullOrWhiteSpace(raw[last])) last--;
        for (var i = first; i <= last; i++) if (string.IsNullOrWhiteSpace(raw[i])) return true;
        return false;
    }

    /// <summary>Most characters of a heading's scrap printed on a dateline's baseline.</summary>
    private const int MaxGluedScrap = 16;

    /// <summary>
    /// `-raw` prints what sits on one baseline as one line: a title's last characters beside the first line of its
    /// body (`逞新华社香港10月16日电 外交部`, `卷（权威发布） 新华社北京10月8日电 10`). The scrap before a story's opening
    /// dateline goes on a line of its own (it rejoins its title as a title's tail), the dateline opens the next.
    /// </summary>
    private static string[] SplitGluedDatelines(string[] lines, RecogniserSet r, DateOnly? issueDate)
    {
        List<string>? output = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = GluedDateline(line, r, issueDate);
            if (at < 0) at = GluedHeading(line, r, issueDate);
            if (at < 0) { output?.Add(line); continue; }
            output ??= [.. lines.AsSpan(0, i)];
            output.Add(line[..at].TrimEnd());
            output.Add(line[at..].TrimStart());
        }
        return output?.ToArray() ?? lines;
    }

    /// <summary>Where a dateline opens inside the line after a heading's scrap (no sentence in it), or -1.</summary>
    private static int GluedDateline(string line, RecogniserSet r, DateOnly? issueDate)
    {
        if (line.Length < 8 || line.AsSpan().IndexOfAny('电', '讯') < 0 || r.Dateline.Match(line, issueDate) is not null) return -1;
        for (var at = 1; at <= MaxGluedScrap && at < line.Length - 6; at++)
        {
            if (line[at] is not ('本' or '新')) continue;
            var scrap = line.AsSpan(0, at).TrimEnd();
            if (scrap.Length == 0 || scrap.IndexOfAny("。！？；，、：") >= 0 || scrap[0] is '（' or '(' || scrap.EndsWith("据")) continue;
            if (r.Dateline.Match(line[at..], issueDate) is not null) return at;
        }
        return -1;
    }

    /// <summary>
    /// Where the text after a heading's end printed on the same baseline starts, or -1: `-raw` joins them with one
    /// space (`创新需要智慧和勇气（观象台） 收费公路收支缺口趋`, `1097万人捧新饭碗 人生的舞台上，每个`). The part before
    /// the space is a heading line; it closes a bracket (a series tag, a title's end), or the part after it holds a
    /// sentence's punctuation or opens a dateline (a body's first line). A space inside one deck (`缅怀先烈丰功伟绩
    /// 齐心开创美好未来`) has neither, and stays.
    /// </summary>
    private static int GluedHeading(string line, RecogniserSet r, DateOnly? issueDate)
    {
        var space = line.IndexOf(' ');
        if (space < 2 || space > line.Length - 3) return -1;
        if (!Chars.IsWide(line[space - 1]) || !Chars.IsWide(line[space + 1])) return -1;
        var left = line[..space];
        var right = line[(space + 1)..];
        if (!r.Headline.IsHeadingLine(left) || HeadlineRecogniser.IsSubtitle(left) || OpensBracket(left)
            || r.Byline.Match(left) is not null || r.Dateline.Match(left, issueDate) is not null || r.Furniture.Match(line) is not null) return -1;
        if (r.Dateline.Match(right, issueDate) is not null) return space + 1;
        // More than one space: a dateline's (`…电 （记者`) or a padded name's; only a dateline after the heading tells.
        if (line.IndexOf(' ', space + 1) >= 0) return -1;
        var closesBracket = Chars.IsClosingBracket(left[^1]) && left.Length >= 4;
        var sentence = right.AsSpan().IndexOfAny("，。！？、；") >= 0 && right[0] is not ('（' or '(');
        return closesBracket || sentence ? space + 1 : -1;
    }

    /// <summary>Lines at the top or bottom of a page where the running head's scraps are looked for.</summary>
    private const int FurnitureZone = 12;

    /// <summary>
    /// A running head spread across the page comes out in pieces (`2019年10月1日` / `星期二` / `要闻` / `07`): a scrap of at
    /// most four characters next to a furniture line near the top or bottom is put back on it, when the line still
    /// reads as furniture with it.
    /// </summary>
    /// <summary>
    /// Section names Chinese dailies print in their running heads (written for this rule from the heads of 人民日报 and
    /// 济宁日报; no outside source): no story is titled with one alone.
    /// </summary>
    private static readonly HashSet<string> SectionNames =
        ["要闻", "国际", "国内", "评论", "理论", "经济", "财经", "政治", "时政", "体育", "文化", "社会", "副刊", "科技", "教育",
         "健康", "生态", "视点", "地方", "综合", "民生", "法治"];

    private static void MergeFurnitureScraps(string[] lines, bool[] furniture, RecogniserSet r)
    {
        var nonBlank = new List<int>();
        for (var i = 0; i < lines.Length; i++) if (lines[i].Length > 0) nonBlank.Add(i);
        for (var k = 0; k < nonBlank.Count; k++)
        {
            var i = nonBlank[k];
            var l = lines[i];
            // Mid-page, only a page number or a section name in a block of its own (`07`, `要闻`): another lone short
            // word there may be a title.
            var loneHeadPiece = (l.Length <= 2 && char.IsAsciiDigit(l[0]) && char.IsAsciiDigit(l[^1]) || SectionNames.Contains(l))
                                 && (i == 0 || lines[i - 1].Length == 0) && (i == lines.Length - 1 || lines[i + 1].Length == 0);
            if (k >= FurnitureZone && k < nonBlank.Count - FurnitureZone && !loneHeadPiece) continue;
            if (furniture[i] || l.Length > 4 || Chars.EndsSentence(l)) continue;
            // The nearest furniture line before it (else after it), with nothing but other scraps between; for a lone
            // page number or section name, the nearest furniture line anywhere on the page that reads as furniture with it.
            foreach (var step in (ReadOnlySpan<int>)[-1, 1])
            {
                var m = k + step;
                if (loneHeadPiece)
                    while (m >= 0 && m < nonBlank.Count && !(furniture[nonBlank[m]] && r.Furniture.Match(Join(nonBlank[m])) is not null)) m += step;
                else
                    while (m >= 0 && m < nonBlank.Count && !furniture[nonBlank[m]] && lines[nonBlank[m]].Length <= 4) m += step;
                if (m < 0 || m >= nonBlank.Count || !furniture[nonBlank[m]] || (Math.Abs(m - k) > 3 && !loneHeadPiece)) continue;
                var j = nonBlank[m];
                var joined = Join(j);
                if (r.Furniture.Match(joined) is null) continue;
                lines[j] = joined;
                lines[i] = "";
                break;

                string Join(int at) => at < i ? lines[at] + " " + l : l + " " + lines[at];
            }
        }
    }

    private static void Flush(List<string> output, List<string> pending)
    {
        foreach (var p in pending)
        {
            if (p[0] == '\n') { output.Add(""); output.Add(p[1..]); }
            else output.Add(p);
        }
        pending.Clear();
    }

    /// <summary>
    /// Lines that are crossheads by their place: a block of one to three heading lines between two blocks of running
    /// text of one column width, the one above ending a sentence and the one below opening an indented paragraph that
    /// is no dateline; a crosshead of two or three lines (`聊家常讲政策` / `确保搬得出`) also shares a pair of Han
    /// characters with the block above (it speaks of its story; a neighbour's deck set there seldom does). In the default order <c>pdftotext</c> sets a crosshead (bold, centred) in a block of its own, as it
    /// does another story's headline; a headline is seldom set between two paragraphs of one column width.
    /// </summary>
    private static bool[] Crossheads(string[] lines, bool[] furniture, double[] full, RecogniserSet r, DateOnly? issueDate)
    {
        var marks = new bool[lines.Length];
        var starts = new List<int>();
        for (var i = 0; i < lines.Length; i++) if (lines[i].Length > 0 && (i == 0 || lines[i - 1].Length == 0)) starts.Add(i);
        for (var k = 1; k + 1 < starts.Count; k++)
        {
            var at = starts[k];
            var length = BlockLength(lines, at);
            if (length > MaxCrossheadLines) continue;
            var heads = true;
            for (var j = at; j < at + length && heads; j++)
            {
                var l = lines[j];
                heads = !furniture[j] && r.Headline.IsHeadingLine(l) && !HeadlineRecogniser.IsSubtitle(l) && r.Byline.Match(l) is null;
            }
            if (!heads) continue;
            var line = lines[at];
            int prev = starts[k - 1], next = starts[k + 1];
            int prevLength = BlockLength(lines, prev), nextLength = BlockLength(lines, next);
            if (prevLength < MinTextBlock || nextLength < MinTextBlock) continue;
            var above = lines[prev + prevLength - 1];
            var below = lines[next];
            if (furniture[prev + prevLength - 1] || furniture[next] || !Chars.EndsSentence(above) || Chars.EndsSentence(below)) continue;
            if (Math.Abs(full[prev] - full[next]) > 1 || Widest(lines, at, length) > full[next]) continue;
            if (Em(below) + 0.1 * CountNarrow(below) > full[next] - IndentShortfall) continue;
            if (r.Dateline.Match(below, issueDate) is not null || r.Dateline.Match(below + lines[next + 1], issueDate) is not null) continue;
            if (length > 1 && !SharesWord(lines, at, length, prev, prevLength)) continue;
            marks[at] = true;
        }
        return marks;
    }

    /// <summary>
    /// The most lines a crosshead block has (2019-10 pdf, 1 → 2 → 3: stories segmented exactly 10.8 → 10.8 → 10.9 %,
    /// titles exact 12.6 → 13.1 → 13.2 %, with the shared-pair check).
    /// </summary>
    private const int MaxCrossheadLines = 3;

    /// <summary>A pair of Han characters of the block is in the text block above it (a crosshead speaks of its story).</summary>
    private static bool SharesWord(string[] lines, int at, int length, int above, int aboveLength)
    {
        var text = string.Concat(lines.AsSpan(above, aboveLength).ToArray());
        for (var j = at; j < at + length; j++)
        {
            var l = lines[j];
            for (var c = 1; c < l.Length; c++)
                if (Chars.IsHan(l[c - 1]) && Chars.IsHan(l[c]) && text.Contains(l.AsSpan(c - 1, 2), StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static double Widest(string[] lines, int at, int length)
    {
        var widest = 0.0;
        for (var j = at; j < at + length; j++) widest = Math.Max(widest, Em(lines[j]));
        return widest;
    }

    /// <summary>Lines of running text a block needs for its column width to tell.</summary>
    private const int MinTextBlock = 3;

    /// <summary>A paragraph's first line is indented two em: this much short of its column, it opens one.</summary>
    private const double IndentShortfall = 1.5;

    /// <summary>
    /// A run that opened with a bracket closes where the bracket does: a credit wrapped over lines
    /// (`（本报记者张晓东、殷新` / `宇、万宇…王如君）`) ends its story, it does not run into the next one's text.
    /// </summary>
    private static bool ClosesBracketedRun(StringBuilder run, string line) =>
        run.Length > 0 && run[0] is '（' or '(' && line[^1] is '）' or ')' && run.ToString().IndexOfAny(['）', ')']) == run.Length - 1;

    /// <summary>A sentence end closes a run; so does a short line ending a bracket (a closing credit, `（本报记者…）`).</summary>
    private static bool EndsRun(string line, double full) =>
        Chars.EndsSentence(line) || Chars.IsClosingBracket(line[^1]) && Em(line) < full - 1.5;

    /// <summary>
    /// A heading line: in a block that is a deck of its own, wider than its column (a headline across columns), or
    /// short for it where a paragraph could start; holding no sentence, not a dateline cut at the column edge.
    /// </summary>
    private static bool IsHeading(string[] lines, int i, double full, bool open, bool blockHeads, bool contentOrder, RecogniserSet r, DateOnly? issueDate)
    {
        var line = lines[i];
        if (!r.Headline.IsHeadingLine(line) || OpensBracket(line)) return false;
        var next = NextText(lines, i, out var nextInBlock);
        // `新华社北京9月30日` / `电 （记者…）…`: a dateline cut at the column edge.
        if (next is not null && nextInBlock && r.Dateline.Match(next, issueDate) is null && r.Dateline.Match(line + next, issueDate) is not null) return false;
        if (blockHeads) return true;
        // A line over a `——` subtitle where a paragraph could start is its title, however wide
        // (`中国特色世界眼光人类情怀（钟声）` / `——瞩目新时代的中国与世界②`).
        var overSubtitle = next is not null && nextInBlock && HeadlineRecogniser.IsSubtitle(next) && r.Headline.IsHeadingLine(next);
        if (!open && overSubtitle && !Chars.EndsSentence(line)) return true;
        // A line right over a story's opening dateline, where a paragraph could start, is its headline, however wide.
        if (!open && next is not null && nextInBlock && !Chars.EndsSentence(line) && OpensDateline(lines, i, next, r, issueDate)) return true;
        var em = Em(line);
        if (em > full + 1) return true;
        // A run still open: only a deck of its own or a headline across columns interrupts it.
        if (open) return false;
        // A title over a `——` subtitle may hold a comma (`旗帜引领航，号角催征新时代` / `——习近平主席检阅…侧记`).
        var commas = line.AsSpan().IndexOfAny('，', ',') >= 0 && !HeadlineRecogniser.IsSubtitle(line)
                     && !overSubtitle;
        // A paragraph's indented first line can come out short too (`习近平介绍了中国共产党全面从严治` / `党、加强…`, the
        // last character pushed down with the `、` after it), but a full line under it goes on with it: a heading
        // line (a crosshead, a title) is followed by a paragraph's indented first line, not by a full one.
        if (next is not null && nextInBlock && !Chars.EndsSentence(next) && Em(next) >= full - 1 && em >= full - ParagraphIndentMax) return false;
        // On a page with no blank line: a line short of its column where a run could start, over a line short of it
        // too that goes on (`共同推进网络空间全球治理（钟声）` / `10月21日至22日，主题为`): a paragraph's indented first line
        // has a full line under it or ends its paragraph, so this is a headline over its body's first line (or its own
        // next line), not body text.
        if (contentOrder && next is not null && !commas && !Chars.EndsSentence(next)
            && em + 0.1 * CountNarrow(line) <= full - 1 && Em(next) + 0.1 * CountNarrow(next) <= full - IndentShortfall) return true;
        // Digits and Latin letters are set wider than half an em: counted at 0.6, a paragraph's indented first
        // line with a year in it (`复旦大学新闻学院2018级硕士生`) is not taken for short.
        return !commas && em + 0.1 * CountNarrow(line) <= full - HeadingShortfall;
    }

    /// <summary>Most heading lines between a run's start and the dateline under them (a deck of kicker, title and subtitle, wrapped).</summary>
    private const int MaxDeckLinesOverDateline = 6;

    /// <summary>
    /// On a page with no blank line: the line opens a run of heading lines (none ending a sentence) that a story's
    /// opening dateline follows (`肖捷同信访工作专题` / `研讨班学员座谈强调` / … / `本 报 北 京 10 月 25` / `日电 （记者倪弋）`).
    /// A dateline opens a story, so no sentence runs into it: the lines over it are its deck, however wide.
    /// </summary>
    private static bool OverDateline(string[] lines, int i, RecogniserSet r, DateOnly? issueDate)
    {
        var j = i;
        for (var k = 0; k < MaxDeckLinesOverDateline && j < lines.Length; k++)
        {
            var line = lines[j];
            if (line.Length == 0 || !r.Headline.IsHeadingLine(line) || Chars.EndsSentence(line) || OpensBracket(line)
                || r.Dateline.Match(line, issueDate) is not null || r.Byline.Match(line) is not null) return false;
            if (j + 1 >= lines.Length || lines[j + 1].Length == 0) return false;
            if (OpensDateline(lines, j, lines[j + 1], r, issueDate))
                // The line itself is no dateline cut at the column edge (`新华社北京9月30日` / `电 （记者…）`).
                return r.Dateline.Match(line + lines[j + 1], issueDate) is null;
            j++;
        }
        return false;
    }

    /// <summary>
    /// On a page with no blank line: a kicker's lead-in (`中国科学院新疆分院原副院长彭加木——`, `外交部驻港公署负责人：`, one
    /// short phrase) at the start of a run, over a heading line, ends its field: a lead-in does not run on into its title.
    /// </summary>
    private static bool IsKickerOverTitle(string[] lines, int i, RecogniserSet r, DateOnly? issueDate)
    {
        var line = lines[i];
        if (i + 1 >= lines.Length || lines[i + 1].Length == 0) return false;
        var dash = line.EndsWith("——", StringComparison.Ordinal) && line.Length > 2 && r.Headline.IsHeadingLine(line);
        var colon = line.Length is >= 3 and <= 24 && line[^1] is '：' or ':' && line.AsSpan(0, line.Length - 1).IndexOfAny("，。；！？：,;:") < 0;
        if (!dash && !colon) return false;
        var next = lines[i + 1];
        return r.Headline.IsHeadingLine(next) && !HeadlineRecogniser.IsSubtitle(next) && r.Dateline.Match(next, issueDate) is null
               && r.Byline.Match(line) is null && r.Dateline.Match(line, issueDate) is null;
    }

    /// <summary>A line opening with a bracket it does not close (`（本报记者张晓东、殷新`): it goes on in the next one.</summary>
    private static bool OpensBracket(string line) => line[0] is '（' or '(' && line.IndexOfAny(['）', ')']) < 0;

    /// <summary>The next text line opens a dateline (`本 报 北 京 9 月 30 日` / `电 （记者张烁）…` cut at the column edge too).</summary>
    private static bool OpensDateline(string[] lines, int i, string next, RecogniserSet r, DateOnly? issueDate)
    {
        if (r.Dateline.Match(next, issueDate) is not null) return true;
        var j = i + 2;
        while (j < lines.Length && lines[j].Length == 0) j++;
        return j < lines.Length && lines[j - 1].Length > 0 && r.Dateline.Match(next + lines[j], issueDate) is not null;
    }

    /// <summary>
    /// Where the page's closing run of heading lines starts (decks printed after every body, as `-raw` gives them):
    /// after the last line that ends a sentence or a credit, when every text line from there is a heading line.
    /// </summary>
    private const int MinTrailingDecks = 3;

    private static int TrailingDecks(string[] lines, bool[] furniture, RecogniserSet r)
    {
        int from = lines.Length, count = 0;
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var l = lines[i];
            if (l.Length == 0 || furniture[i]) continue;
            if (!r.Headline.IsHeadingLine(l) || r.Byline.Match(l) is not null) break;
            from = i;
            count++;
        }
        return count >= MinTrailingDecks ? from : lines.Length;
    }

    /// <summary>The end of a wrapped title: three characters at most, or a bracket closed that it never opened (`论）`).</summary>
    private static bool IsTitleTail(string line)
    {
        if (Chars.CountHan(line) <= 3 && line.Length <= 4) return true;
        var close = line.AsSpan().IndexOfAny('）', ')');
        var open = line.AsSpan().IndexOfAny('（', '(');
        return close >= 0 && (open < 0 || open > close);
    }

    private static string? NextText(string[] lines, int i, out bool inBlock)
    {
        inBlock = true;
        for (var j = i + 1; j < lines.Length; j++)
        {
            if (lines[j].Length == 0) { inBlock = false; continue; }
            return lines[j];
        }
        return null;
    }

    private static int BlockLength(string[] lines, int i)
    {
        var n = 0;
        while (i + n < lines.Length && lines[i + n].Length > 0) n++;
        return n;
    }

    /// <summary>A block (lines between blank lines) of one to four lines, every one a heading line.</summary>
    private static bool BlockIsHeadings(string[] lines, int i, RecogniserSet r)
    {
        var n = BlockLength(lines, i);
        if (n > 4) return false;
        for (var k = i; k < i + n; k++) if (!r.Headline.IsHeadingLine(lines[k])) return false;
        return true;
    }

    /// <summary>
    /// Wrapped at a column width: most lines of text do not end a sentence, nearly half are one width (within an em
    /// and a half), and hardly any is long (an archive page of verse has open lines too, but of every length, and
    /// its prose paragraphs run far past any column). A page that sets a blank line after a third or more of its
    /// sentence ends marks its paragraphs itself and is left as it is.
    /// </summary>
    private static bool IsWrapped(string[] lines)
    {
        int text = 0, open = 0, wide = 0, ends = 0, marked = 0;
        Span<int> byWidth = stackalloc int[(int)MaxColumnEm + 2];
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.Length >= 2 && Chars.EndsSentence(l))
            {
                ends++;
                if (i + 1 < lines.Length && lines[i + 1].Length == 0) marked++;
            }
            if (l.Length < 6) continue;
            text++;
            var em = Em(l);
            if (em > MaxColumnEm) wide++;
            if (!Chars.EndsSentence(l)) { open++; if (em <= MaxColumnEm) byWidth[(int)em]++; }
        }
        if (text < MinWrappedLines || open * 2 < text || wide * 8 >= text || marked * 3 > ends) return false;
        // The commonest width of open lines (an em either side), then how many lines of text are that wide.
        int column = 0, most = -1;
        for (var w = 1; w <= (int)MaxColumnEm; w++)
        {
            var n = byWidth[w - 1] + byWidth[w] + byWidth[w + 1];
            if (n > most) { most = n; column = w; }
        }
        var atColumn = 0;
        foreach (var l in lines) if (l.Length >= 6 && Math.Abs(Em(l) - column) <= 1.5) atColumn++;
        return atColumn * 20 >= text * 9;
    }

    /// <summary>
    /// For each line, the width (em) of a full line of its column: of the lines in its block (between blank lines)
    /// that do not end a sentence, the 75th percentile; a block too short to tell takes the last body block's.
    /// </summary>
    private static double[] FullWidths(string[] lines, bool[] furniture)
    {
        var full = new double[lines.Length];
        var last = 0.0;
        var widths = new List<double>();
        for (var i = 0; i < lines.Length;)
        {
            if (lines[i].Length == 0) { i++; continue; }
            var end = i;
            widths.Clear();
            while (end < lines.Length && lines[end].Length > 0)
            {
                if (!furniture[end] && !Chars.EndsSentence(lines[end])) widths.Add(Em(lines[end]));
                end++;
            }
            if (widths.Count >= 3)
            {
                widths.Sort();
                last = widths[(int)(widths.Count * 0.75)];
            }
            for (var k = i; k < end; k++) full[k] = last > 0 ? last : double.MaxValue;
            i = end;
        }
        return full;
    }

    private static int CountNarrow(string s)
    {
        var n = 0;
        foreach (var c in s) if (!Chars.IsWide(c)) n++;
        return n;
    }

    /// <summary>Width in em: a wide (Han, full-width) character is one, a narrow one half.</summary>
    internal static double Em(string s) => Chars.Width(s) / 2.0;

    /// <summary>
    /// `新 华 社 北 京 9 月 30 日` → `新华社北京9月30日`: a justified line pdftotext spelled out with a space between
    /// every character. Runs of four or more one-character pieces (or short digit runs) lose the spaces between them;
    /// a space between two Latin words stays.
    /// </summary>
    public static string UndoLetterSpacing(string line)
    {
        if (line.Length < 7 || line.IndexOf(' ') < 0) return line;
        var parts = line.Split(' ');
        var pieces = 0;
        foreach (var p in parts) if (IsPiece(p)) pieces++;
        if (pieces < 4) return line;
        var run = RunLengths(parts.Length, k => IsPiece(parts[k]));
        var sb = new StringBuilder(line.Length);
        for (var k = 0; k < parts.Length; k++)
        {
            var p = parts[k];
            if (k > 0)
            {
                // Join when this piece and its neighbour sit in a run of letter-spaced pieces.
                var prev = parts[k - 1];
                var spaced = run[k] >= 4 && run[k - 1] == run[k];
                var latin = prev.Length > 0 && p.Length > 0 && Chars.IsLatinWordChar(prev[^1]) && Chars.IsLatinWordChar(p[0]);
                if (!spaced || latin) sb.Append(' ');
            }
            sb.Append(p);
        }
        return sb.ToString();
    }

    /// <summary>One letter-spaced piece: a single wide character (or two, `”“`), or a short run of digits or Latin letters.</summary>
    private static bool IsPiece(string p)
    {
        if (p.Length == 0) return false;
        if (p.Length <= 2 && Chars.IsWide(p[0]) && Chars.IsWide(p[^1])) return true;
        if (p.Length > 6) return false;
        foreach (var c in p) if (!Chars.IsLatinWordChar(c) && c is not '.' and not '%') return false;
        return true;
    }

    /// <summary>
    /// For each piece, the length of the run of letter-spaced pieces it sits in (0 when it is no piece). One pass, each
    /// piece tested once: a line of a hundred thousand pieces costs a hundred thousand steps, not their square.
    /// </summary>
    internal static int[] RunLengths(int count, Func<int, bool> isPiece)
    {
        var run = new int[count];
        var start = 0;
        for (var k = 0; k <= count; k++)
        {
            if (k < count && isPiece(k)) continue;
            for (var j = start; j < k; j++) run[j] = k - start;
            start = k + 1;
        }
        return run;
    }
}
