using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class FurnitureRecogniserTests
{
    private readonly FurnitureRecogniser r = new();

    [Fact]
    public void Running_head_gives_page_number_and_date()
    {
        var m = r.Match("2 时政 2023年11月23日 星期四 责任编辑:耿 睿 组版:颜 芳 校对:朱 葆");
        Assert.NotNull(m);
        Assert.Equal(FurnitureKind.RunningHead, m.Kind);
        Assert.Equal(2, m.PageNumber);
        Assert.Equal(new DateOnly(2023, 11, 23), m.Date);
    }

    [Theory]
    [InlineData("A03版 经济 2022年8月8日 星期一", 3)]
    [InlineData("2022年8月8日 星期一 第5版", 5)]
    public void Page_numbers_come_from_several_head_styles(string line, int page) => Assert.Equal(page, r.Match(line)?.PageNumber);

    [Theory]
    [InlineData("CN 37-0106 第12345期 今日8版", FurnitureKind.Masthead)]
    [InlineData("农历壬寅年七月十一", FurnitureKind.Masthead)]
    [InlineData("国内统一连续出版物号 CN37-0106 邮发代号 23-46", FurnitureKind.Masthead)]
    [InlineData("本版责编：王芳 版式设计：李强", FurnitureKind.Staff)]
    [InlineData("版式设计：李强", FurnitureKind.Staff)]
    [InlineData("电话：0537-2343333", FurnitureKind.Staff)]
    [InlineData("A01版:重点 A02版:要闻 E04版:今日商河", FurnitureKind.EditionList)]
    [InlineData("2022年8月8日 星期一", FurnitureKind.DateLine)]
    public void Masthead_staff_and_edition_lines_are_furniture(string line, FurnitureKind kind) => Assert.Equal(kind, r.Match(line)?.Kind);

    [Fact]
    public void The_nameplate_names_the_paper() => Assert.Equal("济宁日报", r.Match("济宁日报")?.Paper);

    [Theory]
    [InlineData("1984 年 9 月 22 日，")]
    [InlineData("2021年7月，兖州区在全省率先成立快递行业")]
    [InlineData("编辑整理")]
    [InlineData("孔子文化节·记忆")]
    [InlineData("周分析、月研判，用技术手段定位异常机构。")]
    public void Body_text_is_not_furniture(string line) => Assert.Null(r.Match(line));

    // Column-width lines of wrapped PDF text (corpus dumps 2019-10-05-p03-04, 2019-10-14-p02-03, 2019-10-09-p15-17): a date that runs
    // into the sentence's words is the story's, not the page's date line; a date standing alone still is.
    [Theory]
    [InlineData("1949年10月1日新中")]
    [InlineData("忆及2018年6月21日签署的两国关于铁")]
    [InlineData("军运会定于2019年10月18日晚举")]
    public void A_date_inside_a_wrapped_sentence_is_not_furniture(string line) => Assert.Null(r.Match(line));

    // Page labels alone, as pdftotext sets a running head's pieces mid-page (corpus dumps 2019-10-01-p06-10, 2019-10-07-p01-08).
    [Theory]
    [InlineData("第6版", 6)]
    [InlineData("第07版：政治", 7)]
    public void A_page_label_alone_is_a_running_head(string line, int page)
    {
        var m = r.Match(line);
        Assert.Equal(FurnitureKind.RunningHead, m?.Kind);
        Assert.Equal(page, m?.PageNumber);
    }

    [Theory]
    [InlineData("2019年10月1日")]
    [InlineData("2019年10月1日 人民日报")]
    public void A_date_standing_alone_is_the_pages_date_line(string line) => Assert.Equal(FurnitureKind.DateLine, r.Match(line)?.Kind);
}
