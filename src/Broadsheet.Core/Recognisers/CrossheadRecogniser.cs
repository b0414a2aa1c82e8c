using System.Text.RegularExpressions;

namespace Broadsheet.Core.Recognisers;

/// <summary>
/// Crossheads (分题) inside a body: short, no closing punctuation, between paragraphs, usually numbered or marked
/// (`一、聚焦…`, `（二）…`, `■ 做强…`). Kept as a paragraph of their own in the story.
/// </summary>
public sealed partial class CrossheadRecogniser
{
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[、．]|第[一二三四五六七八九十]{1,3}部分|[◆▲●★◇△])")]
    private static partial Regex Numbered();

    public bool IsCrosshead(string line, HeadlineRecogniser headlines) =>
        line.Length is > 0 and <= 30 && "一二三四五六七八九十（(0123456789第◆▲●★◇△".Contains(line[0])
        && Numbered().IsMatch(line) && headlines.IsHeadingLine(line);
}
