using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Layout;

/// <summary>
/// `pdftotext -raw` pages (content-stream order, no blank line anywhere) rebuilt into logical lines: where a deck
/// ends and its body begins. Text from pages of the tuning month (人民日报 2019-10).
/// </summary>
public class RawReflowTests
{
    private static readonly RecogniserSet R = RecogniserSet.Default;

    /// <summary>2019-10-26 p4: a story's end, then the next story's deck (five lines, as narrow as the column or nearly) and its wrapped dateline.</summary>
    private static readonly string[] PetitionsPage =
    [
        "国务委员、公安部",
        "部长赵克志在会上强",
        "调，要深入学习贯彻习",
        "近平总书记国庆系列重",
        "要讲话精神，把强烈爱",
        "国主义热情转化为奋进",
        "新时代、践行新使命的",
        "强大动力，扎实抓好防",
        "风险、保安全、护稳定",
        "各项措施的落实，不断",
        "巩固当前全国社会大局",
        "持续稳定的良好局面。",
        "肖捷同信访工作专题",
        "研讨班学员座谈强调",
        "以新担当新作为",
        "扎实做好新时代",
        "信访工作",
        "本 报 北 京 10 月 25",
        "日电 （记者倪弋）国",
        "务委员兼国务院秘书长",
        "肖捷25日同信访工作专",
        "题研讨班学员座谈交流",
        "时强调，要以习近平新",
        "时代中国特色社会主义",
        "思想为指导，深入学习",
        "贯彻习近平总书记关于",
        "加强和改进人民信访工",
        "作的重要思想，按照党",
        "中央、国务院决策部",
        "署，准确把握新时代信",
        "访工作面临的形势和任",
        "务，着力推动解决信访",
        "突出矛盾，扎实做好新",
        "时代信访工作。",
    ];

    [Fact]
    public void Heading_lines_over_a_story_s_opening_dateline_are_its_deck_however_wide()
    {
        var lines = Reflow.Page(PetitionsPage, R, new DateOnly(2019, 10, 26)).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("信访工作本报"));
        Assert.Contains(lines, l => l.StartsWith("本报北京10月25日电", StringComparison.Ordinal));

        var text = string.Join("\n", PetitionsPage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: new DateOnly(2019, 10, 26)));
        var petitions = Assert.Single(issue.Articles, a => Body(a).Contains("信访突出矛盾"));
        Assert.Equal("肖捷同信访工作专题研讨班学员座谈强调以新担当新作为扎实做好新时代信访工作", Headline(petitions));
        Assert.Equal("本报北京10月25日电", petitions.Dateline?.Raw);
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-05 p4: a story's end, then its deck printed after it, led in by a colon kicker.</summary>
    private static readonly string[] ColonKickerPage =
    [
        "《星岛日报》社评指出，激进暴力分",
        "子正将社会推向极危险的边缘，特区政府",
        "必须加强法律遏制力，《规例》是有效方",
        "法之一，可令暴力示威者失去庇护，让法",
        "治得以彰显。",
        "新华社香港10月4日电 外交部驻港特",
        "派员公署负责人4日发表谈话，对香港特",
        "区政府宣布制订《禁止蒙面规例》表示坚",
        "决支持。",
        "该负责人表示，特区政府制订《禁止",
        "蒙面规例》合法、合理、合情，也是世界",
        "上很多国家和地区的通行做法。",
        "负责人指出，连日来香港极端暴力分",
        "子不断升级违法暴力行径，特别是在全国",
        "人民喜庆新中国成立70周年的神圣日子，",
        "蒙面暴徒丧心病狂、无恶不作，肆意打砸",
        "抢烧、攻击围殴警察和市民，公然侮辱和",
        "焚烧国旗，严重破坏香港法治，严重挑战",
        "“一国两制”原则底线。外交部驻港公署",
        "坚决支持特区政府采取一切必要措施，依",
        "法对违法暴力分子予以坚决惩处。",
        "负责人再次敦促外部势力停止干预香",
        "港事务，呼吁国际社会支持特区政府止暴",
        "制乱、恢复秩序的正义之举。",
        "外交部驻港公署负责人：",
        "坚决支持香港特区政府制订",
        "《禁止蒙面规例》",
        "人民日报 2019年10月5日 星期六 第4版 要闻",
    ];

    [Fact]
    public void A_colon_kicker_does_not_run_on_into_its_title()
    {
        var date = new DateOnly(2019, 10, 5);
        var lines = Reflow.Page(ColonKickerPage, R, date).ToList();
        Assert.Contains("外交部驻港公署负责人：", lines);

        var text = string.Join("\n", ColonKickerPage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var statement = Assert.Single(issue.Articles, a => Body(a).Contains("通行做法"));
        // Its title is its own (the lead-in is no longer glued in front of it).
        Assert.Equal("坚决支持香港特区政府制订《禁止蒙面规例》", Squeeze(statement.Title));
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-17 p4: a title's last character printed on its body's first line, beside the dateline.</summary>
    private static readonly string[] GluedDatelinePage =
    [
        "破坏香港繁荣稳定、牵制中国发展的",
        "险恶用心。",
        "该负责人重申，香港回归以来，",
        "“一国两制”在香港的实践取得了举",
        "世公认的成功。一个繁荣稳定的香",
        "港，符合包括美国在内的国际社会的",
        "共同利益。美国国会众议院这种行为",
        "不仅严重伤害包括香港同胞在内的14",
        "亿中国人民的感情，也将严重损害在",
        "香港有着巨大投资的美国企业、个",
        "人、商会的利益，只会搬起石头砸自",
        "己的脚。",
        "该负责人强调，任何人都不要低",
        "估中国政府和人民维护国家主权、安",
        "全、发展利益，维护香港长期繁荣稳",
        "定，贯彻“一国两制”的坚定意志和",
        "决心。我们正告美国部分政客，立即",
        "收回干预香港事务和中国内政的黑",
        "手，停止操弄推动有关涉港法案的把",
        "戏，任何搞乱中国、破坏中国“一国",
        "两制”的企图都是痴心妄想，注定以",
        "失败收场。",
        "外交部驻港公署针对美众议院通过涉港议案发表声明",
        "美方打“香港牌”绝不会得",
        "逞新华社香港10月16日电 外交部",
        "驻港公署16日发表声明指出，美国一",
        "些政客罔顾事实，颠倒黑白，执意通",
        "过所谓“2019年香港人权与民主法",
        "案”等涉港议案，公然为反中乱港分",
        "子撑腰打气，挑衅“一国两制”原则",
        "底线，粗暴干预香港事务和中国内",
        "政，肆意践踏国际法和国际关系基本",
        "准则，再次暴露其强盗嘴脸和霸权本",
        "性，我们对此表示极度愤慨和强烈谴",
        "责。",
    ];

    [Fact]
    public void A_title_scrap_on_the_dateline_s_baseline_goes_back_to_its_title()
    {
        var date = new DateOnly(2019, 10, 17);
        var text = string.Join("\n", GluedDatelinePage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var statement = Assert.Single(issue.Articles, a => Body(a).Contains("强盗嘴脸"));
        Assert.Equal("新华社香港10月16日电", statement.Dateline?.Raw);
        Assert.EndsWith(Squeeze("美方打“香港牌”绝不会得逞"), Headline(statement));
        Assert.DoesNotContain("逞", Body(statement));
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-23 p14: a story closed by its credit, its title after it; a photo item (caption, picture credit, its title after them); then a story opening with its dateline.</summary>
    private static readonly string[] PhotoCreditPage =
    [
        "历史与未来，在这里神奇地交汇。潮涌大",
        "地，蓄足了动能的江淮儿女劈波斩浪再扬帆！",
        "（本报记者赵永平、朱思雄、高云才、冯",
        "华、曲哲涵）",
        "江淮儿女再扬帆（长三角见证高质量发展·安徽篇",
        "（下））",
        "目前，正值秋播大忙时节。10月22日，江苏",
        "省宿迁市宿城区屠园乡万亩农场内，农民正在",
        "晾晒浸泡过的麦种，准备秋播今年的冬小麦。",
        "麦种浸泡了防病虫害的药物后，呈现出不同颜",
        "色。",
        "陆启辉摄（人民视觉）",
        "晒麦种备秋播",
        "本报阳江10月22日电 （记者李刚）广东",
        "渔民减船转产、渔船集中报废拆解活动日前在",
        "广东阳江举行。记者在活动中了解到，2016",
        "年至今年9月底，广东省共核减渔船4782艘，",
        "压减功率27万千瓦。部分核减渔船在现场报废",
        "拆解。",
        "实施减船转产工程，是保护渔业资源和海",
        "洋生态环境的重要措施，是当前降低海洋捕捞",
        "强度、养护渔业资源最直接、最有效的措施和",
        "手段。",
        "广东将减船转产补贴标准由每千瓦2500",
        "元提高到5000元。此外，广东要在渔区积极",
        "推动社会保障制度建设，将转产渔民纳入社会",
        "保障；加强渔民就业培训，拓宽创业就业渠",
        "道，努力确保转出去的渔民收入不下降、生活",
        "有改善、退出不回流。",
        "保护渔业资源和海洋生态环境",
    ];

    [Fact]
    public void A_headline_may_follow_a_closing_picture_credit()
    {
        var date = new DateOnly(2019, 10, 23);
        var lines = Reflow.Page(PhotoCreditPage, R, date).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("备秋播本报"));

        var text = string.Join("\n", PhotoCreditPage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var photo = Assert.Single(issue.Articles, a => Body(a).Contains("晾晒浸泡过的麦种"));
        Assert.Equal("晒麦种备秋播", Squeeze(photo.Title));
        Assert.DoesNotContain("渔船", Body(photo));
        var boats = Assert.Single(issue.Articles, a => Body(a).Contains("减船转产"));
        Assert.Equal("本报阳江10月22日电", boats.Dateline?.Raw);
        Assert.DoesNotContain("麦种", Headline(boats) + Body(boats));
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-23 p3: a commentary, its title printed after it (a line or so short of the column), then the next story's indented first line.</summary>
    private static readonly string[] TitleAfterBodyPage =
    [
        "在互联网诞生50周年之际，80多个",
        "国家和地区的约1500名嘉宾出席第六届",
        "世界互联网大会，凸显全球对推进网络",
        "空间全球治理的关心。习近平主席向大",
        "会致贺信，深刻洞察互联网发展趋势，",
        "站在增进人类共同福祉的高度，倡导发",
        "展好、运用好、治理好互联网。中国致",
        "力于同各国共同推进网络空间全球治",
        "理，努力推动构建网络空间命运共同",
        "体，这是顺应时代潮流、勇担发展责",
        "任、共迎风险挑战的行动。",
        "乌镇与世界互联网大会结缘，古老",
        "历史与未来技术的牵手，赋予“万物智",
        "能互联”丰富内涵——站在屏幕前，便",
        "可通过人工智能为自己量身定制一幅有",
        "世界名画特色的艺术照；走上传送带，",
        "就能跟随交互设计穿越到5000年前的良",
        "渚古城；听机械臂灵巧拨动“手指”演",
        "奏《茉莉花》，化身航天员登陆“月",
        "球”……这几天在乌镇，随处能感受到",
        "新一轮科技革命带来的变革。有业界人",
        "士认为，“我们正携手迈向以数据为中",
        "心的崭新世界，各行各业都被重塑并发",
        "生深刻变革，而‘万物智能互联’则是",
        "其中最具代表性的趋势之一”。",
        "迈向“万物智能互联”，有喜亦有",
        "忧。互联网领域发展不平衡、规则不健",
        "全、秩序不合理等问题日益凸显，世界",
        "范围内侵害个人隐私、侵犯知识产权、",
        "网络犯罪等时有发生，网络监听、网络",
        "攻击、网络恐怖主义活动等成为全球公",
        "害。这些集中反映了网络空间治理存在",
        "的问题。中国创办世界互联网大会，旨",
        "在为全球互联网共享共治提供平台，推",
        "动国际社会分享治网理念，凝聚思想共",
        "识，深化务实合作。今年大会聚焦“智",
        "能互联 开放合作——携手共建网络空",
        "间命运共同体”主题，回应了当前国际",
        "社会对科技热点和产业前沿的关切。",
        "推进网络空间全球治理，关键在于",
        "趋利避害，让互联网更好地造福人类。",
        "2015年，习近平主席在第二届世界互联",
        "网大会首次提出“构建网络空间命运共",
        "同体”理念，深入阐释互联网发展治理",
        "“四项原则”“五点主张”，得到国际",
        "社会广泛关注和普遍认同，已经成为世",
        "界互联网大会永久主题。近日，世界互",
        "联网大会组委会发布《携手构建网络空",
        "间命运共同体》概念文件，深入阐释构",
        "建网络空间命运共同体的时代背景、基",
        "本原则、实践路径和治理架构，传递出",
        "“发展共同推进、安全共同维护、治理",
        "共同参与、成果共同分享”的真诚意",
        "愿。中国关于构建网络空间命运共同体",
        "的主张，日益成为各方共同努力的方",
        "向。正如与会的国际电信联盟副秘书长",
        "马尔科姆·约翰逊所说，“协同合作变",
        "得比以往更加重要，应携手共建网络空",
        "间命运共同体”。",
        "今年也是中国全功能接入互联网25",
        "周年。最新发布的《中国互联网发展报",
        "告2019》显示，截至2019年6月，中国",
        "网民规模为8.54亿人；2018年，中国数",
        "字经济规模达31.3万亿元，占GDP比重",
        "达34.8%。这些数据说明，只要治理有",
        "方，互联网将给一个国家乃至整个世界",
        "带来深刻、积极的变化。",
        "中国行进在从网络大国迈向网络强",
        "国的征程上，始终发挥着负责任大国作",
        "用，努力做网络空间发展的贡献者、网",
        "络空间开放的推动者、网络空间安全的",
        "捍卫者、国际网络空间治理的建设者。",
        "中国持续不断深化网络空间国际交流合",
        "作，积极分享发展经验，积极推动构建",
        "网络空间命运共同体。这是造福世界、",
        "造福人类的重要事业。",
        "共同推进网络空间全球治理（钟声）",
        "10月21日至22日，主题为“维护",
        "国际秩序，共筑亚太和平”的第九届北",
        "京香山论坛举行。论坛由中国军事科学",
        "学会和中国国际战略学会联合举办，共",
        "有76个官方代表团、23国国防部长、6",
        "国军队总长（国防军司令）、8个国际",
        "组织代表及专家学者和各国观察员等",
        "1300余名嘉宾出席。外方高级别官员和",
        "学者数量之多，论坛层级和规模之高，",
        "均创下历史新纪录。中外嘉宾齐聚一",
        "堂，聚焦亚太，放眼全球，共商安全合",
        "作之大计，共谋维护和平之良策。",
    ];

    [Fact]
    public void A_short_line_over_an_indented_first_line_is_a_headline_not_body_text()
    {
        var date = new DateOnly(2019, 10, 23);
        var lines = Reflow.Page(TitleAfterBodyPage, R, date).ToList();
        Assert.Contains("共同推进网络空间全球治理（钟声）", lines);

        var text = string.Join("\n", TitleAfterBodyPage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var commentary = Assert.Single(issue.Articles, a => Body(a).Contains("网络大国"));
        Assert.Equal("共同推进网络空间全球治理（钟声）", Squeeze(commentary.Title));
        Assert.DoesNotContain(commentary.Paragraphs, p => p.Contains("（钟声）", StringComparison.Ordinal));
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-09 p18: a commentary, its title printed after it on one baseline with the next item's heading (`-raw` joins them with a space), then that item.</summary>
    private static readonly string[] GluedTitlePage =
    [
        "只要是创新，就会破除一些条条框框。",
        "我们鼓励创新，就不能把所有的现行技术标",
        "准都当成金科玉律，而要一定程度上允许新",
        "技术去挑战、改变某些旧的标准，只有这",
        "样，才不会让旧的标准成为阻挡创新的绊脚",
        "石",
        "我国某著名高校的水科学研究院通过15",
        "年科研攻关，成功研究出一种纯物理制水",
        "法，一举革新了全世界沿用上百年的化学制",
        "水法。这一创新技术不仅可以保障水质安",
        "全，把水质提高到健康水平，而且由于是全",
        "密封生产，还从根本上破解了供水管网的二",
        "次污染这一世界性难题。",
        "但是，这一创新在推广应用中却陷入尴",
        "尬，而且遭遇的难题让人哭笑不得。传统制",
        "水工艺为了抑制水里的微生物，必须使用化",
        "学药品消毒，现在世界通用的消毒剂是次氯",
        "酸钠。但是由于新制水技术所出的水与管网",
        "根本就没有微生物存在，因此无需化学消",
        "毒。“可出水没有余氯，就被判定为不符合",
        "生活饮用水卫生标准。”发明人无奈地说。",
        "这样的现象是相对落后的标准制约创新",
        "的典型案例，值得我们深思。",
        "只要是创新，就会破除一些条条框框，",
        "往往越是重大的创新，对传统标准的冲击也",
        "会越大。今天，我们鼓励创新，就不能把所",
        "有的现行技术标准都当成金科玉律，而要一",
        "定程度上允许新技术去挑战、改变某些旧的",
        "标准，只有这样，才不会让旧的标准成为阻",
        "挡创新的绊脚石。",
        "比如，汽车发明以前的马车时代，世界",
        "通行的交通规则是左行。这是因为多数人习",
        "惯于用右手，古代骑士都是右手持剑，左手",
        "持缰。驭手驾马车，一般也都是右手持鞭，",
        "左手持缰。遇到紧急情况，左右手这种分工",
        "往往使车辆向左更容易，所以左行就更有利",
        "于安全。而汽车出现后，由于换挡等操作使",
        "用灵活的右手更方便，所以左舵车是主流，",
        "右行更有利于交通安全，所以大多数国家就",
        "修改了旧标准，改为右行。这其实正是汽车",
        "这一创新成果，颠覆马车时代旧规则的很好",
        "案例。",
        "一般而言，往往是创新在先，标准在",
        "后，标准的修改常有滞后性。比如上述提到",
        "的左右行，是先有汽车，后有适应汽车的规",
        "则出现。那么，在旧标准修改前，一边是标",
        "准、一边是创新，我们是应该大胆鼓励创",
        "新，还是严守标准？回答这个问题，的确需",
        "要一点智慧和勇气。",
        "其实，在我们这个特别提倡创新的时",
        "代，想明白一个道理，做出正确的选择也不",
        "难。那就是我们始终不要忘记我们一切工作",
        "的出发点到底是什么。是四平八稳地以不犯",
        "错误为最高原则，还是一切以党和人民的事",
        "业为重。明确了这个出发点，做出正确的抉",
        "择并不难。",
        "回顾改革开放40多年的光辉历程，无论",
        "是小岗村还是深圳蛇口，都是当事人甘冒巨",
        "大风险，大胆地先行、先试，为后人闯出一",
        "条成功之路。经济体制的改革尚能如此大胆",
        "探索，走出一条前人没有走过的路，对于科",
        "学技术上的创新，我们也应以更大的勇气和",
        "热情去拥抱、去接纳。",
        "创新需要智慧和勇气（观象台） 收费公路收支缺口趋于平稳",
        "本报电 日前，交通运输部对外发布了",
        "2018年全国收费公路统计公报。从统计结",
        "果看，我国收费公路的收支缺口正趋于平",
        "稳。2018年度，全国收费公路通行费收入",
        "5552.4亿元，比上年增长8.2%；支出总额",
        "9621.8亿元，比上年增长5.1%；收支缺口",
        "达4069.4亿元，比2017年增长1.1%，比",
        "2016年下降1.8%。近三年，全国收费公路",
        "通行费收支缺口分别为4143.3亿元、4026.5",
        "亿元和4069.4亿元，总体趋于平稳。",
        "（刘志强）",
    ];

    [Fact]
    public void A_title_glued_to_the_next_item_on_its_baseline_is_a_line_of_its_own()
    {
        var date = new DateOnly(2019, 10, 9);
        var lines = Reflow.Page(GluedTitlePage, R, date).ToList();
        Assert.Contains("创新需要智慧和勇气（观象台）", lines);

        var text = string.Join("\n", GluedTitlePage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var commentary = Assert.Single(issue.Articles, a => Body(a).Contains("小岗村"));
        Assert.Equal("创新需要智慧和勇气（观象台）", commentary.Title);
        Assert.DoesNotContain("收费公路", Headline(commentary) + Body(commentary));
        Assert.Empty(LostHan(text, issue));
    }

    /// <summary>2019-10-24 p7: a story's end, its deck printed after it, the deck's series tag on one baseline with the next story's opening dateline; that story's deck after its body.</summary>
    private static readonly string[] GluedTitleDatelinePage =
    [
        "调解员，将他们所在“说事点”发",
        "展为“人民调解工作站”。不但如",
        "此，舒兰市财政拨专款在“百姓说",
        "事点”上建立个人调解工作室，配",
        "备电脑、桌椅等办公设备，同时还",
        "为调解室安装网络视频设备，能和",
        "司法所、人民法庭、市调解中心实",
        "现互联互通。这样的变化，让孟庆",
        "德听群众“说事”时更加有底气。",
        "为保障“说”出的事能办成，",
        "吉林省司法行政机关定期对“百姓",
        "说事点”工作情况进行指导督查，",
        "对办结事项定期回访，对疑难复杂",
        "问题帮助出主意、想办法解决，对",
        "工作中存在的问题加强督导。同",
        "时，吉林省积极整合律师、公证、",
        "司法鉴定、法律援助、基层法律服",
        "务等司法行政工作资源，为“百姓",
        "说事点”组建专业服务团队；依托",
        "乡镇（街道）、村（社区）党组织",
        "领导，形成调解员（信息员）、村",
        "调委会、司法所、综治办、公安派",
        "出所、基层法庭以及各相关部门相",
        "互衔接配合的联动工作机制。",
        "吉林省“百姓说事点”工作开",
        "展以来，全省通过“百姓说事点”",
        "已经收集各类民情信息50余万条，",
        "调处各类纠纷40余万件。",
        "“小小‘百姓说事点’，说的",
        "是大伙的小事，办的却是基层治理",
        "的大事。”孟庆德感叹道。",
        "吉林省“百姓说事点”覆盖社区村屯，调处各类纠纷40余万件",
        "唠群众身边小事办基层治理大事",
        "（改革落实在基层） 本报海口10月23日电 （记者",
        "朱荣鹏、人民网记者毛雷）“有幸",
        "参与到海南自贸区（港）建设中，",
        "非常振奋！”作为2019年中组部新",
        "选派来琼挂职的干部，海南省生态",
        "环境厅党组成员、副厅长孔令辉，",
        "参加了23日开始的2019来琼挂职",
        "干部培训班。",
        "中央组织部今年从有关中央和",
        "国家机关、高校、科研院所、企业",
        "及各省区市优选的挂职干部，近日",
        "已有130人到海南任职。这是继",
        "2018年选派44名挂职干部之后，",
        "第二批来琼挂职的干部。",
        "事业因人才而兴，人才因事业",
        "而聚。为贯彻落实习近平总书记",
        "“4·13”重要讲话精神，支持海南",
        "自贸区（港）建设，中组部在全国",
        "范围内选调政治素质过硬、综合素",
        "质优秀的干部到海南挂职或任职，",
        "不断优化干部队伍结构，担当起推",
        "动海南自贸区（港）建设的重任。",
        "第一批来琼挂职的44名干部，",
        "在海南工作期间交出了亮眼的成绩",
        "单：参与起草省部合作文件45份，",
        "已正式出台35份；主持或参与的73",
        "份改革成果入选海南自贸区（港）",
        "建设制度创新案例数据库；积极围",
        "绕海南重大改革发展任务开展调",
        "研，形成一批有价值的理论成果和",
        "立法成果；积极推动挂职单位建章",
        "立制，规范管理，弥补了相关领域",
        "的制度空白，参与起草制度文件",
        "212份，已正式出台115份。",
        "本次到任的130名干部选派到",
        "省直单位65人、市县31人、企事业",
        "单位34人，挂职岗位从现代化经济",
        "体系建设、全面开放新格局构建、",
        "国际旅游消费中心建设、服务和融",
        "入国家重大战略、加强和创新社会",
        "治理、生态文明建设等6个方面的",
        "需求出发，结合海南当前工作实",
        "际，经过反复研究、严格筛选，都",
        "是海南自贸区（港）建设的关键重",
        "要岗位。与以往不同的是，此次挂",
        "职时间从以往的一年延长至两年，",
        "一些岗位还可以延长到三年，确保",
        "让挂职干部有更多时间融入工作、",
        "干事创业、发挥作用。",
        "海南省委书记刘赐贵表示，希",
        "望广大挂职干部加强学习调研，尽",
        "快进入角色；树立创业精神，发挥",
        "聪明才智；做到廉洁自律，树立良",
        "好形象，为海南自贸区（港）建设",
        "作出更大贡献。",
        "中组部",
        "优选一百三十名干",
        "部赴琼挂职",
    ];

    [Fact]
    public void A_series_tag_glued_to_the_next_story_s_dateline_is_a_line_of_its_own()
    {
        var date = new DateOnly(2019, 10, 24);
        var text = string.Join("\n", GluedTitleDatelinePage);
        var issue = IssueParser.Parse(text, new IssueContext(Date: date));
        var cadres = Assert.Single(issue.Articles, a => Body(a).Contains("挂职"));
        Assert.Equal("本报海口10月23日电", cadres.Dateline?.Raw);
        Assert.Equal("优选一百三十名干部赴琼挂职", Squeeze(cadres.Title));
        Assert.DoesNotContain("改革落实在基层", Headline(cadres) + Body(cadres));
        Assert.Empty(LostHan(text, issue));
    }
}
