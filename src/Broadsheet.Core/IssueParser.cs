using Broadsheet.Core.Assembly;
using Broadsheet.Core.Decoding;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core;

/// <summary>The parser's front door: an issue dump in, the contract's articles out.</summary>
public static class IssueParser
{
    /// <summary>Decodes (BOMs, UTF-16, GB18030) and parses. Throws <see cref="IssueFormatException"/> for input that is not text.</summary>
    public static ParsedIssue Parse(ReadOnlySpan<byte> bytes, IssueContext context) => Parse(IssueDecoder.Decode(bytes), context);

    /// <summary>Parses decoded text: pages split at form feeds, lines recognised, stories assembled, jumps followed.</summary>
    public static ParsedIssue Parse(string text, IssueContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        var r = RecogniserSet.Default;
        text = IssueDecoder.NormaliseLineEnds(text);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        // Pages are cut out one at a time, so a big issue's lines die young instead of living through the whole parse.
        var pages = PageRanges(text);
        var issueDate = context.Date ?? FindPrintedDate(text, pages, r);
        var processor = new LineProcessor(r);
        var assembler = new PageAssembler(r);

        var issue = new ParsedIssue { Issue = { Paper = context.Paper, Date = issueDate?.ToString("yyyy-MM-dd") } };
        var stories = new List<Story>();
        var ordinal = 0;
        foreach (var (start, end) in pages)
        {
            var lines = processor.Process(Reflow.Page(Lines(text, start, end), r, issueDate), issueDate);
            if (lines.Count == 0) continue;
            ordinal++;
            var assembled = assembler.Assemble(ordinal, lines);
            issue.Issue.Pages.Add(assembled.Info);
            // The nameplate, else a running head that names the paper (contract §1: paper from the text when not given).
            issue.Issue.Paper ??= assembled.Paper ?? PaperName.In(assembled.Info.Furniture);
            stories.AddRange(assembled.Stories);
            issue.Unassigned.AddRange(assembled.Unassigned);
        }

        issue.FollowedJumpMarkers = JumpLinker.Link(stories, s => assembler.Deck(s).Text);

        var perPage = new Dictionary<int, int>();
        foreach (var s in stories)
        {
            perPage[s.Page] = perPage.GetValueOrDefault(s.Page) + 1;
            issue.Articles.Add(ToArticle(s, $"p{s.Page}-{perPage[s.Page]:00}", assembler));
            issue.Unassigned.AddRange(s.Leftovers);
        }
        return issue;
    }

    /// <summary>Where each page (text between form feeds) starts and ends.</summary>
    private static List<(int Start, int End)> PageRanges(string text)
    {
        var list = new List<(int, int)>();
        var start = 0;
        while (true)
        {
            var ff = text.IndexOf('\f', start);
            if (ff < 0) { list.Add((start, text.Length)); return list; }
            list.Add((start, ff));
            start = ff + 1;
        }
    }

    private static List<string> Lines(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var lines = new List<string>(span.Count('\n') + 1);
        while (true)
        {
            var nl = span.IndexOf('\n');
            if (nl < 0) { lines.Add(span.ToString()); return lines; }
            lines.Add(span[..nl].ToString());
            span = span[(nl + 1)..];
        }
    }

    /// <summary>The issue date a running head or masthead prints: looked for near the top and bottom of each page.</summary>
    private static DateOnly? FindPrintedDate(string text, List<(int Start, int End)> pages, RecogniserSet r)
    {
        foreach (var (start, end) in pages)
        {
            var span = text.AsSpan(start, end - start);
            var count = span.Count('\n') + 1;
            var i = 0;
            while (true)
            {
                var nl = span.IndexOf('\n');
                var line = nl < 0 ? span : span[..nl];
                if ((i < 12 || i >= count - 6) && line.Length is > 0 and <= 160 && line.Contains('年')
                    && r.Furniture.Match(line.ToString()) is { Date: { } d }) return d;
                if (nl < 0) break;
                span = span[(nl + 1)..];
                i++;
            }
        }
        return null;
    }

    private static Article ToArticle(Story s, string id, PageAssembler assembler)
    {
        var deck = assembler.Deck(s);
        var bylines = new List<BylineMatch>(s.Bylines);
        if (s.Dateline?.Credit is { } credit) bylines.Insert(0, credit);
        var people = new List<Byline>();
        foreach (var b in bylines)
            foreach (var p in b.People)
                if (!people.Any(x => x.Name == p.Name)) people.Add(p);
        return new Article
        {
            Id = id,
            Page = s.Page,
            Pages = [.. s.Pages],
            Kind = s.Kind,
            Label = s.Label,
            Kicker = deck.Kicker,
            Title = deck.Title,
            Subtitle = deck.Subtitle,
            Column = s.Columns.Count == 0 ? null : string.Join(" / ", s.Columns),
            Byline = people,
            BylineRaw = BylineRaw(s),
            Dateline = s.Dateline?.Dateline,
            ContinuesTo = s.ContinuesTo,
            ContinuedFrom = s.ContinuedFrom,
            Paragraphs = s.Paragraphs,
        };
    }

    /// <summary>Every credit as printed: the dateline's (`（通讯员 刘丁 李超）`, `据…消息`) and each byline line (编辑整理 included).</summary>
    private static string? BylineRaw(Story s)
    {
        var parts = new List<string>();
        if (s.Dateline?.CreditRaw is { } c) parts.Add(c);
        foreach (var b in s.Bylines) parts.Add(b.Raw);
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
