using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class HeadlineRecogniserTests
{
    private readonly HeadlineRecogniser r = new();

    [Theory]
    [InlineData("推动技能人才“四化”培养")]
    [InlineData("——访市委组织部副部长，市人力资源社会保障局党组书记、局长刘东利")]
    [InlineData("中国（济宁）先进碳材料产业")]
    [InlineData("多维聚焦 精准发力")]
    [InlineData("汶上打出基金监管“组合拳”")]
    public void Headline_lines_are_recognised(string line) => Assert.True(r.IsHeadingLine(line));

    [Theory]
    [InlineData("得了良好成效。")]
    [InlineData("性矛盾再次显现。”近日，市委组织部副部")]
    [InlineData("刘东利在接受记者采访时说，为此，市人社")]
    [InlineData("局长屈耀武在接受记者采访时说。")]
    [InlineData("培养方式，更加精准培训技能人才。同时，")]
    public void Body_lines_are_not_headlines(string line) => Assert.False(r.IsHeadingLine(line));

    [Fact]
    public void A_dash_line_is_the_subtitle()
    {
        var d = r.Split(["推动技能人才“四化”培养", "为“制造强市”建设提供技能人才支撑", "——访市委组织部副部长，市人力资源社会保障局党组书记、局长刘东利"]);
        Assert.Equal("——访市委组织部副部长，市人力资源社会保障局党组书记、局长刘东利", d.Subtitle);
        Assert.Equal("推动技能人才“四化”培养为“制造强市”建设提供技能人才支撑", d.Title!.Replace(" ", ""));
        Assert.Null(d.Kicker);
    }

    [Fact]
    public void A_title_wrapped_over_two_lines_is_one_title()
    {
        var d = r.Split(["中国（济宁）先进碳材料产业", "发展高峰论坛在嘉祥举行"]);
        Assert.Equal("中国（济宁）先进碳材料产业发展高峰论坛在嘉祥举行", d.Title);
        Assert.Null(d.Subtitle);
    }

    [Fact]
    public void Two_phrases_are_title_and_news_subtitle()
    {
        var d = r.Split(["汶上打出基金监管“组合拳”", "持续规范医保服务行为"]);
        Assert.Equal("汶上打出基金监管“组合拳”", d.Title);
        Assert.Equal("持续规范医保服务行为", d.Subtitle);
    }

    [Theory]
    // 人民日报 2019-10 (archive export: each heading field on its own line).
    [InlineData("杭州高地社区构建居民协商体系", "板凳评议团有事大家谈", "杭州高地社区构建居民协商体系", "板凳评议团有事大家谈", null)]
    [InlineData("中国政府友谊奖颁奖仪式在北京举行", "刘鹤出席并讲话", null, "中国政府友谊奖颁奖仪式在北京举行", "刘鹤出席并讲话")]
    [InlineData("中共中央关于追授黄文秀同志“全国优秀共产党员”称号的决定", "（2019年10月10日）", null, "中共中央关于追授黄文秀同志“全国优秀共产党员”称号的决定", "（2019年10月10日）")]
    [InlineData("北京冬奥会测试赛筹办有序推进（走向冬奥）", "相约北京系列冬季体育赛事共安排20场", null, "北京冬奥会测试赛筹办有序推进（走向冬奥）", "相约北京系列冬季体育赛事共安排20场")]
    public void With_a_line_each_two_plain_lines_are_kicker_and_title_unless_the_second_reads_as_a_news_subtitle(
        string first, string second, string? kicker, string title, string? subtitle)
    {
        var d = r.Split([first, second], lineEach: true);
        Assert.Equal((kicker, title, subtitle), (d.Kicker, d.Title, d.Subtitle));
    }

    [Theory]
    // 人民日报 2019-10 gold decks of news reports (a wire dateline) that the rule before read as kicker + title, and
    // decks of the same shape the paper sets as kicker + title.
    [InlineData("大兴机场总体运行良好", "进出港旅客达18.7万人次", true, true)]
    [InlineData("2019年中国北京世界园艺博览会圆满闭幕", "李克强出席闭幕式", true, true)]
    [InlineData("习近平主席将出席第二届中国国际进口博览会", "商务部举行中外媒体吹风会介绍相关情况", true, true)]
    [InlineData("保障农民工工资支付工作考核结果公布", "10个省级政府被评为A级", true, true)]
    [InlineData("浙江淳安与贵州剑河协作扶贫", "订单式培训拓宽就业路", false, false)]
    [InlineData("胡春华强调", "坚决如期攻克深度贫困堡垒", true, false)]
    [InlineData("各地群众衷心祝福祖国明天更美好", "担当新使命 奋斗新征程", false, false)]
    public void Two_plain_lines_split_by_their_words_and_whether_the_story_is_a_news_report(string first, string second, bool news, bool titleAndSubtitle)
    {
        var d = r.Split([first, second], lineEach: true, news: news);
        Assert.Equal(titleAndSubtitle ? (null, first, second) : (first, second, null), (d.Kicker, d.Title, d.Subtitle));
    }

    [Fact]
    public void A_long_series_tag_does_not_stop_a_title_being_a_heading_line() =>
        Assert.True(r.IsHeadingLine("为了村民的美好梦想（守初心 担使命 找差距 抓落实·深入开展“不忘初心、牢记使命”主题教育·身边的初心故事）"));

    [Fact]
    public void Three_plain_lines_are_kicker_title_subtitle()
    {
        var d = r.Split(["稳经济 促发展", "我市上半年经济运行稳中向好", "全年目标任务有望完成"]);
        Assert.Equal(("稳经济 促发展", "我市上半年经济运行稳中向好", "全年目标任务有望完成"), (d.Kicker, d.Title, d.Subtitle));
        Assert.Equal("稳经济 促发展我市上半年经济运行稳中向好全年目标任务有望完成", d.Text);
    }

    [Theory]
    [InlineData("新疆乌鲁木齐出台“三十四条”——", "全力推动民营经济高质量发展")]
    [InlineData("外交部驻港公署负责人：", "坚决支持香港特区政府制订《禁止蒙面规例》")]
    [InlineData("70年来，我国城市公共汽电车由2200多辆增至67万多辆", "让亿万百姓出行更便利（大数据观察·辉煌70年）")]
    [InlineData("四川省巴中市南江县原县委常委、纪委书记王瑛——", "铁骨柔情 敢于碰硬（最美奋斗者）")]
    public void A_line_leading_into_the_title_is_its_kicker(string kicker, string title)
    {
        var d = r.Split([kicker, title]);
        Assert.Equal((kicker, title, (string?)null), (d.Kicker, d.Title, d.Subtitle));
    }

    [Fact]
    public void A_bracketed_date_under_a_title_is_its_subtitle()
    {
        var d = r.Split(["在庆祝中华人民共和国成立70周年大会上的讲话", "（2019年10月1日）"]);
        Assert.Equal(("在庆祝中华人民共和国成立70周年大会上的讲话", "（2019年10月1日）"), (d.Title, d.Subtitle));
    }
}
