using Broadsheet.Core.Model;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>
/// Constructs of real pages, on excerpts of 人民日报 stories from the tuning month of ../shared/corpus/people-daily
/// (2019-10; paragraphs cut short), set as an archive export sets them: heading lines, then one paragraph a line,
/// no blank line between stories — so only the text itself tells where a story starts.
/// </summary>
public class CorpusPageTests
{
    private static readonly IssueContext Context = new("people-daily", new DateOnly(2019, 10, 9));

    private static List<Article> Parse(string page) => IssueParser.Parse(page, Context).Articles;

    private static string Titles(List<Article> articles) => string.Join(" | ", articles.Select(a => $"{a.Kicker}/{a.Title}/{a.Subtitle}: {a.Paragraphs.Count} ¶"));

    private static Article Titled(List<Article> articles, string title) => Assert.Single(articles, a => Squeeze(a.Title) == Squeeze(title));

    [Fact]
    public void Crossheads_stay_inside_their_story_and_the_next_title_opens_the_next()
    {
        // 2019-10-07 page 6: two 新中国的“第一” stories, each with 亲历者说/见证者说 crossheads and a closing note. (The
        // page also sets a speaker's `姓名：身份，…` line under each crosshead; a crosshead over such a line is still read
        // as a new story's deck — not yet handled, left out here.)
        var articles = Parse("""
            第一颗原子弹（新中国的“第一”·国防篇）
            第一颗原子弹的成功研制，大大提高了中国的国际地位。
            亲历者说
            1964年10月16日，第一颗原子弹爆炸的时候，我在苏联杜布纳研究所。从使馆拿到核爆的纪录片后，我请实验室的主任副主任等外国朋友一起观看。
            1965年，中苏关系破裂，我回到原子能院。1965年夏，我来到青海省海晏县，参与我国第三次核武器试验。
            参观贴士
            中国核工业科技馆是国内首个系统介绍核科技知识、核工业成就的国家级行业馆，隶属中国核工业集团有限公司。
            第一艘核潜艇（新中国的“第一”·国防篇）
            核潜艇部队，是一支象征大国地位、支撑国家安全的战略部队，为我国奠定大国地位、维护大国形象提供了有力战略支撑。
            见证者说
            上世纪60年代末，海军从常规潜艇挑选艇员组建核潜艇接艇队，他们大多数只读过初中，连“核裂变”都没听说过。
            首艇的试航，每进行一个项目，都是从零开始。从第一次启堆、第一次出海到第一次下潜，艇员们不怕苦、不怕脏、不怕累。
            """);
        Assert.Equal(2, articles.Count);
        var bomb = Titled(articles, "第一颗原子弹（新中国的“第一”·国防篇）");
        Assert.Contains("亲历者说", bomb.Paragraphs);
        Assert.Contains("参观贴士", bomb.Paragraphs);
        Assert.Contains("中国核工业科技馆", Body(bomb));
        var sub = Titled(articles, "第一艘核潜艇（新中国的“第一”·国防篇）");
        Assert.Contains("见证者说", sub.Paragraphs);
        Assert.Contains("首艇的试航", Body(sub));
    }

    [Fact]
    public void A_kicker_ending_in_a_colon_opens_the_next_story_instead_of_closing_the_one_before()
    {
        // 2019-10-09 page 4.
        var articles = Parse("""
            香港各界支持特区政府依法止暴制乱
            新华社香港10月8日电  香港社会各界人士8日纷纷表示，坚决支持特区政府依法施政、止暴制乱。
            各界人士表示，止暴制乱、恢复秩序是香港当前最紧迫的任务。
            林郑月娥：
            暴徒无法无天 特区政府决心止暴制乱
            新华社香港10月8日电  香港特区行政长官林郑月娥8日表示，在过去的长周末，暴徒在香港各区施行严重、广泛的破坏行为。
            林郑月娥8日出席行政会议前会见媒体。
            """);
        Assert.Equal(2, articles.Count);
        var second = Titled(articles, "暴徒无法无天 特区政府决心止暴制乱");
        Assert.Equal("林郑月娥：", second.Kicker);
        Assert.Equal("新华社香港10月8日电", second.Dateline?.Raw);
        Assert.DoesNotContain("林郑月娥：", string.Concat(articles[0].Paragraphs));
    }

    [Fact]
    public void Closing_credits_close_their_story()
    {
        // 2019-10-05 page 3 (本报 closing dateline) and 2019-10-01 page 10 (（作者为…）, kept in the body by the contract).
        var articles = Parse("""
            “为比中友好添佳话”
            位于比利时首都布鲁塞尔西南约60公里处的天堂动物园被誉为“比利时最美动物园”。
            大熊猫妈妈“好好”产下的是一对龙凤胎，今年晚些时候，这对龙凤胎将同观众见面。
            （本报布鲁塞尔10月4日电）
            中国为解决全球发展不平等带来曙光（国际论坛）
            如果想了解全球发展不平等的现状，从普若斯泊·查基博士的工作中即可窥见一斑。
            借鉴中国的成功经验，将为解决全球发展不平等问题带来曙光。
            （作者为比尔及梅琳达·盖茨基金会联席主席）
            朝鲜加快经济建设步伐
            近日，记者前往朝鲜两江道三池渊郡采访。一个突出的感受是，整个三池渊郡如同一个规模宏大的建设工地。
            三池渊郡的变化是朝鲜近年来大力推进经济建设的一个缩影。
            （本报平壤10月5日电）
            """);
        Assert.Equal(3, articles.Count);
        var panda = Titled(articles, "“为比中友好添佳话”");
        Assert.Equal("本报布鲁塞尔10月4日电", panda.Dateline?.Raw);
        Assert.Equal("布鲁塞尔", panda.Dateline?.Place);
        Assert.Equal("2019-10-04", panda.Dateline?.Date);
        var forum = Titled(articles, "中国为解决全球发展不平等带来曙光（国际论坛）");
        Assert.Contains("作者为比尔及梅琳达·盖茨基金会联席主席", Body(forum));
        Assert.Null(forum.Column);
        Assert.Equal("本报平壤10月5日电", Titled(articles, "朝鲜加快经济建设步伐").Dateline?.Raw);
    }

    [Fact]
    public void A_photo_item_is_its_own_article_with_its_credit()
    {
        // 2019-10-01 page 3: a 图片报道 under a commentary.
        var articles = Parse("""
            书写出更新更美的时代篇章
            70年披荆斩棘，70年风雨兼程，中华民族迎来了从站起来、富起来到强起来的伟大飞跃。
            让我们更加紧密地团结在以习近平同志为核心的党中央周围，书写出更新更美的时代篇章。
            图片报道
            庆祝中华人民共和国成立七十周年暨中俄建交七十周年档案文献展九月三十日在莫斯科开幕。
            本报记者  殷新宇摄
            """);
        Assert.Equal(2, articles.Count);
        var photo = Titled(articles, "图片报道");
        Assert.Contains("档案文献展", Body(photo));
        Assert.Equal("殷新宇", Assert.Single(photo.Byline).Name);
        Assert.DoesNotContain("图片报道", Body(Titled(articles, "书写出更新更美的时代篇章")));
    }

    [Fact]
    public void A_wire_taken_over_gives_dateline_and_byline()
    {
        // 2019-10-21 page 1.
        var articles = Parse("""
            600余家中外企业新科技亮相互联网之光博览会
            据新华社电 （记者余俊杰、崔力）18日，在浙江乌镇开幕的第六届世界互联网大会互联网之光博览会上，来自国内外的600余家企业携其新成果亮相。
            据悉，本届博览会展览面积约4.5万平方米。
            """);
        var a = Assert.Single(articles);
        Assert.Equal("据新华社电", a.Dateline?.Raw);
        Assert.Equal(["余俊杰", "崔力"], a.Byline.Select(b => b.Name));
        Assert.StartsWith("18日，在浙江乌镇", Body(a));
    }
    [Fact]
    public void A_roundup_of_parts_each_with_a_kicker_title_and_credit_is_one_story()
    {
        // 2019-10-01 page 6: the title, then each part's `地点——` / title / credit, then its text.
        var articles = Parse("""
            礼赞新中国
            上海中共一大会址——
            重温入党誓词 追忆光辉历史
            本报记者  姜泓冰
            一面看上去鲜红依旧的五星红旗，却是70年前开国大典之后，上海市民怀着喜悦心情上街抢购并珍藏下来的。
            兴业路76号这处小小的石库门房子，朴素、安静，却吸引着人们从四面八方聚拢而来。
            内蒙古阿尔山——
            国旗冉冉升起 敬上庄严军礼
            本报记者  张  枨
            秋日的内蒙古阿尔山风景优美，到处是挺拔的白桦树。驻守在此的边防官兵，以自己的方式礼赞新中国。
            清晨第一缕阳光洒在三角山哨所，在战士们的敬礼注目中，一面崭新的五星红旗缓缓升起。
            新疆昌吉——
            各族载歌载舞 表达诚挚祝福
            本报记者  阿尔达克
            9月28日一大早，帕里旦和姐妹们穿上节日盛装，来到社区文化广场排练节目。
            """);
        var a = Assert.Single(articles);
        Assert.Equal("礼赞新中国", a.Title);
        Assert.Null(a.Kicker);
        Assert.Contains("上海中共一大会址——", a.Paragraphs);
        Assert.Contains("内蒙古阿尔山——", a.Paragraphs);
        Assert.Contains("帕里旦", Body(a));
    }

    [Fact]
    public void Numbered_captions_and_their_picture_credits_stay_in_their_story()
    {
        // 2019-10-01 page 9.
        var articles = Parse("""
            花逢盛典格外香
            金秋时节，丹桂飘香。长安街沿线12座主题花坛惊艳亮相。
            图片说明：
            图①：北京建国门桥西北角的“壮丽70年”主题花坛。
            图②：北京东单路口的“奋进新时代”主题花坛。
            本报记者  贺  勇摄
            图③：北京复兴门桥东北角的“美好明天”主题花坛。
            马怀刚摄（影像中国）
            """);
        var a = Assert.Single(articles);
        Assert.Contains("美好明天", Body(a));
        Assert.Contains("贺勇", a.Byline.Select(b => b.Name));
    }

    [Fact]
    public void A_kicker_that_reads_as_a_sentence_heads_a_tagged_title()
    {
        // 2019-10-08 page 11.
        var articles = Parse("""
            速览·国庆假期
            国庆假期，全国铁路、道路、水路、民航共发送旅客5.2亿人次。
            前6天全国出入境1045万人次，日均174万人次，同比增长11.8%。
            既净化湖水，又带动产业，千岛湖——
            水养鱼 鱼养水（美丽中国）
            碧波荡漾的千岛湖，每年吸引游客上千万人次。
            """);
        Assert.True(articles.Count == 2, Titles(articles));
        var lake = Titled(articles, "水养鱼 鱼养水（美丽中国）");
        Assert.Equal("既净化湖水，又带动产业，千岛湖——", lake.Kicker);
    }

    [Fact]
    public void Core_reading_and_data_source_lines_are_text_and_an_art_credit_closes_its_column()
    {
        // 2019-10-08 page 10 (核心阅读), 2019-10-09 page 16 (数据来源), 2019-10-09 page 5 (an illustrated column's credit).
        var articles = Parse("""
            张家口：天蓝地绿水清  建设“首都两区”风景这边独好
            核心阅读
            张家口坚持生态优先、绿色发展，首都水源涵养功能区和生态环境支撑区建设取得明显成效。
            近年来，张家口累计完成造林绿化1500多万亩，森林覆盖率达到50%。
            坝上地区的草原生态持续改善，水源涵养能力不断增强。
            数据来源：中共张家口市委宣传部
            这正是：
            思接千载事，
            尽入记忆田。
            勾  犇图  周  南文
            坚守就是最真挚的祝福（中国道路中国梦）
            如今的我已经两鬓斑白，身体的状况也大不如前。回想起在边防连队的日子，仍然心潮澎湃。
            那时，我们在零下40摄氏度的哨所里站岗，一站就是两个小时。
            """);
        Assert.True(articles.Count == 2, Titles(articles));
        var first = Titled(articles, "张家口：天蓝地绿水清  建设“首都两区”风景这边独好");
        Assert.StartsWith("核心阅读", Body(first));
        Assert.Contains("数据来源", Body(first));
        var second = Titled(articles, "坚守就是最真挚的祝福（中国道路中国梦）");
        Assert.Null(second.Kicker);
        Assert.DoesNotContain("犇", Headline(second) + Body(second));
    }

    [Fact]
    public void A_speakers_name_under_a_crosshead_keeps_the_forum_report_whole()
    {
        // 2019-10-18 page 20: a forum report, each speaker's part headed by a line and `姓名（身份）`.
        var articles = Parse("""
            为时代放歌（逐梦70年）
            文艺工作者畅谈新时代的创作，纷纷表示要为人民抒写、为时代放歌。
            光影画卷抒写奋斗精神
            陈凯歌（导演）
            5年前，我有幸参加了文艺工作座谈会。这些年，我切身感受到，中国电影呈现一派新的气象。
            认真做好每一部戏
            侯鸿亮（制片人）
            作为制片人，我始终觉得，好的作品要经得起时间的检验，也要经得起观众的检验。
            """);
        var a = Assert.Single(articles);
        Assert.Contains("陈凯歌（导演）", a.Paragraphs);
        Assert.Contains("侯鸿亮（制片人）", a.Paragraphs);
    }

    [Fact]
    public void A_bracketed_date_under_a_title_is_its_subtitle_not_page_furniture()
    {
        // 2019-10-11 page 1 and 2019-10-01 page 3: a decision and a speech, each dated in brackets under its title.
        var articles = Parse("""
            人民日报  2019年10月11日  星期五  第1版  要闻
            中共中央关于追授黄文秀同志“全国优秀共产党员”称号的决定
            （2019年10月10日）
            2019年6月26日，习近平总书记对广西壮族自治区百色市委宣传部干部、驻村第一书记黄文秀同志的先进事迹作出重要指示。
            为深入学习贯彻习近平总书记重要指示精神，表彰先进、弘扬正气，党中央决定，追授黄文秀同志“全国优秀共产党员”称号。
            黄文秀，女，壮族，广西田阳人，中共党员，1989年4月出生，生前系广西壮族自治区百色市委宣传部理论科副科长。
            党中央号召，广大党员干部和青年同志都要向黄文秀同志学习。
            （新华社北京10月10日电）
            在庆祝中华人民共和国成立70周年招待会上的讲话
            （2019年9月30日）
            女士们，先生们，
            在这金风送爽的美好时节，我们迎来了中华人民共和国成立70周年。
            70年来，在中国共产党坚强领导下，中国人民勇于探索、不断实践，成功开辟了中国特色社会主义道路。
            70年来，中国人民发愤图强、艰苦创业，创造了“当惊世界殊”的发展成就，书写了人类发展史上的伟大传奇！
            """);
        Assert.True(articles.Count == 2, Titles(articles));
        Assert.Equal("（2019年10月10日）", Titled(articles, "中共中央关于追授黄文秀同志“全国优秀共产党员”称号的决定").Subtitle);
        Assert.Equal("（2019年9月30日）", Titled(articles, "在庆祝中华人民共和国成立70周年招待会上的讲话").Subtitle);
    }

    [Fact]
    public void A_quote_s_dash_attribution_under_the_lead_stays_in_its_story()
    {
        // 2019-10-09 page 2: a 中国梦·家国情 story opens with its subject's words and their `——李云鹤` attribution.
        var articles = Parse("""
            保障农民工工资支付工作考核结果公布
            10个省级政府被评为A级
            本报北京10月8日电  （记者李心萍）记者8日从人社部获悉：近日，国务院根治拖欠农民工工资工作领导小组通报了2018年度保障农民工工资支付工作考核情况。
            通报指出，过去一年来，各地区保障农民工工资支付工作取得新的积极进展，但各地区仍不同程度存在一些问题。
            接续壁画里的千年时光（中国梦·家国情）
            文物是老祖宗留给我们的文化遗产和宝贵财富。
            ——李云鹤
            从23岁进入敦煌文物研究所工作开始，李云鹤已从事文物修复工作63年。
            1956年，李云鹤响应年轻人到大西北去搞建设的号召，动身前往新疆。
            清理洞窟积沙，扶正东倒西歪的塑像，整理脱落的壁画残片……最开始，“门外汉”李云鹤做的只是“体力活”。
            从零起步，李云鹤潜心钻研绘画、雕塑、临摹、修复技艺，终成壁画修复界的权威专家。
            """);
        Assert.True(articles.Count == 2, Titles(articles));
        var murals = Titled(articles, "接续壁画里的千年时光（中国梦·家国情）");
        Assert.Equal("——李云鹤", murals.Paragraphs[1]);
        Assert.Contains("终成壁画修复界的权威专家", Body(murals));
    }
}
