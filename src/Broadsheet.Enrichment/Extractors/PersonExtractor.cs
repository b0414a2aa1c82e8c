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
/// People: a name right after an official title (局长屈耀武), or right before a speech verb (段玉超说);
/// the title is the whole chain of posts before the name (市工业和信息化局党组书记、局长). Byline names are authors.
/// Names are never guessed from segmentation alone: a known surname, one or two given characters, and the context above.
/// </summary>
internal sealed partial class PersonExtractor(NewsroomLexicon lexicon)
{
    private const string SingleSurnames =
        "纪季符郅恽胥邝阴楼俞裘华柳伍单包鲍冼麦游闵解桂佟米贝伏茅舒项席麻娄危梅刁骆凌虞昝缪郁宗贲嵇荣荀甄芮储邴糜巫宓郗仲栾厉戎詹束韶郜蓟邰鄂卓蔺屠蒙逄姬扈冀郏濮晏瞿慕茹庾暨匡寇阙蔚夔晁敖訾阚饶巢蒯竺逯桓赖郎邬岑谌粟王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤屈谷庞樊兰殷施陈牛洪季葛温康聂鲁章甘盛柴翟文安倪申辛尚乔齐邢左焦褚颜祝岳耿裴祁宁欧童鲍伍滕项单仇谈霍葛蓝卜柯房穆蒲凌曲艾鞠宫栾伊苗靳臧冉阮晏池商瞿丛路杭巩付窦荆翁戚";
    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "宇文", "司徒", "东方", "独孤", "南宫", "端木", "申屠"];
    /// <summary>Characters that end a name rather than belong to it (陈洪波说, 刘东利在).</summary>
    private const string AfterName = "在说称和与的是等到向了将也就都对为从于给把被让及并带看来去要会已曾正还又均亦共时一代";
    /// <summary>Honorifics after a name (张雅茹女士, 贺龙同志); titles after a name come from <see cref="NewsroomLexicon.Titles"/>.</summary>
    private static readonly string[] Honorifics = ["女士", "先生", "同志", "夫人", "小姐", "夫妇", "大夫", "老人", "等人"];
    /// <summary>
    /// Characters of transliterated foreign names (Xinhua's transliteration tables; hand-written). Those that are also
    /// common words alone open no name (<see cref="TransliterationStart"/>).
    /// </summary>
    private const string TransliterationChars =
        "阿埃艾爱安昂奥涅黛娅芙娃茨隆楚契捷巴拜班邦保鲍贝本比彼毕庇边宾波伯博布查采达戴丹道德登邓迪蒂丁东杜敦顿多厄恩尔法范菲费芬丰冯佛夫弗福伏盖甘冈高戈哥格根古瓜圭哈海汉豪赫黑亨胡华怀霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里理丽利莉连列林琳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米敏明莫默姆穆纳娜奈南瑙内尼妮宁纽努诺欧帕派潘佩彭皮平珀蒲普奇齐恰乔切钦琴丘萨赛塞桑瑟森沙莎尚绍舍圣施什史斯松苏索塔泰坦汤唐特滕提廷图托瓦万旺威韦维温沃乌伍西希锡夏谢辛休许雅亚扬耶伊英尤于约泽扎詹佐";
    private static readonly HashSet<char> Transliteration = [.. TransliterationChars];
    /// <summary>Every character is one of the transliteration alphabet (莫斯科, 吉隆坡; not 刘延宇).</summary>
    internal static bool IsTransliterated(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!Transliteration.Contains(c)) return false;
        return true;
    }
    private static readonly HashSet<char> TransliterationStart = [.. TransliterationChars.Where(c => !"多加万于约平和理明高东西南英华安海金黑利连门林马米圣史文许谢唐汤沙尚一".Contains(c))];
    /// <summary>Characters that never open a given name (书记在会上, 主任说).</summary>
    private const string NeverGiven = "在说的是了和与及等对从把被让将也就都称指";
    private static readonly HashSet<char> Surnames = [.. SingleSurnames];

    private readonly Regex _titles = new("(?:" + string.Join('|', lexicon.Titles.Select(Regex.Escape)) + ")”?", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex("(?:在[^，。“”]{0,20}时)?(?:高兴地|激动地|笑着|自豪地|感慨地|动情地|兴奋地|深有感触地)?(?:说|表示|介绍|指出|强调|认为|告诉记者|坦言|感慨|谈到)")]
    private static partial Regex SpeechAfter();

    public List<PersonMention> Extract(ArticleText at)
    {
        var text = at.Text;
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);

        foreach (Match m in _titles.Matches(text))
        {
            var nameStart = m.Index + m.Length;
            if (NameAt(at, nameStart) is not { } name) continue;
            var title = TitleBefore(at, m.Index, m.Index + m.Length);
            Remember(found, name.Text, title);
        }

        // Names without a title before them: strong ones (a dictionary name, surname + two given characters, a
        // ·-joined foreign name) stand alone; short ones need a title or honorific after them, a speech verb, or a
        // list they share with another name (彭丽媛、董文华、王秀芬).
        var weak = new List<NameCandidate>();
        var tokens = at.Tokens;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Word.Length > 6 || NameAt(at, tokens[k].Start) is not { } c) continue;
            if (c.Strong || HasContextAfter(text, c.End)) Remember(found, c.Text, null);
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
            // A two-character name inside a longer one we also found (王强 / 王强国) is the same person cut short.
            if (found.Keys.Any(o => o.Length > name.Length && o.StartsWith(name, StringComparison.Ordinal))) continue;
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


    private static List<int> Offsets(string text, string name)
    {
        var list = new List<int>();
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal)) list.Add(i);
        return list;
    }

    private static readonly HashSet<char> CompoundFirst = [.. CompoundSurnames.Select(s => s[0])];

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
    internal NameCandidate? NameAt(ArticleText at, int start)
    {
        var text = at.Text;
        var tokens = at.Tokens;
        if (start >= text.Length || !Chars.IsHan(text[start])) return null;
        var k = at.TokenAt(start);
        if (k >= tokens.Count || tokens[k].Start != start) return GluedName(text, start);
        var tok = tokens[k];

        if (tok.Word.Length >= 2 && lexicon.TryGetWord(tok.Word, out var w) && w.Tag is "nr" or "nrfg" or "nrt")
        {
            // 邓小平理论, 马克思主义: jieba knows the name with the word after it.
            if (tok.Word.Length >= 5 && DictionaryNamePrefix(tok.Word) is { } prefix)
                return new NameCandidate(prefix, start, start + prefix.Length, true);
            if (IsDictionaryName(tok.Word, w) && !PlaceExtractor.IsPlaceContext(text, start, tok.End))
            {
                var end = ForeignEnd(at, k + 1, tok.End);
                // 王霞 光: a two-character dictionary name and a given character the cut left alone.
                if (end == tok.End && tok.Word.Length == 2 && k + 1 < tokens.Count && tokens[k + 1].Word.Length == 1 && IsGiven(tokens[k + 1].Word[0], 1)
                    && SurnameLength(text, start) == 1 && (k + 2 >= tokens.Count || tokens[k + 2].Word.Length > 1 || !IsGiven(tokens[k + 2].Word[0], 1)))
                    return new NameCandidate(text[start..tokens[k + 1].End], start, tokens[k + 1].End, true);
                // jieba tags many things nr (雷阵雨, 安全性, 莫斯科): alone, only surname + given name of three characters stands.
                var strong = end > tok.End || w.Tag != "nrt" && tok.Word.Length == 3 && SurnameLength(text, start) == 1;
                return new NameCandidate(text[start..end], start, end, strong);
            }
        }

        var surname = SurnameLength(text, start);
        if (surname > 0 && !(start > 0 && IsNumeral(text[start - 1])))
        {
            // Surname + two given characters, then + one: the name must end where the cut ends a word, and every word
            // inside it be one the cut left alone (曹 善 强) or a rare one (吴 方军, 金志 贤).
            for (var given = 2; given >= 1; given--)
            {
                // Given characters are code points: 刘𪚥利 is surname + two, though 𪚥 is two UTF-16 chars.
                var end = HanEnd(text, start + surname, given);
                if (end < 0 || !IsUnknownSpan(at, k, start, end, surname)) continue;
                var name = text[start..end];
                if (IsCommonWord(name)) return null;
                // 韦 尔特 罗 尼: a transliteration longer than any Chinese name is a foreign name.
                if (IsForeign(tok.Word, first: true) && ForeignEnd(at, k + 1, tok.End) is var longer && longer - start >= 4 && longer > end)
                    return new NameCandidate(text[start..longer], start, longer, true);
                // 罗朗·雷斯: a surname that opens a foreign name.
                var after = at.TokenAt(end);
                if (after < tokens.Count && IsNameDot(tokens[after].Word) && ForeignEnd(at, after, end) is var foreignEnd && foreignEnd > end + 1)
                    return new NameCandidate(text[start..foreignEnd], start, foreignEnd, true);
                return new NameCandidate(name, start, end, given == 2 && tokens[k].Word.Length == surname);
            }
        }

        if (IsForeign(tok.Word, first: true) && !PlaceExtractor.IsPlaceContext(text, start, tok.End))
        {
            var end = ForeignEnd(at, k + 1, tok.End);
            if (end - start >= 3 && !IsCommonWord(text[start..end]))
                return new NameCandidate(text[start..end], start, end, text.IndexOf('·', start, end - start) >= 0);
        }
        return null;
    }

    /// <summary>Extends a foreign name over following transliteration tokens and ·-joined parts.</summary>
    private int ForeignEnd(ArticleText at, int k, int end)
    {
        var tokens = at.Tokens;
        for (; k < tokens.Count && tokens[k].Start == end; k++)
        {
            var word = tokens[k].Word;
            // After a dot any run of transliteration characters goes on the name, whatever jieba tags it (科菲·安南).
            if (IsNameDot(word) && k + 1 < tokens.Count && tokens[k + 1].Word.All(Transliteration.Contains))
            {
                end = tokens[k + 1].End;
                k++;
                continue;
            }
            if (!IsForeign(word, first: false)) break;
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
            if (!t.Word.All(Chars.IsHan) || !IsGiven(t.Word[^1], 1) || t.Start > start && !IsGiven(t.Word[0], 0)) return false;
            if (lexicon.TryGetWord(t.Word, out var w) && w.Freq >= 100 && !w.Tag.StartsWith("nr", StringComparison.Ordinal)) return false;
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

    private static bool IsNameDot(string word) => word is "·" or "•" or "・" or "‧";

    /// <summary>
    /// A dictionary word tagged as a name that reads as one: no division (石家庄), no longer than a compound surname and
    /// two given characters, and (with a surname) no everyday word after it (雷 阵雨, 高 新区).
    /// </summary>
    private bool IsDictionaryName(string word, WordInfo w)
    {
        if (lexicon.Divisions.Find(word).Count > 0 || word.Length > 4 || !word.All(Chars.IsHan)) return false;
        if (w.Tag == "nrt") return word.All(Transliteration.Contains);
        var surname = SurnameLength(word, 0);
        if (surname == 0) return word.Length == 3 && !lexicon.IsTitle(word.AsSpan(1)) || word.All(Transliteration.Contains);
        if (word.Length - surname is < 1 or > 2 || word.Length == 2 && IsCommonWord(word)) return false;
        var given = word[surname..];
        if (word.Length == 3 && IsCommonWord(word[..2])) return false; // 安全 性
        if (w.Freq >= 1000) return true; // a name as common as 邓小平 is a name, whatever 小平 is
        return !(given.Length == 2 && lexicon.TryGetWord(given, out var g) && g.Freq >= 50 && !g.Tag.StartsWith("nr", StringComparison.Ordinal));
    }

    /// <summary>A token that can be part of a transliterated name: one transliteration character, or a dictionary name made of them.</summary>
    private bool IsForeign(string word, bool first)
    {
        if (word.Length == 1) return (first ? TransliterationStart : Transliteration).Contains(word[0]);
        if (!word.All(Transliteration.Contains)) return false;
        // A dictionary name, or (inside a name) a rare word of the same characters (贾亚拉 莉达).
        return lexicon.TryGetWord(word, out var w) && (w.Tag is "nrt" or "nr" or "nrfg" || !first && w.Freq < 50);
    }

    /// <summary>A title glued to the name in the cut (局长屈 耀武): surname + the given characters up to the next break.</summary>
    private NameCandidate? GluedName(string text, int i)
    {
        var surname = SurnameLength(text, i);
        if (surname == 0) return null;
        var given = 0;
        while (given < 2 && i + surname + given < text.Length && IsGiven(text[i + surname + given], given)) given++;
        if (given == 0) return null;
        var name = text.Substring(i, surname + given);
        return IsCommonWord(name) || IsCommonWord(name[..(surname + 1)]) ? null : new NameCandidate(name, i, i + name.Length, false);
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
        return !(lexicon.TryGetWord(c.ToString(), out var w) && w.Tag is "c" or "u" or "uj" or "ul" or "uz" or "ug" or "uv" or "ud" or "r" or "m" or "q" or "y" or "e");
    }

    private static bool IsNumeral(char c) => Chars.IsDigit(c) || "一二三四五六七八九十两几每数半百千万亿".Contains(c);

    /// <summary>A title, an honorific or a speech verb right after a name (江泽民主席, 张雅茹女士, 段玉超说).</summary>
    private bool HasContextAfter(string text, int end)
    {
        if (end >= text.Length) return false;
        foreach (var h in Honorifics) if (text.AsSpan(end).StartsWith(h, StringComparison.Ordinal)) return true;
        for (var len = 2; len <= lexicon.MaxTitleLength && end + len <= text.Length; len++)
            if (lexicon.IsTitle(text.AsSpan(end, len))) return true;
        return SpeechAfter().Match(text, end) is { Success: true } v && v.Index == end;
    }

    private static bool IsListJoin(string text, int end, int start) =>
        start - end == 1 && end < text.Length && text[end] is '、' or '和' or '与' or '及' or '／';

    /// <summary>An everyday word; jieba tags some (高峰) as names too, but real names are rare in its dictionary.</summary>
    private bool IsCommonWord(string s) =>
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
        foreach (var t in lexicon.Titles) if (clause.EndsWith(t, StringComparison.Ordinal)) return true;
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
            if (lexicon.TryGetWord(tok.Word, out var w) && (w.Tag is "v" or "p" or "t" or "d" or "r" or "m" || w.Tag.StartsWith('u')) && !lexicon.Titles.Contains(tok.Word))
                result = tok.End;
        }
        return result;
    }
}
