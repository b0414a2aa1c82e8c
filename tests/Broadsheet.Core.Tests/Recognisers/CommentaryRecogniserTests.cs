using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class CommentaryRecogniserTests
{
    private readonly CommentaryRecogniser r = new();

    [Fact]
    public void A_commentator_byline_makes_commentary() =>
        Assert.True(r.IsCommentary(null, "让实干成为鲜明导向", [new Byline("张三", "本报评论员")]));

    [Fact]
    public void An_unsigned_commentator_line_makes_commentary() =>
        Assert.True(r.IsCommentary(null, "让实干成为鲜明导向", [], "本报评论员"));

    [Theory]
    [InlineData("短评", null)]
    [InlineData(null, "述评：经济稳中向好")]
    [InlineData("时评", null)]
    public void Commentary_labels_in_column_or_deck(string? column, string? deck) => Assert.True(r.IsCommentary(column, deck, []));

    [Fact]
    public void A_news_story_is_not_commentary() =>
        Assert.False(r.IsCommentary("奋进新征程 建功新时代", "多维聚焦 精准发力", [new Byline("徐杰", "通讯员")]));

    [Theory]
    [InlineData("短评", true)]
    [InlineData("【述评】", true)]
    [InlineData("评论员文章说", false)]
    public void Label_lines(string line, bool expected) => Assert.Equal(expected, r.IsLabel(line));
}
