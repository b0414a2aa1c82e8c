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

    [Fact]
    public void A_title_with_its_series_tag_under_a_kicker_opens_a_story_and_is_no_speaker()
    {
        // 2019-10-06 page 6: two 新中国的“第一” stories, each a kicker over a tagged title, with 历史背景/亲历者说
        // crossheads. `走向胜利第一步（新中国的“第一”·体育篇）` is a title and its tag, not a speaker's `姓名（身份）`.
        var articles = Parse("""
            第一届全运会
            新生力量 精彩亮相（新中国的“第一”·体育篇）
            1959年9月13日至10月3日，中华人民共和国第一届全国运动会在北京举行。这是新中国竞技体育的一次全面展示。
            全运会已经走过十三届，它的作用，早已超越赛事本身，成为中国体育事业改革的风向标和助推器。
            历史背景
            金色的跑道、金色的麦穗构成了首届全运会会徽的主体，其中火红的“1”字犹如一座火箭，象征全国人民热火朝天建设新中国的激情。
            36个比赛项目、6个表演项目，29个代表团的1万多名运动员角逐赛场……第一届全运会，留下的不仅是奋斗的汗水、激动的泪水和顽强拼搏的瞬间，更有优异的竞赛成绩。
            首届全运会，还向新中国成立10年来打破世界纪录和获得世界冠军的40多名运动员颁发了体育荣誉奖章。
            亲历者说
            穆祥雄：游泳运动员，第一届全运会上打破男子100米蛙泳世界纪录
            穆祥雄4岁开始学游泳。
            “父亲对我说，中国人勤劳、勇敢、创新，有很多优秀的品质，我们一定要努力，不能输给外国人。”
            1958年12月至1959年9月，穆祥雄连续打破男子100米蛙泳的世界纪录，这在世界游泳史上都是罕见的。
            首届全运会，是新中国成立10年来体育事业的一次大检阅，也是新中国体育史上一件具有里程碑意义的大事。
            第一届全运会开幕前夕，国家体委在北京召开了誓师大会。穆祥雄当时已是世界泳坛名将，作为运动员代表在誓师大会上发言。
            9月17日，男子100米蛙泳决赛现场挤满了观众，大家都期待穆祥雄能够再创佳绩。
            宣布成绩的前一刻，游泳馆里鸦雀无声。当扩音器传出“穆祥雄百米蛙泳1分11秒1，第三次打破了世界纪录”时，观众欢呼着，跳了起来。
            穆祥雄出水后，父亲穆成宽和他拥抱在一起。老人流下了泪水，穆祥雄也闪着泪花。“好啊，祥雄，这几天总算没有辜负大家的希望。”
            “比赛结束，国家体委的领导跟我说，穆祥雄呀，你比赛的时候我们都紧张得不敢看，跑到外面去等着，一听到结果马上回到场馆里。”
            闭幕式上，周恩来总理为穆祥雄戴上奖章，并握着他的手说：“你为中国人争了光，希望你再接再厉，继续攀登世界高峰。”
            第一次参加奥运会
            走向胜利第一步（新中国的“第一”·体育篇）
            新中国体育在奥运舞台上的首次亮相颇费周折，但参与就已经是成功。
            1979年《名古屋决议》恢复中华人民共和国在国际奥委会的合法席位，中国与奥林匹克运动的联系日益紧密。
            历史背景
            1952年7月19日—8月3日，第十五届奥运会在芬兰赫尔辛基举办。这是新中国参加的第一届奥运会。
            1952年7月17日，国际奥委会在赫尔辛基举行第四十七届会议，通过了邀请中国运动员参加本届奥运会的决议，但中华全国体育总会收到邀请时距离开幕式只有几个小时了。
            40人的中国代表团经过两次转机，历时3天终于抵达赫尔辛基，此时本届奥运会已经进行了10天。
            """);
        Assert.True(articles.Count == 2, Titles(articles));
        var games = Titled(articles, "新生力量 精彩亮相（新中国的“第一”·体育篇）");
        Assert.Equal("第一届全运会", games.Kicker);
        Assert.Contains("亲历者说", games.Paragraphs);
        var olympics = Titled(articles, "走向胜利第一步（新中国的“第一”·体育篇）");
        Assert.Equal("第一次参加奥运会", olympics.Kicker);
        Assert.Contains("历史背景", olympics.Paragraphs);
        Assert.Contains("赫尔辛基", Body(olympics));
    }

    [Fact]
    public void Crossheads_that_share_a_shape_stay_in_their_report()
    {
        // 2019-10-10 page 3: a report of voices, each part headed by a quote from it (`“…”`), under one title and subtitle.
        var articles = Parse("""
            为世界和平与繁荣作出新贡献
            ——印度和尼泊尔各界人士热切期待习近平主席访问
            习近平主席将于10月11日至13日赴印度出席中印领导人第二次非正式会晤并对尼泊尔进行国事访问。
            “印中关系发展进程中的又一个重要时刻”
            “当前印中关系已超越双边，日益具有全球意义。2018年两国领导人在武汉首次举行非正式会晤，对于深化印中战略互信、增进两国友好合作具有重要意义。”
            瓦桑认为，印中两国合作互补性强，合作领域广泛且潜力巨大。印度和中国是亚洲近邻，同为有着重要影响力的大国。
            印度国立伊斯兰大学国际关系学院中国研究中心教授沙海丽表示，自去年武汉非正式会晤以来，在两国领导人的战略引领下，印中双方合作不断深化。
            沙海丽认为，印中携手合作不仅有利于两国和两国民众，对全球经济发展也具有重要影响。
            印度本地治里印中友好协会秘书长达斯认为，印度和中国是世界上仅有的10亿人口级别的大国，应当为推动世界的共同进步发挥积极作用。
            “崇山峻岭阻隔不断尼中两国人民的友谊”
            尼泊尔总统班达里在接受本报记者专访时说：“尼泊尔人民热爱中国。我们期待习近平主席的到来，崇山峻岭阻隔不断尼中两国人民的友谊。”
            尼泊尔外长贾瓦利表示：“习近平主席对尼泊尔的访问具有历史意义。”
            尼泊尔副总理兼国防部长、尼共党校部负责人博克瑞尔表示，中共十八大以来，中国在政治、经济、社会、文化等方方面面都实现了飞跃式发展。
            2016年12月，《习近平谈治国理政》第一卷尼文版在尼泊尔发行，81岁的尼泊尔中国研究中心执行主席巴特拉伊是翻译团队的牵头人之一。
            """);
        var a = Assert.Single(articles);
        Assert.Equal("为世界和平与繁荣作出新贡献", a.Title);
        Assert.Contains("“印中关系发展进程中的又一个重要时刻”", a.Paragraphs);
        Assert.Contains("“崇山峻岭阻隔不断尼中两国人民的友谊”", a.Paragraphs);
    }

    [Fact]
    public void A_feature_s_first_crosshead_after_its_short_lead_stays_in_the_feature()
    {
        // 2019-10-03 page 2: a news report, then a feature (title and `——记…` subtitle) whose two-paragraph lead is
        // followed by its first crosshead `整个文艺界的一场大考` (paragraphs whole: the words of a short lead say little).
        var articles = Parse("""
            新中国成立70周年庆祝活动电视直播实现六大突破
            本报北京10月2日电  （记者刘阳）庆祝中华人民共和国成立70周年大会1日上午在北京天安门广场隆重举行。承担此次活动电视直播公共信号的中央广播电视总台报道团队通过技术和创作方式创新，为全球电视观众奉献了一道大气磅礴、震撼人心的视觉盛宴。
            直播体系由1个总系统、6个分系统共91个机位组成，另有34个微型摄像机安装在受阅装备和群众游行队伍中，并实现全4K超高清制作，规模大、投入多、设备先进、技术复杂。
            中央广播电视总台于2月26日着手组建报道力量，成立了前方直播工作团队，7月18日进驻阅兵村。创作人员结合历次国庆报道等成功经验和精彩之处，通过多次演练，以及对北京市群众游行和彩车多个训练场地的走访踏勘，最终形成共计1500多个直播分镜头的脚本。这些分镜头在最后的直播中得到了严格执行，画面丰富、镜头多元、效果壮观。
            在电视直播方面，报道实现了六大突破：
            第一次使用升降塔拍摄时政画面，减少了对其他机位拍摄效果及领导人观礼视线的影响，从而确保了时政新闻的画面饱满、鲜活、生动。
            第一次在阅兵沿线外侧使用移动拍摄车跟随拍摄，实现在侧面、用平视角度拍摄阅兵对话的同框画面，使时空关系高度一致。
            第一次实现离中心区更近的索道摄像机架设，镜头的表现力和视角的覆盖面得到极大提升，使国旗、受阅部队（群众游行队伍）、天安门城楼三层关系同框。
            第一次在领导人阅兵移动拍摄车上增加陀螺仪，大大提升了画面稳定性。
            第一次设置了近距离贴地机位。
            第一次自主研发，提升了仿真系统的“仿真”作用。
            向祖国和人民献上最真诚的祝福
            ——记大型音乐舞蹈史诗《奋斗吧 中华儿女》主创团队
            “没有共产党就没有新中国……”9月29日，北京人民大会堂，振奋人心的旋律响起，大型音乐舞蹈史诗《奋斗吧 中华儿女》拉开帷幕。
            七十载沧桑巨变，七十载壮丽征程，幻化成歌、舞、诗、光、影、戏，谱写祝福祖国的诗篇，绘就致敬人民的画卷，唱响新时代的壮歌。
            整个文艺界的一场大考
            2019年，新中国迎来七十华诞。“今天的我们该如何抒写奋斗的史诗、阐释复兴的伟力？如何让大众熟悉的历史、对国家的认知在120分钟里同频共振？这是主创团队面对的最大挑战，也是整个文艺界的一场大考。”《奋斗吧 中华儿女》文学总撰稿朱海说。
            时间紧，任务重。2018年10月创作启动；2019年3月，文学组、音乐组等开始策划初步方案；4月，主创团队奔赴全国各地采风，拿出修改方案并反复论证；6月，各篇章落实节目细节；6月底，在模拟舞台全面进入排练；9月，各工种进入人民大会堂合排，不断磨合，直至正式与全国观众见面。《奋斗吧 中华儿女》总导演杨笑阳回忆历时一年的创作历程，感慨地说：“舞台不是我们的练兵场，而是我们的战场”。
            史诗该从哪里讲起？经过讨论，主创认为讲新中国的历史，要从中国共产党成立讲起，才足以表达新中国何以建立、共产党人初心何来，才能让人更深刻理解中国革命、建设与改革之路。
            如何展现中国现当代史？没有什么比奋斗更能凝心聚力。“奋斗是创作主题，人民是表现主体。”杨笑阳说，“我们努力赋予《奋斗吧 中华儿女》新时代的艺术美，调动各种舞台手段创新表达，使其更符合当今的审美习惯。”
            艺术之根深扎人民生活
            大文化、大情感、大舞台，对主创团队的每一员都是压力。“这次创作既要对标《东方红》等经典，也要致敬革命前辈、艺术前辈。从创作、制作到舞台呈现，从词曲、演唱、演奏、编排到服装、化妆、道具……各流程和门类都要求极高。”音乐总监舒楠说。
            音乐舞蹈史诗的艺术综合性决定了创作的复杂性，音乐要和表演结合，乐队要和演员配合，相得益彰才能个个出彩。四个篇章的音乐从一大批歌曲中甄选，体量远远超过此前的三部音乐舞蹈史诗。“新创歌曲和重新演绎的歌曲最考验真本事。思想性、艺术性、政治性的标准不能降低，必须能够在这个舞台‘立住’。”舒楠说。
            新创歌曲《我的绿水青山》《奋斗吧 中华儿女》等，生动描绘了新时代的新气象，情感浓厚，富于感染力；重新演绎的歌曲《天耀中华》等内涵更丰富也更具时代气息。“文艺创作最根本、最关键、最牢靠的办法是扎根人民、扎根生活。”多位艺术家表示，党的十八大以来国家取得的历史性成就、发生的历史性变革，提供了丰富的创作源泉。习近平总书记在文艺工作座谈会上的重要讲话，使艺术家们深受鼓舞。巨变来自亲眼所见、亲耳所闻、亲身经历，艺术灵感和创作热情汩汩而出。
            会议室的灯光长明，排练厅里音乐不息。数不清有多少次，舞美孙天卫，视频吕大庆，文学组的王晓岭、赵大鸣，音乐组的赵麟，顾问印青、关侠，戏剧组的冯俐，四个篇章导演等核心主创聚在一起开会。一次次讨论，一次次修改，反复斟酌，不断完善。
            以奋斗精神攀登艺术高峰
            “创作最初，我们就确立了以音乐舞蹈史诗来架构这一恢弘题材，以文艺工作者最大的真诚歌唱祖国、礼赞人民。”最让杨笑阳感动的是，“每个人都拼尽全力，要拿出真诚、真实的艺术精品”。
            """);
        Assert.True(articles.Count == 2, Titles(articles));
        var feature = Titled(articles, "向祖国和人民献上最真诚的祝福");
        Assert.Equal("——记大型音乐舞蹈史诗《奋斗吧 中华儿女》主创团队", feature.Subtitle);
        Assert.Contains("整个文艺界的一场大考", feature.Paragraphs);
        Assert.Contains("艺术之根深扎人民生活", feature.Paragraphs);
        Assert.Contains("以奋斗精神攀登艺术高峰", feature.Paragraphs);
    }

    [Fact]
    public void A_wire_picture_credit_closes_its_photo_item_and_never_heads_the_next_story()
    {
        // 2019-10-14 page 3: a report's closing dateline, a photo item (图片报道) whose caption ends with `新华社发`, then
        // a story with its own title and dateline.
        var articles = Parse("""
            “习近平主席和莫迪总理在印度金奈举行的第二次非正式会晤成果丰硕，两位领导人在友好气氛中，就国际和地区的全局性、长期性、战略性问题深入交换意见，一致同意加强两国更加紧密的发展伙伴关系。”
            “会晤中，两国领导人都强调两国之间数千年来的文明和文化联系，表示将更加重视贸易和投资合作。”
            狄伯杰说，莫迪总理访问武汉期间，习近平主席同他一道参观湖北省博物馆精品文物展，欣赏越王勾践剑、云梦秦简、曾侯乙编钟。
            “正是基于过去2000年来的交往，两国领导人同意中国福建省与印度泰米尔纳德邦建立友好省邦关系，基于敦煌研究院与阿旃陀石窟文博机构开展合作的经验，探讨上述两地开展历史文化研究的可行性，开展印中之间海上交往研究。”
            （本报新德里10月13日电）
            图片报道
            十月十二日，为期两天的第五届波罗的海武术公开赛在拉脱维亚里加拉开帷幕。
            新华社发
            中美加佛教论坛在联合国总部举行
            本报联合国10月12日电  （记者杨俊）中美加佛教论坛12日在美国纽约联合国总部举行，来自中国、美国、加拿大三国佛教界的代表及各界嘉宾近500人出席。
            本次论坛以“觉悟在人间——禅的精神与实践脉络”为主题，举办了学术、文化、音乐等一系列活动。
            美国佛教联合会会长明予法师表示，20世纪以来，佛教各宗派相继在美弘法，以禅为特色的佛教也成了美国信仰圈的“新时尚”。
            """);
        var forum = Titled(articles, "中美加佛教论坛在联合国总部举行");
        Assert.Null(forum.Kicker);
        Assert.Equal("本报联合国10月12日电", forum.Dateline?.Raw);
        var photo = Assert.Single(articles, a => Body(a).Contains("波罗的海武术公开赛"));
        Assert.Contains("新华社发", photo.Paragraphs);
    }

    [Fact]
    public void Singers_and_their_songs_head_the_parts_of_one_story()
    {
        // 2019-10-09 page 20: a commentary's closing note, then one story whose parts are each headed by a singer and
        // their song (`李光羲　《祝酒歌》`).
        var articles = Parse("""
            （作者为中国音乐家协会分党组书记、驻会副主席）
            歌声·心声（歌声中的70年）
            郭兰英　《我的祖国》
            《我的祖国》能够被人们喜欢，主要是因为词曲写得好。比方说第一句“一条大河波浪宽”，唱起来很亲切，很容易让人联想到自己的家乡，自然而然地就会把对祖国和家乡的情感融入其中。
            这首歌是1956年电影《上甘岭》的主题曲，但它在录制完成后的第二天便通过电台向全中国播放了，先于电影的热映被大家传唱。
            才旦卓玛　《唱支山歌给党听》
            当时我还是上海音乐学院的学生，从老师那里看到这首歌，非常喜欢，我觉得歌词真是说出了自己的心声。
            对我来说，在一生唱过的歌曲中，这一首是最重要的。很多人也是因为这首歌才知道了才旦卓玛。
            李光羲　《祝酒歌》
            在遇到《祝酒歌》之前，我已经当了20多年的演员，上世纪50年代演过第一部中国古典歌剧，并且有幸到中南海给中央领导和外宾演唱。
            晓  光　《在希望的田野上》
            十一届三中全会以后，改革的大潮首先从农村兴起。短短几年内，农村的面貌、农民的生活状态就发生了翻天覆地的变化。
            1981年深秋，中央电视台导演邀请我为一部农村题材的专题片写首歌。
            李谷一　《我和我的祖国》
            优美流畅的旋律、朴实而饱含感情的歌词，当我被曲作者秦咏诚邀请演唱《我和我的祖国》时，就被这首歌深深感动。
            """);
        var songs = Titled(articles, "歌声·心声（歌声中的70年）");
        Assert.Contains("李光羲　《祝酒歌》", songs.Paragraphs);
        Assert.Contains("李谷一　《我和我的祖国》", songs.Paragraphs);
        Assert.Contains("秦咏诚", Body(songs));
    }

    [Fact]
    public void A_run_of_bare_one_line_crossheads_of_one_length_stays_in_its_story()
    {
        // 2019-10-09 page 4: a profile (kicker and tagged title) whose parts are headed by bare one-line crossheads of
        // about one length, with no dateline, credit or blank line around them; then a story with kicker, title and dateline.
        var articles = Parse("""
            贾天勇摄（影像中国）
            湖南岳阳市军队干休所退休干部朱再保——
            “为大家做力所能及的事就是乐”（守初心 担使命 找差距 抓落实·深入开展“不忘初心、牢记使命”主题教育·身边的初心使命）
            因患胃癌48年前被切除了胃，他的一顿饭一般就是一个馒头加一杯白开水；身上的手术疤痕有好几处，挽起右裤腿，还能看到他膝盖骨上的弹痕。
            熟悉朱再保的人都说，他好像是把燃烧生命当作能量，而他却觉得这是自己应该做的事情。
            战场上入党宣誓记了一辈子
            1951年，身为炮兵侦察兵的朱再保随部队抗美援朝。金城战役打响后，他跟随步兵行动，为后方的火炮提供打击坐标。
            每一个人都知道，这种保护，需要生命的代价。
            战场上的入党宣誓，让他记了一辈子。朱再保下半辈子所做的一切，正是为这样的初心增添注解。
            累计帮助失学儿童3万人次
            1971年，因胃癌被切除了部分胃部的朱再保回到老家岳阳军分区离职休养。
            “我一辈子没进过正规学校，现在反而当了辅导员，我把这个看成极大的荣誉。”朱再保自豪地说。
            据统计，几十年来，朱再保累计帮助了岳阳市14个县3万人次的失学儿童，累计带动捐款600万元、大米400吨、学习用品80万件。
            共产党员心里要始终装着百姓
            早在1983年，朱再保就开始在全市中小学倡导环境保护教育实践。倡导洞庭湖鸟类保护、保护母亲河、低碳生活……他是环保行动的先行者。
            “您忧到了90多岁，那什么时候乐呢？”记者问。
            “不忘初心，为大家做力所能及的事就是乐。”朱再保笑着回答。
            林郑月娥：
            暴徒无法无天 特区政府决心止暴制乱
            新华社香港10月8日电  香港特区行政长官林郑月娥8日表示，在过去的长周末，暴徒在香港各区施行严重、广泛的破坏行为。
            林郑月娥8日出席行政会议前会见媒体。她表示，暴徒的暴力破坏行为对香港的零售、餐饮、旅游和酒店业造成严重打击。
            """);
        var profile = Assert.Single(articles, a => a.Kicker == "湖南岳阳市军队干休所退休干部朱再保——");
        Assert.Contains("战场上入党宣誓记了一辈子", profile.Paragraphs);
        Assert.Contains("累计帮助失学儿童3万人次", profile.Paragraphs);
        Assert.Contains("共产党员心里要始终装着百姓", profile.Paragraphs);
        Assert.Contains("为大家做力所能及的事就是乐。”朱再保笑着回答", Body(profile));
        var hongKong = Titled(articles, "暴徒无法无天 特区政府决心止暴制乱");
        Assert.Equal("林郑月娥：", hongKong.Kicker);
    }

    [Fact]
    public void A_dash_subtitle_ends_the_deck_and_the_highlighted_lines_under_it_are_text()
    {
        // 2019-10-11 page 5: a commentary's title with its series tag and its `——` subtitle, then a highlighted line of
        // the text that reads like a heading.
        var articles = Parse("""
            我们的前进步伐不可阻挡（人民观点）
            ——国庆盛典启示录③
            中国不仅能够孕育未来的可能性，而且能够把这种可能性变成现实
            把中华民族在历史进程中积累的强大能量爆发出来，我们就能继续在克服困难中发展壮大，在应对挑战中超越自我，在改革创新中创造未来
            从“建国伟业”“当家作主”“艰苦奋斗”到“春潮滚滚”“与时俱进”“科学发展”，再到“区域协调”“脱贫攻坚”“美好生活”……国庆盛典上，群众游行的队伍，犹如一部流动的史诗。
            “今天，社会主义中国巍然屹立在世界东方，没有任何力量能够撼动我们伟大祖国的地位，没有任何力量能够阻挡中国人民和中华民族的前进步伐。”
            “我们对时间的理解，是以百年、千年为计”，这是中国看待发展变化的宽广视野。
            中国特色社会主义进入新时代，中华民族迎来了历史上最好的发展时期。
            有外国学者观察后得出结论：如果你生活在中国，就会看到关于社会福利、医疗卫生和技术进步的新想法不断涌现。
            中国的发展走到今天，到了船到中流、人到半山的时候，是一个愈进愈难、愈进愈险而又不进则退、非进不可的时候。
            """);
        var a = Assert.Single(articles);
        Assert.Null(a.Kicker);
        Assert.Equal("我们的前进步伐不可阻挡（人民观点）", a.Title);
        Assert.Equal("——国庆盛典启示录③", a.Subtitle);
        Assert.Contains("中国不仅能够孕育未来的可能性，而且能够把这种可能性变成现实", a.Paragraphs);
    }

    [Fact]
    public void A_title_that_exclaims_before_its_series_tag_is_a_heading()
    {
        // 2019-10-18 page 5: a kicker ending in `——` over a title that ends in `！”` before its series tag.
        var articles = Parse("""
            一支笔夹在铁环上、铁环箍在残臂上，依靠这样的书写工具，老英雄在纸上写下了“祝祖国永远强盛”等几行字。“我不是英雄，人民才是英雄，我的战友才是英雄。”朱彦夫说。
            （据新华社电  记者萧海川）
            重庆荣昌火车站员工徐前凯跳火车救老人——
            “没救下人，才会后悔！”（德耀中华）
            挣脱突如其来的黑暗，徐前凯（图右，成都铁路局供图）睁开了眼，看到自己救下的老人坐在左后方安然无恙，他长出了一口气……
            “老婆婆，你没事吧？”老婆婆似乎是被吓着了，哆嗦得说不出话来；徐前凯拿起对讲机，跟同事呼救，“胜哥，快过来。”
            """);
        var rescue = Titled(articles, "“没救下人，才会后悔！”（德耀中华）");
        Assert.Equal("重庆荣昌火车站员工徐前凯跳火车救老人——", rescue.Kicker);
        Assert.StartsWith("挣脱突如其来的黑暗", rescue.Paragraphs[0]);
    }

    [Fact]
    public void A_series_tag_in_ascii_brackets_is_a_series_tag()
    {
        // 2019-10-23 page 13: the same deck with the title's series tag set in ASCII brackets, `(优秀建设者)`.
        var articles = Parse("""
            （本报记者 李心萍整理）
            泰康保险集团董事长陈东升——
            “企业家的时代到来了！”(优秀建设者)
            “做‘猎人’还是做‘农夫’，这可能是摆在每个企业家面前的一道选择题，我选择做一个‘农夫’。”坐在北京西长安街边的公司总部办公室，泰康保险集团董事长陈东升回忆自己的创业史。
            陈东升说，猎人主要靠嗅觉和机会生存，而农夫通过持久的精耕细作来获得发展。
            """);
        var builder = Titled(articles, "“企业家的时代到来了！”(优秀建设者)");
        Assert.Equal("泰康保险集团董事长陈东升——", builder.Kicker);
    }

    [Fact]
    public void An_editor_s_note_under_a_deck_opens_that_story_and_the_next_title_opens_the_next()
    {
        // 2019-10-06 page 1: a series report whose text opens with `编者按：…`, then a commentary with its own title.
        var articles = Parse("""
            （新华社北京10月5日电）
            稳就业礼包多，技能培训强本领
            “更多的机遇等着我们”（身边看“六稳”①）
            编者按：以习近平同志为核心的党中央高瞻远瞩、运筹帷幄，作出全面做好“六稳”工作的决策部署，使中国经济在外部不确定性因素增加的情况下仍然保持了总体平稳、稳中有进的好势头。
            稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作的效果如何？近日，本报记者走进基层采访调研，请企业经营者和一线职工讲自己故事，谈切身感受。
            国庆假期，走在深圳街头，付彬哼着小曲、步子轻快。“这是我过得最开心的一个假期。”
            原来，付彬参加了公司组织的管理技能培训，从一名普通的仓管员晋升为模具物料组组长，收入大幅提升。
            “人生第一次‘当官’，很激动。”付彬成了管理者，手下多了10个人，管理的仓库面积扩大近5倍，工资涨了约1倍。
            大亚湾海面，一轮红日喷薄而出，阳光穿透薄雾，把天空染成金黄色，将海面照得亮闪闪。
            激扬起火热的奋斗豪情（今日谈）
            “这是中国，这是我们的中国！”这两天，国庆阅兵的视频片段和精彩图片不断在朋友圈刷屏。
            我有祖国，生逢其时，何其幸也！每一个中国人，每一点平凡的努力，不仅将成就不平凡的自己，也将继续成就不平凡的中国。
            """);
        var series = Titled(articles, "“更多的机遇等着我们”（身边看“六稳”①）");
        Assert.Equal("稳就业礼包多，技能培训强本领", series.Kicker);
        Assert.StartsWith("编者按：以习近平同志为核心的党中央", series.Paragraphs[0]);
        Assert.Contains("付彬哼着小曲", Body(series));
        var comment = Titled(articles, "激扬起火热的奋斗豪情（今日谈）");
        Assert.Contains("我有祖国，生逢其时", Body(comment));
    }
}
