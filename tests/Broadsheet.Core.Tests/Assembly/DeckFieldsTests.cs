using Broadsheet.Core.Assembly;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Assembly;

/// <summary>
/// Decks of `pdftotext -raw` pages, each field (kicker, title, subtitle) wrapped at its own width; text from the
/// tuning month's pages (人民日报 2019-10-01 p1 and p5, 2019-10-08 p5).
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
}
