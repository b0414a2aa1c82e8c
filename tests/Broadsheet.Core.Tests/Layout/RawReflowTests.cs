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
}
