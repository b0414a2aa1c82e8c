using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class DateExtractorTests
{
    private static List<DateMention> Dates(string body, string? datelineDate = null) =>
        DateExtractor.Extract(Build.Text(body, dateline: datelineDate is null ? null : new Dateline("", null, datelineDate)));

    [Fact]
    public void Absolute_dates_and_periods()
    {
        var dates = Dates("1984年9月22日举行开幕式；2021年7月成立党委；2019年组建集团。");
        Assert.Contains(new DateMention("1984年9月22日", "1984-09-22"), dates);
        Assert.Contains(new DateMention("2021年7月", "2021-07-01", "2021-07-31"), dates);
        Assert.Contains(new DateMention("2019年", "2019-01-01", "2019-12-31"), dates);
    }

    [Fact]
    public void Month_and_day_take_the_issue_year()
    {
        Assert.Contains(new DateMention("8月5日", "2022-08-05"), Dates("8月5日，记者在景区看到。"));
    }

    [Fact]
    public void Relative_dates_resolve_against_the_issue_date()
    {
        var dates = Dates("今年上半年营收增长；去年同期下降；截至6月底完成；1至6月份实现利润；今年以来新增授信；昨天召开会议。");
        Assert.Contains(new DateMention("今年上半年", "2022-01-01", "2022-06-30"), dates);
        Assert.Contains(new DateMention("截至6月底", "2022-06-30"), dates);
        Assert.Contains(new DateMention("1至6月份", "2022-01-01", "2022-06-30"), dates);
        Assert.Contains(new DateMention("今年以来", "2022-01-01", "2022-08-08"), dates);
        Assert.Contains(new DateMention("昨天", "2022-08-07"), dates);
    }

    [Fact]
    public void Today_in_a_story_datelined_the_day_before_is_the_dateline_day()
    {
        Assert.Contains(new DateMention("今天", "2022-08-07"), Dates("今天，高峰论坛在嘉祥举行。", "2022-08-07"));
    }

    [Fact]
    public void Impossible_dates_are_kept_as_text_without_a_date()
    {
        var d = Assert.Single(Dates("2月30日发布。"));
        Assert.Null(d.Date);
    }
}
