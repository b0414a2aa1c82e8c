using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy.Tests;

/// <summary>What counts as segmented exactly, and what the failures say, on hand-made gold and parses.</summary>
public class DumpEvaluationTests
{
    private static Article Story(string title, params string[] paragraphs) =>
        new() { Title = title, Paragraphs = [.. paragraphs] };

    private static ParsedIssue Issue(params Article[] articles)
    {
        var issue = new ParsedIssue { Issue = { Paper = "人民日报", Date = "2019-10-01", Pages = [new PageInfo { Number = 1 }] } };
        for (var i = 0; i < articles.Length; i++) articles[i].Id = $"p1-{i + 1:00}";
        issue.Articles.AddRange(articles);
        return issue;
    }

    private static readonly Article A = Story("习近平会见中国女排代表", "中共中央总书记习近平在人民大会堂会见中国女排代表。", "丁薛祥参加会见。");
    private static readonly Article B = Story("喜做国庆面", "国庆节前夕，社区居民用七彩面团做成长寿面。");

    private static DumpResult Evaluate(ParsedIssue gold, ParsedIssue predicted, string? input = null) =>
        DumpEvaluation.Evaluate("d", input ?? string.Concat(gold.Articles.SelectMany(StoryText.Fields)), gold, predicted);

    [Fact]
    public void A_story_cut_exactly_counts_whatever_its_whitespace_punctuation_and_paragraph_breaks()
    {
        var predicted = Issue(
            Story("习近平会见 中国女排代表", "中共中央总书记习近平在人民大会堂会见中国女排代表", "。丁薛祥参加", "会见"),
            Story("喜做国庆面", "国庆节前夕, 社区居民用七彩面团做成长寿面."));
        var r = Evaluate(Issue(A, B), predicted);
        Assert.All(r.Stories, s => Assert.Equal(Segmentation.Exact, s.Segmentation));
        Assert.All(r.Stories, s => Assert.True(s.TitleExact));
    }

    [Fact]
    public void A_dateline_and_credit_are_the_storys_text_whether_lifted_or_left_in_the_body()
    {
        var gold = Story("全国铁路调图", "记者从国家铁路集团获悉：全国铁路实行新的列车运行图。");
        gold.Dateline = new Dateline("本报北京10月10日电", "北京", "2019-10-10");
        gold.BylineRaw = "（记者陆娅楠）";
        gold.Byline = [new Byline("陆娅楠", "记者")];
        var lifted = Story("全国铁路调图", "记者从国家铁路集团获悉：全国铁路实行新的列车运行图。");
        lifted.Dateline = new Dateline("（本报北京10月10日电）", "北京", "2019-10-10");
        lifted.BylineRaw = "（记者 陆娅楠）";
        lifted.Byline = [new Byline("陆娅楠", "记者")];
        var left = Story("全国铁路调图", "本报北京10月10日电  （记者陆娅楠）记者从国家铁路集团获悉：全国铁路实行新的列车运行图。");

        var r1 = Evaluate(Issue(gold), Issue(lifted)).Stories[0];
        var r2 = Evaluate(Issue(gold), Issue(left)).Stories[0];
        Assert.Equal(Segmentation.Exact, r1.Segmentation);
        Assert.True(r1.BylineFound);
        Assert.True(r1.DatelineFound);
        Assert.Equal(Segmentation.Exact, r2.Segmentation);
        Assert.False(r2.BylineFound);
        Assert.False(r2.DatelineFound);
    }

    [Fact]
    public void Two_stories_in_one_article_are_merged_and_the_other_one_is_named()
    {
        var predicted = Issue(Story(A.Title!, [.. A.Paragraphs, B.Title!, .. B.Paragraphs]));
        var r = Evaluate(Issue(A, B), predicted);
        var a = r.Stories[0];
        Assert.Equal(Segmentation.Merged, a.Segmentation);
        Assert.Equal(1, Assert.Single(a.Intruders).Index);
        Assert.Contains(a.Origins, o => o.Text == B.Title && o.Owner == 1 && o.OwnerField == "title");
        // B's text is all in A's article: B is cut off into it, not lost.
        Assert.NotEqual(Segmentation.Exact, r.Stories[1].Segmentation);
        Assert.False(r.Stories[1].TitleExact);
    }

    [Fact]
    public void A_crosshead_taken_for_a_new_story_splits_the_story_in_two()
    {
        var gold = Story("礼赞新中国", "上海中共一大会址，游客重温入党誓词。", "新疆昌吉", "各族群众载歌载舞，表达诚挚祝福。");
        var predicted = Issue(Story("礼赞新中国", "上海中共一大会址，游客重温入党誓词。"), Story("新疆昌吉", "各族群众载歌载舞，表达诚挚祝福。"));
        var s = Evaluate(Issue(gold), predicted).Stories[0];
        Assert.Equal(Segmentation.Split, s.Segmentation);
        Assert.Equal(2, s.Pieces.Count);
        Assert.True(s.TitleExact);
        Assert.Contains("a crosshead opened a new article", Causes.Of(s));
    }

    [Fact]
    public void Text_left_in_no_article_is_lost_and_text_read_into_a_neighbours_paragraph_is_told_apart()
    {
        var gold = Story("礼赞新中国", "上海中共一大会址，游客重温入党誓词。", "新疆昌吉各族群众载歌载舞，表达诚挚祝福。");
        // A line of the story put in the page's unassigned text: lost.
        var dropped = Issue(Story("礼赞新中国", "上海中共一大会址，游客重温入党誓词。"));
        dropped.Unassigned.Add("新疆昌吉各族群众载歌载舞，表达诚挚祝福。");
        var lost = Evaluate(Issue(gold, B), dropped).Stories[0];
        Assert.Contains("part lost to unassigned/furniture", Causes.Of(lost));
        Assert.DoesNotContain("part read into another story's paragraph", Causes.Of(lost));

        // The same line read into a paragraph that is mostly another story's (a column run into a neighbour's sentence).
        var mixed = Issue(Story("礼赞新中国", "上海中共一大会址，游客重温入党誓词。"),
            Story(B.Title!, "国庆节前夕，社区居民用七彩面团做成长寿面。新疆昌吉各族群众"));
        var read = Evaluate(Issue(gold, B), mixed).Stories[0];
        Assert.Contains("part read into another story's paragraph", Causes.Of(read));
        Assert.DoesNotContain("part lost to unassigned/furniture", Causes.Of(read));
    }

    [Fact]
    public void A_title_given_to_the_neighbouring_story_is_traced_to_where_it_belongs()
    {
        // The parse gives B's title to A and leaves B without one: both stories' text is wrong.
        var predicted = Issue(Story(B.Title!, A.Paragraphs.ToArray()), Story(A.Title!, B.Paragraphs.ToArray()));
        var r = Evaluate(Issue(A, B), predicted);
        var a = r.Stories[0];
        Assert.Equal(Segmentation.Mixed, a.Segmentation);
        Assert.False(a.TitleExact);
        var title = Assert.Single(a.Origins, o => o.Field == "title");
        Assert.Equal((1, "title"), (title.Owner, title.OwnerField));
        // A's own title went with B's body: A is cut in two as well.
        Assert.Equal(["title from another story's title", "holds another story's heading", "cut into several articles"], Causes.Of(a));
        Assert.Contains(("title from another story's title", 2), Causes.Tally(r.Stories));
    }

    [Fact]
    public void Text_of_no_story_in_an_article_is_counted_as_extra()
    {
        var predicted = Issue(Story(A.Title!, [.. A.Paragraphs, "责任编辑：王芳"]), B);
        var s = Evaluate(Issue(A, B), predicted).Stories[0];
        Assert.Equal(Segmentation.Merged, s.Segmentation);
        Assert.Empty(s.Intruders);
        Assert.Equal(StoryText.Normalise("责任编辑：王芳").Length, s.ExtraChars);
    }

    [Fact]
    public void Kickers_and_subtitles_count_only_where_one_side_has_one()
    {
        var gold = Story("守初心者行必远", "网友留言。");
        gold.Kicker = "网友热议任仲平文章——";
        var none = Evaluate(Issue(Story("x", "y")), Issue(Story("x", "y"))).Stories[0];
        var missed = Evaluate(Issue(gold), Issue(Story("守初心者行必远", "网友热议任仲平文章——网友留言。"))).Stories[0];
        Assert.Null(none.KickerExact);
        Assert.Null(none.SubtitleExact);
        Assert.False(missed.KickerExact);
        Assert.False(missed.HeadlineExact);
        Assert.True(missed.TitleExact);
    }

    [Fact]
    public void Han_characters_the_parse_drops_are_counted_against_the_input()
    {
        var input = "习近平会见中国女排代表\n丁薛祥参加会见。";
        var predicted = Issue(Story("习近平会见中国女排代表", "丁薛祥参加"));
        var r = DumpEvaluation.Evaluate("d", input, Issue(Story("习近平会见中国女排代表", "丁薛祥参加会见。")), predicted);
        Assert.Equal(18, r.HanIn);
        Assert.Equal(16, r.HanKept); // 会见 is lost
        Assert.Equal(0, r.GoldGap);
    }

    [Fact]
    public void A_gold_that_leaves_printed_text_unaccounted_for_is_flagged()
    {
        var r = DumpEvaluation.Evaluate("d", "喜做国庆面\n国庆节前夕。\n广告", Issue(Story("喜做国庆面", "国庆节前夕。")), Issue());
        Assert.Equal(2, r.GoldGap);
        Assert.All(r.Stories, s => Assert.Equal(Segmentation.Missing, s.Segmentation));
    }

    [Fact]
    public void Scores_add_up_per_style_and_floors_fail_below_them()
    {
        var score = new StyleScore("archive");
        score.Add(Evaluate(Issue(A, B), Issue(A, B)));
        score.Add(Evaluate(Issue(A, B), Issue(Story(A.Title!, [.. A.Paragraphs, B.Title!, .. B.Paragraphs]))));
        Assert.Equal(4, score.Stories);
        Assert.Equal(50.0, score.Metrics["segmented"]);
        Assert.Equal(75.0, score.Metrics["titles"]);
        Assert.Equal(100.0, score.Metrics["han"]);

        var floors = new Floors(new() { ["archive"] = new() { ["segmented"] = 50.0, ["titles"] = 80.0 }, ["pdf"] = new() { ["han"] = 99.9 } });
        var below = floors.Check([score]);
        Assert.Equal(2, below.Count);
        Assert.Contains(below, l => l.StartsWith("archive: titles 75.0%"));
        Assert.Contains(below, l => l.StartsWith("pdf: not measured"));
    }
}
