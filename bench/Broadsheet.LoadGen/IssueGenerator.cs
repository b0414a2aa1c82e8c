using System.Text;

namespace Broadsheet.LoadGen;

/// <summary>One generated issue: the dump, and what went into it (for queries that must find something).</summary>
/// <param name="Titles">Each story's headline in issue order, when the layout is one the parser splits exactly (<see cref="IssueGenerator.GenerateMaximal"/>).</param>
public sealed record GeneratedIssue(string Paper, DateOnly Date, string Text, int Stories, int Pages, IReadOnlyList<string>? Titles = null);

/// <summary>
/// Composes issue dumps in the style of the fixture pages (tests/Broadsheet.Core.Tests/Fixtures): running heads,
/// column banners, stories built from varied templates and vocabulary, headlines before or AFTER their bodies, bylines,
/// datelines, wire stories, photo captions, briefs, jumps between pages (（下转3版B）/（上接1版B）), lines wrapped mid-word
/// at the column width and blank lines at column breaks. Seeded and deterministic: issue n of a seed is always the same.
/// </summary>
public sealed class IssueGenerator(int seed = 20220808)
{
    public const int PagesPerIssue = 16;
    /// <summary>Bytes of text per page: 16 pages ≈ 250 KB, the size of a real city daily's dump.</summary>
    public const int PageBytes = 15_600;

    public static readonly string[] Places =
        ["嘉祥", "汶上", "泗水", "兖州", "曲阜", "邹城", "微山", "鱼台", "金乡", "梁山", "任城", "济南", "青岛", "淄博", "泰安", "临沂", "潍坊", "烟台", "菏泽", "聊城"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "孙", "徐", "郭", "马", "段", "屈", "孔", "颜", "孟", "姜", "褚"];
    private static readonly string[] Given = ["东利", "耀武", "玉超", "瑞龙", "洪波", "庆刚", "建国", "丽娟", "立新", "晓峰", "文静", "海涛", "春燕", "志强", "红梅", "德胜", "国庆", "秀英", "振华", "凡强"];
    private static readonly string[] Titles =
        ["县委书记", "副县长", "市人社局局长", "县医保局党组书记、局长", "区委组织部副部长", "公司总经理", "镇党委书记", "市工业和信息化局局长", "市文化和旅游局副局长", "村党支部书记", "县农业农村局局长", "市商务局局长"];
    private static readonly string[] Citizens = ["村民", "游客", "快递员", "种粮大户", "个体工商户", "企业职工", "退休教师", "返乡创业青年"];
    private static readonly string[] Verbs = ["说", "表示", "介绍"];
    private static readonly string[] Orgs =
        ["市人力资源社会保障局", "市工业和信息化局", "市文化和旅游局", "县农业农村局", "市医疗保障局", "市生态环境局", "市商务局", "县供电公司", "市住房和城乡建设局", "市市场监督管理局"];
    public static readonly string[] Topics =
        ["技能人才", "乡村振兴", "新能源汽车", "文旅消费", "营商环境", "碳材料", "防汛抗旱", "粮食收购", "研学旅游", "医疗保障", "养老服务", "数字经济", "夜间经济", "高标准农田", "污水治理", "老旧小区改造", "跨境电商", "智能制造", "中小企业", "非遗保护"];
    private static readonly string[] Actions = ["推进", "实施", "深化", "落实", "打造", "培育", "提升", "优化", "拓展", "完善"];
    private static readonly string[] Goals = ["高质量发展", "转型升级", "提质增效", "惠民利民", "创新驱动", "协调发展", "安全生产", "共同富裕"];
    private static readonly string[] Units = ["万元", "亿元", "个", "家", "人次", "万人次", "亩", "吨", "公里", "户"];
    private static readonly string[] Measures = ["营业收入", "投资总额", "接待游客", "新增就业", "完成产值", "实现税收", "培训人数", "累计收购"];
    private static readonly string[] Sections = ["要闻", "综合", "经济", "县域", "文化", "社会", "民生", "理论", "专版", "体育", "国内", "国际", "副刊", "法治", "教育", "健康"];
    private static readonly string[] Banners = ["喜迎二十大·奋进新征程", "构建现代产业体系 攻坚制造强市建设", "一线见闻", "乡村振兴进行时", "县域经济观察", "民生关注", "奋进新征程 建功新时代"];

    private static readonly string[] Sentences =
    [
        "今年以来，{P}坚持把{K}作为重点工作，{A}{K}{G}，取得了明显成效。",
        "截至{M}月底，{P}已累计{A}{K}项目{X}个，总投资{Y}亿元。",
        "{MEAS}达到{X}{U}，同比增长{R}%。",
        "记者在{P}{K}现场看到，工人们正在加紧施工，一派繁忙景象。",
        "“{K}关系群众切身利益，我们必须{A}各项措施，确保取得实效。”{T}{N}{V}。",
        "{T}{N}{V}，下一步将继续{A}{K}，推动{G}。",
        "“以前办事要跑好几趟，现在网上就能办，真是方便多了。”{C}{N}{V}。",
        "据了解，{O}围绕{K}出台了{X}条具体措施，涵盖资金、人才、用地等多个方面。",
        "{M}月{D}日，{P}召开{K}工作推进会议，{T}{N}出席会议并讲话。",
        "会议指出，要把{K}放在更加突出的位置，坚持问题导向，强化责任落实。",
        "{O}有关负责人介绍，全市共有{X}家企业参与{K}，带动就业{Z}人。",
        "近年来，{P}依托资源禀赋，大力发展{K}，走出了一条{G}的新路子。",
        "为破解{K}难题，{P}创新推出“{K}+”模式，实现了多方共赢。",
        "在{P}的一家企业车间内，一排排智能化设备有序运转，{MEAS}较去年增加{R}%。",
        "与此同时，{P}还积极{A}{K}服务体系，为群众提供更加便捷高效的服务。",
        "数据显示，上半年{P}{MEAS}{Y}亿元，占全市的{R}%，居各县市区前列。",
        "“这些年变化太大了，日子越过越有奔头。”{C}{N}笑着说。",
        "下一步，{P}将持续{A}{K}，进一步{A}工作机制，为{G}注入强劲动力。",
        "{O}还组织开展了{K}专项行动，共检查点位{X}处，整改问题{Z}个。",
        "业内人士认为，{K}正在成为拉动地方经济增长的新引擎。",
        "该项目建成投产后，预计年可实现{MEAS}{Y}亿元，新增税收{X}万元。",
        "走进{P}某村，平整的道路、整洁的庭院、错落有致的民居映入眼帘。",
        "{P}还将{K}纳入年度考核，层层压实责任，形成了齐抓共管的良好局面。",
        "目前，{P}已建成{K}示范点{X}处，辐射带动周边群众{Z}户。",
    ];

    private static readonly string[] Headlines =
    [
        "{P}{K}跑出“加速度”", "{K}为{P}发展注入新动能", "{P}：{K}见实效", "{A}{K} 推动{G}", "{P}{K}工作会议召开",
        "让{K}惠及更多群众", "{P}上半年{K}成绩亮眼", "{K}点亮{P}新图景", "{P}全力{A}{K}", "小{K}撬动大发展",
    ];

    public GeneratedIssue Generate(int number, string paper = "济宁日报")
    {
        var rng = new Random(unchecked(seed * 1_000_003 + number * 7919) & 0x7fffffff); // not HashCode.Combine: it is seeded per process
        var date = new DateOnly(2020, 1, 1).AddDays(number);
        var stories = 0;
        var pages = new List<StringBuilder>();
        for (var p = 1; p <= PagesPerIssue; p++) pages.Add(new StringBuilder());

        // Jumps: a story starts on page p and continues on a later page; the continuation is written there first.
        var continuations = new List<(int Page, string Text)>();
        for (var p = 1; p <= PagesPerIssue; p++)
        {
            var sb = pages[p - 1];
            var width = rng.Next(18, 25);
            var columnLines = rng.Next(28, 45);
            var lines = new List<string>();
            sb.Append($"{p} {Sections[(p - 1) % Sections.Length]} {date.Year}年{date.Month}月{date.Day}日 星期{"日一二三四五六"[(int)date.DayOfWeek]} 责任编辑:{Name(rng, padded: true)} 组版:{Name(rng, true)} 校对:{Name(rng, true)}\n\n");
            if (rng.Next(3) == 0) lines.Add(Pick(rng, Banners));

            var headlineAfter = rng.Next(10) < 4; // the PDF stored the headline boxes after the bodies
            foreach (var c in continuations.Where(c => c.Page == p).ToList())
            {
                lines.AddRange(c.Text.Split('\n'));
                lines.Add("");
                continuations.Remove(c);
            }
            var bytes = Utf8(lines);
            var storyOnPage = 0;
            while (bytes < PageBytes)
            {
                var kind = rng.Next(20);
                List<string> story;
                if (kind == 0) story = Briefs(rng, date, width);
                else if (kind == 1) story = Photo(rng, date, width);
                else
                {
                    var jumpTo = p < PagesPerIssue - 2 && storyOnPage == 0 && rng.Next(3) == 0 ? p + rng.Next(1, 4) : 0;
                    story = Story(rng, date, width, headlineAfter, kind == 2, p, jumpTo, continuations);
                }
                stories++;
                storyOnPage++;
                lines.AddRange(story);
                lines.Add("");
                bytes += Utf8(story);
            }
            if (rng.Next(2) == 0) lines.Add($"本版责编：{Name(rng)} 版式设计：{Name(rng)}");
            // Column breaks: a blank line every columnLines lines, wherever it falls (mid-sentence too).
            for (var i = 0; i < lines.Count; i++)
            {
                sb.Append(lines[i]).Append('\n');
                if (i > 0 && i % columnLines == 0 && lines[i].Length > 0) sb.Append('\n');
            }
        }
        var text = string.Join("\f", pages.Select(b => b.ToString()));
        return new GeneratedIssue(paper, date, text, stories, PagesPerIssue);
    }

    /// <summary>
    /// The biggest issue the ingestion bounds allow at once: `pages` pages of `storiesPerPage` stories whose bodies are
    /// lengthened paragraph by paragraph until the dump is within a sentence of `bytes` (UTF-8, form feeds included).
    /// Each story has a headline before its body, a byline or a dateline naming the reporter, and many paragraphs; no
    /// jumps, briefs, photos or mid-paragraph column breaks, so the parser finds exactly the stories composed
    /// (<see cref="GeneratedIssue.Titles"/>).
    /// </summary>
    public GeneratedIssue GenerateMaximal(int pages, int storiesPerPage, long bytes, string paper = "济宁日报", int number = 0)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + number * 7919 + 1) & 0x7fffffff);
        var date = new DateOnly(2020, 1, 1).AddDays(number);
        var titles = new List<string>();
        var text = new StringBuilder();
        long written = 0;
        for (var p = 1; p <= pages; p++)
        {
            var page = new StringBuilder();
            if (p > 1) page.Append('\f');
            page.Append($"{p} {Sections[(p - 1) % Sections.Length]} {date.Year}年{date.Month}月{date.Day}日 星期{"日一二三四五六"[(int)date.DayOfWeek]} 责任编辑:{Name(rng, padded: true)} 组版:{Name(rng, true)} 校对:{Name(rng, true)}\n\n");
            var width = rng.Next(18, 25);
            for (var s = 0; s < storiesPerPage; s++)
            {
                // What is left, shared by the stories still to come, so every story's shortfall goes to the next.
                var storiesLeft = (pages - p) * storiesPerPage + storiesPerPage - s;
                var share = (bytes - written - Encoding.UTF8.GetByteCount(page.ToString())) / storiesLeft;
                var story = Story(rng, date, width, headlineAfter: false, wire: false, p, jumpTo: 0, continuations: [], bodyBytes: (int)share - 1, titles);
                foreach (var line in story) page.Append(line).Append('\n');
                page.Append('\n');
            }
            written += Encoding.UTF8.GetByteCount(page.ToString());
            text.Append(page);
        }
        return new GeneratedIssue(paper, date, text.ToString(), titles.Count, pages, titles);
    }

    /// <param name="bodyBytes">When positive, sentences are added until the story's lines (a newline each) would pass it; otherwise 4–10 paragraphs.</param>
    /// <param name="titles">Where the story's headline is added, when given.</param>
    private List<string> Story(Random rng, DateOnly date, int width, bool headlineAfter, bool wire, int page, int jumpTo,
        List<(int Page, string Text)> continuations, int bodyBytes = 0, List<string>? titles = null)
    {
        var ctx = new Slots(rng, date);
        var head = new List<string>();
        if (rng.Next(5) == 0) head.Add(Fill(rng, ctx, "{A}{K} 助力{G}"));
        var title = Fill(rng, ctx, Pick(rng, Headlines));
        head.Add(title);
        titles?.Add(title);
        var interview = rng.Next(6) == 0;
        if (interview) head.Add($"——访{ctx.Title}{ctx.Person}");
        else if (rng.Next(3) == 0) head.Add(Fill(rng, ctx, "{P}{MEAS}同比增长{R}%"));

        var reporter = Name(rng, padded: rng.Next(2) == 0);
        var byline = wire ? null : rng.Next(3) switch
        {
            0 => $"■本报记者 {reporter}",
            1 => $"■本报记者 {reporter} 通讯员 {Name(rng)}",
            _ => null,
        };
        var dateline = wire
            ? $"新华社{Pick(rng, ["北京", "上海", "合肥", "长沙", "济南"])}{date.Month}月{Math.Max(1, date.Day - 1)}日电(记者{Name(rng)}) "
            : byline is null
                ? $"本报{ctx.Place}{date.Month}月{Math.Max(1, date.Day - 1)}日讯（记者 {reporter} 通讯员 {Name(rng)}）"
                : rng.Next(2) == 0 || bodyBytes > 0 ? "本报讯 " : ""; // a maximal issue's stories all carry a dateline

        var paragraphs = new List<string>();
        if (bodyBytes > 0)
        {
            // Whole sentences while they fit: a paragraph of 2–4, then the next, until the budget is spent.
            var used = Utf8(head) + (byline is null ? 0 : Encoding.UTF8.GetByteCount(byline) + 1) + Encoding.UTF8.GetByteCount(dateline);
            var para = new StringBuilder();
            var sentencesLeft = rng.Next(2, 5);
            while (true)
            {
                var sentence = Fill(rng, ctx, Pick(rng, Sentences));
                // Lines are at least 18 characters, so a sentence adds at most Length / 18 + 1 newlines; +1 for a paragraph's blank line.
                var cost = Encoding.UTF8.GetByteCount(sentence) + sentence.Length / 18 + 2;
                if (used + cost > bodyBytes && paragraphs.Count + para.Length > 0) break;
                para.Append(sentence);
                used += cost;
                if (--sentencesLeft > 0) continue;
                paragraphs.Add(para.ToString());
                para.Clear();
                sentencesLeft = rng.Next(2, 5);
            }
            if (para.Length > 0) paragraphs.Add(para.ToString());
        }
        else
        {
            for (int i = 0, n = rng.Next(4, interview ? 11 : 8); i < n; i++)
            {
                var para = new StringBuilder();
                for (int s = 0, m = rng.Next(2, 5); s < m; s++) para.Append(Fill(rng, ctx, Pick(rng, Sentences)));
                paragraphs.Add(para.ToString());
            }
        }
        paragraphs[0] = dateline + paragraphs[0];

        var body = new List<string>();
        var rest = new List<string>();
        var split = jumpTo > 0 ? Math.Max(2, paragraphs.Count / 2) : paragraphs.Count;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var target = i < split ? body : rest;
            if (target.Count > 0) target.Add("");
            target.AddRange(Wrap(paragraphs[i], width));
        }
        if (jumpTo > 0)
        {
            var slot = (char)('A' + rng.Next(4));
            body[^1] += $"（下转{jumpTo}版{slot}）";
            var cont = new StringBuilder();
            cont.Append(title.Length > 8 ? title[..8] : title).Append('\n').Append($"（上接{page}版{slot}）\n");
            cont.Append(string.Join("\n", rest));
            continuations.Add((jumpTo, cont.ToString()));
        }

        var result = new List<string>();
        if (headlineAfter)
        {
            // As page 1 of the reference: byline, body, then the headline deck the PDF stored later.
            if (byline is not null) { result.Add(byline); result.Add(""); }
            result.AddRange(body);
            result.Add("");
            result.AddRange(head);
        }
        else
        {
            result.AddRange(head);
            if (byline is not null) result.Add(byline);
            result.AddRange(body);
        }
        return result;
    }

    private List<string> Briefs(Random rng, DateOnly date, int width)
    {
        var lines = new List<string> { "简讯" };
        for (int i = 0, n = rng.Next(2, 4); i < n; i++)
        {
            var ctx = new Slots(rng, date);
            lines.AddRange(Wrap($"本报讯（记者 {Name(rng)}）" + Fill(rng, ctx, Pick(rng, Sentences)) + Fill(rng, ctx, Pick(rng, Sentences)), width));
        }
        return lines;
    }

    private List<string> Photo(Random rng, DateOnly date, int width)
    {
        var ctx = new Slots(rng, date);
        var caption = $"{date.Month}月{Math.Max(1, date.Day - 1)}日，{Pick(rng, Citizens)}在{ctx.Place}{ctx.Topic}示范点参观体验。连日来，该地区{ctx.Topic}活动吸引众多市民前来。";
        var lines = Wrap(caption, Math.Min(width, 13));
        lines.Add($"本报记者 {Name(rng)}摄");
        return lines;
    }

    /// <summary>Per-story choices, so a story keeps its place, topic and people throughout.</summary>
    private sealed class Slots(Random rng, DateOnly date)
    {
        public string Place { get; } = Pick(rng, Places);
        public string Topic { get; } = Pick(rng, Topics);
        public string Person { get; } = Name(rng);
        public string Title { get; } = Pick(rng, Titles);
        public string Org { get; } = Pick(rng, Orgs);
        public DateOnly Date { get; } = date;
    }

    private static string Fill(Random rng, Slots ctx, string template)
    {
        var sb = new StringBuilder(template.Length * 2);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{') { sb.Append(template[i]); continue; }
            var end = template.IndexOf('}', i);
            var slot = template[(i + 1)..end];
            i = end;
            sb.Append(slot switch
            {
                "P" => rng.Next(5) == 0 ? Pick(rng, Places) : ctx.Place,
                "K" => rng.Next(6) == 0 ? Pick(rng, Topics) : ctx.Topic,
                "N" => rng.Next(4) == 0 ? Name(rng) : ctx.Person,
                "T" => ctx.Title,
                "C" => Pick(rng, Citizens),
                "O" => ctx.Org,
                "V" => Pick(rng, Verbs),
                "A" => Pick(rng, Actions),
                "G" => Pick(rng, Goals),
                "U" => Pick(rng, Units),
                "MEAS" => Pick(rng, Measures),
                "M" => rng.Next(1, Math.Max(2, ctx.Date.Month + 1)).ToString(),
                "D" => rng.Next(1, 29).ToString(),
                "X" => rng.Next(2, 500).ToString(),
                "Z" => rng.Next(100, 20000).ToString(),
                "Y" => (rng.Next(10, 999) / 10.0).ToString("0.0"),
                "R" => (rng.Next(10, 400) / 10.0).ToString("0.0"),
                _ => slot,
            });
        }
        return sb.ToString();
    }

    /// <summary>Column-width wrapping, mid-word and mid-number, but closing punctuation never starts a line.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var len = Math.Min(width, text.Length - at);
            while (at + len < text.Length && len < width + 2 && "，。、；：”）！？".Contains(text[at + len])) len++;
            lines.Add(text.Substring(at, len));
            at += len;
        }
        return lines;
    }

    /// <summary>Two-character names are padded with a space in running heads and some bylines (矫 月).</summary>
    private static string Name(Random rng, bool padded = false)
    {
        var given = rng.Next(4) == 0 ? Given[rng.Next(Given.Length)][..1] : Pick(rng, Given);
        var surname = Pick(rng, Surnames);
        return padded && given.Length == 1 ? surname + " " + given : surname + given;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static int Utf8(List<string> lines) => lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);
}
