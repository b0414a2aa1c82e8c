using Broadsheet.Core.Assembly;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Assembly;

/// <summary>
/// `pdftotext -raw` pages (no blank line) that print each deck next to its own body, after it on some pages and
/// before it on others; text from the tuning month's pages (人民日报 2019-10-01 and 2019-10-24).
/// </summary>
public class DeckOrderTests
{
    private static readonly RecogniserSet R = RecogniserSet.Default;
    private static readonly DateOnly Date = new(2019, 10, 1);

    private const string Volleyball1 = "新华社北京9月30日电 （记者朱基钗）中共中央总书记、国家主席、中央军委主席习近平专门邀请刚刚获得2019年女排世界杯冠军的中国女排队员、教练员代表，参加招待会，并在会前亲切会见女排代表，同大家合影留念。";
    private const string Volleyball2 = "习近平强调，中国女排夺得了第五个女排世界杯冠军，激发了全国人民的爱国热情。";
    private const string Volleyball = "习近平会见中国女排代表";
    private const string Reception1 = "本报北京9月30日电 （记者张烁）庆祝中华人民共和国成立70周年招待会30日晚在人民大会堂隆重举行。";
    private const string Reception2 = "李克强主持招待会，栗战书、汪洋、王沪宁、赵乐际、韩正、王岐山出席招待会。";
    private const string Reception = "庆祝中华人民共和国成立70周年招待会在京隆重举行";
    private const string Wreath1 = "本报北京9月30日电 （记者张烁）烈士纪念日向人民英雄敬献花篮仪式30日上午在北京天安门广场隆重举行。";
    private const string Wreath2 = "礼兵稳稳抬起花篮，缓步走向人民英雄纪念碑，将花篮摆放在纪念碑基座上。";
    private const string Wreath = "烈士纪念日向人民英雄敬献花篮仪式在京隆重举行";

    [Fact]
    public void Decks_printed_after_their_own_bodies_are_set_over_them()
    {
        string[] page = [Volleyball1, Volleyball2, Volleyball, Reception1, Reception2, Reception, Wreath1, Wreath2, Wreath];
        var lines = DeckOrder.SetDecksOverBodies(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal([Volleyball, Volleyball1, Volleyball2, Reception, Reception1, Reception2, Wreath, Wreath1, Wreath2], lines);
    }

    [Fact]
    public void A_page_that_prints_every_deck_before_its_body_is_left_as_it_is()
    {
        string[] page = [Volleyball, Volleyball1, Volleyball2, Reception, Reception1, Reception2, Wreath, Wreath1, Wreath2];
        Assert.Same(page, DeckOrder.SetDecksOverBodies(page, R, Date));
    }

    [Fact]
    public void A_page_that_mixes_both_orders_sets_each_deck_over_its_own_body()
    {
        // Volleyball's deck after its body, the reception's before its own, the wreath's after: two bodies meet
        // with no deck between them, and two decks meet with no body between them.
        string[] page = [Volleyball1, Volleyball2, Volleyball, Reception, Reception1, Reception2, Wreath1, Wreath2, Wreath];
        var lines = DeckOrder.SetDecksOverBodies(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal([Volleyball, Volleyball1, Volleyball2, Reception, Reception1, Reception2, Wreath, Wreath1, Wreath2], lines);
    }

    [Fact]
    public void A_closing_wire_line_stays_with_the_story_above_it()
    {
        // 2019-10-24 p3: `（本报金边电）` closes a story whose deck comes after it.
        const string road1 = "中国援助柬埔寨乡村道路项目近日竣工，当地村民出行更加便利。";
        const string road2 = "村民们说，新修的道路让农产品运出去更容易了。";
        const string closing = "（本报金边电）";
        const string road = "中国援建乡村道路助力柬埔寨减贫";
        string[] page = [Volleyball1, Volleyball2, Volleyball, road1, road2, closing, road, Wreath1, Wreath2, Wreath];
        var lines = DeckOrder.SetDecksOverBodies(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal([Volleyball, Volleyball1, Volleyball2, road, road1, road2, closing, Wreath, Wreath1, Wreath2], lines);
    }

    [Fact]
    public void A_raw_page_with_decks_after_bodies_parses_into_stories_headed_by_their_own_titles()
    {
        var text = string.Join("\n",
            Wrap(Volleyball1 + Volleyball2).Append(Volleyball)
                .Concat(Wrap(Reception1 + Reception2)).Append(Reception)
                .Concat(Wrap(Wreath1 + Wreath2)).Append(Wreath));
        var issue = IssueParser.Parse(text, new IssueContext(Date: Date));
        Assert.Equal(
            [(Volleyball, "女排"), (Reception, "招待会"), (Wreath, "花篮")],
            issue.Articles.Select(a => (a.Title, Body(a).Contains("女排") ? "女排" : Body(a).Contains("花篮") ? "花篮" : Body(a).Contains("招待会") ? "招待会" : "")));
        Assert.Empty(LostHan(text, issue));
    }

    [Fact]
    public void A_credit_wrapped_over_two_lines_closes_its_story()
    {
        // 2019-10-02 p13: `（本报记者张晓东、殷新` / `宇、万宇、…` / … / `…王如君）` at a column edge, then the next story's text and deck.
        var text = string.Join("\n",
            Wrap(Wreath1 + Wreath2)
                .Concat(["（本报记者张晓东、殷新", "宇、万宇、周輖、景玥、马菲、", "周翰博、刘天亮、苑基荣、徐", "伟、张杰、张卫中、霍文、姜", "宣、苏航、黄云迪、王如君）"])
                .Concat(Wrap(Reception1 + Reception2)).Append(Reception));
        var issue = IssueParser.Parse(text, new IssueContext(Date: Date));
        var first = issue.Articles.First(a => Body(a).Contains("花篮"));
        Assert.DoesNotContain("招待会30日晚", Body(first));
        var second = issue.Articles.First(a => Body(a).Contains("招待会30日晚"));
        Assert.NotSame(first, second);
        Assert.DoesNotContain("王如君", Body(second) + second.BylineRaw);
        Assert.Empty(LostHan(text, issue));
    }

    [Fact]
    public void The_work_grows_with_the_square_of_the_page_and_a_page_too_long_is_left_in_its_order()
    {
        string[] page = [Volleyball1, Volleyball2, Volleyball, Reception1, Reception2, Reception, Wreath1, Wreath2, Wreath];
        DeckOrder.SetDecksOverBodies(page, R, Date, out var spans);
        Assert.InRange(spans, 1, 3 * page.Length * (page.Length + 1) / 2); // three passes over every span at most

        var garbage = new List<string>();
        for (var i = 0; i < DeckOrder.MaxTokens; i++) { garbage.Add(Volleyball1); garbage.Add(Volleyball); }
        Assert.Same(garbage, DeckOrder.SetDecksOverBodies(garbage, R, Date, out var none));
        Assert.Equal(0, none);
    }

    private static IEnumerable<string> Wrap(string text)
    {
        for (var i = 0; i < text.Length; i += 12) yield return text.Substring(i, Math.Min(12, text.Length - i));
    }

    // 2019-10-17 p10 (tuning month, `-raw`): a commentary closed by a note on its author (`（作者为…副教授）`), then the
    // next story's deck (`国台办——` / its title) over its dateline: the note ends the commentary, no story opens with it.
    [Fact]
    public void On_a_raw_page_a_note_on_the_author_closes_its_story()
    {
        var text = File.ReadAllText(FixturePath("people-daily-raw", "2019-10-17-p10.txt"));
        var issue = IssueParser.Parse(text, new IssueContext(Date: new DateOnly(2019, 10, 17)));
        var taiwan = Assert.Single(issue.Articles, a => Body(a).Contains("马晓光"));
        Assert.Equal("国台办——民进党当局站在广大台湾同胞利益对立面", Headline(taiwan));
        var commentary = Assert.Single(issue.Articles, a => Body(a).Contains("人权研究院"));
        Assert.DoesNotContain("国台办", Headline(commentary) + Body(commentary));
        Assert.Empty(LostHan(text, issue));
    }
}
