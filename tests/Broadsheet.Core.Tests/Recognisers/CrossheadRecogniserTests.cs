using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class CrossheadRecogniserTests
{
    private readonly CrossheadRecogniser r = new();
    private readonly HeadlineRecogniser h = new();

    [Theory]
    [InlineData("一、聚焦全方位强化要素保障")]
    [InlineData("（二）搭建人才引进“桥梁”")]
    [InlineData("3、优化营商环境")]
    [InlineData("◆当好“店小二”")]
    public void Numbered_or_marked_short_lines_are_crossheads(string line) => Assert.True(r.IsCrosshead(line, h));

    [Theory]
    [InlineData("一是聚焦全方位强化要素保障，打造助企攀登“后勤部”。")]
    [InlineData("多维聚焦 精准发力")]
    [InlineData("2021年集团全日制招")]
    [InlineData("第一篇标题在这里")]
    public void Sentences_and_plain_headlines_are_not_crossheads(string line) => Assert.False(r.IsCrosshead(line, h));
}
