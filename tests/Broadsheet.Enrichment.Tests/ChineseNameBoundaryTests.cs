namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// Where a Chinese name begins and ends when the cut does not say so plainly (issue #15, people-bounds). Sentences are
/// written for the tests; names are common ones or public figures.
/// </summary>
public class ChineseNameBoundaryTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static List<(string Name, string? Title)> People(string body) =>
        Enricher.Enrich(Build.Article(body), Build.Issue).People.Select(p => (p.Name, p.Title)).ToList();

    private static List<string> Names(string body) => People(body).Select(p => p.Name).ToList();

    [Fact]
    public void A_name_whose_surname_the_cut_glued_to_a_title_ends_where_the_cut_ends_a_word()
    {
        // The cut reads 财政部 长安 雷 出席: the name is 安雷, not 安雷出 (出 opens 出席).
        Assert.Equal([("安雷", "财政部长")], People("财政部长安雷出席了会议。"));
        // Where no word ends inside the given characters, they all stay (公安局长 屈 耀 武).
        Assert.Equal(["屈耀武"], Names("公安局长屈耀武说，案件已经告破。"));
    }

    [Fact]
    public void A_title_that_opens_a_longer_word_has_no_name_after_it()
    {
        // 居民楼 is a building: 居民 is no title there, so 楼中 is no name.
        Assert.Empty(People("该小区从一栋居民楼中起步，如今已成为示范小区。"));
    }
}
