using Broadsheet.Core.Assembly;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Assembly;

/// <summary>`pdftotext -raw` pages that print every body first and the headlines after them, in another order.</summary>
public class HeadingAssignmentTests
{
    private static readonly RecogniserSet R = RecogniserSet.Default;
    private static readonly DateOnly Date = new(2019, 10, 1);

    private const string Meeting1 = "本报北京9月30日电 （记者王远）国家副主席王岐山30日在北京会见泰国公主诗琳通。";
    private const string Meeting2 = "王岐山表示，中泰友好源远流长，诗琳通公主为两国友好作出了重要贡献。";
    private const string Appointments1 = "新华社北京9月30日电 国务院任免国家工作人员。";
    private const string Appointments2 = "任命陈健为审计署副审计长，免去孙宝厚的审计署副审计长职务。";
    private const string Concert1 = "据新华社广州9月30日电 （记者杨淑馨）珠海市民万人齐唱《我和我的祖国》，祝福祖国繁荣昌盛。";

    [Fact]
    public void Decks_printed_after_all_bodies_are_set_over_the_bodies_they_share_words_with()
    {
        string[] page =
        [
            Meeting1, Meeting2, Appointments1, Appointments2, Concert1,
            "珠海万人齐唱祝福祖国", "国务院任免国家工作人员", "王岐山会见泰国公主诗琳通",
        ];
        var lines = HeadingAssignment.SetDecksOverBodies(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal(
            ["王岐山会见泰国公主诗琳通", Meeting1, Meeting2, "国务院任免国家工作人员", Appointments1, Appointments2, "珠海万人齐唱祝福祖国", Concert1],
            lines);
    }

    [Fact]
    public void A_deck_that_shares_nothing_with_any_body_stays_where_it_was()
    {
        string[] page = [Meeting1, Meeting2, Appointments1, Appointments2, "国务院任免国家工作人员", "秋收时节好风光", "王岐山会见泰国公主诗琳通"];
        var lines = HeadingAssignment.SetDecksOverBodies(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal("王岐山会见泰国公主诗琳通", lines[0]);
        Assert.Equal("秋收时节好风光", lines[^1]);
        Assert.Equal(page.Length, lines.Count);
    }

    [Fact]
    public void A_raw_page_parses_into_stories_headed_by_their_own_titles()
    {
        // Each body wrapped at a 12-character column, as pdftotext -raw prints it, then the headlines in another order.
        var text = string.Join("\n",
            Wrap(Meeting1 + Meeting2).Concat(Wrap(Appointments1 + Appointments2)).Concat(Wrap(Concert1))
                .Append("珠海万人齐唱祝福祖国").Append("国务院任免国家工作人员").Append("王岐山会见泰国公主诗琳通"));
        var issue = IssueParser.Parse(text, new IssueContext(Date: Date));
        Assert.Equal(
            [("王岐山会见泰国公主诗琳通", "诗琳通"), ("国务院任免国家工作人员", "陈健"), ("珠海万人齐唱祝福祖国", "珠海市民")],
            issue.Articles.Select(a => (a.Title, Body(a).Contains("诗琳通") ? "诗琳通" : Body(a).Contains("陈健") ? "陈健" : Body(a).Contains("珠海市民") ? "珠海市民" : "")));
        Assert.Empty(LostHan(text, issue));
    }

    // 2019-10-14 p12 (tuning month, `-raw`): every body, then every deck; a title's series tag closes its deck
    // (`陌生人的善，全社会的` / `暖（民生观）`), so the next line (`云米全屋互联网家电“人—车`) opens the next deck.
    [Fact]
    public void On_a_raw_page_a_deck_ends_where_its_series_tag_closes()
    {
        var text = File.ReadAllText(FixturePath("people-daily-raw", "2019-10-14-p12.txt"));
        var issue = IssueParser.Parse(text, new IssueContext(Date: new DateOnly(2019, 10, 14)));
        var kindness = Assert.Single(issue.Articles, a => Body(a).Contains("出租车司机"));
        Assert.Equal("陌生人的善，全社会的暖（民生观）", Squeeze(kindness.Title));
        Assert.DoesNotContain("云米", Headline(kindness) + Body(kindness));
        Assert.Empty(LostHan(text, issue));
    }

    // From the tuning month's `pdf-raw` dumps: a story with no dateline or credit of its own (`珠海市民…`) follows
    // another in one body part, so two decks fit that part; it is cut between them where each deck's words fall.
    [Fact]
    public void Two_decks_that_fit_one_body_part_cut_it_between_their_stories()
    {
        const string concert = "珠海市民万人齐唱《我和我的祖国》，祝福祖国繁荣昌盛。";
        string[] page =
        [
            Appointments1, Appointments2, concert, Meeting1, Meeting2,
            "国务院任免国家工作人员", "王岐山会见泰国公主诗琳通", "珠海万人齐唱祝福祖国",
        ];
        var lines = HeadingAssignment.SetDecksOverBodies(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal(
            ["国务院任免国家工作人员", Appointments1, Appointments2, "珠海万人齐唱祝福祖国", concert, "王岐山会见泰国公主诗琳通", Meeting1, Meeting2],
            lines);
    }

    [Fact]
    public void A_normal_page_is_assigned_and_weighs_every_line_against_every_part()
    {
        string[] page =
        [
            Meeting1, Meeting2, Appointments1, Appointments2, Concert1,
            "珠海万人齐唱祝福祖国", "国务院任免国家工作人员", "王岐山会见泰国公主诗琳通",
        ];
        var lines = HeadingAssignment.SetDecksOverBodies(page, R, Date, out var cells);
        Assert.Equal(3 * 3, cells); // three heading lines, three body parts
        Assert.Equal("王岐山会见泰国公主诗琳通", lines.First(l => l.Length > 0));
    }

    [Fact]
    public void A_page_with_thousands_of_heading_candidates_is_left_in_its_order_within_a_bounded_work()
    {
        // 2,000 body parts (each opened by a dateline) and 3,000 heading-like lines after them: 6,000,000 pairs.
        var page = new List<string>();
        for (var i = 0; i < 2000; i++) page.Add($"新华社北京9月{i % 28 + 1}日电 国务院任免国家工作人员第{i}批。");
        for (var i = 0; i < 3000; i++) page.Add("王岐山会见泰国公主诗琳通");
        var lines = HeadingAssignment.SetDecksOverBodies(page, R, Date, out var cells);
        Assert.Equal(0, cells);
        Assert.Same(page, lines);
        Assert.True((long)2000 * 3000 > HeadingAssignment.MaxCells);
    }

    [Fact]
    public void Such_a_page_still_parses_and_keeps_its_text()
    {
        var page = new List<string>();
        for (var i = 0; i < 1500; i++) page.AddRange(Wrap($"新华社北京9月{i % 28 + 1}日电 国务院任免国家工作人员第{i}批名单公布。"));
        for (var i = 0; i < 1500; i++) page.Add("王岐山会见泰国公主诗琳通" + (i % 10));
        var text = string.Join("\n", page);
        var issue = IssueParser.Parse(text, new IssueContext(Date: Date));
        Assert.Empty(LostHan(text, issue));
    }

    private static IEnumerable<string> Wrap(string text)
    {
        for (var i = 0; i < text.Length; i += 12) yield return text.Substring(i, Math.Min(12, text.Length - i));
    }
}
