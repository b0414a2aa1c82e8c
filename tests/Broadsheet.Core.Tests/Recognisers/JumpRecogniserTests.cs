using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class JumpRecogniserTests
{
    private readonly JumpRecogniser r = new();

    [Theory]
    [InlineData("人才评价制度改革，（下转2版C）", JumpDirection.Out, 2, "C", "（下转2版C）")]
    [InlineData("提供多功能、全方位的暖心服务。（下转2版A）", JumpDirection.Out, 2, "A", "（下转2版A）")]
    [InlineData("确保完成全年目标任务。（下转第二版）", JumpDirection.Out, 2, null, "（下转第二版）")]
    [InlineData("确保完成全年目标任务。下转第2版", JumpDirection.Out, 2, null, "下转第2版")]
    [InlineData("（上接1版C）会议强调，", JumpDirection.In, 1, "C", "（上接1版C）")]
    [InlineData("（上接第一版）", JumpDirection.In, 1, null, "（上接第一版）")]
    [InlineData("接第3版", JumpDirection.In, 3, null, "接第3版")]
    [InlineData("（下转Ａ2版）", JumpDirection.Out, 2, "A", "（下转Ａ2版）")]
    public void Jump_markers_give_page_section_and_raw(string line, JumpDirection dir, int page, string? section, string raw)
    {
        var m = Assert.Single(r.FindAll(line));
        Assert.Equal(dir, m.Direction);
        Assert.Equal(page, m.Ref.Page);
        Assert.Equal(section, m.Ref.Section);
        Assert.Equal(raw, m.Ref.Raw);
        Assert.Equal(raw, line.Substring(m.Start, m.Length));
    }

    [Theory]
    [InlineData("记者接第3版编辑的电话后赶到现场")]
    [InlineData("本报今日下转第2版的内容")]
    [InlineData("出版了第二版教材")]
    public void Prose_mentioning_a_page_is_not_a_jump(string line) => Assert.Empty(r.FindAll(line));
}
