using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Where a Chinese name (surname + given characters) begins and ends when the cut does not say so plainly: names glued
/// to a title or to the word after them, and given characters jieba tags as function words. Method: docs/enrichment.md.
/// </summary>
internal sealed partial class PersonExtractor
{
    /// <summary>
    /// How many of the <paramref name="given"/> characters from <paramref name="from"/> belong to a name whose surname the
    /// cut glued to a title (财政部 长安 雷 出席): the name ends where the cut ends a word (安雷, not 安雷出), the longest such
    /// reading first; if none does (屈耀 武…), all of them.
    /// </summary>
    private static int GluedGivenLength(ArticleText at, int from, int given)
    {
        for (var g = given; g >= 1; g--)
            if (EndsWord(at, from + g)) return g;
        return given;
    }

    /// <summary>Whether the cut ends a word at <paramref name="offset"/>.</summary>
    private static bool EndsWord(ArticleText at, int offset)
    {
        if (offset >= at.Text.Length) return true;
        var k = at.TokenAt(offset);
        return k >= at.Tokens.Count || at.Tokens[k].Start >= offset;
    }

    /// <summary>
    /// A title that is only the front of a longer dictionary word (居民 of 居民楼 中 起步): the word goes on past it, so no
    /// name follows.
    /// </summary>
    private static bool OpensLongerWord(ArticleText at, int start, int end)
    {
        var k = at.TokenAt(start);
        return k < at.Tokens.Count && at.Tokens[k].Start == start && at.Tokens[k].End > end
            && at.TryGetWord(k, out var w) && w.Freq >= 10 && !w.Tag.StartsWith("nr", StringComparison.Ordinal);
    }
}
