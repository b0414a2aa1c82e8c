using Broadsheet.Core.Model;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Layout;

/// <summary>Crossheads of more than one line in PDF text (default order), from the tuning month's renders (人民日报 2019-10, seed 1).</summary>
public class MultiLineCrossheadTests
{
    /// <summary>2019-10-09 page 13, its top: a story whose parts each open under a two-line crosshead (`聊家常讲政策` / `确保搬得出`).</summary>
    private static readonly string[] Page =
    [
        "13",
        "",
        "体育",
        "",
        "2019年10月9日",
        "",
        "70万老乡搬出穷山沟（一线探民生）",
        "配学校、盖医院、建菜园，广西多措推进易地扶贫搬迁",
        "",
        "核心阅读",
        "“石头缝里不出苗，熬干汗水",
        "吃不饱”，广西部分地区生存环境",
        "较为恶劣，只能依靠易地扶贫搬迁",
        "改善群众生活。",
        "由于种种原因，有的群众不愿",
        "搬怎么办？搬得出能稳住、能致富",
        "吗？广西出台相关政策，由干部给",
        "村民讲道理、做工作，让老乡主动",
        "接受易地搬迁；布局好学校、医院",
        "等相关配套设施，帮助村民搬得",
        "出、稳得住；各地还结合自身优",
        "势，发展特色产业，给搬迁的老乡",
        "提供就业机会。",
        "高大的住宅楼房整齐矗立，宽",
        "敞的水泥巷道贯通小区；在小区休",
        "闲广场，孩子们嬉笑打闹，老人们",
        "悠闲地晒太阳、下象棋……近日，",
        "记者走进地处广西田林县乐里镇百",
        "花寨的易地扶贫搬迁安置点，展现",
        "在眼前的是一幅景美人和的场景。",
        "广西有的地方“石头缝里不出",
        "苗，熬干汗水吃不饱”。改变这部",
        "分生存环境恶劣的群众生活，易地",
        "扶贫搬迁是出路。可是故土难离，",
        "不愿搬怎么办？搬出去能住得好",
        "吗？这些都是压在易地搬迁贫困户",
        "心头的大石头。为让石头落地，广",
        "西出政策、强基建、配产业，采取",
        "有力措施确保易地搬迁群众“搬得",
        "出、稳得住、能致富”。",
        "",
        "聊家常讲政策",
        "确保搬得出",
        "",
        "“做梦也没想到，像我这样祖",
        "祖辈辈住在大石山区的贫困户还能",
        "住进这样宽敞明亮的楼房。”在百",
        "花寨易地扶贫搬迁安置点，田林县",
        "浪平镇弄陀村的村民谭刚团说。",
        "",
        "谭刚团以前居住在大石山区，",
        "常年干旱缺水，生活条件恶劣，住",
        "的是木瓦结构的房子，雨天漏水，",
        "冬天漏风，一家四口生活十分艰",
        "辛。",
        "“针对田林县部分地方自然条",
        "件恶劣，难以持续发展的境况，县",
        "委县政府多次开会讨论，确定扶贫",
        "搬 迁 安 置 点 16 个 ， 要 搬 迁 近 万",
        "人。”田林县委书记彭斌说，“但",
        "搬迁户的工作难做：有人离不了",
        "根，不搬；有人不信天上掉馅饼，",
        "不搬；还有人觉得搬出去没意义，",
        "不搬。”",
        "为了“搬得出”，广西出台",
        "《关于加强贫困地区整屯（自然",
        "村）搬迁工作的意见》等文件，印",
        "发相关县级领导干部专项考核办",
        "法，增添了贫困地区搬迁的底气。",
        "“那段时间，有的干部整月都住在",
        "村里，晚上9点还在村民家里聊家",
        "常讲政策做工作。”彭斌说。",
    ];

    [Fact]
    public void A_two_line_crosshead_between_two_paragraphs_of_its_story_opens_no_new_article()
    {
        var text = string.Join("\n", Page);
        var issue = IssueParser.Parse(text, new IssueContext(Date: new DateOnly(2019, 10, 9)));
        var story = Assert.Single(issue.Articles, a => Body(a).Contains("石头缝里不出苗"));
        Assert.Contains("为了“搬得出”，广西出台", Body(story));
        Assert.Empty(LostHan(text, issue));
    }
}
