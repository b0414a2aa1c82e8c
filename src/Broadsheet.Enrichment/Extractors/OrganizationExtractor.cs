using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Organisations: a word ending in an organisation suffix (…局, …厅, …委员会, …协会, …集团, …公司, …中心, …政府), read back
/// over the words before it to an anchor (a division, 市/省/县/区, 中国/国家) or, for firms, to a brand name jieba doesn't know.
/// Short and full forms the text gives both (市人社局 / 市人力资源社会保障局) are linked.
/// </summary>
internal sealed class OrganizationExtractor(NewsroomLexicon lexicon)
{
    private static readonly string[] Suffixes =
    [
        "人民政府", "委员会", "联合会", "基金会", "有限公司", "研究院", "研究所", "科学院", "检察院", "办公室", "合作社",
        "出版社", "通讯社", "杂志社", "报社", "电视台", "电台", "俱乐部", "研究会", "理事会", "代表团",
        "总公司", "分公司", "日报", "时报", "晚报", "中学", "小学", "学校", "舰队", "议会", "联盟",
        // Branches and head offices (郑州分局, 衡阳有色冶金机械总厂): a body of their own after a place or a body.
        "分局", "总局", "分行", "支行", "分社", "总社", "分院", "总厂", "分厂",
        // An event's organising committee and armed police or army units (法兰西世界杯组委会, 武警北京一总队).
        "组委会", "总队", "支队",
        // Police stations and firms of lawyers or accountants (交道口派出所, 金茂律师事务所).
        "派出所", "事务所", "税务所",
        "政府", "协会", "学会", "商会", "集团", "公司", "中心", "大学", "学院", "医院", "银行", "法院",
        "组织部", "宣传部", "统战部", "党委", "党工委", "局", "厅", "委", "部", "办", "厂", "署", "党", "社", "处", "院",
    ];
    /// <summary>Suffixes a firm or institution may carry without a place in front (利丰集团).</summary>
    private static readonly HashSet<string> Commercial = ["有限公司", "公司", "总公司", "集团", "银行", "大学", "学院", "医院", "合作社", "研究院", "研究所", "协会", "学会", "商会", "基金会",
        "出版社", "杂志社", "报社", "俱乐部", "日报", "时报", "晚报", "中学", "小学", "厂", "社"];
    /// <summary>Suffixes that after a place alone name no particular body (美国公司, 河南省政府 is the province).</summary>
    private static readonly HashSet<string> CompanyOrGovernment = ["有限公司", "公司", "总公司", "集团", "政府", "人民政府", "协会", "商会", "合作社"];
    /// <summary>Words between a team's name and 队 (德国男子网球队, 北京围棋女队), or before 队 in one word (围棋队).</summary>
    private static readonly HashSet<string> TeamQualifiers = ["男子", "女子", "男", "女", "网", "球", "网球", "足球", "篮球", "排球", "围棋", "象棋", "国际象棋", "乒乓球", "羽毛球",
        "游泳", "跳水", "田径", "体操", "举重", "射击", "击剑", "柔道", "摔跤", "拳击", "冰球", "手球", "水球", "曲棍球", "棒球", "垒球", "青年", "少年", "职业"];
    /// <summary>Words for a team after a country, a place or a club's name (中国女队, 印尼队, 泰山队).</summary>
    private static readonly HashSet<string> TeamWords = ["队", "女队", "男队", "国家队", "男篮", "女篮", "男足", "女足", "代表队", "青年队", "国奥队", "集训队", "联队"];
    /// <summary>Words that make an organisation's name local (市人社局, 中共济宁市委).</summary>
    private static readonly HashSet<string> AnchorWords = ["市", "省", "县", "区", "镇", "乡", "自治区", "市委", "省委", "县委", "区委", "中共", "国家", "中国", "中央", "全国", "国务院",
        // International bodies (国际刑事法院, 世界经济论坛, 泛美卫生组织).
        "国际", "世界", "全球", "泛美"];
    /// <summary>A place's Party committees, named by the place before them (衡阳市委, 清丰县委).</summary>
    private static readonly HashSet<string> Committees = ["省委", "市委", "县委", "区委", "州委", "地委", "盟委", "旗委"];
    /// <summary>Words kept out of keywords that are still part of bodies' names (残疾人工作委员会, 新闻中心, 职业介绍中心).</summary>
    private static readonly HashSet<string> NameStopWords = ["工作", "新闻", "介绍", "编辑"];
    private static readonly HashSet<string> HardStopTags = ["v", "p", "u", "d", "r", "t", "m", "q", "y", "e", "f", "uj", "ul", "ud", "uv", "uz", "ug", "zg"];

    private readonly System.Buffers.SearchValues<char> _knownBodyFirstChars = System.Buffers.SearchValues.Create([.. lexicon.KnownOrganizations.Where(o => o.Length > 0).Select(o => o[0])]);

    public List<Organization> Extract(ArticleText at)
    {
        var text = at.Text;
        var tokens = at.Tokens;
        var found = new List<(string Name, int Offset)>();

        void Add(int start, int end)
        {
            var termStart = TermBefore(text, start);
            // 香港首届立法会: the place before the term names the body too.
            if (termStart < start && at.TokenAt(termStart) is var t && t > 0 && t < tokens.Count && tokens[t].Start == termStart) termStart = PlacesBefore(at, t);
            start = LocalBodyBefore(at, termStart);
            start = ForeignNameBefore(at, start);
            // A longer organisation ending here wins over a shorter one (市委组织部 over 组织部).
            found.RemoveAll(f => f.Offset >= start && f.Offset + f.Name.Length <= end);
            if (!found.Any(f => f.Offset <= start && f.Offset + f.Name.Length >= end)) found.Add((text[start..end], start));
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            var tok = tokens[k];
            // 衡阳市委, 清丰县委: a place's Party committee (共青团衡阳市委 with the body that heads it).
            if (tok.Word.Length == 2 && tok.Word[1] == '委' && Committees.Contains(tok.Word) && k > 0 && IsPlaceWord(tokens[k - 1].Word))
            {
                var placeStart = PlacesBefore(at, k - 1);
                if (k >= 2 && KnownOrWord(tokens[k - 2].Word) && tokens[k - 2].End == tokens[k - 1].Start) placeStart = tokens[k - 2].Start;
                Add(placeStart, tok.End);
                continue;
            }
            // 市委书记, 县委副书记 cut as one word: the body and its officer's title.
            if (tok.Word.Length >= 4 && BodyBeforeTitle(tok.Word) is { } bodyLength)
            {
                Add(PlacesBefore(at, k), tok.Start + bodyLength);
                continue;
            }
            // Well-known bodies and jieba's organisation words (新华社, 联合国, 外交部), with the country before them (美国国务院).
            if (KnownBodyAt(at, k) is { } bodyEnd)
            {
                // 联合会, 人民政府 alone (jieba tags them nt): read back like any suffix (国际游泳联合会), else with the place
                // right before (济宁市人民政府), else no particular body.
                if (bodyEnd == k && SuffixSet.Contains(tok.Word) && !lexicon.IsKnownOrganization(tok.Word))
                {
                    if (OrganizationBefore(at, k, tok.End, tok.Word) is { } suffixStart) Add(suffixStart, tok.End);
                    else if (PlacesBefore(at, k) is var placeStart && placeStart < tok.Start) Add(placeStart, tok.End);
                    continue;
                }
                Add(PlacesBefore(at, k), tokens[bodyEnd].End);
                k = bodyEnd;
                continue;
            }
            // 俄罗斯国家杜马 cut as one word (jieba tags it a place): a country and a well-known body.
            if (tok.Word.Length >= 4 && PlaceThenKnownBody(tok.Word))
            {
                Add(PlacesBefore(at, k), tok.End);
                continue;
            }
            // 安理会常任理事国: a word that opens with a well-known body and goes on with a word of its own.
            if (tok.Word.Length >= 4 && KnownBodyOpening(tok.Word) is { } bodyLength2)
            {
                Add(PlacesBefore(at, k), tok.Start + bodyLength2);
                continue;
            }
            if (IsTeamWord(tok.Word) && TeamStart(at, k) is { } teamStart)
            {
                Add(teamStart, tok.End);
                continue;
            }
            if (IsTeamToken(tok.Word))
            {
                Add(PlacesBefore(at, k), tok.End);
                continue;
            }
            // 外交部长, 财政部长: the body with its head's title glued on.
            if (tok.Word.Length >= 4 && tok.Word[^1] == '长' && KnownOrWord(tok.Word[..^1]))
            {
                Add(PlacesBefore(at, k), tok.End - 1);
                continue;
            }
            // 芬兰农林部长 cut as 农林/部长: the body ends inside its head's title.
            if (tok.Word.Length == 2 && tok.Word[1] == '长' && "部局厅署".Contains(tok.Word[0]) && k > 0 && tokens[k - 1].End == tok.Start && tokens[k - 1].Word[^1] != tok.Word[0]
                // 组织部副部长: 副 or 总 before the title is the title's, not the body's.
                && tokens[k - 1].Word is not ("副" or "正" or "总" or "代" or "常务") && SuffixOf(tokens[k - 1].Word) is null
                && OrganizationBefore(at, k - 1, tok.Start + 1, tok.Word[..1]) is { } headStart)
            {
                Add(headStart, tok.Start + 1);
                continue;
            }
            var suffix = SuffixOf(tok.Word);
            var end = tok.End;
            var last = k;
            if (suffix is null && TitleAfterSuffix(tok.Word) is { } s)
            {
                // 保障局局长 cut as 社会保障/局局长: the body ends inside the token.
                (suffix, end, last) = (s, tok.Start + s.Length, k - 1);
            }
            if (suffix is null) continue;
            if (OrganizationBefore(at, last, end, suffix) is { } start) Add(start, end);
        }

        // 《中国足球报》, 《新英格兰医学杂志》: a paper or journal named in title marks.
        for (var open = text.IndexOf('《'); open >= 0; open = text.IndexOf('《', open + 1))
        {
            var close = text.IndexOf('》', open + 1);
            if (close < 0) break;
            var title = text.AsSpan(open + 1, close - open - 1);
            if (title.Length is >= 2 and <= 12 && title.ToString().All(Chars.IsHan)
                && (title.Length >= 3 && (title[^1] == '报' || title.EndsWith("杂志", StringComparison.Ordinal)) || IsPublicationContext(text, open, close)))
                Add(open + 1, close);
        }

        // Countries standing for their teams in a story about a match (击败巴西, A组的美国、俄罗斯).
        if (text.Contains('赛') || text.Contains('队')) foreach (var (start, end) in TeamsNamedByCountry(at)) Add(start, end);

        // 华西、双良、阳光、申达等一大批乡镇企业: a list said to be of firms names firms.
        foreach (var (start, end) in FirmsListed(at)) Add(start, end);

        // Abbreviations the lexicon knows, with their local prefix (市人社局), even when segmentation split them oddly.
        foreach (var (shortForm, _) in lexicon.OrganizationAbbreviations)
        {
            for (var i = text.IndexOf(shortForm, StringComparison.Ordinal); i >= 0; i = text.IndexOf(shortForm, i + 1, StringComparison.Ordinal))
            {
                var start = i;
                if (i > 0 && text[i - 1] is '市' or '省' or '县' or '区') start = i - 1;
                else if (DivisionEndingAt(text, i) is { } d) start = i - d;
                if (start == i && shortForm.Length < 3) continue;
                var name = text[start..(i + shortForm.Length)];
                if (!found.Any(f => f.Offset <= start && f.Offset + f.Name.Length >= i + shortForm.Length)) found.Add((name, start));
            }
        }

        var names = MergeNested(found, text).Select(f => f.Name).Distinct().ToList();
        return Link(names, text);
    }

    /// <summary>
    /// A body right after another is a part of it (共青团 | 四川省委, 俄政府 | 新闻局, 淮南市农业银行 | 田东城市信用社): one name.
    /// </summary>
    private static List<(string Name, int Offset)> MergeNested(List<(string Name, int Offset)> found, string text)
    {
        var merged = new List<(string Name, int Offset)>();
        // Found mostly in text order already: then the (stable) sort would change nothing.
        var inOrder = true;
        for (var i = 1; i < found.Count && inOrder; i++) inOrder = found[i - 1].Offset <= found[i].Offset;
        foreach (var f in inOrder ? found : (IEnumerable<(string Name, int Offset)>)found.OrderBy(f => f.Offset))
        {
            if (merged.Count > 0 && merged[^1].Offset + merged[^1].Name.Length == f.Offset)
                merged[^1] = (text[merged[^1].Offset..(f.Offset + f.Name.Length)], merged[^1].Offset);
            else merged.Add(f);
        }
        return merged;
    }

    /// <summary>Words after a title in marks that make it a paper, a magazine or an agency's service (《今日美国》报道, 《时代》周刊记者).</summary>
    private static readonly string[] PublicationWordsAfter = ["报道", "记者", "编辑部", "社论", "载文", "撰文", "刊登", "刊载", "评论员", "总编", "主编", "社长", "周刊", "月刊", "杂志"];

    /// <summary>据《今日美国》报道: a title in marks a report is quoted from, or one a reporter or an editor belongs to.</summary>
    private static bool IsPublicationContext(string text, int open, int close)
    {
        var after = text.AsSpan(close + 1);
        foreach (var w in PublicationWordsAfter) if (after.StartsWith(w, StringComparison.Ordinal)) return true;
        return open > 0 && text[open - 1] == '据' && (after.StartsWith("称") || after.StartsWith("说") || after.StartsWith("披露") || after.StartsWith("透露"));
    }

    /// <summary>Pairs 市人力资源社会保障局 with 市人社局 when both occur; the short form is not listed on its own.</summary>
    private List<Organization> Link(List<string> names, string text)
    {
        var result = new List<Organization>();
        var absorbed = new HashSet<string>();
        foreach (var name in names)
        {
            string? shortForm = null;
            foreach (var (s, full) in lexicon.OrganizationAbbreviations)
            {
                if (!name.EndsWith(full, StringComparison.Ordinal) || s == full) continue;
                // 微山县文化和旅游局 is written 县文旅局 later: try the whole prefix, then its last character.
                var prefix = name[..^full.Length];
                foreach (var p in prefix.Length > 1 ? [prefix, prefix[^1..]] : new[] { prefix })
                {
                    if (text.Contains(p + s, StringComparison.Ordinal)) { shortForm = p + s; break; }
                }
                if (shortForm is not null) break;
            }
            if (shortForm is not null) absorbed.Add(shortForm);
            result.Add(new Organization(name, shortForm));
        }
        result.RemoveAll(o => o.ShortForm is null && absorbed.Contains(o.Name));
        return result;
    }

    private static readonly HashSet<string> SuffixSet = [.. Suffixes];
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = SuffixSet.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Last characters of the suffixes: most words end in none, and are turned away with one look-up.</summary>
    private static readonly System.Buffers.SearchValues<char> SuffixEnds = System.Buffers.SearchValues.Create([.. Suffixes.Select(s => s[^1]), '委']);

    private static string? SuffixOf(string word)
    {
        if (word.Length == 0 || !SuffixEnds.Contains(word[^1])) return null;
        if (SuffixSet.Contains(word)) return word;
        // 教委, 计委, 体委: a two-character committee (a title such as 常委 is caught before this is asked).
        if (word.Length == 2 && word[1] == '委' && word[0] is not ('常' or '编' or '党' or '政' or '市' or '省' or '县' or '区')) return "委";
        // 保障局, 组织部, 研发中心: dictionary words ending in a suffix; two-character ones (格局, 干部, 全局) are ordinary words,
        // and so are parts of a country (西北部).
        if (word.Length >= 3 && !word[..^1].All(c => "东西南北中".Contains(c)) && !EverydayEndings.Contains(word[^2..]))
        {
            foreach (var s in Suffixes) if (word.EndsWith(s, StringComparison.Ordinal)) return s;
        }
        return null;
    }

    /// <summary>Everyday words ending in a suffix character, which end longer words too (选拔干部, 新格局).</summary>
    private static readonly HashSet<string> EverydayEndings = ["干部", "全局", "格局", "大局", "布局", "结局", "僵局", "骗局", "饭局", "内部", "外部", "全部", "局部", "细部", "腹部", "胸部", "头部", "面部", "背部", "腿部",
        "界处", "好处", "长处", "到处", "住处", "去处", "用处", "益处", "难处", "深处", "远处", "近处", "此处", "各处", "别处", "四处", "相处", "多处", "出处"];

    /// <summary>局局长, 银行行长: a suffix glued to the title after it.</summary>
    private string? TitleAfterSuffix(string word)
    {
        if (word.Length < 3) return null;
        if ("局厅部委办".IndexOf(word[0]) >= 0 && lexicon.IsTitle(word.AsSpan(1))) return word[..1];
        // 银行行长, 公司经理: a suffix word with the title of its head glued on (the longest suffix first, as the list has them).
        string? found = null;
        for (var n = 2; n <= word.Length - 2; n++)
            if (SuffixLookup.TryGetValue(word.AsSpan(0, n), out var s) && lexicon.IsTitle(word.AsSpan(n))) found = s;
        return found;
    }

    /// <summary>
    /// Where the organisation ending at <paramref name="end"/> starts, or null when there is none; token <paramref name="k"/>
    /// is the last whole token of the name (the suffix's own token, or the one before a 局局长).
    /// </summary>
    private int? OrganizationBefore(ArticleText at, int k, int end, string suffix)
    {
        if (k < 0) return null;
        var tokens = at.Tokens;
        var bareSuffix = tokens[k].End == end && tokens[k].Word == suffix;
        var first = k;     // earliest token walked
        var soft = -1;     // the 和/与 nearest the suffix, if any
        for (var j = k - 1; j >= 0 && end - tokens[j].Start <= 25; j--)
        {
            var w = tokens[j].Word;
            if (w is "和" or "与" or "及") { if (soft < 0) soft = j; first = j; continue; }
            if (w is "（" or "）" or "(" or ")") { first = j; continue; }
            // A title ends a name read backwards (中联部部长戴秉国与代表团 is no body).
            // A number right before the suffix is the body's (北京一总队, 上海一中学), though 一 is a stop word.
            if (!w.All(Chars.IsHan) || lexicon.IsStopWord(w) && !AnchorWords.Contains(w) && !NameStopWords.Contains(w) && !(j == k - 1 && bareSuffix && IsOrdinal(w)) || lexicon.IsTitle(w)) break;
            if (lexicon.TryGetWord(w, out var info) && HardStopTags.Contains(info.Tag) && !AnchorWords.Contains(w) && !IsOrdinal(w)
                && !IsVerbInName(at, j, k, info)) break;
            first = j;
        }
        while (first < k && tokens[first].Word is "和" or "与" or "及" or "（" or "）" or "(" or ")") first++;

        // The earliest anchor wins; an anchor before a 和 makes the 和 part of the name (市工业和信息化局), unless the part
        // after the 和 has an anchor of its own (贵州…公司与北京…公司 are two).
        if (soft >= 0)
        {
            for (var j = soft + 1; j <= k; j++) if (IsAnchor(at, j)) { first = soft + 1; break; }
            // A body before the 和 is a body of its own (欧盟委员会和德国政府).
            for (var j = first; j < soft; j++) if (KnownOrWord(tokens[j].Word)) { first = soft + 1; break; }
        }
        for (var j = first; j <= k; j++)
        {
            // 市教委, 省考试院: a local prefix and the suffix in one word.
            if (j == k && !bareSuffix && tokens[k].End == end && "市省县区".Contains(tokens[k].Word[0]) && tokens[k].Word.Length - suffix.Length >= 2
                && !IsAnchor(at, j))
                return tokens[k].Start;
            if (!IsAnchor(at, j)) continue;
            var start = tokens[j].Start;
            var middle = (bareSuffix ? tokens[k].Start : end - suffix.Length) - tokens[j].End;
            // 市政府, 省委: an anchor word and a bare suffix name no particular body.
            if (middle == 0 && tokens[j].Word.Length == 1 && AnchorWords.Contains(tokens[j].Word) && (bareSuffix || k == j)) return null;
            // 美国公司, 中国政府: a country and a bare suffix name no particular body either.
            // A province's or a city's own university or bank is one (黑龙江大学), a country's is any (美国大学).
            if (middle == 0 && (bareSuffix || k == j) && (!AnchorWords.Contains(tokens[j].Word) || tokens[j].Word == "中国")
                && (CompanyOrGovernment.Contains(suffix) || Commercial.Contains(suffix) && lexicon.IsWorldPlace(tokens[j].Word)))
            {
                // 中信欧洲有限公司: a brand before the place makes it that firm's branch there.
                var brandStart = soft >= 0 ? soft + 1 : first;
                return brandStart < j && Enumerable.Range(brandStart, j - brandStart).Any(b => IsBrand(tokens[b].Word)) ? tokens[brandStart].Start : null;
            }
            if (end - start < 3) return null;
            return start;
        }
        if (!Commercial.Contains(suffix)) return null;
        // A firm: needs a name jieba doesn't know (利丰, 华金) or a proper noun right before the suffix words.
        var from = soft >= 0 ? soft + 1 : first;
        var hasBrand = false;
        for (var j = from; j < (bareSuffix ? k : k + 1); j++)
        {
            if (IsBrand(tokens[j].Word)) hasBrand = true;
        }
        return hasBrand && end - tokens[from].Start >= 4 ? tokens[from].Start : null;
    }

    /// <summary>
    /// A verb that is part of a body's name (残疾人工作协调委员会, 职业介绍中心, 雇主协会): right before the suffix's word and
    /// after a noun of the name, or one jieba hardly knows as a verb; 中国举行理事会 stays no body.
    /// </summary>
    private bool IsVerbInName(ArticleText at, int j, int k, WordInfo info)
    {
        if (info.Tag != "v" || j != k - 1 || at.Tokens[j].Word.Length != 2) return false;
        if (info.Freq < 1000) return true;
        return j > 0 && at.Tokens[j - 1].End == at.Tokens[j].Start && lexicon.TryGetWord(at.Tokens[j - 1].Word, out var before)
            && before.Tag is "n" or "vn" && at.Tokens[j - 1].Word.Length >= 2 && !AnchorWords.Contains(at.Tokens[j - 1].Word);
    }

    private bool PlaceThenKnownBody(string word)
    {
        for (var n = 2; n <= word.Length - 2; n++)
            if (lexicon.IsKnownOrganization(word.AsSpan(n)) && IsPlaceWord(word[..n])) return true;
        return false;
    }

    /// <summary>
    /// Length of the well-known body that opens a word whose rest is a word (内阁会议), or, three characters at least, that
    /// jieba lists whole (安理会常任理事国), or null.
    /// </summary>
    private int? KnownBodyOpening(string word)
    {
        for (var n = word.Length - 2; n >= 2; n--)
            if (lexicon.IsKnownOrganization(word.AsSpan(0, n)) && (lexicon.TryGetWord(word.AsSpan(n), out _) || n >= 3 && lexicon.TryGetWord(word, out _))) return n;
        return null;
    }

    /// <summary>Words of a match before a team (战胜巴西, 负于意大利), or a group's list (A组的美国、俄罗斯).</summary>
    private static readonly HashSet<string> MatchWordsBefore = ["战胜", "击败", "打败", "负于", "败给", "输给", "逼平", "战平", "不敌", "力克", "迎战", "对阵", "避开", "淘汰", "组的"];

    /// <summary>
    /// A country right after a word of a match, with the countries listed after it (、), is a team: what a reader searching
    /// for the team wants. Only asked of stories that mention a match or a team.
    /// </summary>
    private IEnumerable<(int Start, int End)> TeamsNamedByCountry(ArticleText at)
    {
        var tokens = at.Tokens;
        for (var k = 1; k < tokens.Count; k++)
        {
            var prev = tokens[k - 1].Word;
            if (!(MatchWordsBefore.Contains(prev) || prev == "的" && k >= 2 && tokens[k - 2].Word.EndsWith('组'))) continue;
            for (var j = k; j < tokens.Count && lexicon.IsWorldPlace(tokens[j].Word); j += 2)
            {
                // 战胜比利时的卡勃莱拉: the country of the player beaten, no team.
                if (j + 1 < tokens.Count && tokens[j + 1].Word == "的") break;
                yield return (tokens[j].Start, tokens[j].End);
                if (j + 1 >= tokens.Count || tokens[j + 1].Word != "、") break;
            }
        }
    }

    /// <summary>Words for firms after 等 that say what a list before it names (等一大批乡镇企业, 等国内著名软件厂商).</summary>
    private static readonly string[] FirmWords = ["企业", "厂商", "公司", "集团"];

    /// <summary>
    /// The items of a 、-list closed by 等 and, within a few words, a word for firms (华西、双良、阳光、申达等一大批乡镇企业):
    /// each item is a firm when it is short and no common word (钢铁、煤炭等行业企业 lists trades, not firms) and no place.
    /// </summary>
    private IEnumerable<(int Start, int End)> FirmsListed(ArticleText at)
    {
        var tokens = at.Tokens;
        for (var k = 1; k < tokens.Count; k++)
        {
            if (tokens[k].Word != "等") continue;
            var saysFirms = false;
            for (var m = k + 1; m < tokens.Count && m <= k + 4 && tokens[m].Word.All(Chars.IsHan) && !saysFirms; m++)
                foreach (var f in FirmWords)
                    // The firm word ends the phrase (等服务企业专家团队 are teams that serve firms).
                    if (tokens[m].Word.EndsWith(f, StringComparison.Ordinal) && !(m + 1 < tokens.Count && at.TryGetWord(m + 1, out var after) && after.Tag.StartsWith('n')))
                        saysFirms = true;
            // 江苏、浙江等地企业, 美国、日本等国企业: a list of places.
            if (!saysFirms || k + 1 < tokens.Count && tokens[k + 1].Word is "地" or "国" or "省" or "市" or "城市" or "地区" or "国家" or "地方") continue;
            var items = new List<(int Start, int End)>();
            var end = tokens[k].Start;
            var j = k - 1;
            while (j >= 0)
            {
                // An item: up to three words back to a 、 or the list's start.
                var first = j;
                while (first > 0 && first > j - 3 && tokens[first - 1].Word.All(Chars.IsHan) && tokens[first - 1].Word != "、" && tokens[first - 1].End == tokens[first].Start) first--;
                var start = tokens[first].Start;
                if (end - start is < 2 or > 6 || !at.Text.AsSpan(start, end - start).ToString().All(Chars.IsHan)) { items.Clear(); break; }
                items.Add((start, end));
                if (first == 0 || tokens[first - 1].Word != "、") break;
                j = first - 2;
                end = tokens[first - 1].Start;
            }
            // The list's first item is only known to start at the 、 before it when it is one word (据统计，华西 …).
            if (items.Count < 2) continue;
            var (s0, e0) = items[^1];
            var firstToken = at.TokenAt(s0);
            if (at.TokenAt(e0 - 1) != firstToken) items.RemoveAt(items.Count - 1);
            if (items.Count < 2) continue;
            // A list of trades or kinds of plant (互联网、金融和供应链等企业; 烧结厂、草垫厂等集体企业) names no firm.
            // So does one whose items share their first character (小炼焦、小炼铁、小化工等土小企业).
            if (items.Any(i => IsKindOfFirm(at, i.Start, i.End)) || items.All(i => at.Text[i.Start] == at.Text[items[0].Start])) continue;
            foreach (var (s, e) in items)
            {
                var name = at.Text[s..e];
                // A country, province or city is a place; a county's or a region's name is a firm's here (华西, 金山).
                if (lexicon.IsWorldPlace(name) || lexicon.Divisions.Find(name).Any(d => d.Level < 2) || lexicon.IsKnownOrganization(name)) continue;
                var known = lexicon.TryGetWord(name, out var info);
                if (known && info.Tag is not ("nr" or "nrt" or "nz" or "nt" or "j" or "ns") && info.Freq >= 500) continue;
                yield return (s, e);
            }
        }
    }

    /// <summary>An item of a list that is a trade or a kind of plant: a common word, one holding 和, or one ending in 厂 or 场.</summary>
    private bool IsKindOfFirm(ArticleText at, int start, int end)
    {
        var span = at.Text.AsSpan(start, end - start);
        if (span[^1] is '厂' or '场' or '店' || span.Contains('和') || span.Contains('与')) return true;
        return lexicon.TryGetWord(span, out var info) && info.Tag is "n" or "vn" or "v" or "a" && info.Freq >= 500;
    }

    /// <summary>A firm's name jieba doesn't know (利丰, 华金) or tags a proper noun.</summary>
    private bool IsBrand(string w)
    {
        var known = lexicon.TryGetWord(w, out var info);
        return !known || w.Length == 1 && info.Freq < 2000 || info.Tag is "nz" or "nr" or "ns" or "nt" && !IsCountryAndBareSuffix(w);
    }

    /// <summary>Length of the well-known body that opens a word ending in a title (市委书记 → 市委), or null.</summary>
    private int? BodyBeforeTitle(string word)
    {
        for (var n = 2; n <= word.Length - 2; n++)
            if (lexicon.IsKnownOrganization(word.AsSpan(0, n)) && lexicon.IsTitle(word.AsSpan(n))) return n;
        return null;
    }

    /// <summary>
    /// 市政府新闻处, 县政府办公室: a local body that is no body alone (市政府) names the office after it; returns where it starts,
    /// else <paramref name="start"/>.
    /// </summary>
    private int LocalBodyBefore(ArticleText at, int start)
    {
        var k = at.TokenAt(start);
        if (k <= 0 || k >= at.Tokens.Count || at.Tokens[k].Start != start) return start;
        var before = at.Tokens[k - 1];
        return before.End == start && before.Word.Length >= 3 && "市省县区".Contains(before.Word[0]) && SuffixOf(before.Word) is not null
            ? before.Start : start;
    }

    /// <summary>Where a body's term before it starts (第六届全国人大, 六届人大常委会, 首届立法会), else <paramref name="start"/>.</summary>
    private static int TermBefore(string text, int start)
    {
        if (start < 2 || text[start - 1] != '届') return start;
        var i = start - 1;
        while (i > 0 && "一二三四五六七八九十百首".Contains(text[i - 1])) i--;
        if (i == start - 1) return start;
        if (i > 0 && text[i - 1] == '第') i--;
        return i;
    }

    /// <summary>Numbers that are part of a body's name (北京九十中学, 十四局, 第五中学).</summary>
    private static bool IsOrdinal(string word)
    {
        foreach (var c in word) if (!"第一二三四五六七八九十百零〇".Contains(c)) return false;
        return true;
    }

    /// <summary>The last token of a well-known body starting at token k (up to six tokens: 欧洲 安全 与 合作 组织), or null.</summary>
    private int? KnownBodyAt(ArticleText at, int k)
    {
        var tokens = at.Tokens;
        int? last = null;
        // Most words open no known body and are no nt word: one look-up each turns them away.
        var isNt = at.TryGetWord(k, out var info) && info.Tag == "nt";
        if (!isNt && !_knownBodyFirstChars.Contains(tokens[k].Word[0])) return null;
        for (var m = k; m < tokens.Count && m < k + 6; m++)
        {
            var length = tokens[m].End - tokens[k].Start;
            if (length > 12) break;
            var span = at.Text.AsSpan(tokens[k].Start, length);
            if (length >= 2 && (lexicon.IsKnownOrganization(span) || m == k && isNt && IsOrganizationWord(span)))
                last = m;
        }
        // 致公党中央, 共青团中央: a party's central committee.
        if (last is { } l && l + 1 < tokens.Count && tokens[l + 1].Word == "中央" && tokens[l].Word[^1] is '党' or '团') last = l + 1;
        // 欧佩克组织, 北约组织: a body's name with 组织 written after it.
        // Only a name with no Chinese body's ending (国家文物局组织的评审 is the verb), and punctuation or a function word after
        // it (联合国组织专家 is the verb too).
        else if (last is { } b && b + 2 < tokens.Count && tokens[b + 1].Word == "组织" && tokens[b + 1].Start == tokens[b].End && SuffixOf(tokens[b].Word) is null
            && !EndsLikeBody(tokens[b].Word) && (!Chars.IsHan(tokens[b + 2].Word[0]) || at.TryGetWord(b + 2, out var next) && next.Tag is "p" or "c" or "d")) last = b + 1;
        return last;
    }

    /// <summary>
    /// A word jieba tags nt that ends like a body (外交部, 中国队, 新华社); it tags ideas too (中美关系, 国际化), and
    /// venues are places (人民大会堂).
    /// </summary>
    private bool IsOrganizationWord(ReadOnlySpan<char> word)
    {
        if (!lexicon.TryGetWord(word, out var w) || w.Tag != "nt") return false;
        // 新格局: an everyday word with a character before it.
        if (word.Length == 3 && lexicon.TryGetWord(word[1..], out var tail) && tail.Freq >= 1000 && !Suffixes.Contains(word[1..].ToString())) return false;
        // 印度政府: a country's government is the country, as 美国公司 is no particular firm.
        if (word.EndsWith("政府", StringComparison.Ordinal) && IsPlaceWord(word[..^2].ToString())) return false;
        if (IsCountryAndBareSuffix(word)) return false;
        return EndsLikeBody(word);
    }

    /// <summary>美国公司, 美国大学 (jieba lists both nt): a country and a bare suffix are any firm or university of it.</summary>
    private bool IsCountryAndBareSuffix(ReadOnlySpan<char> word)
    {
        for (var n = 2; n <= word.Length - 2; n++)
        {
            if (!lexicon.IsWorldPlace(word[..n])) continue;
            var rest = word[n..].ToString();
            if (Commercial.Contains(rest) || CompanyOrGovernment.Contains(rest)) return true;
        }
        return false;
    }

    private static bool EndsLikeBody(ReadOnlySpan<char> word)
    {
        // 国家大剧院, 北京图书大厦: venues are places.
        foreach (var venue in PlaceExtractor.VenueWords) if (word.EndsWith(venue, StringComparison.Ordinal)) return false;
        foreach (var end in BodyEndings) if (word.EndsWith(end, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] BodyEndings =
        ["社", "院", "部", "局", "委", "会", "队", "党", "军", "厅", "署", "行", "办", "处", "司", "所", "组织", "联盟", "团", "报", "台", "校", "厂", "中心", "集团", "公司", "大学", "中央", "政府", "女篮", "男篮", "女足", "男足"];

    /// <summary>古巴队, 泰山队, 中国女队 cut as one word: a place's or a club's name and a team word.</summary>
    private bool IsTeamToken(string word)
    {
        if (word.Length < 3 || word[^1] is not ('队' or '篮' or '足')) return false;
        foreach (var team in TeamWords)
        {
            if (word.Length < team.Length + 2 || !word.EndsWith(team, StringComparison.Ordinal)) continue;
            var name = word[..^team.Length];
            return IsPlaceWord(name) || !lexicon.TryGetWord(name, out var w) || w.Tag is "nz" or "nt" or "nrt" or "j";
        }
        return false;
    }

    private static bool IsTeamWord(string word) =>
        word.Length > 0 && word[^1] is '队' or '篮' or '足' && TeamWords.Contains(word) || word.Length >= 2 && word[^1] == '队' && TeamQualifiers.Contains(word[..^1]);

    private bool KnownOrWord(string name) => lexicon.IsKnownOrganization(name) || IsOrganizationWord(name);

    /// <summary>Where the countries or places right before token k start (美国 国务院, 印尼 女队), else token k's start.</summary>
    private int PlacesBefore(ArticleText at, int k)
    {
        var start = at.Tokens[k].Start;
        for (var j = k - 1; j >= 0 && j >= k - 2 && at.Tokens[j].End == (j + 1 < at.Tokens.Count ? at.Tokens[j + 1].Start : 0)
             && (IsPlaceWord(at.Tokens[j].Word) || AnchorWords.Contains(at.Tokens[j].Word) && at.Tokens[j].Word.Length > 1 || IsCountryWord(at.Tokens[j].Word)); j--)
            start = at.Tokens[j].Start;
        return start;
    }

    /// <summary>
    /// A body's name never starts inside a foreign name (乔治·梅森大学, 鹿特丹伊拉斯莫斯大学医学院 cut 伊拉斯 莫 斯 大学): where it
    /// starts on a lone transliteration character or right after a ·-joined part, the foreign words before it are the name's.
    /// </summary>
    private int ForeignNameBefore(ArticleText at, int start)
    {
        var k = at.TokenAt(start);
        if (k <= 0 || k >= at.Tokens.Count || at.Tokens[k].Start != start) return start;
        var tokens = at.Tokens;
        var moved = false;
        for (var j = k - 1; j >= 0 && tokens[j].End == tokens[j + 1].Start; j--)
        {
            var w = tokens[j].Word;
            if (w is "·" or "•" && j > 0 && tokens[j - 1].End == tokens[j].Start && tokens[j - 1].Word.All(Chars.IsHan)
                && (PersonExtractor.IsTransliterated(tokens[j - 1].Word) || !at.TryGetWord(j - 1, out var part) || part.Tag is "nr" or "nrt" or "nrfg"))
            { start = tokens[j - 1].Start; j--; moved = true; continue; }
            // Only a lone character starting the name, or a run already entered, takes the foreign word before it.
            if (!(moved || tokens[k].Word.Length == 1 && PersonExtractor.IsTransliterated(tokens[k].Word))) break;
            // A known place or a common word ends the run (荷兰 鹿特丹 | 伊拉斯 莫 斯; 伊拉斯 is a rare ns word).
            if (!PersonExtractor.IsTransliterated(w) || lexicon.IsWorldPlace(w) || lexicon.Divisions.Find(w).Count > 0
                || at.TryGetWord(j, out var info) && info.Freq >= 50 && w.Length > 1) break;
            start = tokens[j].Start;
            moved = true;
        }
        if (!moved) return start;
        // The city right before it is the body's too (鹿特丹伊拉斯莫斯大学); the country before the city is not (荷兰).
        var first = at.TokenAt(start);
        return first > 0 && tokens[first].Start == start && tokens[first - 1].End == start && IsPlaceWord(tokens[first - 1].Word) ? tokens[first - 1].Start : start;
    }

    private bool IsPlaceWord(string word) =>
        word.Length >= 2 && (lexicon.TryGetWord(word, out var w) && w.Tag == "ns" || lexicon.Divisions.Find(word).Count > 0 || lexicon.IsWorldPlace(word));

    /// <summary>美国联邦, 德国联邦: a word jieba tags nt that opens with a country.</summary>
    private bool IsCountryWord(string word)
    {
        // 印度政府 is the country (IsOrganizationWord), not a country and a body.
        if (!lexicon.TryGetWord(word, out var w) || w.Tag != "nt" || SuffixOf(word) is not null || EndsLikeBody(word)) return false;
        for (var len = word.Length - 1; len >= 2; len--) if (lexicon.IsWorldPlace(word.AsSpan(0, len))) return true;
        return false;
    }

    /// <summary>A team's name before 队/女队: places, or a club's name jieba doesn't know (泰山队), two characters at least.</summary>
    private int? TeamStart(ArticleText at, int k)
    {
        var tokens = at.Tokens;
        var start = -1;
        // 球队 alone after a place is any team of it (南美球队); 德国男子网/球队 is one.
        var qualified = tokens[k].Word != "球队";
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            var w = tokens[j].Word;
            if (!w.All(Chars.IsHan)) break;
            // 德国男子网球队, 北京大宝女子围棋队: the sport and the sex between the name and 队.
            if (TeamQualifiers.Contains(w)) { qualified = true; continue; }
            if (!qualified) break;
            var known = lexicon.TryGetWord(w, out var info);
            // A club's name is a word jieba doesn't know or hardly knows (松日, 泰山 is nz).
            // A rare verb is no club's name (直飞牙买加队).
            if (IsPlaceWord(w) || known && (info.Tag is "nz" or "nt" or "nrt" or "j" || w.Length >= 2 && info.Freq < 50 && !HardStopTags.Contains(info.Tag)) || !known && w.Length >= 2) start = tokens[j].Start;
            else break;
        }
        return start >= 0 && tokens[k].Start - start >= 2 ? start : null;
    }

    private bool IsAnchor(ArticleText at, int j)
    {
        var tok = at.Tokens[j];
        if (AnchorWords.Contains(tok.Word) || IsPlaceWord(tok.Word) || IsCountryWord(tok.Word)) return true;
        // A body inside a body: 联合国难民署, 杜马国际事务委员会.
        if (KnownOrWord(tok.Word)) return true;
        var len = lexicon.Divisions.LongestMatch(at.Text, tok.Start, out _);
        return len > 0;
    }

    private int? DivisionEndingAt(string text, int end)
    {
        for (var len = Math.Min(lexicon.Divisions.MaxNameLength, end); len >= 2; len--)
        {
            if (lexicon.Divisions.Find(text.AsSpan(end - len, len)).Count > 0) return len;
        }
        return null;
    }
}
