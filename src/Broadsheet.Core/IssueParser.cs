using Broadsheet.Core.Decoding;
using Broadsheet.Core.Model;

namespace Broadsheet.Core;

/// <summary>The parser's front door: an issue dump in, the contract's articles out.</summary>
public static class IssueParser
{
    /// <summary>Decodes (BOMs, UTF-16, GB18030) and parses. Throws <see cref="IssueFormatException"/> for input that is not text.</summary>
    public static ParsedIssue Parse(ReadOnlySpan<byte> bytes, IssueContext context) => Parse(IssueDecoder.Decode(bytes), context);

    /// <summary>PLACEHOLDER until the parser work lands: one article per blank-line block.</summary>
    public static ParsedIssue Parse(string text, IssueContext context)
    {
        var issue = new ParsedIssue { Issue = { Paper = context.Paper, Date = context.Date?.ToString("yyyy-MM-dd") } };
        var blocks = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var n = 0;
        foreach (var block in blocks)
        {
            n++;
            issue.Articles.Add(new Article { Id = $"p1-{n:00}", Page = 1, Pages = [1], Paragraphs = [block.Replace("\n", "")] });
        }
        if (issue.Articles.Count > 0) issue.Issue.Pages.Add(new PageInfo { Number = 1 });
        return issue;
    }
}
