using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Layout;

/// <summary>
/// `pdftotext -raw` pages (content-stream order, no blank line anywhere) rebuilt into logical lines: where a deck
/// ends and its body begins. Text from pages of the tuning month (人民日报 2019-10).
/// </summary>
public class RawReflowTests
{
    private static readonly RecogniserSet R = RecogniserSet.Default;

    /// <summary>2019-10-26 p4: a story's end, then the next story's deck (five lines, as narrow as the column or nearly) and its wrapped dateline.</summary>
    private static readonly string[] PetitionsPage =
    [
        "国务委员、公安部",
        "部长赵克志在会上强",
        "调，要深入学习贯彻习",
        "近平总书记国庆系列重",
        "要讲话精神，把强烈爱",
        "国主义热情转化为奋进",
        "新时代、践行新使命的",
        "强大动力，扎实抓好防",
        "风险、保安全、护稳定",
        "各项措施的落实，不断",
        "巩固当前全国社会大局",
        "持续稳定的良好局面。",
        "肖捷同信访工作专题",
        "研讨班学员座谈强调",
        "以新担当新作为",
        "扎实做好新时代",
        "信访工作",
        "本 报 北 京 10 月 25",
        "日电 （记者倪弋）国",
        "务委员兼国务院秘书长",
        "肖捷25日同信访工作专",
        "题研讨班学员座谈交流",
        "时强调，要以习近平新",
        "时代中国特色社会主义",
        "思想为指导，深入学习",
        "贯彻习近平总书记关于",
        "加强和改进人民信访工",
        "作的重要思想，按照党",
        "中央、国务院决策部",
        "署，准确把握新时代信",
        "访工作面临的形势和任",
        "务，着力推动解决信访",
        "突出矛盾，扎实做好新",
        "时代信访工作。",
    ];

    [Fact]
    public void Heading_lines_over_a_story_s_opening_dateline_are_its_deck_however_wide()
    {
        var lines = Reflow.Page(PetitionsPage, R, new DateOnly(2019, 10, 26)).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("信访工作本报"));
        Assert.Contains(lines, l => l.StartsWith("本报北京10月25日电", StringComparison.Ordinal));

        var text = string.Join("\n", PetitionsPage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: new DateOnly(2019, 10, 26)));
        var petitions = Assert.Single(issue.Articles, a => Body(a).Contains("信访突出矛盾"));
        Assert.Equal("肖捷同信访工作专题研讨班学员座谈强调以新担当新作为扎实做好新时代信访工作", Headline(petitions));
        Assert.Equal("本报北京10月25日电", petitions.Dateline?.Raw);
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-05 p4: a story's end, then its deck printed after it, led in by a colon kicker.</summary>
    private static readonly string[] ColonKickerPage =
    [
        "《星岛日报》社评指出，激进暴力分",
        "子正将社会推向极危险的边缘，特区政府",
        "必须加强法律遏制力，《规例》是有效方",
        "法之一，可令暴力示威者失去庇护，让法",
        "治得以彰显。",
        "新华社香港10月4日电 外交部驻港特",
        "派员公署负责人4日发表谈话，对香港特",
        "区政府宣布制订《禁止蒙面规例》表示坚",
        "决支持。",
        "该负责人表示，特区政府制订《禁止",
        "蒙面规例》合法、合理、合情，也是世界",
        "上很多国家和地区的通行做法。",
        "负责人指出，连日来香港极端暴力分",
        "子不断升级违法暴力行径，特别是在全国",
        "人民喜庆新中国成立70周年的神圣日子，",
        "蒙面暴徒丧心病狂、无恶不作，肆意打砸",
        "抢烧、攻击围殴警察和市民，公然侮辱和",
        "焚烧国旗，严重破坏香港法治，严重挑战",
        "“一国两制”原则底线。外交部驻港公署",
        "坚决支持特区政府采取一切必要措施，依",
        "法对违法暴力分子予以坚决惩处。",
        "负责人再次敦促外部势力停止干预香",
        "港事务，呼吁国际社会支持特区政府止暴",
        "制乱、恢复秩序的正义之举。",
        "外交部驻港公署负责人：",
        "坚决支持香港特区政府制订",
        "《禁止蒙面规例》",
        "人民日报 2019年10月5日 星期六 第4版 要闻",
    ];

    [Fact]
    public void A_colon_kicker_does_not_run_on_into_its_title()
    {
        var date = new DateOnly(2019, 10, 5);
        var lines = Reflow.Page(ColonKickerPage, R, date).ToList();
        Assert.Contains("外交部驻港公署负责人：", lines);

        var text = string.Join("\n", ColonKickerPage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var statement = Assert.Single(issue.Articles, a => Body(a).Contains("通行做法"));
        // Its title is its own (the lead-in is no longer glued in front of it).
        Assert.Equal("坚决支持香港特区政府制订《禁止蒙面规例》", Squeeze(statement.Title));
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-17 p4: a title's last character printed on its body's first line, beside the dateline.</summary>
    private static readonly string[] GluedDatelinePage =
    [
        "破坏香港繁荣稳定、牵制中国发展的",
        "险恶用心。",
        "该负责人重申，香港回归以来，",
        "“一国两制”在香港的实践取得了举",
        "世公认的成功。一个繁荣稳定的香",
        "港，符合包括美国在内的国际社会的",
        "共同利益。美国国会众议院这种行为",
        "不仅严重伤害包括香港同胞在内的14",
        "亿中国人民的感情，也将严重损害在",
        "香港有着巨大投资的美国企业、个",
        "人、商会的利益，只会搬起石头砸自",
        "己的脚。",
        "该负责人强调，任何人都不要低",
        "估中国政府和人民维护国家主权、安",
        "全、发展利益，维护香港长期繁荣稳",
        "定，贯彻“一国两制”的坚定意志和",
        "决心。我们正告美国部分政客，立即",
        "收回干预香港事务和中国内政的黑",
        "手，停止操弄推动有关涉港法案的把",
        "戏，任何搞乱中国、破坏中国“一国",
        "两制”的企图都是痴心妄想，注定以",
        "失败收场。",
        "外交部驻港公署针对美众议院通过涉港议案发表声明",
        "美方打“香港牌”绝不会得",
        "逞新华社香港10月16日电 外交部",
        "驻港公署16日发表声明指出，美国一",
        "些政客罔顾事实，颠倒黑白，执意通",
        "过所谓“2019年香港人权与民主法",
        "案”等涉港议案，公然为反中乱港分",
        "子撑腰打气，挑衅“一国两制”原则",
        "底线，粗暴干预香港事务和中国内",
        "政，肆意践踏国际法和国际关系基本",
        "准则，再次暴露其强盗嘴脸和霸权本",
        "性，我们对此表示极度愤慨和强烈谴",
        "责。",
    ];

    [Fact]
    public void A_title_scrap_on_the_dateline_s_baseline_goes_back_to_its_title()
    {
        var date = new DateOnly(2019, 10, 17);
        var text = string.Join("\n", GluedDatelinePage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var statement = Assert.Single(issue.Articles, a => Body(a).Contains("强盗嘴脸"));
        Assert.Equal("新华社香港10月16日电", statement.Dateline?.Raw);
        Assert.EndsWith(Squeeze("美方打“香港牌”绝不会得逞"), Headline(statement));
        Assert.DoesNotContain("逞", Body(statement));
        Assert.Empty(LostHan(text, issue));
    }
}
