using Broadsheet.Core.Assembly;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Assembly;

/// <summary>
/// PageAssembler on its own: recognised lines of one page in, stories out. Each test is one step of assembly,
/// asserted on what the assembler hands on (decks, paragraphs, bylines, markers, furniture, unassigned text),
/// never on how it decides — so they hold whatever strategy assigns headings to bodies.
/// </summary>
public class PageAssemblerTests
{
    private static readonly DateOnly IssueDate = new(2019, 10, 8);
    private static readonly RecogniserSet R = RecogniserSet.Default;

    private static AssembledPage Assemble(string page)
    {
        var lines = new LineProcessor(R).Process(page.Split('\n'), IssueDate);
        return new PageAssembler(R).Assemble(1, lines);
    }

    private static Deck DeckOf(Story s) => new PageAssembler(R).Deck(s);
    private static string Text(Story s) => TestSupport.Squeeze(string.Concat(s.Paragraphs));
    private static Story Titled(AssembledPage p, string title) =>
        Assert.Single(p.Stories, s => TestSupport.Squeeze(DeckOf(s).Title) == TestSupport.Squeeze(title));

    // Archive style: each story's heading lines, then one paragraph a line.
    private const string Archive = """
        2  要闻  2019年10月8日  星期二

        全国铁路国庆假期运送旅客突破一亿人次
        本报北京10月7日电  （记者陆娅楠）记者从中国国家铁路集团有限公司获悉，国庆假期全国铁路累计发送旅客一亿多人次。
        铁路部门加开旅客列车，优化运输组织，旅客出行平稳有序。

        秋粮收获进度过半
        农业农村部消息，目前全国秋粮已收获过半，各地抢抓晴好天气加快收获进度。
        专家提醒，秋收期间要防范阴雨天气对晾晒的影响。
        """;

    [Fact]
    public void Each_heading_goes_to_the_body_under_it()
    {
        var page = Assemble(Archive);
        Assert.Equal(2, page.Stories.Count);
        Assert.StartsWith("记者从中国国家铁路集团", Text(Titled(page, "全国铁路国庆假期运送旅客突破一亿人次")));
        Assert.StartsWith("农业农村部消息", Text(Titled(page, "秋粮收获进度过半")));
        Assert.Contains("专家提醒", Text(Titled(page, "秋粮收获进度过半")));
    }

    [Fact]
    public void An_opening_dateline_and_its_credit_are_lifted_from_the_body()
    {
        var story = Titled(Assemble(Archive), "全国铁路国庆假期运送旅客突破一亿人次");
        Assert.Equal("本报北京10月7日电", story.Dateline?.Dateline.Raw);
        Assert.Contains("陆娅楠", story.Dateline?.Credit?.People.Select(p => p.Name) ?? []);
        Assert.DoesNotContain("本报北京", Text(story));
    }

    [Fact]
    public void The_running_head_is_furniture_and_numbers_the_page()
    {
        var page = Assemble(Archive);
        Assert.Equal(2, page.Info.Number);
        Assert.Contains(page.Info.Furniture, f => f.Contains("要闻"));
        Assert.DoesNotContain(page.Stories, s => Text(s).Contains("要闻") || DeckOf(s).Text.Contains("要闻"));
    }

    [Fact]
    public void A_three_line_deck_splits_into_kicker_title_and_subtitle()
    {
        var page = Assemble("""
            就建交70周年
            习近平同六国元首互致贺电
            李克强同六国总理互致贺电
            新华社北京10月7日电  10月4日至7日，国家主席习近平分别同六国元首互致贺电，庆祝建交70周年。
            """);
        var deck = DeckOf(Assert.Single(page.Stories));
        Assert.Equal(("就建交70周年", "习近平同六国元首互致贺电", "李克强同六国总理互致贺电"), (deck.Kicker, deck.Title, deck.Subtitle));
    }

    [Fact]
    public void A_dash_line_under_the_title_is_its_subtitle()
    {
        var page = Assemble("""
            从实际出发 抓重点问题
            ——论深入开展主题教育
            实事求是是马克思主义的精髓，是我们共产党人的重要思想方法。
            第二批主题教育涉及的单位和人员范围广、类型多、数量大，情况复杂。
            从实际出发，就要做实基层党支部学习教育和检视整改。
            """);
        var deck = DeckOf(Assert.Single(page.Stories));
        Assert.Equal("从实际出发 抓重点问题", deck.Title);
        Assert.Equal("——论深入开展主题教育", deck.Subtitle);
    }

    [Fact]
    public void A_crosshead_between_paragraphs_stays_inside_its_story()
    {
        var page = Assemble("""
            澳门社会各界深受鼓舞倍感振奋
            重阳节当天，澳门街坊总会颐骏中心长者义工组的30位老人收到回信，在澳门社会各界引起热烈反响。
            10月7日上午，长者代表们认真聆听回信，并畅谈感受。
            收到回信心情激动
            澳门颐骏中心长者义工组的书法老师马腾说，这封信前前后后一共写了六遍。
            75岁的陈雨莲是缅甸归侨，她在义工组工作多年。
            """);
        var story = Assert.Single(page.Stories);
        Assert.Contains("收到回信心情激动", story.Paragraphs);
        Assert.Contains("书法老师马腾", Text(story));
    }

    [Fact]
    public void A_closing_credit_ends_its_story_and_the_text_after_it_is_another()
    {
        var page = Assemble("""
            秋粮收获进度过半
            农业农村部消息，目前全国秋粮已收获过半，各地抢抓晴好天气加快收获进度。
            各地农机作业进度快于去年同期，机收水平稳步提高。
            （本报记者  郁静娴）
            专家提醒，秋收期间要防范阴雨天气对晾晒的影响，各地要做好烘干设施调度。
            """);
        Assert.Equal(2, page.Stories.Count);
        var first = Titled(page, "秋粮收获进度过半");
        Assert.Contains(first.Bylines.SelectMany(b => b.People), p => p.Name == "郁静娴");
        Assert.DoesNotContain("专家提醒", Text(first));
        Assert.Empty(page.Stories[1].Bylines);
    }

    [Fact]
    public void In_a_wrapped_dump_a_deck_after_its_body_heads_that_body()
    {
        // PDF extraction often writes the headline box after the column text it heads.
        var page = Assemble("""
            新华社北京10月7日电 10月4日至7日，
            国家主席习近平分别同保加利亚、罗马尼亚、
            捷克、斯洛伐克、匈牙利和波兰六国元首互致
            贺电，庆祝中国与六国建交70周年。
            习近平代表中国政府和中国人民向六国政
            府和人民致以热烈的祝贺和良好的祝愿。

            习近平同六国元首互致贺电

            本报北京10月7日电 记者从中国国家铁路集
            团有限公司获悉，国庆假期全国铁路累计发送
            旅客一亿多人次，旅客出行平稳有序。

            全国铁路国庆假期运送旅客突破一亿人次
            """);
        Assert.Equal(2, page.Stories.Count);
        Assert.StartsWith("10月4日至7日", Text(Titled(page, "习近平同六国元首互致贺电")));
        Assert.StartsWith("记者从中国国家铁路集团", Text(Titled(page, "全国铁路国庆假期运送旅客突破一亿人次")));
    }

    [Fact]
    public void Wrapped_lines_join_into_paragraphs_without_spaces()
    {
        var page = Assemble("""
            习近平同六国元首互致贺电
            新华社北京10月7日电 10月4日至7日，
            国家主席习近平分别同保加利亚、罗马尼亚、
            捷克、斯洛伐克、匈牙利和波兰六国元首互致
            贺电，庆祝中国与六国建交70周年。
            """);
        var story = Assert.Single(page.Stories);
        Assert.Equal("10月4日至7日，国家主席习近平分别同保加利亚、罗马尼亚、捷克、斯洛伐克、匈牙利和波兰六国元首互致贺电，庆祝中国与六国建交70周年。",
            Assert.Single(story.Paragraphs));
    }

    [Fact]
    public void Jump_markers_become_the_story_s_links_not_its_text()
    {
        var page = Assemble("""
            全国铁路国庆假期运送旅客突破一亿人次
            记者从中国国家铁路集团有限公司获悉，国庆假期全国铁路累计发送旅客一亿多人次。（下转第二版）

            秋粮收获进度过半
            （上接第一版）农业农村部消息，目前全国秋粮已收获过半，各地抢抓晴好天气加快收获进度。
            """);
        var out_ = Titled(page, "全国铁路国庆假期运送旅客突破一亿人次");
        var in_ = Titled(page, "秋粮收获进度过半");
        Assert.Equal(2, out_.ContinuesTo?.Page);
        Assert.Equal(1, in_.ContinuedFrom?.Page);
        Assert.DoesNotContain("下转", Text(out_));
        Assert.DoesNotContain("上接", Text(in_));
    }

    [Fact]
    public void A_caption_with_its_photo_credit_is_a_photo_item_of_its_own()
    {
        var page = Assemble("""
            秋粮收获进度过半
            农业农村部消息，目前全国秋粮已收获过半，各地抢抓晴好天气加快收获进度。
            专家提醒，秋收期间要防范阴雨天气对晾晒的影响。
            各地农机作业进度快于去年同期，机收水平稳步提高。

            10月7日，江苏省淮安市农民在田间收割水稻。
            赵启瑞摄
            """);
        Assert.Equal(2, page.Stories.Count);
        var photo = Assert.Single(page.Stories, s => s.Kind == ArticleKind.Photo);
        Assert.Contains("淮安市农民", Text(photo));
        Assert.Contains(photo.Bylines.SelectMany(b => b.People), p => p.Name == "赵启瑞");
        Assert.DoesNotContain("淮安", Text(Titled(page, "秋粮收获进度过半")));
    }

    [Fact]
    public void Staff_lines_are_furniture()
    {
        var page = Assemble(Archive + "\n本版责编：王芳  版式设计：李强");
        Assert.Contains(page.Info.Furniture, f => f.Contains("版式设计"));
        Assert.DoesNotContain(page.Stories, s => Text(s).Contains("版式设计"));
    }

    [Theory]
    [InlineData(Archive)]
    [InlineData("""
        习近平同六国元首互致贺电
        就建交70周年
        本报北京10月7日电 记者从中国国家铁路集
        团有限公司获悉，国庆假期全国铁路累计发送
        （下转第二版）
        要闻
        10月7日，江苏省淮安市农民在田间收割水稻。
        赵启瑞摄
        （本报记者  郁静娴）
        孤零零的标题
        """)]
    public void Every_han_character_lands_in_a_story_furniture_or_unassigned(string text)
    {
        var page = Assemble(text);
        var output = string.Concat(page.Stories.SelectMany(s =>
            new[] { DeckOf(s).Text, s.Label, s.Dateline?.Dateline.Raw, s.Dateline?.CreditRaw, s.ContinuesTo?.Raw, s.ContinuedFrom?.Raw }
                .Concat(s.Columns).Concat(s.Bylines.Select(b => b.Raw)).Concat(s.Paragraphs).Concat(s.Leftovers))
            .Concat(page.Unassigned).Concat(page.Info.Furniture).Append(page.Info.Banner));
        var have = output.Where(Chars.IsHan).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var lost = text.Where(Chars.IsHan).GroupBy(c => c).Where(g => have.GetValueOrDefault(g.Key) < g.Count()).Select(g => g.Key);
        Assert.Empty(lost);
    }
}
