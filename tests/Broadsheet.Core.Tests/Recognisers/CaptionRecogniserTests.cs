using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class CaptionRecogniserTests
{
    private readonly CaptionRecogniser r = new();

    [Theory]
    [InlineData("1984年9月22日，首届孔子诞辰故里游开幕式举行。（图片由曲阜市孔子文化节事务中心提供）")]
    [InlineData("图为市民在广场上观看演出。")]
    [InlineData("8月7日，游客在太白湖景区游玩。（本报记者 徐建中 摄）")]
    [InlineData("游客在景区游玩。（资料图）")]
    [InlineData("图①为开幕式现场")]
    public void Captions_are_recognised(string text) => Assert.True(r.IsCaption(text));

    [Theory]
    [InlineData("今天，中国（济宁）先进碳材料产业发展高峰论坛在嘉祥举行。")]
    [InlineData("摄影爱好者纷纷前来。")]
    public void Ordinary_body_text_is_not_a_caption(string text) => Assert.False(r.IsCaption(text));
}
