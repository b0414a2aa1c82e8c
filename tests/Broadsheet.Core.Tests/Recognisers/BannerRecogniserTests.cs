using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class BannerRecogniserTests
{
    private readonly BannerRecogniser r = new();

    [Fact]
    public void An_editors_note_names_its_columns()
    {
        var names = r.NamedColumns("本报自今日起陆续开设“孔子文化节·记忆”“尼山世界文明论坛·记忆”专栏，采取图片+文字报道方式");
        Assert.Equal(["孔子文化节·记忆", "尼山世界文明论坛·记忆"], names);
    }

    [Theory]
    [InlineData("——访市委组织部副部长，市人力资源社会保障局党组书记、局长刘东利", "访")]
    [InlineData("——记全国劳动模范张三", "记")]
    [InlineData("——兖州区党建引领新业态新就业群体融入基层治理", null)]
    [InlineData(null, null)]
    public void Interview_and_profile_subtitles_mark_a_series(string? subtitle, string? marker) =>
        Assert.Equal(marker, BannerRecogniser.SeriesMarker(subtitle));

    [Theory]
    [InlineData("简讯", true)]
    [InlineData("【新闻快讯】", true)]
    [InlineData("孔子文化节·记忆", false)]
    public void Briefs_banners_are_known(string line, bool expected) => Assert.Equal(expected, r.IsBriefsBanner(line));

    [Theory]
    [InlineData("孔子文化节·记忆", true)]
    [InlineData("奋进新征程 建功新时代", true)]
    [InlineData("汶上打出基金监管“组合拳”", false)]
    public void Column_names_read_like_columns(string line, bool expected) => Assert.Equal(expected, r.LooksLikeColumn(line));
}
