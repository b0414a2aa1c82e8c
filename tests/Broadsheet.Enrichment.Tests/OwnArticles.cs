using Broadsheet.Core.Model;

namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// Articles written for these tests in the style of a city daily (not from the reference page), so the extractors are
/// checked on text they were not tuned on.
/// </summary>
internal static class OwnArticles
{
    /// <summary>A 微山 tourism story: dateline, two bylines, an official quoted after the quote, a visitor before it.</summary>
    public static Article WetlandPark => new()
    {
        Id = "own-01",
        Page = 3,
        Pages = [3],
        Title = "微山湖湿地公园迎来暑期游客高峰",
        Subtitle = "夜游、研学新线路拉长游客停留时间",
        Byline = [new Byline("张晓峰", "本报记者"), new Byline("孟凡强", "通讯员")],
        BylineRaw = "本报记者 张晓峰 通讯员 孟凡强",
        Dateline = new Dateline("本报微山8月6日讯", "微山", "2022-08-06"),
        Paragraphs =
        [
            "今年暑期以来，微山湖国家湿地公园累计接待游客12.6万人次，实现旅游综合收入3800万元，同比增长21.5%。8月5日，记者在景区看到，荷花盛开，游船往来，前来观光的游客络绎不绝。",
            "“今年我们新增了夜游项目和研学线路，游客停留时间明显延长。”微山县文化和旅游局党组书记、局长孙立新介绍，县文旅局联合微山湖旅游发展集团推出“荷香微山”系列活动，截至7月底已举办各类活动32场。",
            "来自济南的游客王丽娟带着孩子专程赶来。她说：“湖上的风景太美了，孩子在研学营地学到了很多湿地知识。”",
            "据了解，下半年微山县将投资2.3亿元实施南阳古镇提升工程，进一步完善湿地公园配套设施，打造湿地研学和夜游品牌。",
        ],
    };

    /// <summary>A Beijing story: 朝阳 must resolve to Beijing's 朝阳区, not 辽宁's 朝阳市 or 长春's 朝阳区.</summary>
    public static Article PocketParks => new()
    {
        Id = "own-02",
        Page = 4,
        Pages = [4],
        Title = "朝阳区今年新建12处口袋公园",
        Byline = [new Byline("赵文静", "本报记者")],
        Dateline = new Dateline("本报北京8月7日电", "北京", "2022-08-07"),
        Paragraphs =
        [
            "记者从北京市朝阳区园林绿化局获悉，今年朝阳将新建口袋公园12处，总面积约3.5万平方米。目前，望京、酒仙桥等地的首批项目已开工，预计9月底前完工。",
            "朝阳区园林绿化局局长李建国表示：“口袋公园虽小，却是居民家门口的绿色客厅，我们要让市民出门见绿、推窗见景。”",
            "据介绍，去年朝阳共建成口袋公园10处，居民满意度达96%。",
        ],
    };
}
