using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class DatelineRecogniserTests
{
    private static readonly DateOnly Issue = new(2022, 8, 8);
    private readonly DatelineRecogniser r = new(new BylineRecogniser());

    [Theory]
    [InlineData("本报嘉祥8月7日讯（通讯员 刘丁 李超）今天，中国（济", "本报嘉祥8月7日讯", "嘉祥", "2022-08-07", "今天，中国（济")]
    [InlineData("本报汶上讯（通讯员 郭宗星）为深入推进医保领域打击欺", "本报汶上讯", "汶上", null, "为深入推进医保领域打击欺")]
    [InlineData("本报讯 全市防汛工作会议召开。", "本报讯", null, null, "全市防汛工作会议召开。")]
    [InlineData("本报合肥7日电 记者从省统计局获悉", "本报合肥7日电", "合肥", "2022-08-07", "记者从省统计局获悉")]
    [InlineData("本报北京八月四日讯 昨天", "本报北京八月四日讯", "北京", "2022-08-04", "昨天")]
    [InlineData("本报邹城１２月３日讯 今年", "本报邹城１２月３日讯", "邹城", "2021-12-03", "今年")]
    [InlineData("新华社北京11月8日电(记者张益俊) 国家", "新华社北京11月8日电", "北京", "2021-11-08", "国家")]
    [InlineData("【新华社重庆十四日电】近日", "【新华社重庆十四日电】", "重庆", "2022-07-14", "近日")]
    [InlineData("河北日报讯（记者四建磊）日前", "河北日报讯", null, null, "日前")]
    [InlineData("本报讯(德州晚报全媒体记者 张明凯)近日", "本报讯", null, null, "近日")]
    [InlineData("【本报讯】(兰州日报社全媒体记者 华 静)近日", "【本报讯】", null, null, "近日")]
    [InlineData("本报讯 据长江日报消息:武汉", "本报讯", null, null, "武汉")]
    [InlineData("本报讯 记者翟启运报道:日前", "本报讯", null, null, "日前")]
    public void Datelines_give_raw_place_date_and_where_the_body_starts(string line, string raw, string? place, string? date, string body)
    {
        var m = r.Match(line, Issue);
        Assert.NotNull(m);
        Assert.Equal(raw, m.Dateline.Raw);
        Assert.Equal(place, m.Dateline.Place);
        Assert.Equal(date, m.Dateline.Date);
        Assert.Equal(body, line[m.Length..]);
    }

    [Theory]
    [InlineData("本报嘉祥8月7日讯（通讯员 刘丁 李超）", "通讯员:刘丁,通讯员:李超")]
    [InlineData("新华社北京11月8日电(记者张益俊)", "记者:张益俊")]
    [InlineData("本报讯(德州晚报全媒体记者 张明凯)", "全媒体记者:张明凯")]
    [InlineData("【本报讯】(兰州日报社全媒体记者 华 静)", "全媒体记者:华静")]
    [InlineData("本报讯 记者翟启运报道:", "记者:翟启运")]
    public void Credits_after_the_dateline_are_bylines(string line, string expected)
    {
        var m = r.Match(line, Issue);
        Assert.NotNull(m?.Credit);
        Assert.Equal(expected, string.Join(",", m.Credit.People.Select(p => $"{p.Role}:{p.Name}")));
    }

    [Fact]
    public void A_day_after_the_issue_day_belongs_to_the_previous_month() =>
        Assert.Equal("2022-07-30", r.Match("本报济南30日电 近日", Issue)!.Dateline.Date);

    [Fact]
    public void Without_an_issue_date_a_partial_date_stays_unknown() =>
        Assert.Null(r.Match("本报嘉祥8月7日讯 今天", null)!.Dateline.Date);

    [Theory]
    [InlineData("本报记者近日从市电业局获悉")]
    [InlineData("本报通讯员张三报道")]
    [InlineData("出台了充电桩建设方案")]
    [InlineData("今天，中国（济宁）先进碳材料产业")]
    [InlineData("新闻快讯")]
    public void Prose_is_not_a_dateline(string line) => Assert.Null(r.Match(line, Issue));

    [Theory]
    [InlineData("（本报加德满都10月14日电）", "本报加德满都10月14日电", "")]
    [InlineData("（新华社北京10月6日电  记者胡浩、施雨岑、王鹏）", "新华社北京10月6日电", "胡浩,施雨岑,王鹏")]
    [InlineData("（据新华社电  记者杨绍功）", "据新华社电", "杨绍功")]
    public void A_closing_wire_line_gives_dateline_and_credit(string line, string raw, string names)
    {
        var m = r.MatchClosing(line, Issue);
        Assert.NotNull(m);
        Assert.Equal(raw, m.Dateline.Raw);
        Assert.Equal(names, string.Join(",", m.Credit?.People.Select(p => p.Name) ?? []));
        Assert.Equal(line.Length, m.Length);
    }

    [Theory]
    [InlineData("（作者为日本众议院前议长）")]
    [InlineData("（本报记者  郁静娴）")]
    [InlineData("（新华社北京10月6日电）后来他又说")]
    public void Other_bracketed_lines_are_no_closing_wire_line(string line) => Assert.Null(r.MatchClosing(line, Issue));

    [Fact]
    public void A_wire_taken_over_whole_is_a_dateline_with_its_credit()
    {
        var m = r.Match("据新华社电  （记者李凡）国际奥委会近日宣布", Issue);
        Assert.NotNull(m);
        Assert.Equal("据新华社电", m.Dateline.Raw);
        Assert.Equal("李凡", Assert.Single(m.Credit!.People).Name);
        Assert.Equal("国际奥委会近日宣布", "据新华社电  （记者李凡）国际奥委会近日宣布"[m.Length..]);
    }

    [Theory]
    [InlineData("据电力部门统计，今年")]
    [InlineData("新华社电视台报道")]
    public void Without_a_date_电_is_a_word(string line) => Assert.Null(r.Match(line, Issue));
}
