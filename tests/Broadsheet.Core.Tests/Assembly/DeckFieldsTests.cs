using Broadsheet.Core.Assembly;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Assembly;

/// <summary>
/// Decks of `pdftotext -raw` pages, each field (kicker, title, subtitle) wrapped at its own width; text from the
/// tuning month's pages (人民日报 2019-10-01 p1 and p5, 2019-10-08 p5, and the others named at each test).
/// </summary>
public class DeckFieldsTests
{
    private static readonly RecogniserSet R = RecogniserSet.Default;
    private static readonly DateOnly Date = new(2019, 10, 1);

    // 2019-10-01 p1: a kicker on one line, the title wrapped over two, the subtitle over two.
    private const string Wreath1 = "本报北京9月30日电 （记者张烁）在庆祝中华人民共和国成立70周年之际，烈士纪念日向人民英雄敬献花篮仪式30日上午在北京天安门广场隆重举行。习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正、王岐山等党和国家领导人，同各界代表一起出席仪式。";
    private const string Wreath2 = "临近10时，习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正、王岐山等党和国家领导人来到天安门广场，出席向人民英雄敬献花篮仪式。";

    [Fact]
    public void A_kicker_a_wrapped_title_and_a_wrapped_subtitle_come_out_one_field_a_line()
    {
        string[] page =
        [
            "缅怀先烈丰功伟绩 齐心开创美好未来", "烈士纪念日向人民英雄敬献花篮", "仪式在京隆重举行",
            "习近平李克强栗战书汪洋王沪宁赵乐际韩正王岐山出席", "仪式并瞻仰毛泽东同志遗容", Wreath1, Wreath2,
        ];
        Assert.Equal(
            ["缅怀先烈丰功伟绩 齐心开创美好未来", "烈士纪念日向人民英雄敬献花篮仪式在京隆重举行",
             "习近平李克强栗战书汪洋王沪宁赵乐际韩正王岐山出席仪式并瞻仰毛泽东同志遗容", Wreath1, Wreath2],
            DeckFields.Join(page, R, Date));
    }

    [Fact]
    public void A_wrapped_dash_subtitle_is_one_field_under_its_title()
    {
        // 2019-10-01 p5: the subtitle's last line `反响综述` is no title of its own.
        string[] page =
        [
            "礼赞祖国 逐梦前行", "——庆祝中华人民共和国成立七十周年系列论坛", "反响综述",
            "新华社北京9月29日电 庆祝中华人民共和国成立七十周年系列论坛近日在京举行，与会者纷纷表示反响热烈。",
        ];
        Assert.Equal(["礼赞祖国 逐梦前行", "——庆祝中华人民共和国成立七十周年系列论坛反响综述", page[3]], DeckFields.Join(page, R, Date));
    }

    [Fact]
    public void A_bracketed_line_and_a_lead_in_end_their_fields()
    {
        // 2019-10-08 p5 and p6: a credit over the next story's title; a kicker ending in `——` over its title.
        string[] page =
        [
            "为全面建成世界一流军队贡献力量。", "（作者为中国人民解放军航天工程大学航天指挥学院学员）", "产业扶贫，重在产业链（一线视角）",
            "发展产业是实现脱贫的根本之策，关键是形成稳固的扶贫产业链。",
            "广西南宁市财政局退休干部韩素云——", "爱国拥军的好军嫂（最美奋斗者）", "一位普通的农村妇女，凭着对军人和国家的拥护和赤诚之心。",
        ];
        Assert.Equal(page, DeckFields.Join(page, R, Date));
    }

    [Fact]
    public void A_raw_page_with_a_wrapped_title_parses_it_as_one_title()
    {
        // 2019-10-01 p5 as `pdftotext -raw` prints it: the title at one width, the body at another.
        const string text = """
            外国领导人祝贺中华人民共
            和国成立70周年
            新华社北京9月30日电 连日来，许
            多国家领导人和国际组织负责人纷纷致
            电或致函中共中央总书记、国家主席习
            近平，热烈祝贺中华人民共和国成立70
            周年。
            俄罗斯总统普京表示，值此中华人
            民共和国成立70周年之际，谨致以最热
            烈的祝贺。70年来，中国在经济、社
            会、科技等领域取得举世瞩目的伟大成
            就。
            美国总统特朗普表示，祝贺中华人
            民共和国成立70周年，祝福中国人民享
            受和平与繁荣。
            英国女王伊丽莎白二世表示，很高兴
            在中华人民共和国国庆之际致贺，并祝
            愿中国人民幸福安康。
            """;
        var issue = IssueParser.Parse(text, new IssueContext(Date: Date));
        var article = Assert.Single(issue.Articles);
        Assert.Null(article.Kicker);
        Assert.Equal("外国领导人祝贺中华人民共和国成立70周年", article.Title);
        Assert.Empty(LostHan(text, issue));
    }
    // 2019-10-22 p4: the opening of the story under the deck below.
    private const string Arrears = "新华社北京10月21日电 中共中央政治局委员、国务院副总理刘鹤21日出席进一步做好清理拖欠民营企业中小企业账款工作全国电视电话会议并讲话。刘鹤指出，党中央、国务院对清欠工作高度重视。习近平总书记在去年民营企业座谈会上对清欠工作提出明确要求，今年又多次作出重要指示批示。";

    [Fact]
    public void A_speakers_lead_in_stays_a_kicker_over_a_short_title()
    {
        // 2019-10-22 p4: `强调` hands over to what was said; the line under it (half as wide) is the title, not a wrapped tail.
        string[] page = ["刘鹤强调进一步增强责任感和紧迫感", "确保今年清欠任务全面完成", Arrears];
        Assert.Equal(page, DeckFields.Join(page, R, Date));
    }

    [Fact]
    public void A_series_tag_closes_a_title_and_a_tagged_title_under_a_kicker_stays_apart()
    {
        // 2019-10-05 p6: two decks of a roundup in a row, each title closed by its series tag.
        string[] page =
        [
            "卧龙成为首个国家级大熊猫自然保护区（新中国的“第一”·生态篇）", "第一个国家公园体制试点", "三江源生态保护力度加大（新中国的“第一”·生态篇）",
            "1963年，四川卧龙成立大熊猫保护区，开启大熊猫保护事业。1978年卧龙晋升为首个国家级大熊猫自然保护区。",
            // 2019-10-23 p14: a kicker over a short title carrying its tag.
            "内蒙古阿尔山市变伐木经济为旅游经济", "美景就是金饭碗（美丽中国）",
            "一进安徽郎溪县下吴村，乡村田园美景就映入眼帘，伍员山上茶园青翠欲滴，山脚下茂林修竹丛中掩映着一座座农家小楼。",
        ];
        Assert.Equal(page, DeckFields.Join(page, R, Date));
    }

    [Fact]
    public void A_raw_page_reads_a_speakers_lead_in_as_the_kicker()
    {
        // 2019-10-22 p4 as `pdftotext -raw` prints it.
        const string text = """
            刘鹤强调进一步增强责任感和紧迫感
            确保今年清欠任务全面完成
            新华社北京10月21日电 中共中央政
            治局委员、国务院副总理刘鹤21日出
            席进一步做好清理拖欠民营企业中小
            企业账款工作全国电视电话会议并讲
            话。
            刘鹤指出，党中央、国务院对清欠工
            作高度重视。习近平总书记在去年民营
            企业座谈会上对清欠工作提出明确要
            求，今年又多次作出重要指示批示。《政
            府工作报告》对今年清欠工作提出了目
            标任务。按照党中央、国务院决策部
            署，各地区、各有关部门扎实推进清欠
            工作，目前进展总体顺利。同时也要看
            到，各地工作进展不平衡，存在的问题
            依然不少，必须引起高度重视。
            刘鹤强调，进一步做好清欠工作
            是一项重要政治任务，不仅事关政府
            信用，更与经济增长、社会预期、就
            业民生密切相关。
            """;
        var issue = IssueParser.Parse(text, new IssueContext(Date: new DateOnly(2019, 10, 22)));
        var article = Assert.Single(issue.Articles);
        Assert.Equal("刘鹤强调进一步增强责任感和紧迫感", article.Kicker);
        Assert.Equal("确保今年清欠任务全面完成", article.Title);
        Assert.Empty(LostHan(text, issue));
    }
}
