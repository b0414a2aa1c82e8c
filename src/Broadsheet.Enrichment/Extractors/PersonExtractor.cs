using System.Buffers;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>A person found in the text, with every offset where the name occurs.</summary>
internal sealed record PersonMention(string Name, string? Title, IReadOnlyList<int> Offsets, bool IsAuthor);

/// <summary>A name read at an offset; a strong one needs no title, speech verb or list beside it.</summary>
internal readonly record struct NameCandidate(string Text, int Start, int End, bool Strong);

/// <summary>
/// People: strong names stand alone (surname + two given characters names use, dictionary and Japanese names, long or
/// rare transliterations); weaker ones need a title before or after (局长屈耀武, 江泽民主席), a speech verb (段玉超说), a
/// list, or clause breaks on both sides of a two-character name. The title is the whole chain of posts before the name
/// (市工业和信息化局党组书记、局长). Byline names are authors. Method and accuracy: docs/enrichment.md.
/// </summary>
internal sealed partial class PersonExtractor(NewsroomLexicon lexicon)
{
    private const string SingleSurnames =
        "纪季符郅恽胥邝阴楼俞裘华柳伍单包鲍冼麦游闵解桂佟米贝伏茅舒项席麻娄危梅刁骆凌虞昝缪郁宗贲嵇荣荀甄芮储邴糜巫宓郗仲栾厉戎詹束韶郜蓟邰鄂卓蔺屠蒙逄姬扈冀郏濮晏瞿慕茹庾匡寇阙蔚夔晁敖訾阚饶巢蒯竺逯桓赖郎邬岑谌粟王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤屈谷庞樊兰殷施陈牛洪季葛温康聂鲁章甘盛柴翟文安倪申辛尚乔齐邢左焦褚颜祝岳耿裴祁宁欧童鲍伍滕项单仇谈霍葛蓝卜柯房穆蒲凌曲艾鞠宫栾伊苗靳臧冉阮晏池商瞿丛路杭巩付窦荆翁戚于萧尤喻柏云费廉卞禹狄支管宣钮滑羊汲富弓牧蓬班仰祖景幸薄索咸闻劳扶堵宰郦雍桑浦庄容易戈衡弘贡丰尉" +
        // Rarer surnames of the 百家姓 that start few everyday words, and 朴 of Korean names (朴胜赞). 暨 is left out: in
        // news it is the conjunction (成立70周年暨西关民俗…). 习 was tried: two extras on the NER look-b quarter.
        "巨仝鲜亢苟迟隋佘栗郇邸钭酆鄢涂琚檀朴";
    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "宇文", "司徒", "东方", "独孤", "南宫", "端木", "申屠"];
    /// <summary>Characters that end a name rather than belong to it (陈洪波说, 刘东利在).</summary>
    private const string AfterName = "在说称和与的是等到向了将也就都对为从于给把被让及并带看来去要会已曾正还又均亦共时一代";
    /// <summary>Honorifics after a name (张雅茹女士, 贺龙同志); titles after a name come from <see cref="NewsroomLexicon.Titles"/>.</summary>
    private static readonly string[] Honorifics = ["女士", "先生", "同志", "夫人", "小姐", "夫妇", "大夫", "老人", "等人", "一行"];
    /// <summary>
    /// Characters of transliterated foreign names (Xinhua's transliteration tables; hand-written). Those that are also
    /// common words alone open no name (<see cref="TransliterationStart"/>).
    /// </summary>
    private const string TransliterationChars =
        "阿埃艾爱安昂奥涅黛娅芙娃茨隆楚契捷巴拜班邦保鲍贝本比彼毕庇边宾波伯博布查采达戴丹道德登邓迪蒂丁东杜敦顿多厄恩尔法范菲费芬丰冯佛夫弗福伏盖甘冈高戈哥格根古瓜圭哈海汉豪赫黑亨胡华怀霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里理丽利莉连列林琳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米敏明莫默姆穆纳娜奈南瑙内尼妮宁纽努诺欧帕派潘佩彭皮平珀蒲普奇齐恰乔切钦琴丘萨赛塞桑瑟森沙莎尚绍舍圣施什史斯松苏索塔泰坦汤唐特滕提廷图托瓦万旺威韦维温沃乌伍西希锡夏谢辛休许雅亚扬耶伊英尤于约泽扎詹佐任延勃奔别日得翰通差猜春立素兹热若舒叙因宇云宗祖左朱彻欣贡琼茜缇吞颂沛披思";
    private static readonly SearchValues<char> Transliteration = SearchValues.Create(TransliterationChars);
    /// <summary>Every character is one of the transliteration alphabet (莫斯科, 吉隆坡; not 刘延宇).</summary>
    internal static bool IsTransliterated(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!Transliteration.Contains(c)) return false;
        return true;
    }
    private static bool AllHan(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!Chars.IsHan(c)) return false;
        return true;
    }
    private static readonly SearchValues<char> TransliterationStart = SearchValues.Create([.. TransliterationChars.Where(c => !"多加万于约平和理明高东西南英华安海金黑利连门林马米圣史文许谢唐汤沙尚一日得通别任因立若云宗左朱热".Contains(c))]);
    /// <summary>Characters that never open a given name (书记在会上, 主任说).</summary>
    private const string NeverGiven = "在说的是了和与及等对从把被让将也就都称指还";
    private static readonly SearchValues<char> Surnames = SearchValues.Create(SingleSurnames);
    /// <summary>How often a character is a given-name character in jieba's dictionary (Data/given-chars.tsv).</summary>
    private static readonly Dictionary<char, int> GivenCounts = EmbeddedData.Lines("given-chars.tsv")
        .Select(l => l.Split('\t')).Where(f => f.Length == 2 && f[0].Length == 1).ToDictionary(f => f[0][0], f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
    /// <summary>Characters that end more of jieba's three-character common words than its names use them (感, 证, 戏, 局;
    /// Data/word-endings.tsv): jieba tags 幸福感 and 许可证 as names too, so a name ending in one needs a title or verb.</summary>
    private static readonly HashSet<char> WordEndings = [.. EmbeddedData.Lines("word-endings.tsv")
        .Select(l => l.Split('\t')).Where(f => f.Length == 3 && f[0].Length == 1).Select(f => f[0][0])];
    /// <summary>Japanese surnames as Chinese papers print them (hand-written from general knowledge: the commonest
    /// surnames and those of well-known public figures).</summary>
    private const string JapaneseSurnames =
        "佐藤 铃木 高桥 田中 渡边 伊藤 山本 中村 小林 加藤 吉田 山田 山口 松本 井上 木村 斋藤 清水 山崎 池田 桥本 阿部 " +
        "山下 中岛 石井 前田 冈田 藤田 后藤 近藤 村上 远藤 青木 坂本 福田 太田 西村 藤井 冈本 藤原 中野 三浦 原田 " +
        "中川 松田 竹内 小野 田村 森田 上田 柴田 酒井 工藤 横山 宫崎 宫本 内田 高木 安藤 岛田 谷口 大野 丸山 " +
        "今井 河野 藤本 村田 武田 上野 杉山 增田 小山 大冢 平野 菅原 久保 松井 岩崎 樱井 木下 野口 松尾 菊地 野村 " +
        "新井 渡部 佐野 杉本 古川 滨田 市川 宫田 小渊 村山 细川 羽田 海部 竹下 宫泽 小泉 安倍 鸠山 野田 久间 武村 东条 " +
        "梶山 高村 野中 小泽 宇野 大平 三木 岸田 石原 小仓 奥田 丰田 盛田 稻盛 松下 黑泽 浅沼 土井 加纳 " +
        "冢本 江藤 鹿岛 尾身 额贺 町村 堀内 森山 片山 西冈 麻生 龟井 船田 筑紫 北泽 中谷 玉泽";
    /// <summary><see cref="JapaneseSurnames"/>, each (all are two characters) as its two UTF-16 units in one int: no string hashing.</summary>
    private static readonly HashSet<int> JapaneseSurnamePairs = [.. JapaneseSurnames.Split(' ').Select(s => s[0] << 16 | s[1])];
    /// <summary>First characters of <see cref="JapaneseSurnames"/>: most tokens are turned away without hashing a span.</summary>
    private static readonly SearchValues<char> JapaneseSurnameFirst = SearchValues.Create([.. JapaneseSurnames.Split(' ').Select(s => s[0])]);

    /// <summary>Characters a title starts with: the title scan looks up words only where one stands.</summary>
    private readonly SearchValues<char> _titleFirst = SearchValues.Create([.. lexicon.Titles.Select(t => t[0]).Distinct()]);
    /// <summary>Per first two characters, bit n set when a title of length n (under 64) starts with them: the scan hashes only those lengths.</summary>
    private readonly Dictionary<int, ulong> _titleLengths = lexicon.Titles.Where(t => t.Length >= 2).GroupBy(t => t[0] << 16 | t[1])
        .ToDictionary(g => g.Key, g => g.Aggregate(0UL, (mask, t) => t.Length < 64 ? mask | 1UL << t.Length : mask));

    // \G: the verb must stand right at the offset asked about (a search onwards would scan the rest of the text per name).
    [GeneratedRegex("\\G(?:在[^，。“”]{0,20}时)?(?:高兴地|激动地|笑着|自豪地|感慨地|动情地|兴奋地|深有感触地)?(?:说|表示|介绍|指出|强调|认为|告诉记者|坦言|感慨|谈到)")]
    private static partial Regex SpeechAfter();

    public List<PersonMention> Extract(ArticleText at)
    {
        var text = at.Text;
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);

        // Titles, longest first at each offset, left to right without overlap (副局长 rather than 局长); a closing ” may follow.
        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next character a title starts with (a vectorised search).
            var skip = text.AsSpan(i).IndexOfAny(_titleFirst);
            if (skip < 0) break;
            i += skip;
            var length = TitleLengthAt(text, i);
            if (length == 0 || StraddlesWords(at, i, i + length) || OpensLongerWord(at, i, i + length)) continue;
            var titleEnd = i + length;
            var nameStart = titleEnd < text.Length && text[titleEnd] == '”' ? titleEnd + 1 : titleEnd;
            var candidate = NameAt(at, nameStart);
            // 外援鲁西亚努: after a title a foreign reading longer than a Chinese name beats a shorter transliterated one
            // (鲁 西亚 努, not 鲁西亚).
            if (candidate is { } n && IsTransliterated(n.Text) && ForeignAfterTitle(at, nameStart) is { Length: >= 4 } longer && longer.Length > n.Text.Length)
                candidate = new NameCandidate(longer, nameStart, nameStart + longer.Length, true);
            if (candidate is { } named) candidate = LastGivenAfterTitle(at, named);
            if (candidate is { } name)
            {
                // 记者张玉来报道: a reporter's name runs to 报道, even through a character that usually ends a name (来).
                var reported = text.AsSpan(i, length) is "记者" or "通讯员" && name.End - nameStart == 2
                    && name.End + 3 <= text.Length && text.AsSpan(name.End + 1, 2) is "报道" && Chars.IsHan(text[name.End]);
                Remember(found, reported ? text[nameStart..(name.End + 1)] : name.Text, TitleBefore(at, i, nameStart));
            }
            else if (ForeignAfterTitle(at, nameStart) is { } foreign) Remember(found, foreign, TitleBefore(at, i, nameStart));
            i = nameStart - 1;
        }

        // Names without a title before them: strong ones (a dictionary name, surname + two given characters, a
        // ·-joined foreign name) stand alone; short ones need a title or honorific after them, a speech verb, or a
        // list they share with another name (彭丽媛、董文华、王秀芬).
        var weak = new List<NameCandidate>();
        var tokens = at.Tokens;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Word.Length > 6 || NameAt(at, tokens[k].Start, k) is not { } c) continue;
            if (c.Strong || HasContextAfter(text, c.End) || HasPersonWordAfter(at, c) || IsBareName(at, c) || IsBareFullName(at, c) || IsForeignSubject(at, c) || IsAfterDynasty(at, c) || IsCaptioned(text, c.End) || IsPhotoCredit(text, c.End) || IsCalled(text, c) || NamesDoctrine(at, c)) Remember(found, c.Text, null);
            else weak.Add(c);
            while (k + 1 < tokens.Count && tokens[k + 1].Start < c.End) k++;
        }
        // A list: a short name next to a found name across 、 or 和 (or next to a short name so found).
        if (weak.Count > 0)
        {
            var byEnd = new Dictionary<int, List<string>>();
            var byStart = new Dictionary<int, List<string>>();
            void Index(string name, int start, int end)
            {
                (byEnd.TryGetValue(end, out var e) ? e : byEnd[end] = []).Add(name);
                (byStart.TryGetValue(start, out var b) ? b : byStart[start] = []).Add(name);
            }
            foreach (var c in weak) Index(c.Text, c.Start, c.End);
            foreach (var n in found.Keys) foreach (var o in Offsets(text, n)) Index(n, o, o + n.Length);
            bool Joined(List<string>? names) => names is not null && names.Any(found.ContainsKey);
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var c in weak)
                {
                    if (found.ContainsKey(c.Text)) continue;
                    var before = c.Start >= 2 && IsListJoin(text, c.Start - 1, c.Start) && Joined(byEnd.GetValueOrDefault(c.Start - 1));
                    var after = IsListJoin(text, c.End, c.End + 1) && Joined(byStart.GetValueOrDefault(c.End + 1));
                    if (!before && !after) continue;
                    Remember(found, c.Text, null);
                    changed = true;
                }
            }
        }

        NamesInBylines(text, found);
        PaddedCreditNames(text, found);
        NamesInLists(text, found);
        JoinForeignParts(text, found);
        AgreeForeignSurnames(at, found);

        // 钱钟书 … 钟书: a full name found licenses its two-character given name alone elsewhere in the story, unless
        // that is an everyday word (王建国 does not make 建国 a person).
        foreach (var name in found.Keys.ToList())
        {
            if (name.Length != 3 || SurnameLength(name, 0) != 1 || !AllHan(name)) continue;
            var given = name[1..];
            if (found.ContainsKey(given) || IsCommonWord(given) || lexicon.TryGetWord(given, out var gw) && !gw.Tag.StartsWith("nr", StringComparison.Ordinal) && gw.Freq >= 100) continue;
            if (Offsets(text, given).Any(o => o == 0 || text[o - 1] != name[0])) Remember(found, given, null);
        }

        var people = new List<PersonMention>();
        var authors = (at.Article.Byline ?? []).Where(b => b is not null && !string.IsNullOrWhiteSpace(b.Name)).ToList();
        foreach (var b in authors)
        {
            var name = b.Name.Trim();
            if (people.Any(p => p.Name == name)) continue;
            people.Add(new PersonMention(name, string.IsNullOrWhiteSpace(b.Role) ? null : b.Role, Offsets(text, name), true));
        }
        foreach (var (name, title) in found)
        {
            if (people.Any(p => p.Name == name)) continue;
            // A two-character name inside a longer one we also found (王强 / 王强国) is the same person cut short; so is a
            // name found only inside a longer one (列日纳亚 of 别列日纳亚).
            if (found.Keys.Any(o => o.Length > name.Length && o.StartsWith(name, StringComparison.Ordinal))) continue;
            if (OnlyInside(text, name, found.Keys)) continue;
            people.Add(new PersonMention(name, title, Offsets(text, name), false));
        }
        return people;
    }

    public static List<Person> ToModel(IEnumerable<PersonMention> people) =>
        people.OrderBy(p => p.IsAuthor).ThenByDescending(p => p.Offsets.Count).ThenBy(p => p.Offsets.Count == 0 ? int.MaxValue : p.Offsets[0])
            .Select(p => new Person(p.Name, p.Title, Math.Max(1, p.Offsets.Count), p.IsAuthor)).ToList();

    private static void Remember(Dictionary<string, string?> found, string name, string? title)
    {
        if (!found.TryGetValue(name, out var old) || (title?.Length ?? 0) > (old?.Length ?? 0)) found[name] = title;
    }


    /// <summary>Whether every occurrence of <paramref name="name"/> lies inside an occurrence of a longer found name.</summary>
    private static bool OnlyInside(string text, string name, IEnumerable<string> names)
    {
        var longer = names.Where(o => o.Length > name.Length && o.Contains(name, StringComparison.Ordinal)).ToList();
        if (longer.Count == 0) return false;
        var covered = new bool[text.Length];
        foreach (var o in longer) foreach (var at in Offsets(text, o)) Array.Fill(covered, true, at, o.Length);
        var offsets = Offsets(text, name);
        return offsets.Count > 0 && offsets.All(at => covered[at] && covered[at + name.Length - 1]);
    }

    private static List<int> Offsets(string text, string name)
    {
        var list = new List<int>();
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal)) list.Add(i);
        return list;
    }

    private static readonly SearchValues<char> CompoundFirst = SearchValues.Create([.. CompoundSurnames.Select(s => s[0])]);

    private static int SurnameLength(string text, int i)
    {
        if (i + 1 < text.Length && CompoundFirst.Contains(text[i]))
        {
            foreach (var c in CompoundSurnames) if (text.AsSpan(i, 2).SequenceEqual(c)) return 2;
        }
        return Surnames.Contains(text[i]) ? 1 : 0;
    }

    /// <summary>
    /// The name starting at <paramref name="start"/>, if one does: a name in jieba's dictionary (江泽民, 克林顿), with any
    /// ·-joined parts; a known surname the cut leaves alone, then one or two given characters it also leaves alone
    /// (曹 善 强); or a run of transliteration characters (韦尔特罗尼, 鲍里斯·贝克尔). Names end where the cut ends a word,
    /// so 王强表示 is 王强 and not 王强表. Strong names stand alone; the rest need a title, a speech verb or a list.
    /// </summary>
    internal NameCandidate? NameAt(ArticleText at, int start) => NameAt(at, start, -1);

    /// <summary><see cref="NameAt(ArticleText, int)"/> with the index of the token at <paramref name="start"/> when the caller knows it (else -1).</summary>
    private NameCandidate? NameAt(ArticleText at, int start, int tokenAt) =>
        ReadNameAt(at, start, tokenAt) is { } name && !IsPlaceAfter(at.Text, name.End) && !"镇村乡县庄区路街杯部馆宫性台".Contains(name.Text[^1])
            && !(name.Text.Length == 3 && lexicon.IsTitle(name.Text.AsSpan(1))) // 高升镇, 高新区, 尤伯杯, 文艺部, 卢浮宫, 史诗性, 唐外长
            && !(name.Text.Length == 2 && name.Text[1] == '老') // 胡老: a form of address, not a name
            && !IsWordAndPlaceWord(name.Text) && !IsCommonNoun(at, name)
            && !lexicon.IsWorldPlace(name.Text) && !IsForeignNonPerson(at, name.Start, name.End) ? name : null; // 莫斯科, 卢森堡: a known city or country is the place

    /// <summary>
    /// A word of jieba's dictionary and a locative or preposition after it (贺电 中, 胡同 里, 陶醉 于, 别提 多): jieba tags
    /// many such words as names, but a name whose first two characters are a word is rare (张文中, 刘国中 are not words).
    /// </summary>
    private bool IsWordAndPlaceWord(string name) =>
        name.Length == 3 && "中里内上下外前后于多".Contains(name[2]) && lexicon.TryGetWord(name.AsSpan(0, 2), out var w) && w.Freq >= 20;

    /// <summary>
    /// One word of jieba's dictionary, not tagged as a name, that ends like a common noun (董事局/n, 荣誉感/n): no title
    /// or verb beside it makes it a name (集团董事局主席).
    /// </summary>
    private bool IsCommonNoun(ArticleText at, NameCandidate name)
    {
        if (name.End - name.Start != 3 || !WordEndings.Contains(at.Text[name.End - 1])) return false;
        var k = at.TokenAt(name.Start);
        return k < at.Tokens.Count && at.Tokens[k].Start == name.Start && at.Tokens[k].End == name.End
            && at.TryGetWord(k, out var w) && !w.Tag.StartsWith("nr", StringComparison.Ordinal) && w.Tag is not ("t" or "nz") && w.Freq >= 10;
    }

    /// <summary>
    /// A title the cut reads as part of other words: it starts inside a word and does not end with it (部署 长江 holds no
    /// 署长, 妇女儿童 no 女儿); 市委书记 ends with its 书记 and keeps it, and a body's last character may open its head's
    /// title (财政部 长安雷 → 部长, 警卫队 长 → 队长).
    /// </summary>
    private static bool StraddlesWords(ArticleText at, int start, int end)
    {
        var k = at.TokenAt(start);
        if (k >= at.Tokens.Count || at.Tokens[k].Start >= start || at.Tokens[k].End == end) return false;
        return !(at.Tokens[k].End == start + 1 && "部局处厅队所院委会社站团行组科室校".Contains(at.Text[start]));
    }

    /// <summary>Words around that say place (在莫斯科), but not a verb of meeting ending in 到 (见到伯奇费尔).</summary>
    private static bool IsPlaceContext(string text, int start, int end) =>
        PlaceExtractor.IsPlaceContext(text, start, end) && !(start >= 2 && text.AsSpan(start - 2, 2) is "见到" or "遇到" or "看到" or "找到" or "想到" or "听到" or "碰到");

    /// <summary>A place or body's word right after the name makes it a place's name (高升镇, 库卡尔特河, 乔治·梅森大学).</summary>
    private static bool IsPlaceAfter(string text, int end) =>
        end < text.Length && ("市州省县镇乡村区港湾岛河湖路街".Contains(text[end])
            || text[end] is '杯' or '型' // 戴维斯杯: a trophy named after someone; 阿雷西博型: a model or type
            || end + 1 < text.Length && text.AsSpan(end, 2) is "大学" or "会议" or "大会" or "组织" or "决议" or "森林" or "公司" or "集团" or "地区" or "山脉"
                or "医院" or "机场" or "股市" or "指数" or "电器" or "证券" or "银行" or "酒店" or "饭店" or "宾馆" or "广场" or "公园" or "大厦" or "大桥" or "大街" or "基金" or "机组" or "时期" or "王朝"
                or "海沟" or "海峡" or "群岛" or "半岛" or "盆地" or "平原" or "高原" or "沙漠");

    private NameCandidate? ReadNameAt(ArticleText at, int start, int tokenAt)
    {
        var text = at.Text;
        var tokens = at.Tokens;
        if (start >= text.Length || !Chars.IsHan(text[start])) return null;
        var k = tokenAt >= 0 ? tokenAt : at.TokenAt(start);
        if (k >= tokens.Count || tokens[k].Start != start) return GluedName(at, start);
        var tok = tokens[k];
        // Every name below is a dictionary name, a doctrine's author, or opens with a surname (Chinese or Japanese) or a
        // transliteration character: a token that can be none of these is turned away before any other look-up.
        var opening = text[start];
        if (!Surnames.Contains(opening) && !CompoundFirst.Contains(opening) && !JapaneseSurnameFirst.Contains(opening) && !Transliteration.Contains(opening)
            && !(tok.Word.Length >= 2 && at.TryGetWord(k, out var named) && named.Tag is "nr" or "nrfg" or "nrt") && !IsDoctrine(tok.Word))
            return null;
        // 卡拉奇多云: a known city or country opens no name, however the words after it are tagged.
        if (tok.Word.Length >= 2 && lexicon.IsWorldPlace(tok.Word)) return null;

        // 马克思主义, 毛泽东思想: a doctrine named after its author, held as one word by the cut.
        if (IsDoctrine(tok.Word) && DoctrineAuthor(tok.Word) is { } author)
            return new NameCandidate(author, start, start + author.Length, true);

        if (tok.Word.Length >= 2 && at.TryGetWord(k, out var w) && w.Tag is "nr" or "nrfg" or "nrt")
        {
            // 邓小平理论, 马克思主义: jieba knows the name with the word after it.
            if (tok.Word.Length >= 5 && DictionaryNamePrefix(tok.Word) is { } prefix)
                return new NameCandidate(prefix, start, start + prefix.Length, true);
            // After 在/到/从 a name jieba knows may be a city (在莫斯科), but not surname + two given characters (在陈亚平的胸中).
            if (IsDictionaryName(tok.Word, w) && (tok.Word.Length == 3 && SurnameLength(text, start) == 1 && !IsPlaceAfter(text, tok.End)
                    || !IsPlaceContext(text, start, tok.End)))
            {
                // A name that is no transliteration goes on over transliteration characters only to three characters
                // (杨维 汉) or into a ·-joined name (斯特凡 尼·兰萨): 越飞越/nr 高 and 美元兑/nr 卢布 are no names.
                var end = ForeignEnd(at, k + 1, tok.End);
                if (end - start > 3 && !IsTransliterated(tok.Word) && text.IndexOf('·', start, end - start) < 0) end = tok.End;
                // 王霞 光: a two-character dictionary name and a given character the cut left alone.
                // The character must be one names use more than alone (光 yes; 庄周 梦, 徐渭 诗 no).
                if (end == tok.End && tok.Word.Length == 2 && k + 1 < tokens.Count && tokens[k + 1].Word.Length == 1 && IsGiven(tokens[k + 1].Word[0], 1)
                    && NameLikelihood(tokens[k + 1].Word[0]) >= BareGivenLikelihood
                    && SurnameLength(text, start) == 1 && (k + 2 >= tokens.Count || tokens[k + 2].Word.Length > 1 || !IsGiven(tokens[k + 2].Word[0], 1)))
                    return new NameCandidate(text[start..tokens[k + 1].End], start, tokens[k + 1].End, !WordEndings.Contains(tokens[k + 1].Word[0]));
                // jieba tags many things nr (雷阵雨, 安全性, 莫斯科): alone, only surname + given name of three characters stands.
                // A rare transliterated dictionary name of three or more characters (索罗斯, 费尔南德斯) stands too; common
                // ones are as often countries and cities (伊拉克, 乌克兰, 卡拉奇 are tagged names too).
                var strong = end > tok.End || w.Tag != "nrt" && tok.Word.Length == 3 && SurnameLength(text, start) == 1 && !EndsLikeWord(tok.Word, w.Freq) && !EndsLikeLandform(tok.Word, w.Freq)
                    || tok.Word.Length >= 3 && w.Freq < 50 && IsTransliterated(tok.Word);
                return new NameCandidate(text[start..end], start, end, strong);
            }
        }

        if (JapaneseNameAt(at, k) is { } japanese) return japanese;

        var surname = SurnameLength(text, start);
        if (IsDynastyBeforeName(at, k)) return null;
        if (surname > 0 && !(start > 0 && (IsNumeral(text[start - 1]) || IsApproximateNumber(text, start))))
        {
            // Surname + two given characters, then + one: the name must end where the cut ends a word, and every word
            // inside it be one the cut left alone (曹 善 强) or a rare one (吴 方军, 金志 贤).
            // 赵 致 真的: the cut glued the name's last character to the 的 after it.
            if (tokens[k].Word.Length == surname && k + 2 < tokens.Count && tokens[k + 1].Word.Length == 1 && IsGiven(tokens[k + 1].Word[0], 0)
                && tokens[k + 2].Word is [var last, '的'] && IsGiven(last, 1) && !IsCommonWord(text.AsSpan(start, tokens[k + 2].Start + 1 - start)))
                return new NameCandidate(text[start..(tokens[k + 2].Start + 1)], start, tokens[k + 2].Start + 1, false);
            if (ConjunctionGivenName(at, k, start, surname) is { } withConjunction) return withConjunction;
            if (NameGluedToNextWord(at, k, start, surname) is { } gluedToNext) return gluedToNext;
            for (var given = 2; given >= 1; given--)
            {
                // Given characters are code points: 刘𪚥利 is surname + two, though 𪚥 is two UTF-16 chars.
                var end = HanEnd(text, start + surname, given);
                if (end < 0 || !IsUnknownSpan(at, k, start, end, surname)) continue;
                var name = text[start..end];
                if (IsCommonWord(name) || IsOneNonNameWord(at, k, end)) return null;
                // 韦 尔特 罗 尼: a transliteration longer than any Chinese name is a foreign name.
                if (IsForeign(at, k, first: true) && ForeignEnd(at, k + 1, tok.End) is var longer && longer - start >= 4 && longer > end)
                    return new NameCandidate(text[start..longer], start, longer, true);
                // 罗朗·雷斯: a surname that opens a foreign name.
                var after = at.TokenAt(end);
                if (after < tokens.Count && IsNameDot(tokens[after].Word) && ForeignEnd(at, after, end) is var foreignEnd && foreignEnd > end + 1)
                    return new NameCandidate(text[start..foreignEnd], start, foreignEnd, true);
                // Standing alone, both given characters must be ones names use at all (曹善强 yes; 曾找王, 房倒屋 no).
                return new NameCandidate(name, start, end, given == 2 && tokens[k].Word.Length == surname && ReadsAsGivenPair(name[^2], name[^1]) && !IsFunctionWordSurname(at, k));
            }
            // 戚 西洋, 周恩来/t, 金正日/nz: a surname and two given characters that also read as a word (or a word jieba
            // mis-tags) are a name only with a title, verb or list beside them.
            if (WordAsGivenName(at, k, start, surname) is { } glued) return glued;
        }

        // 拉萨多云: a Chinese division (jieba tags 拉萨 nrt) opens no foreign name.
        if (IsForeign(at, k, first: true) && !IsPlaceContext(text, start, tok.End) && (tok.Word.Length == 1 || lexicon.Divisions.Find(tok.Word).Count == 0))
        {
            var end = ForeignEnd(at, k + 1, tok.End);
            // A run opening with a word jieba tags as a place (库马拉通加/ns) needs a title or verb beside it.
            var place = tok.Word.Length > 1 && at.TryGetWord(k, out var first) && first.Tag == "ns";
            // Two characters (拉埃女士) only as a weak candidate: it needs a title, honorific or verb beside it.
            if (end - start >= 2 && !IsCommonWord(text.AsSpan(start, end - start)) && !lexicon.IsWorldPlace(text.AsSpan(start, end - start)))
                return new NameCandidate(text[start..end], start, end, !place && end - start >= 4 || text.IndexOf('·', start, end - start) >= 0);
        }
        return null;
    }

    /// <summary>
    /// A Japanese name: a two-character Japanese surname the cut ends a word after (桥本, 武 村), then a given name of
    /// two or three characters up to where the cut ends a word (龙太郎, 章生, 清太郎); or a word jieba knows that opens
    /// with such a surname (桥本龙太郎, 东条英机). A surname with no given name after it is a weak candidate (桥本首相).
    /// </summary>
    private NameCandidate? JapaneseNameAt(ArticleText at, int k)
    {
        var text = at.Text;
        var tokens = at.Tokens;
        var start = tokens[k].Start;
        if (start + 2 > text.Length || !JapaneseSurnameFirst.Contains(text[start]) || !JapaneseSurnamePairs.Contains(text[start] << 16 | text[start + 1])) return null;
        var j = k;
        while (j < tokens.Count && tokens[j].End < start + 2) j++;
        if (j >= tokens.Count) return null;
        if (tokens[j].End > start + 2)
        {
            var word = tokens[k].Word;
            return j == k && word.Length is 4 or 5 && AllHan(word) && at.TryGetWord(k, out var w) && w.Freq < 1000
                ? new NameCandidate(word, start, tokens[k].End, true) : null;
        }
        var end = start + 2;
        for (var m = j + 1; m < tokens.Count && tokens[m].Start == end; m++)
        {
            var given = tokens[m].Word;
            if (end + given.Length - start > 5 || !AllHan(given) || given.Length == 1 && AfterName.Contains(given[0])
                || TitleLengthAt(text, end) > 0 || SpeechAfter().IsMatch(text.AsSpan(end))
                || given.Length > 1 && at.TryGetWord(m, out var w) && (w.Freq >= 5000 || w.Tag is "t" or "v" or "d" or "p" or "r" or "m" or "c" or "f")) break;
            end += given.Length;
        }
        return end - start >= 4 ? new NameCandidate(text[start..end], start, end, true) : new NameCandidate(text.Substring(start, 2), start, start + 2, false);
    }

    private NameCandidate? WordAsGivenName(ArticleText at, int k, int start, int surname)
    {
        var tokens = at.Tokens;
        var tok = tokens[k];
        int end;
        if (tok.Word.Length == surname + 2 && at.TryGetWord(k, out var whole) && whole.Tag is "nz" or "t" or "nr" or "nrfg")
            end = tok.End;
        else if (tok.Word.Length == surname && k + 1 < tokens.Count && tokens[k + 1].Word.Length == 2 && AllHan(tokens[k + 1].Word)
                 && at.TryGetWord(k + 1, out var g) && g.Freq < 2000 && g.Tag is "n" or "nz" or "ns" or "a" or "t" or "ng" or "nr" or "nrt")
            end = tokens[k + 1].End;
        else return null;
        // Split by the cut, both characters must read as given ones; one token (周恩来/t) the cut already holds together.
        var given = at.Text.AsSpan(start + surname, 2);
        if (end != tok.End && (!IsGiven(given[0], 0) || !IsGiven(given[1], 1)) || lexicon.TryGetWord(given, out var gw) && gw.Freq >= 2000) return null;
        return new NameCandidate(at.Text[start..end], start, end, false);
    }

    /// <summary>
    /// A foreign name right after a title (选手别列日纳亚, 名将曼尔, 外援鲁西亚努): the title vouches for it, so the run may
    /// be two characters, open with any transliteration character and take in words jieba tags otherwise, short of
    /// everyday ones.
    /// </summary>
    private string? ForeignAfterTitle(ArticleText at, int start)
    {
        var tokens = at.Tokens;
        var k = at.TokenAt(start);
        if (k >= tokens.Count || tokens[k].Start != start) return null;
        var end = start;
        for (; k < tokens.Count && tokens[k].Start == end; k++)
        {
            var word = tokens[k].Word;
            if (IsNameDot(word) && end > start) { end = tokens[k].End; continue; }
            if (!IsTransliterated(word) || word.Length == 1 && AfterName.Contains(word[0])
                || word.Length > 1 && at.TryGetWord(k, out var w) && w.Freq >= 1000 && !w.Tag.StartsWith("nr", StringComparison.Ordinal)) break;
            end = tokens[k].End;
        }
        if (end > start && at.Text[end - 1] is '·' or '•' or '・' or '‧') end--;
        if (end - start < 2) return null;
        var name = at.Text[start..end];
        return lexicon.IsWorldPlace(name) || IsPlaceAfter(at.Text, end) || IsCommonWord(name) ? null : name;
    }

    /// <summary>Extends a foreign name over following transliteration tokens and ·-joined parts.</summary>
    private int ForeignEnd(ArticleText at, int k, int end)
    {
        var tokens = at.Tokens;
        for (; k < tokens.Count && tokens[k].Start == end; k++)
        {
            var word = tokens[k].Word;
            // After a dot any run of transliteration characters goes on the name, whatever jieba tags it (科菲·安南).
            if (IsNameDot(word) && k + 1 < tokens.Count && IsTransliterated(tokens[k + 1].Word))
            {
                end = tokens[k + 1].End;
                k++;
                continue;
            }
            if (!IsForeign(at, k, first: false)) break;
            end = tokens[k].End;
        }
        return end;
    }

    /// <summary>Whether text[start..end) is tokens from k that end exactly at end, each a given character or a rare word.</summary>
    private bool IsUnknownSpan(ArticleText at, int k, int start, int end, int surname)
    {
        var tokens = at.Tokens;
        for (var j = k; j < tokens.Count && tokens[j].Start < end; j++)
        {
            var t = tokens[j];
            if (t.End > end) return false;
            if (t.Word.Length == 1 || char.IsSurrogatePair(t.Word, 0) && t.Word.Length == 2)
            {
                if (t.Start >= start + surname && !IsGivenAt(t.Word, t.Start - start - surname)) return false;
                continue;
            }
            if (t.Start == start && t.Word.Length == surname) continue;
            if (t.Start == start && IsSurnameInCommonWord(at, j, surname)) return false;
            if (!AllHan(t.Word) || !IsGiven(t.Word[^1], 1) || t.Start > start && !IsGiven(t.Word[0], 0)) return false;
            if (at.TryGetWord(j, out var w) && w.Freq >= 100 && !w.Tag.StartsWith("nr", StringComparison.Ordinal) && w.Tag != "nz") return false;
        }
        return true;
    }

    /// <summary>The dictionary name a longer dictionary word opens with (邓小平 of 邓小平理论), when the rest is a word.</summary>
    private string? DictionaryNamePrefix(string word)
    {
        for (var len = 3; len >= 2; len--)
        {
            var name = word[..len];
            if (lexicon.TryGetWord(name, out var w) && w.Tag.StartsWith("nr", StringComparison.Ordinal) && IsDictionaryName(name, w)
                && lexicon.TryGetWord(word.AsSpan(len), out var rest) && rest.Freq >= 100)
                return name;
        }
        return null;
    }

    private static bool IsDoctrine(string word) =>
        word.Length >= 4 && (word.EndsWith("主义", StringComparison.Ordinal) || word.EndsWith("思想", StringComparison.Ordinal) || word.EndsWith("理论", StringComparison.Ordinal));

    /// <summary>The dictionary name a doctrine's word opens with, the rest being the doctrine (马克思 of 马克思主义).</summary>
    private string? DoctrineAuthor(string word)
    {
        var name = word[..^2];
        return name.Length is >= 2 and <= 4 && lexicon.TryGetWord(name, out var w) && w.Tag.StartsWith("nr", StringComparison.Ordinal)
            && IsDictionaryName(name, w) && !lexicon.IsWorldPlace(name) ? name : null;
    }

    private static bool IsNameDot(string word) => word is "·" or "•" or "・" or "‧";

    /// <summary>
    /// A dictionary word tagged as a name that reads as one: no division (石家庄), no longer than a compound surname and
    /// two given characters, and (with a surname) no everyday word after it (雷 阵雨, 高 新区).
    /// </summary>
    private bool IsDictionaryName(string word, WordInfo w)
    {
        if (lexicon.Divisions.Find(word).Count > 0 || word.Length > 4 || !AllHan(word)) return false;
        if (w.Tag == "nrt") return IsTransliterated(word);
        var surname = SurnameLength(word, 0);
        if (surname == 0) return word.Length == 3 && !lexicon.IsTitle(word.AsSpan(1)) || IsTransliterated(word);
        if (word.Length - surname is < 1 or > 2 || word.Length == 2 && IsCommonWord(word)) return false;
        var given = word.AsSpan(surname);
        if (word.Length == 3 && IsCommonWord(word.AsSpan(0, 2))) return false; // 安全 性
        if (w.Freq >= 1000) return true; // a name as common as 邓小平 is a name, whatever 小平 is
        return !(given.Length == 2 && lexicon.TryGetWord(given, out var g) && g.Freq >= 50 && !g.Tag.StartsWith("nr", StringComparison.Ordinal)
            && !GivenWordInKnownName(w, g));
    }

    /// <summary>A token that can be part of a transliterated name: one transliteration character, or a dictionary name made of them.</summary>
    private static bool IsForeign(ArticleText at, int k, bool first)
    {
        var word = at.Tokens[k].Word;
        if (word.Length == 1) return (first ? TransliterationStart : Transliteration).Contains(word[0]);
        if (!IsTransliterated(word)) return false;
        // A dictionary name (汉斯/nz too), or a rare word of the same characters (贾亚拉 莉达, 差猜/v9, 库马拉通加/ns4).
        return at.TryGetWord(k, out var w) && (w.Tag is "nrt" or "nr" or "nrfg" or "nz" || w.Freq < (first ? 10 : 50));
    }

    /// <summary>A title glued to the name in the cut (局长屈 耀武): surname + the given characters up to the next break.</summary>
    private NameCandidate? GluedName(ArticleText at, int i)
    {
        var text = at.Text;
        var surname = SurnameLength(text, i);
        if (surname == 0) return null;
        var given = 0;
        while (given < 2 && i + surname + given < text.Length && IsGiven(text[i + surname + given], given)) given++;
        given = GluedGivenLength(at, i + surname, given);
        if (given == 0) return null;
        var name = text.Substring(i, surname + given);
        return IsCommonWord(name) || IsCommonWord(name.AsSpan(0, surname + 1)) ? null : new NameCandidate(name, i, i + name.Length, false);
    }

    /// <summary>
    /// How much more often a character is a given-name character than a word alone, per mille: given-name uses in
    /// jieba's name words over its frequency as a one-character word (伟 406, 明 45; 上 0, 找 0, 越 5).
    /// </summary>
    private int NameLikelihood(char c)
    {
        var given = GivenCounts.GetValueOrDefault(c);
        if (given == 0) return 0;
        var alone = lexicon.TryGetWord(new ReadOnlySpan<char>(in c), out var w) ? w.Freq : 0;
        return (int)(1000L * given / (alone + 1));
    }

    /// <summary>Where <paramref name="count"/> Han code points from <paramref name="from"/> end, or -1.</summary>
    private static int HanEnd(string text, int from, int count)
    {
        var end = from;
        for (var n = 0; n < count; n++)
        {
            if (end >= text.Length || !Core.Layout.Chars.IsHanAt(text, end, out var width)) return -1;
            end += width;
        }
        return end;
    }

    /// <summary>A one-code-point token as a given character: a rare character outside the BMP (𪚥, 𠀀) is one, as rare
    /// characters in names are.</summary>
    private bool IsGivenAt(string word, int position) =>
        word.Length == 1 ? IsGiven(word[0], position) : Core.Layout.Chars.IsOneHan(word);

    private bool IsGiven(char c, int position)
    {
        if (!Chars.IsHan(c) || (position == 0 ? NeverGiven : AfterName).Contains(c)) return false;
        // A character jieba tags as a function word is none, unless that use is rare (钧 is a measure word 593 times) or,
        // for a measure word, numeral, conjunction or 之, names use it as often as most given characters (家 584, 天 433,
        // 克 788, 元 339, 之 839 of jieba's name words: 杨克宁, 刘元春, 李培之); a pronoun only as the first given
        // character and only one names use as often (其 143, 本 103: 刘本芳); other particles never.
        return !(lexicon.TryGetWord(new ReadOnlySpan<char>(in c), out var w) && w.Freq >= 1000 && w.Tag is "c" or "u" or "uj" or "ul" or "uz" or "ug" or "uv" or "ud" or "r" or "m" or "q" or "y" or "e")
            || w.Tag is "q" or "m" or "c" or "u" && GivenCounts.GetValueOrDefault(c) >= CommonGivenUses
            || w.Tag == "r" && position == 0 && GivenCounts.GetValueOrDefault(c) >= 100;
    }

    private static bool IsNumeral(char c) => Chars.IsDigit(c) || "一二三四五六七八九十两几每数半百千万亿".Contains(c);

    /// <summary>
    /// A two-character name with no title or verb (，高敏是, 对高华、): the cut leaves surname and given character apart,
    /// the given character is one names use much more than alone (jieba's name words), and a clause break or a function
    /// word stands on both sides.
    /// </summary>
    private bool IsBareName(ArticleText at, NameCandidate c)
    {
        var text = at.Text;
        if (c.End - c.Start != 2 || SurnameLength(text, c.Start) != 1 || NameLikelihood(text[c.Start + 1]) < BareGivenLikelihood) return false;
        var k = at.TokenAt(c.Start);
        if (at.Tokens[k].Word.Length != 1 && !(at.Tokens[k].Word.Length == 2 && at.TryGetWord(k, out var w) && w.Tag.StartsWith("nr", StringComparison.Ordinal) && w.Freq < 100)) return false;
        var left = c.Start == 0 || Chars.IsClauseBreak(text[c.Start - 1]) || "的对把向给和与被".Contains(text[c.Start - 1]);
        var right = c.End == text.Length || Chars.IsClauseBreak(text[c.End]) || AfterName.Contains(text[c.End]);
        return left && right && !InListOfThings(at, c);
    }

    /// <summary>
    /// A bare candidate in a 、-list whose neighbour is neither a name nor a title (物业、安保、商业; 神兽镜、龙凤镜): the
    /// list is of things, so the candidate is one too.
    /// </summary>
    private bool InListOfThings(ArticleText at, NameCandidate c)
    {
        var text = at.Text;
        // A neighbour that opens or ends with a name or opens with a title is a person (山东体彩队李影、杨曼).
        bool Thing(int start, int end) => end - start is >= 1 and <= 8 && TitleLengthAt(text, start) == 0
            && NameAt(at, start) is null && (end - start < 4 || NameAt(at, end - 2) is null && NameAt(at, end - 3) is null);
        if (c.Start >= 2 && text[c.Start - 1] == '、')
        {
            var from = c.Start - 1;
            while (from > 0 && !Chars.IsClauseBreak(text[from - 1])) from--;
            while (from < c.Start - 1 && char.IsWhiteSpace(text[from])) from++;
            if (Thing(from, c.Start - 1)) return true;
        }
        if (c.End + 1 < text.Length && text[c.End] == '、')
        {
            var from = c.End + 1;
            while (from < text.Length && char.IsWhiteSpace(text[from])) from++;
            var to = from;
            while (to < text.Length && !Chars.IsClauseBreak(text[to])) to++;
            if (Thing(from, to)) return true;
        }
        return false;
    }

    /// <summary>
    /// Surname + two given characters with no title or verb (。江宏伟的, 在陈亚平的, 。彭小民是): the given part may be an
    /// everyday word, so both characters must be ones jieba's name words use, and a clause break or a function word
    /// stand on both sides.
    /// </summary>
    private bool IsBareFullName(ArticleText at, NameCandidate c)
    {
        var text = at.Text;
        if (c.End - c.Start != 3 || SurnameLength(text, c.Start) != 1) return false;
        // 幸福感, 贡献率: one word of jieba's that ends like a common noun is the noun (split by the cut, 梁 连 起 may be a name).
        if (WordEndings.Contains(text[c.End - 1]) && at.Tokens[at.TokenAt(c.Start)] is var whole && whole.Start == c.Start && whole.End == c.End) return false;
        // A given part as common as 素质 or 先生 is the word (高素质, 吴先生).
        if (lexicon.TryGetWord(text.AsSpan(c.Start + 1, 2), out var word) && word.Freq >= 1000) return false;
        if (FunctionWordBeforeWord(at, c)) return false;
        for (var i = c.Start + 1; i < c.End; i++) if (GivenCounts.GetValueOrDefault(text[i]) < MinGivenUses || !IsGiven(text[i], i - c.Start - 1)) return false;
        var left = c.Start == 0 || Chars.IsClauseBreak(text[c.Start - 1]) || BeforeBareName.Contains(text[c.Start - 1]);
        var right = c.End == text.Length || Chars.IsClauseBreak(text[c.End]) || AfterName.Contains(text[c.End]);
        // 由吴天明执导, 了解赵致真的: a verb on one side will do when the other side is a break or a function word.
        return (left && right || left && IsVerbAt(at, c.End, before: false) || right && IsVerbAt(at, c.Start, before: true)) && !InListOfThings(at, c);
    }

    /// <summary>Whether a word jieba tags as a verb ends (before) or a verb or time word (金正日当天) starts (after) at <paramref name="offset"/>.</summary>
    private bool IsVerbAt(ArticleText at, int offset, bool before)
    {
        if (offset <= 0 || offset >= at.Text.Length && !before) return false;
        var k = at.TokenAt(before ? offset - 1 : offset);
        if (k >= at.Tokens.Count) return false;
        var t = at.Tokens[k];
        return (before ? t.End == offset : t.Start == offset) && t.Word.Length >= 2 && at.TryGetWord(k, out var w) && (w.Tag == "v" || !before && w.Tag == "t");
    }

    /// <summary>
    /// A transliterated name jieba's dictionary knows, opening a clause with a verb after it (，克林顿决定) or standing
    /// alone in brackets (（恩格斯）): a city or country would rarely do either (known ones are no people at all).
    /// </summary>
    private bool IsForeignSubject(ArticleText at, NameCandidate c)
    {
        var text = at.Text;
        if (c.End - c.Start < 3 || !IsTransliterated(text.AsSpan(c.Start, c.End - c.Start))) return false;
        var k = at.TokenAt(c.Start);
        if (!at.TryGetWord(k, out var w) || !w.Tag.StartsWith("nr", StringComparison.Ordinal)) return false;
        var opens = c.Start == 0 || Chars.IsClauseBreak(text[c.Start - 1]);
        if (opens && c.Start > 0 && text[c.Start - 1] is '（' or '(') return c.End < text.Length && text[c.End] is '）' or ')';
        var next = at.TokenAt(c.End);
        return opens && next < at.Tokens.Count && at.Tokens[next].Start == c.End && at.TryGetWord(next, out var v) && v.Tag == "v" && at.Tokens[next].Word != "是";
    }

    /// <summary>
    /// A three-character dictionary name ending like a common word (幸福感/nr57, 许可证/nr351, 黄梅戏/nr37): jieba tags
    /// such nouns as names, so they stand only with a title or verb; a name as common as 周恩来 stands whatever its end.
    /// </summary>
    private static bool EndsLikeWord(string word, int freq) => freq < 1000 && WordEndings.Contains(word[^1]);

    /// <summary>Fewest given-name uses per thousand uses alone for a given character standing by itself (光 37, 梦 20).</summary>
    private const int BareGivenLikelihood = 30;

    /// <summary>Function words a bare name may follow (在陈亚平的, 对高华、).</summary>
    private const string BeforeBareName = "的对把向给和与被在由据同跟";
    /// <summary>Given-name uses in jieba's name words that make a character a common given one (about the 200 commonest: 泰 144).</summary>
    private const int CommonGivenUses = 150;

    /// <summary>Fewest uses as a given character in jieba's name words for a bare full name's given characters (致 29, 峻 14).</summary>
    private const int MinGivenUses = 10;

    /// <summary>Length of the longest title at <paramref name="i"/>, or 0.</summary>
    private int TitleLengthAt(string text, int i)
    {
        if (!_titleFirst.Contains(text[i]) || i + 1 >= text.Length || !_titleLengths.TryGetValue(text[i] << 16 | text[i + 1], out var lengths)) return 0;
        for (var len = Math.Min(lexicon.MaxTitleLength, text.Length - i); len >= 2; len--)
            if ((len >= 64 || (lengths >> len & 1) != 0) && lexicon.IsTitle(text.AsSpan(i, len))) return len;
        return 0;
    }

    /// <summary>A title, an honorific or a speech verb right after a name (江泽民主席, 张雅茹女士, 段玉超说).</summary>
    private bool HasContextAfter(string text, int end)
    {
        if (end >= text.Length) return false;
        foreach (var h in Honorifics) if (text.AsSpan(end).StartsWith(h, StringComparison.Ordinal)) return true;
        // 副总裁: a deputy's title is the title with 副 before it.
        return TitleLengthAt(text, end) > 0 || text[end] == '副' && end + 1 < text.Length && TitleLengthAt(text, end + 1) > 0
            || SpeechAfter().Match(text, end).Success;
    }

    private static bool IsListJoin(string text, int end, int start) =>
        start - end == 1 && end < text.Length && text[end] is '、' or '和' or '与' or '及' or '／';

    /// <summary>An everyday word; jieba tags some (高峰) as names too, but real names are rare in its dictionary.</summary>
    private bool IsCommonWord(ReadOnlySpan<char> s) =>
        lexicon.TryGetWord(s, out var w) && (w.Freq >= 200 && !w.Tag.StartsWith("nr", StringComparison.Ordinal) || w.Freq >= 1000);

    /// <summary>
    /// The chain of posts before a name: back from the title word over the clause it sits in, and over earlier
    /// clauses (after 、 or ，) that also end in a title (市委组织部副部长，…局长). Leading time words and verbs are dropped.
    /// </summary>
    private string TitleBefore(ArticleText at, int titleStart, int titleEnd)
    {
        var text = at.Text;
        var start = ClauseStart(text, titleStart);
        while (start >= 2 && text[start - 1] is '、' or '，')
        {
            var prevEnd = start - 1;
            var prevStart = ClauseStart(text, prevEnd);
            if (prevEnd - prevStart < 2 || !EndsWithTitle(text.AsSpan(prevStart, prevEnd - prevStart))) break;
            start = prevStart;
        }
        start = SkipLeadingFunctionWords(at, start, titleStart);
        return text[start..titleEnd].TrimEnd('”');
    }

    private static int ClauseStart(string text, int end)
    {
        var i = end;
        while (i > 0 && !Chars.IsClauseBreak(text[i - 1]) && text[i - 1] != '■') i--;
        return i;
    }

    private bool EndsWithTitle(ReadOnlySpan<char> clause)
    {
        for (var len = 2; len <= Math.Min(lexicon.MaxTitleLength, clause.Length); len++)
            if (lexicon.IsTitle(clause[^len..])) return true;
        return false;
    }

    /// <summary>Drops a clause's opening up to its last verb, preposition or time word before the title (近日、访、在).</summary>
    private int SkipLeadingFunctionWords(ArticleText at, int start, int titleStart)
    {
        var result = start;
        for (var k = at.TokenAt(start); k < at.Tokens.Count && at.Tokens[k].Start < titleStart; k++)
        {
            var tok = at.Tokens[k];
            if (tok.Start < start) continue;
            if (at.TryGetWord(k, out var w) && (w.Tag is "v" or "p" or "t" or "d" or "r" or "m" || w.Tag.StartsWith('u')) && !lexicon.IsTitle(tok.Word))
                result = tok.End;
        }
        return result;
    }
}
