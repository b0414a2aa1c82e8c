using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Tests.Layout;

public class TextNormaliserTests
{
    [Theory]
    [InlineData("夯实人才支撑夯实人才支撑 激发创新活力激发创新活力··““一把手一把手””谈人才谈人才", "夯实人才支撑 激发创新活力·“一把手”谈人才")]
    [InlineData("孔子文化节孔子文化节", "孔子文化节")]
    [InlineData("奋进新征程奋进新征程 建功新时代建功新时代", "奋进新征程 建功新时代")]
    public void Bold_doubled_runs_collapse(string input, string expected) =>
        Assert.Equal(expected, TextNormaliser.CollapseDoubling(input));

    [Theory]
    [InlineData("常常")]
    [InlineData("步步高高")]
    [InlineData("————")]
    [InlineData("他说谢谢谢谢大家的支持")]
    [InlineData("孔子文化节·记忆")]
    [InlineData("研究研究再说")]
    public void Ordinary_text_is_not_collapsed(string input) => Assert.Equal(input, TextNormaliser.CollapseDoubling(input));

    [Theory]
    [InlineData("1984 年 9 月 22 日，", "1984年9月22日，")]
    [InlineData("业率达 98.5%，其中制造业从业人数占", "业率达98.5%，其中制造业从业人数占")]
    [InlineData("9 个批次 337.143 亩，取得批复 8 个批次", "9个批次337.143亩，取得批复8个批次")]
    [InlineData("本报邹城１２ 月３ 日讯", "本报邹城１２月３日讯")]
    public void Letter_spaced_digits_close_up(string input, string expected) =>
        Assert.Equal(expected, TextNormaliser.CloseDigitSpacing(input));

    [Theory]
    [InlineData("多维聚焦 精准发力")]
    [InlineData("2023年11月23日 星期四")]
    [InlineData("COVID 19 and PM2.5")]
    [InlineData("■本报记者 谷常浩")]
    public void Other_spacing_is_kept(string input) => Assert.Equal(input, TextNormaliser.CloseDigitSpacing(input));

    [Fact]
    public void Lines_are_trimmed_including_ideographic_space() =>
        Assert.Equal("会议要求，", TextNormaliser.NormaliseLine("\u3000\u3000会议要求， "));
}
