using Broadsheet.Core.Model;
namespace Broadsheet.Core.Tests.Recognisers;

/// <summary>Without --paper, the paper comes from the text when its furniture names it (contract §1).</summary>
public class PaperNameTests
{
    private const string Story =
        "技能人才培养见成效\n本报讯（记者 谷常浩）今年以来，我市持续推进技能人才培养，取得明显成效。\n";

    private static string? PaperOf(string dump, string? given = null) =>
        IssueParser.Parse(dump, new IssueContext(given, null)).Issue.Paper;

    [Theory]
    [InlineData("济宁日报 2022年8月8日 星期一 第3版\n")]
    [InlineData("3 要闻·济宁日报 2022年8月8日 星期一 责任编辑:耿 睿 组版:颜 芳\n")]
    [InlineData("2022年8月8日 星期一 济宁日报 第3版\n")]
    public void A_running_head_that_names_the_paper_gives_it(string head)
    {
        Assert.Equal("济宁日报", PaperOf(head + Story));
    }

    [Fact]
    public void A_running_head_on_a_later_page_gives_it_too()
    {
        Assert.Equal("齐鲁晚报", PaperOf(Story + "\f2 齐鲁晚报 2023年1月5日 星期四 责任编辑:王芳\n" + Story));
    }

    [Fact]
    public void The_given_paper_wins_over_the_text()
    {
        Assert.Equal("jining-daily", PaperOf("济宁日报 2022年8月8日 星期一 第3版\n" + Story, "jining-daily"));
    }

    [Theory]
    [InlineData("3 要闻 2022年8月8日 星期一 责任编辑:耿 睿 组版:颜 芳\n")] // a running head without the paper
    [InlineData("人民日报海外版 2022年8月8日 星期一 第3版\n")]            // another edition's name
    [InlineData("")]
    public void Without_a_standalone_name_the_paper_stays_unknown(string head)
    {
        Assert.Null(PaperOf(head + Story));
    }

    [Fact]
    public void Body_text_that_names_a_paper_is_not_a_running_head()
    {
        Assert.Null(PaperOf("本报讯 济宁日报记者走进嘉祥县，记录当地技能人才培养的做法。\n"));
    }
}
