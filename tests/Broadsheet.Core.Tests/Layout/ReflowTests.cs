using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Layout;

/// <summary>PDF text (lines cut at a column width, no blank line at paragraph ends) rebuilt into logical lines.</summary>
public class ReflowTests
{
    private static readonly RecogniserSet R = RecogniserSet.Default;
    private static readonly DateOnly Date = new(2019, 10, 1);

    private const string Meeting =
        "本报北京9月30日电 （记者王远）国家副主席王岐山30日在北京会见泰国公主诗琳通。王岐山表示，中泰友好源远流长，" +
        "诗琳通公主长期致力于两国友好，为两国人民相知相亲作出了重要贡献。诗琳通热烈祝贺中华人民共和国成立70周年，" +
        "感谢中方授予她友谊勋章。";

    private const string Appointments =
        "新华社北京9月30日电 国务院任免国家工作人员。任命陈健为审计署副审计长，任命刘文为海关总署副署长。" +
        "免去孙宝厚的审计署副审计长职务，免去李国的海关总署副署长职务。";

    /// <summary>Text cut into lines of a column `width` characters wide (a narrow character counts half), as pdftotext prints it.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var start = 0;
        double em = 0;
        for (var i = 0; i < text.Length; i++)
        {
            em += Chars.IsWide(text[i]) ? 1 : 0.5;
            if (em < width && i + 1 < text.Length) continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
            em = 0;
        }
        return lines;
    }

    [Fact]
    public void A_wrapped_paragraph_is_one_line_again_and_its_cut_dateline_is_whole()
    {
        var page = Wrap(Meeting, 12);
        var lines = Reflow.Page(page, R, Date);
        Assert.True(page.Count > 8);
        // Lines run on to a line that ends a sentence: here the paragraph's last.
        Assert.Equal(Squeeze(Meeting), Squeeze(Assert.Single(lines)));

        var article = Assert.Single(IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date)).Articles);
        Assert.Equal("本报北京9月30日电", article.Dateline?.Raw);
        Assert.Equal(["王远"], article.Byline.Select(b => b.Name));
    }

    [Fact]
    public void A_page_with_one_paragraph_a_line_is_left_as_it_is()
    {
        string[] page = ["王岐山会见泰国公主诗琳通", Meeting, "国务院任免国家工作人员", Appointments];
        Assert.Same(page, Reflow.Page(page, R, Date));
    }

    [Fact]
    public void A_page_that_marks_paragraph_ends_with_blank_lines_is_left_as_it_is()
    {
        var page = new List<string>();
        foreach (var sentence in Meeting.Split('。', StringSplitOptions.RemoveEmptyEntries))
        {
            page.AddRange(Wrap(sentence + "。", 12));
            page.Add("");
        }
        Assert.Same(page, Reflow.Page(page, R, Date));
    }

    [Theory]
    [InlineData("新 华 社 北 京 10 月 2 日", "新华社北京10月2日")]
    [InlineData("的 多 元 化 企 业 集 团 之 一 ， 2019 年 位 列 《 财", "的多元化企业集团之一，2019年位列《财")]
    [InlineData("“ 震 撼 ！ ”“ 激 动 ！ ” 者真诚的创作态度", "“震撼！”“激动！” 者真诚的创作态度")]
    public void Letter_spacing_is_undone(string line, string expected) => Assert.Equal(expected, Reflow.UndoLetterSpacing(line));

    [Theory]
    [InlineData("缅怀先烈丰功伟绩 齐心开创美好未来")]
    [InlineData("本版责编：彭 瑶 版式设计：姚华红")]
    [InlineData("COVID 19 and PM 2.5 in a row")]
    public void Other_spacing_is_kept(string line) => Assert.Equal(line, Reflow.UndoLetterSpacing(line));

    [Fact]
    public void Letter_spaced_runs_are_found_in_one_pass_each_piece_tested_once()
    {
        // A line of 200,000 pieces: a quadratic search would test pieces billions of times.
        var parts = string.Join(" ", Enumerable.Repeat("孔 晓", 100_000)).Split(' ');
        var tests = 0;
        var run = Reflow.RunLengths(parts.Length, k => { tests++; return parts[k].Length > 0; });
        Assert.Equal(parts.Length, tests);
        Assert.All(run, n => Assert.Equal(parts.Length, n));
    }

    [Fact]
    public void Run_lengths_split_at_what_is_no_piece()
    {
        string[] parts = ["孔", "晓", "", "新", "华", "社", "北", "京", "长长的一句话", "日"];
        Assert.Equal([2, 2, 0, 5, 5, 5, 5, 5, 0, 1], Reflow.RunLengths(parts.Length, k => parts[k].Length is > 0 and <= 2));
    }

    [Fact]
    public void A_very_long_letter_spaced_line_is_closed_up_whole()
    {
        var line = string.Join(" ", Enumerable.Repeat("孔 晓", 50_000));
        Assert.Equal(string.Concat(Enumerable.Repeat("孔晓", 50_000)), Reflow.UndoLetterSpacing(line));
    }

    [Fact]
    public void A_neighbour_s_headline_read_between_two_columns_is_set_after_the_paragraph_it_interrupted()
    {
        var meeting = Wrap(Meeting, 12);
        var cut = meeting.FindIndex(l => !Chars.EndsSentence(l) && l.Contains("友好"));
        List<string> page =
        [
            .. meeting[..(cut + 1)], "",
            "国务院任免国家工作人员", "",
            .. meeting[(cut + 1)..], "",
            .. Wrap(Appointments, 12),
        ];
        var lines = Reflow.Page(page, R, Date);
        var deck = lines.ToList().IndexOf("国务院任免国家工作人员");
        Assert.True(deck > 0);
        // Everything of the meeting (its cut sentence joined back) comes before the deck, the appointments after it.
        Assert.Equal(Squeeze(Meeting), Squeeze(string.Concat(lines.Take(deck))));
        Assert.Equal(Squeeze(Appointments), Squeeze(string.Concat(lines.Skip(deck + 1))));
    }

    [Fact]
    public void A_short_line_between_sentences_in_a_column_is_a_heading_line_without_a_blank_line_above()
    {
        List<string> page = [.. Wrap(Meeting, 16), "二、任免名单", .. Wrap(Appointments, 16)];
        var lines = Reflow.Page(page, R, Date).ToList();
        var at = lines.IndexOf("二、任免名单");
        Assert.True(at > 0);
        Assert.NotEqual("", lines[at - 1]);
        Assert.True(Chars.EndsSentence(lines[at - 1]));
    }

    [Fact]
    public void A_running_head_spread_across_the_page_is_put_back_together()
    {
        List<string> page = ["2019年10月1日", "", "要闻", "", "04", "", .. Wrap(Meeting, 12)];
        var lines = Reflow.Page(page, R, Date);
        Assert.StartsWith("2019年10月1日 要闻", lines[0]);
        Assert.DoesNotContain("要闻", lines.Skip(1));
        var issue = IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date));
        Assert.Contains(issue.Issue.Pages[0].Furniture, f => f.Contains("要闻"));
        Assert.DoesNotContain(issue.Articles, a => a.Title == "要闻" || a.Column == "要闻");
    }

    // 2019-10-01-p06-10 (corpus, pdf): the running head's page number `07` and its page label `第6版` come out
    // mid-page (more than a running head's reach from either end), each in a block of its own inside one story.
    [Fact]
    public void A_page_number_or_page_label_alone_mid_page_is_furniture_and_cuts_no_story()
    {
        List<string> page = ["2019年10月1日", "", "星期二", "", "河南兰考——", "脱贫大干一场 收获幸福久长", "本报记者 毕京津", "",
            "“咱们脱贫攻坚，咱们大干一场。", "咱们拼搏付出，收获幸福久长！”9月", "29日，兰考人民广场人头攒动。新中国",
            "七十华诞前夕，顺利脱贫的兰考人掩藏", "不住高兴。万余名干部群众，代表全县", "85万父老乡亲，用歌声向祖国“表", "白”。",
            "见到效果，村民跃跃欲试，可说到", "资金，又犯了难。“关键时刻，还是党", "和政府‘解难’。干部协调，县农信社",
            "发放贷款100万元。2016年到账那天，", "也是国庆节！”李永建激动地说。靠着", "贷款，村里建起了100多座蜜瓜大棚。",
            "两季瓜、一季菜，一年下来，一个棚能", "赚近3万元。当年，杜寨村正式脱贫。",
            "", "第6版", "",
            "现在，杜寨有400多个蜜瓜大棚，带动", "", "07", "",
            "全县种植蜜瓜2万亩。李永建还要搞自", "己的品牌：“蜜瓜让咱脱了贫，甜在了", "兰考人心里，牌子就叫——甜心兰！”",
            "谈到未来，李永建信心满满：“我们要", "以新中国生日为新起点，脱贫之后致富", "奔小康！”", "",
            "中车长客公司——", "工人锤炼技能 岗位书写豪情", "本报记者 祝大伟", "",
            "走进中车长春轨道客车股份有限公", "司转向架制造中心焊接一车间，大小不", "等的机械手臂正灵活地在转向架的焊件",
            "上游走，焊花四溅。", "离机械手工区不远的车间会议室", "里，玻璃展柜中摆放了机械手臂焊接的",
            "各色焊件，旁边红底银字的“技能报", "国”4个圆盘格外显眼。", "“这是咱们焊接工人在铁板上亲手",
            "焊出来的‘心声’。”焊接一车间焊接", "机械手班班长谢元立深情地说。"];
        var issue = IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date));
        var furniture = string.Join(" ", issue.Issue.Pages[0].Furniture);
        Assert.Contains("07", furniture);
        Assert.Contains("第6版", furniture);
        var lanKao = Assert.Single(issue.Articles, a => a.Paragraphs.Any(p => p.Contains("带动全县种植蜜瓜2万亩")));
        Assert.Contains(lanKao.Paragraphs, p => p.Contains("见到效果"));
        Assert.Contains(lanKao.Paragraphs, p => p.Contains("咱们脱贫攻坚"));
    }

    // 2019-10-01-p02-04 (corpus, pdf): the running head's section name `要闻` comes out mid-page in a block of its own,
    // between two paragraphs of 《中国特色 世界眼光 人类情怀》.
    [Fact]
    public void A_section_name_alone_mid_page_is_furniture_and_no_heading()
    {
        List<string> page = ["2019年10月1日", "", "星期二", "", "中国特色 世界眼光 人类情怀（钟声）", "",
            "阔步行进在这条道路上，提供着完", "善全球治理的解决方案，中国为世界和", "平发展事业注入了强大动力。回望70年", "征程，中国从独立自主的和平外交政策", "出发，积极倡导并推动和平共处五项原", "则成为国际关系基本准则和国际法基本", "原则；中国为推动国际政治经济秩序朝", "公正合理的方向发展发挥重要作用，为", "维护世界和平、促进共同发展贡献智慧", "和方案。新时代中国，推动构建人类命", "运共同体和新型国际关系，推动共建", "“一带一路”……日益走近世界舞台中", "央的中国，成为维护以联合国为核心的", "国际体系和国际公平正义的重要力量。", "美国库恩基金会主席罗伯特·库恩赞", "叹，中国积极参与全球治理，成为世界", "稳定、平等和繁荣的捍卫者。",
            "", "要闻", "",
            "阔步行进在这条道路上，强调符合", "本国国情、适应时代要求，中国以自身", "成功的实践，让发展中国家看到走向现", "代化的全新选择。中国的实践向世界说", "明了一个道理：治理一个国家，推动一", "个国家实现现代化，并不只有西方制度", "模式这一条道，各国完全可以走出自己", "的道路来。中国不照搬西方国家发展模", "式，而是结合中国实际、总结经验教", "训、借鉴人类文明，走出了一条自己的", "路。美国学者阿里夫·德里克认为，中", "国特色社会主义的理论价值，不仅在于", "它在全球经济中的重要性，而且在于它", "为广大发展中国家发展提供了一种“替", "代经验”。"];
        var issue = IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date));
        Assert.Contains(issue.Issue.Pages[0].Furniture, f => f.Contains("要闻"));
        var article = Assert.Single(issue.Articles);
        Assert.Equal("中国特色 世界眼光 人类情怀（钟声）", article.Title);
        Assert.Null(article.Column);
        Assert.Contains(article.Paragraphs, p => p.StartsWith("阔步行进在这条道路上，强调符合"));
    }

    [Fact]
    public void A_title_wrapped_with_a_scrap_on_the_next_line_is_one_line()
    {
        List<string> page = [.. Wrap(Appointments, 12), "", "珠海万人齐唱祝", "福祖国", "", .. Wrap(Meeting, 12)];
        Assert.Contains("珠海万人齐唱祝福祖国", Reflow.Page(page, R, Date));
    }

    // From the tuning month's `pdf-raw` dumps (人民日报 2019-10-02, page 3): no blank lines at all, a title wrapped at
    // its column with its last character alone on a line, right over the story's dateline.
    [Fact]
    public void A_title_s_last_character_alone_on_a_line_rejoins_the_title_and_the_dateline_under_it_stays_whole()
    {
        List<string> page =
        [
            "中央军委主席习近平签署通", "令嘉奖参加庆祝中华人民共", "和国成立70周年阅兵全体人", "员",
            "新华社北京10月1日电 中华人民共和国", "中央军事委员会主席习近平10月1日签署通", "令，嘉奖参加庆祝中华人民共和国成立70周",
            "年阅兵全体人员。", "嘉奖令指出，在伟大的中华人民共和国", "成立70周年盛大庆典活动中，受阅部队", "展示了人民军队的时代风貌，彰显了我",
            "国的综合国力。",
        ];
        var lines = Reflow.Page(page, R, Date).ToList();
        // The scrap `员` ends the title's line (which Assembly/DeckFields may join with the title's other lines).
        Assert.Contains(lines, l => l.EndsWith("和国成立70周年阅兵全体人员", StringComparison.Ordinal));
        Assert.DoesNotContain("员", lines);
        Assert.Contains(lines, l => l.StartsWith("新华社北京10月1日电", StringComparison.Ordinal));

        var article = Assert.Single(IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date)).Articles);
        Assert.EndsWith("全体人员", Squeeze(article.Kicker + article.Title + article.Subtitle));
        Assert.Equal("新华社北京10月1日电", article.Dateline?.Raw);
    }

    // Same page: a title with a comma over its `——` subtitle, right after the story above ends a sentence.
    [Fact]
    public void A_title_with_a_comma_over_a_dash_subtitle_and_the_subtitle_are_heading_lines()
    {
        List<string> page =
        [
            .. Wrap(Appointments, 18),
            "领航，号角催征新时代", "——习近平主席检阅共和国武装力量侧记",
            "沐浴着新时代的阳光，共和国迎来了70", "华诞。", "10月1日上午10时17分许，阅兵式号角", "响彻长空，红旗牌检阅车驶出天安门。",
        ];
        var lines = Reflow.Page(page, R, Date).ToList();
        Assert.Contains("领航，号角催征新时代", lines);
        Assert.Contains("——习近平主席检阅共和国武装力量侧记", lines);

        var articles = IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date)).Articles;
        Assert.Equal(2, articles.Count);
        Assert.Equal("领航，号角催征新时代", articles[1].Title);
        Assert.StartsWith("沐浴着新时代的阳光", articles[1].Paragraphs[0]);
    }

    // Same page: a lead story's deck, its second line as wide as a body line and its third wider than the column.
    [Fact]
    public void A_deck_line_as_wide_as_the_column_between_two_heading_lines_is_a_heading_line()
    {
        List<string> page =
        [
            .. Wrap(Appointments, 18),
            "庆祝中华人民共和国成立70周年大会在京隆重举行", "天安门广场举行盛大阅兵仪式和群众游行",
            "习近平发表重要讲话并检阅受阅部队李克强主持 栗战书汪洋王沪宁赵乐际韩正", "王岐山江泽民胡锦涛出席",
            .. Wrap(Meeting, 18),
        ];
        var lines = Reflow.Page(page, R, Date).ToList();
        Assert.Contains("天安门广场举行盛大阅兵仪式和群众游行", lines);
        Assert.Equal(Squeeze(Meeting), Squeeze(lines[^1]));
    }

    // 人民日报 2019-10-02, page 3 (`pdf-raw`): a commentary's title as wide as the column, over its `——` subtitle.
    [Fact]
    public void A_title_as_wide_as_its_column_over_a_dash_subtitle_is_a_heading_line()
    {
        List<string> page =
        [
            .. Wrap(Appointments, 17),
            "中国特色世界眼光人类情怀（钟声）", "——瞩目新时代的中国与世界②",
            .. Wrap(Meeting, 17),
        ];
        var lines = Reflow.Page(page, R, Date).ToList();
        Assert.Contains("中国特色世界眼光人类情怀（钟声）", lines);
        var articles = IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date)).Articles;
        Assert.Contains(articles, a => Squeeze(a.Title + a.Subtitle).StartsWith("中国特色世界眼光人类情怀", StringComparison.Ordinal));
    }

    // The tuning month's PDF pages (人民日报 2019-10-01, page 1): a headline as wide as the column between the sentence
    // that ends one story and the dateline that opens the next (`习近平会见中国女排代表` / `本 报 北 京 9 月 30 日`).
    [Fact]
    public void A_line_as_wide_as_its_column_over_a_dateline_is_a_heading_line()
    {
        List<string> page = [.. Wrap(Appointments, 12), "王岐山会见泰国公主诗琳通", .. Wrap(Meeting, 12)];
        var lines = Reflow.Page(page, R, Date).ToList();
        Assert.Contains("王岐山会见泰国公主诗琳通", lines);
        var articles = IssueParser.Parse(string.Join("\n", page), new IssueContext(Date: Date)).Articles;
        Assert.Contains(articles, a => a.Title == "王岐山会见泰国公主诗琳通" && a.Dateline?.Raw == "本报北京9月30日电");
    }

    [Fact]
    public void A_block_cut_mid_sentence_goes_on_past_a_block_that_opens_another_story_with_its_dateline()
    {
        // pdftotext's default order: a column cut mid-sentence, then a neighbour's story opening with its dateline,
        // then the rest of the column (2019-10-03 page 1 sets a 女排 story beside a 新华社 one this way).
        var meeting = Wrap(Meeting, 12);
        var cut = meeting.FindIndex(l => !Chars.EndsSentence(l) && l.Contains("友好"));
        List<string> page = [.. meeting[..(cut + 1)], "", .. Wrap(Appointments, 12), "", .. meeting[(cut + 1)..]];
        var lines = Reflow.Page(page, R, Date).Where(l => l.Length > 0).ToList();
        var appointments = lines.FindIndex(l => l.StartsWith("新华社北京9月30日电", StringComparison.Ordinal));
        Assert.True(appointments > 0);
        Assert.Equal(Squeeze(Meeting), Squeeze(string.Concat(lines.Take(appointments))));
        Assert.Equal(Squeeze(Appointments), Squeeze(string.Concat(lines.Skip(appointments))));
    }

    [Fact]
    public void A_block_cut_mid_sentence_is_not_moved_when_the_next_block_can_go_on_with_it()
    {
        var meeting = Wrap(Meeting, 12);
        var cut = meeting.FindIndex(l => !Chars.EndsSentence(l) && l.Contains("友好"));
        List<string> page = [.. meeting[..(cut + 1)], "", .. meeting[(cut + 1)..], "", .. Wrap(Appointments, 12)];
        var lines = Reflow.Page(page, R, Date).Where(l => l.Length > 0).ToList();
        Assert.Equal(Squeeze(Meeting), Squeeze(lines[0]));
    }

    /// <summary>2019-10-14 page 2 as pdftotext gives it (default order): the end of one story, then a story of one column 19 em wide.</summary>
    private static readonly string[] NepalPage =
    [
        "合作和政治协商制度以及新型政党制度的特",
        "色和优势。专题片共分四集，分别是：第一",
        "集《建立新中国》、第二集《建设新中",
        "国》、第三集《改革开放路》、第四集《共",
        "圆中国梦》，每集约50分钟。",
        "",
        "本 报 加 德 满 都 10 月 13 日 电 （ 记 者 李",
        "锋、王慧）国家主席习近平13日在加德满都",
        "下榻饭店会见尼泊尔共产党联合主席普拉昌",
        "达。",
        "习近平表示，普拉昌达主席是尼泊尔资",
        "深政治家，也是中国人民的好朋友、老朋",
        "友，为中尼关系发展作出了重要贡献。去",
        "年，你同奥利总理作出政治决断，联合组建",
        "尼泊尔共产党，开启了国家政治稳定、经济",
        "发展的新阶段。习近平指出，中尼山水相",
        "连、唇齿相依。中方感谢尼方在涉及中国核",
        "心利益问题上长期给予坚定支持，愿继续深",
        "化同尼泊尔全方位合作，为尼泊尔发展提供",
        "支持和帮助，实现两国关系更大发展。",
        "习近平介绍了中国共产党全面从严治",
        "党、加强执政党建设、巩固党的执政地位的",
        "基本经验。习近平指出，中国共产党同尼泊",
        "尔共产党都以马克思主义为指导思想，愿同",
        "尼共加强党际交往，建立定期交流机制，相",
        "",
        "互借鉴党建和治国理政经验，构建相互尊",
        "重、求同存异、互学互鉴的新型政党关系。",
    ];

    [Fact]
    public void A_paragraph_s_first_line_cut_short_is_no_heading_line_when_a_full_line_goes_on_under_it()
    {
        // `习近平介绍了中国共产党全面从严治` is 3 em short of its column (its last character went down with the `、`
        // after it); the full line under it shows it is a paragraph's first line.
        var lines = Reflow.Page(NepalPage, R, Date);
        Assert.DoesNotContain("习近平介绍了中国共产党全面从严治", lines);
        Assert.Contains(lines, l => l.StartsWith("习近平介绍了中国共产党全面从严治党、加强执政党建设", StringComparison.Ordinal)
                                    && l.EndsWith("新型政党关系。", StringComparison.Ordinal));
    }

    /// <summary>2019-10-02 page 3 as pdftotext gives it (default order): a crosshead in a block of its own inside a story.</summary>
    private static readonly string[] ReactionsPage =
    [
        "砥砺奋进书写恢弘史诗，豪情壮志",
        "踏上新的征程。习近平总书记1日在庆",
        "祝中华人民共和国成立70周年大会上的",
        "重要讲话，在中央和国家机关、人民团",
        "体中引起热烈反响。",
        "大家表示，站在新中国成立70周年",
        "的历史起点上，一定要更加紧密地团结",
        "在以习近平同志为核心的党中央周围，",
        "不忘初心、牢记使命，向着中华民族伟",
        "大复兴的光辉彼岸奋力前进！",
        "",
        "伟大成就催人奋进",
        "",
        "1日上午，中宣部、全国政协机关",
        "组织广大干部职工通过电视、网络、",
        "“两微一端”等多种形式，观看庆祝中",
        "华人民共和国成立70周年大会直播。在",
        "认真聆听习近平总书记的重要讲话后，",
        "澎湃的爱国激情在大家心中激荡。",
    ];

    [Fact]
    public void A_one_line_heading_block_between_two_parts_of_one_column_is_a_crosshead_with_no_blank_line_above()
    {
        var lines = Reflow.Page(ReactionsPage, R, Date).ToList();
        var at = lines.IndexOf("伟大成就催人奋进");
        Assert.True(at > 0);
        Assert.NotEqual("", lines[at - 1]);
    }

    [Fact]
    public void A_one_line_heading_block_over_a_story_s_dateline_keeps_its_blank_line()
    {
        // The same place, but the text under it opens with a dateline: a new story's headline, not a crosshead.
        var page = ReactionsPage[..13].Concat(Wrap(Appointments, 16)).ToList();
        var lines = Reflow.Page(page, R, Date).ToList();
        var at = lines.IndexOf("伟大成就催人奋进");
        Assert.True(at > 0);
        Assert.Equal("", lines[at - 1]);
    }
}
