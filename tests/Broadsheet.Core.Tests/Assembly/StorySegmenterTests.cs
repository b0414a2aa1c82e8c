using Broadsheet.Core.Assembly;
using Section = Broadsheet.Core.Assembly.StorySegmenter.Section;

namespace Broadsheet.Core.Tests.Assembly;

/// <summary>The page-wide cut on its own: start evidence against what a section shares with the story before it.</summary>
public class StorySegmenterTests
{
    private const string Harvest = "全国秋粮已收获过半，各地抢抓晴好天气加快秋粮收获进度，农机作业进度快于去年同期。";
    private const string HarvestMore = "各地秋粮收获进度加快，农机作业水平稳步提高，秋粮收获过半。";
    private const string Rail = "国庆假期全国铁路累计发送旅客一亿多人次，铁路部门加开旅客列车，旅客出行平稳有序。";

    [Fact]
    public void A_section_about_what_its_story_is_about_stays_inside_it()
    {
        var starts = StorySegmenter.Segment([new Section(0, Harvest), new Section(-0.5, HarvestMore)]);
        Assert.Equal([true, false], starts);
    }

    [Fact]
    public void A_section_about_something_else_opens_a_story_on_weak_evidence()
    {
        var starts = StorySegmenter.Segment([new Section(0, Harvest), new Section(0.5, Rail)]);
        Assert.Equal([true, true], starts);
    }

    [Fact]
    public void Strong_evidence_opens_a_story_even_on_the_same_subject()
    {
        var starts = StorySegmenter.Segment([new Section(0, Harvest), new Section(5, HarvestMore)]);
        Assert.Equal([true, true], starts);
    }

    [Fact]
    public void A_section_that_must_start_does_and_cuts_the_story_before_it()
    {
        var starts = StorySegmenter.Segment([new Section(0, Harvest), new Section(-5, Harvest, MustStart: true), new Section(-0.5, HarvestMore)]);
        Assert.Equal([true, true, false], starts);
    }

    [Fact]
    public void The_cut_is_page_wide_a_digression_stays_inside_when_the_story_comes_back_to_its_subject()
    {
        // Alone, the rail section would open a story (A_section_about_something_else…); followed by more harvest text
        // that joins the harvest story only through it, the whole page is one story.
        var starts = StorySegmenter.Segment([new Section(0, Harvest), new Section(0.5, Rail), new Section(-0.5, HarvestMore)]);
        Assert.Equal([true, false, false], starts);
    }
}
