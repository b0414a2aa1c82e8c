using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class BylineRecogniserTests
{
    private readonly BylineRecogniser r = new();

    private static string Names(BylineMatch m) => string.Join(",", m.People.Select(p => $"{p.Role}:{p.Name}"));

    [Theory]
    [InlineData("■本报记者 谷常浩", "本报记者:谷常浩")]
    [InlineData("■记者 刘项清 杨国庆", "记者:刘项清,记者:杨国庆")]
    [InlineData("■记者 刘项清 杨国庆 通讯员 展威 编辑整理", "记者:刘项清,记者:杨国庆,通讯员:展威")]
    [InlineData("□本报通讯员 董锐 郭宗卫", "本报通讯员:董锐,本报通讯员:郭宗卫")]
    [InlineData("◎全媒体记者 矫 月", "全媒体记者:矫月")]
    [InlineData("本报记者 张  娅 实习生 王 晨", "本报记者:张娅,实习生:王晨")]
    [InlineData("新华社记者 李大伟 黄秋生 通讯员 陈理春", "新华社记者:李大伟,新华社记者:黄秋生,通讯员:陈理春")]
    [InlineData("融媒体记者 欧阳晓娟", "融媒体记者:欧阳晓娟")]
    [InlineData("首席记者 王海 特约记者 赵一鸣", "首席记者:王海,特约记者:赵一鸣")]
    public void Opening_bylines_give_names_and_roles(string line, string expected)
    {
        var m = r.Match(line);
        Assert.NotNull(m);
        Assert.Equal(expected, Names(m));
        Assert.False(m.Closing);
        Assert.Null(m.Lead);
    }

    [Theory]
    [InlineData("（记者 马尚龙）", "记者:马尚龙")]
    [InlineData("(作者:柴晶晶)", "作者:柴晶晶")]
    [InlineData("（记者 戈伟 实习生 刘晓雪）", "记者:戈伟,实习生:刘晓雪")]
    [InlineData("(记者张益俊)", "记者:张益俊")]
    public void Bracketed_bylines_close_a_story(string line, string expected)
    {
        var m = r.Match(line);
        Assert.NotNull(m);
        Assert.True(m.Closing);
        Assert.Equal(expected, Names(m));
    }

    [Fact]
    public void A_byline_sharing_a_line_with_a_headline_keeps_the_headline_apart()
    {
        var m = r.Match("泗水着力放大助企攀登质量效益 ■本报通讯员 董锐 郭宗卫");
        Assert.NotNull(m);
        Assert.Equal("泗水着力放大助企攀登质量效益", m.Lead);
        Assert.Equal("■本报通讯员 董锐 郭宗卫", m.Raw);
        Assert.Equal("本报通讯员:董锐,本报通讯员:郭宗卫", Names(m));
    }

    [Theory]
    [InlineData("本报记者 徐建中摄", "本报记者:徐建中")]
    [InlineData("■记者 王磊 摄", "记者:王磊")]
    [InlineData("本报记者 张三 摄影报道", "本报记者:张三")]
    public void Photo_credits_are_marked(string line, string expected)
    {
        var m = r.Match(line);
        Assert.NotNull(m);
        Assert.True(m.PhotoCredit);
        Assert.Equal(expected, Names(m));
    }

    [Theory]
    [InlineData("龚献明摄（影像中国）", ":龚献明")]
    [InlineData("赵启瑞摄", ":赵启瑞")]
    [InlineData("郝  帅摄", ":郝帅")]
    public void Bare_picture_credits_are_photo_credits(string line, string expected)
    {
        var m = r.Match(line);
        Assert.NotNull(m);
        Assert.True(m.PhotoCredit);
        Assert.Equal(expected, Names(m));
        Assert.Equal(line, m.Raw);
    }

    [Theory]
    [InlineData("他拍摄")]
    [InlineData("游客争相拍摄")]
    [InlineData("这是今年以来第一次摄")]
    public void Text_ending_in_a_shot_is_no_credit(string line) => Assert.Null(r.Match(line));

    [Theory]
    [InlineData("编辑整理")]
    [InlineData("整理")]
    public void Role_words_alone_continue_a_byline(string line)
    {
        var m = r.Match(line);
        Assert.NotNull(m);
        Assert.True(m.RoleOnly);
        Assert.Empty(m.People);
    }

    [Fact]
    public void Names_before_the_role_take_that_role() =>
        Assert.Equal("记者:罗勇,记者:江潇", Names(r.Parse("罗勇 记者 江潇", relaxed: true)!));

    [Fact]
    public void An_organisation_before_the_role_stays_in_the_raw_byline_only()
    {
        var m = r.Match("(德州晚报全媒体记者 张明凯)")!;
        Assert.Equal("全媒体记者:张明凯", Names(m));
        Assert.Equal("(德州晚报全媒体记者 张明凯)", m.Raw);
    }

    [Theory]
    [InlineData("记者从市统计局获悉，")]
    [InlineData("记者了解到")]
    [InlineData("“目前，我市正在大力推进制造强市建")]
    [InlineData("刘东利说，技工院校是培养技能人才")]
    [InlineData("孔子文化节·记忆")]
    [InlineData("多维聚焦 精准发力")]
    public void Body_text_and_headlines_are_not_bylines(string line) => Assert.Null(r.Match(line));

    [Fact]
    public void A_closing_byline_at_the_end_of_a_body_line_is_found()
    {
        var at = r.FindTrailing("不断引领先进碳材料产业高质量发展。（记者 马尚龙）", out var m);
        Assert.Equal("不断引领先进碳材料产业高质量发展。".Length, at);
        Assert.Equal("记者:马尚龙", Names(m!));
    }

    [Fact]
    public void A_photo_credit_in_brackets_is_not_a_trailing_byline() =>
        Assert.Equal(-1, r.FindTrailing("县长徐庆刚致辞。（图片由曲阜市孔子文化节事务中心提供）", out _));
}
