using Broadsheet.Core.Model;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>Whole-issue behaviour beyond the reference page: other layouts, several pages, jumps, issue facts.</summary>
public class IssueParserTests
{
    /// <summary>An archive export: headline first, one paragraph per line, indented with ideographic spaces; two pages.</summary>
    private const string HeadlineFirstIssue =
        "济宁日报\n2022年8月8日 星期一 农历壬寅年七月十一\nCN 37-0106 第12345期 今日8版\n\n" +
        "稳经济 促发展\n我市上半年经济运行稳中向好\n——全市经济形势分析会召开\n■本报记者 矫 月\n" +
        "　　本报讯 7日，全市上半年经济形势分析会召开。会议指出，上半年全市经济运行总体平稳。\n" +
        "　　会议要求，各级各部门要坚定信心，狠抓落实，确保完成全年（下转第二版）\n\n" +
        "新华社北京8月7日电(记者张益俊) 国家统计局7日发布数据显示，7月份全国居民消费价格同比上涨2.7%。\n" +
        "数据显示，食品价格上涨。\n（记者 马尚龙）\n\n" +
        "短评\n让实干成为鲜明导向\n本报评论员\n实干才能出实绩。各级干部要以钉钉子精神抓落实。\n\n" +
        "简讯\n本报讯 全市防汛工作会议召开。会议部署了下一步防汛工作。\n" +
        "本报讯（记者 戈伟 实习生 刘晓雪）市图书馆暑期阅读活动启动。\n" +
        "本版责编：王芳 版式设计：李强\n" +
        "\f2 要闻 2022年8月8日 星期一 责任编辑:耿 睿 组版:颜 芳 校对:朱 葆\n\n" +
        "经济形势分析会召开\n（上接第一版）\n　　目标任务。会议强调，要加强统筹协调，推动重点项目建设。\n";

    private static readonly ParsedIssue First = IssueParser.Parse(HeadlineFirstIssue, new IssueContext());

    [Fact]
    public void Headline_first_dumps_give_decks_bylines_and_datelines()
    {
        var a = First.Articles[0];
        Assert.Equal("稳经济促发展我市上半年经济运行稳中向好——全市经济形势分析会召开", Headline(a));
        Assert.Equal("——全市经济形势分析会召开", a.Subtitle);
        Assert.Equal([("矫月", "本报记者")], a.Byline.Select(b => (b.Name, b.Role)));
        Assert.Equal("本报讯", a.Dateline?.Raw);
        Assert.StartsWith("7日，全市上半年", a.Paragraphs[0]);
    }

    [Fact]
    public void A_continuation_is_appended_and_the_cut_paragraph_joined_back()
    {
        var a = First.Articles[0];
        Assert.Equal([1, 2], a.Pages);
        Assert.Equal((2, "（下转第二版）"), (a.ContinuesTo!.Page, a.ContinuesTo.Raw));
        Assert.Null(a.ContinuedFrom);
        Assert.Equal(2, a.Paragraphs.Count);
        Assert.Equal("会议要求，各级各部门要坚定信心，狠抓落实，确保完成全年目标任务。会议强调，要加强统筹协调，推动重点项目建设。", a.Paragraphs[1]);
        Assert.DoesNotContain(First.Articles, x => x.Page == 2);
    }

    [Fact]
    public void Closing_and_credit_bylines_attach_to_their_story()
    {
        var a = First.Articles.Single(x => x.Dateline?.Raw == "新华社北京8月7日电");
        Assert.Equal("2022-08-07", a.Dateline!.Date);
        Assert.Equal(["张益俊", "马尚龙"], a.Byline.Select(b => b.Name));
        Assert.Equal(["国家统计局7日发布数据显示，7月份全国居民消费价格同比上涨2.7%。", "数据显示，食品价格上涨。"], a.Paragraphs);
    }

    [Fact]
    public void Commentary_is_typed_by_its_label_and_commentator_line()
    {
        var a = First.Articles.Single(x => x.Title == "让实干成为鲜明导向");
        Assert.Equal(ArticleKind.Commentary, a.Kind);
        Assert.Equal("短评", a.Label);
        Assert.Equal("本报评论员", a.BylineRaw);
    }

    [Fact]
    public void Briefs_under_one_banner_are_each_a_brief()
    {
        var briefs = First.Articles.Where(x => x.Kind == ArticleKind.Brief).ToList();
        Assert.Equal(2, briefs.Count);
        Assert.All(briefs, b => Assert.Equal("简讯", b.Column));
        Assert.Equal([("戈伟", "记者"), ("刘晓雪", "实习生")], briefs[1].Byline.Select(b => (b.Name, b.Role)));
    }

    [Fact]
    public void Issue_date_page_numbers_paper_and_furniture_come_from_the_text()
    {
        Assert.Equal("2022-08-08", First.Issue.Date);
        Assert.Equal("济宁日报", First.Issue.Paper);
        Assert.Equal([1, 2], First.Issue.Pages.Select(p => p.Number));
        Assert.Contains("CN 37-0106 第12345期 今日8版", First.Issue.Pages[0].Furniture);
        Assert.Contains("本版责编：王芳 版式设计：李强", First.Issue.Pages[0].Furniture);
        Assert.Equal(["2 要闻 2022年8月8日 星期一 责任编辑:耿 睿 组版:颜 芳 校对:朱 葆"], First.Issue.Pages[1].Furniture);
    }

    [Fact]
    public void Nothing_is_lost_from_the_headline_first_issue() => Assert.Empty(LostHan(HeadlineFirstIssue, First));

    [Fact]
    public void The_context_wins_over_the_text()
    {
        var i = IssueParser.Parse(HeadlineFirstIssue, new IssueContext("dz", new DateOnly(2022, 9, 1)));
        Assert.Equal(("dz", "2022-09-01"), (i.Issue.Paper, i.Issue.Date));
    }

    [Fact]
    public void Without_a_date_anywhere_the_issue_date_is_null()
    {
        var i = IssueParser.Parse("本报嘉祥8月7日讯 今天，论坛举行。\n", new IssueContext());
        Assert.Null(i.Issue.Date);
        Assert.Null(i.Articles[0].Dateline!.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("\f\f")]
    public void Empty_input_gives_no_articles(string text)
    {
        var i = IssueParser.Parse(text, new IssueContext());
        Assert.Empty(i.Articles);
        Assert.Empty(i.Issue.Pages);
    }

    [Fact]
    public void A_continuation_without_its_first_part_stays_an_article_with_continued_from()
    {
        var i = IssueParser.Parse("（上接1版C）会议强调，要加强统筹协调。\n\n经济形势分析会召开\n", new IssueContext());
        var a = Assert.Single(i.Articles);
        Assert.Equal((1, "C", "（上接1版C）"), (a.ContinuedFrom!.Page, a.ContinuedFrom.Section, a.ContinuedFrom.Raw));
        Assert.Equal(["会议强调，要加强统筹协调。"], a.Paragraphs);
    }

    [Fact]
    public void Jumps_match_by_page_and_section_when_two_stories_jump_to_one_page()
    {
        const string issue =
            "■本报记者 甲乙丙\n\n第一篇正文说明了一些情况，（下转2版B）\n\n第一篇标题在这里\n\n" +
            "■本报记者 丁戊己\n\n第二篇正文也说明了一些情况，（下转2版C）\n\n第二篇标题在这里\n" +
            "\f（上接1版C）这是第二篇的后半部分。\n\n第二篇标题\n\n（上接1版B）这是第一篇的后半部分。\n\n第一篇标题\n";
        var i = IssueParser.Parse(issue, new IssueContext());
        Assert.Equal(2, i.Articles.Count);
        Assert.Equal("第一篇正文说明了一些情况，这是第一篇的后半部分。", Assert.Single(i.Articles[0].Paragraphs));
        Assert.Equal("第二篇正文也说明了一些情况，这是第二篇的后半部分。", Assert.Single(i.Articles[1].Paragraphs));
        Assert.All(i.Articles, a => Assert.Equal([1, 2], a.Pages));
        Assert.Empty(LostHan(issue, i));
    }

    [Fact]
    public void Latin_words_keep_a_space_across_a_wrap_and_hyphenated_words_rejoin()
    {
        var i = IssueParser.Parse("■记者 王磊\n\n会上发布了Digital Economy\nReport，并介绍了inter-\nnational合作情况。\n\n数字经济报告发布\n", new IssueContext());
        Assert.Equal("会上发布了Digital Economy Report，并介绍了international合作情况。", Assert.Single(i.Articles[0].Paragraphs));
    }

    [Fact]
    public void A_jump_marker_wrapped_over_two_lines_is_still_found()
    {
        var i = IssueParser.Parse("■本报记者 谷常浩\n\n我市持续深化技能人才评价制度改革，（下转2\n版C）\n\n推动技能人才“四化”培养\n", new IssueContext());
        var a = Assert.Single(i.Articles);
        Assert.Equal((2, "C", "（下转2版C）"), (a.ContinuesTo!.Page, a.ContinuesTo.Section, a.ContinuesTo.Raw));
        Assert.Equal(["我市持续深化技能人才评价制度改革，"], a.Paragraphs);
        Assert.Equal("推动技能人才“四化”培养", a.Title);
    }

    [Fact]
    public void A_dateline_credit_wrapped_over_two_lines_is_still_a_byline()
    {
        const string page = "本报长沙8月7日讯（新华社记者 李大伟\n黄秋生 通讯员 陈理春）清晨的洞庭湖\n烟波浩渺，江豚不时跃出水面。\n\n守护一江碧水\n";
        var a = Assert.Single(IssueParser.Parse(page, new IssueContext(null, new DateOnly(2022, 8, 8))).Articles);
        Assert.Equal([("李大伟", "新华社记者"), ("黄秋生", "新华社记者"), ("陈理春", "通讯员")], a.Byline.Select(b => (b.Name, b.Role)));
        Assert.Equal(["清晨的洞庭湖烟波浩渺，江豚不时跃出水面。"], a.Paragraphs);
        Assert.Equal(("长沙", "2022-08-07"), (a.Dateline!.Place, a.Dateline.Date));
    }

    [Fact]
    public void A_caption_with_its_photo_credit_is_a_photo_item_in_either_layout()
    {
        const string headlineFirst = "暑期文旅市场持续升温\n\n本报曲阜8月7日讯 8月6日晚，景区内灯火璀璨、游人如织。\n\n" +
                                     "8月6日，游客在孟子湖新区荷花观赏区拍照留念。\n本报记者 徐建中摄\n\n为企业攀登注入源动力\n\n共建联合实验室。\n";
        var i = IssueParser.Parse(headlineFirst, new IssueContext());
        var photo = Assert.Single(i.Articles, a => a.Kind == ArticleKind.Photo);
        Assert.Equal(["8月6日，游客在孟子湖新区荷花观赏区拍照留念。"], photo.Paragraphs);
        Assert.Equal([("徐建中", "本报记者")], photo.Byline.Select(b => (b.Name, b.Role)));
        Assert.Null(photo.Title);
        Assert.Equal(3, i.Articles.Count);
    }

    [Fact]
    public void A_wrapped_first_body_line_with_a_comma_is_not_taken_for_a_page_banner()
    {
        var i = IssueParser.Parse("1984年9月22日，首届孔子诞辰故里游开幕式暨\n孔子像复原揭幕仪式举行。（图片由曲阜市提供）\n记者 刘项清摄\n", new IssueContext());
        Assert.Null(i.Issue.Pages[0].Banner);
        Assert.Equal("1984年9月22日，首届孔子诞辰故里游开幕式暨孔子像复原揭幕仪式举行。（图片由曲阜市提供）", Assert.Single(i.Articles).Paragraphs[0]);
    }
}
