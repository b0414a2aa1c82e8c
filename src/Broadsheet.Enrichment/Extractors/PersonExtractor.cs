using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>A person found in the text, with every offset where the name occurs.</summary>
internal sealed record PersonMention(string Name, string? Title, IReadOnlyList<int> Offsets, bool IsAuthor);

/// <summary>
/// People: a name right after an official title (局长屈耀武), or right before a speech verb (段玉超说);
/// the title is the whole chain of posts before the name (市工业和信息化局党组书记、局长). Byline names are authors.
/// Names are never guessed from segmentation alone: a known surname, one or two given characters, and the context above.
/// </summary>
internal sealed partial class PersonExtractor(NewsroomLexicon lexicon)
{
    private const string SingleSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤屈谷庞樊兰殷施陈牛洪季葛温康聂鲁章甘盛柴翟文安倪申辛尚乔齐邢左焦褚颜祝岳耿裴祁宁欧童鲍伍滕项单仇谈霍葛蓝卜柯房穆蒲凌曲艾鞠宫栾伊苗靳臧冉阮晏池商瞿丛路杭巩付窦荆翁戚";
    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "宇文", "司徒", "东方", "独孤", "南宫", "端木", "申屠"];
    /// <summary>Characters that end a name rather than belong to it (陈洪波说, 刘东利在).</summary>
    private const string AfterName = "在说表介指强认称和与的是等到向了将也就都对为从于给把被让及并带看来去要会已曾正还又均亦共同时一代等";
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
            if (ReadName(text, nameStart) is not { } name) continue;
            var title = TitleBefore(at, m.Index, m.Index + m.Length);
            Remember(found, name, title);
        }

        // Untitled speakers: a name opening a clause, then a speech verb (段玉超说, 刘东利在接受采访时说).
        for (var i = 0; i < text.Length; i++)
        {
            if (!Surnames.Contains(text[i]) || (i > 0 && !IsOpening(text[i - 1]))) continue;
            if (ReadName(text, i) is not { } name) continue;
            if (SpeechAfter().Match(text, i + name.Length) is { Success: true } v && v.Index == i + name.Length)
                Remember(found, name, null);
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

    private static bool IsOpening(char c) => Chars.IsClauseBreak(c) || c is '■' or '●' or '▲';

    private static List<int> Offsets(string text, string name)
    {
        var list = new List<int>();
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal)) list.Add(i);
        return list;
    }

    /// <summary>A Chinese name starting at <paramref name="i"/>: a known surname, then one or two given characters.</summary>
    internal string? ReadName(string text, int i)
    {
        if (i >= text.Length) return null;
        var surname = i + 1 < text.Length && CompoundSurnames.Contains(text.Substring(i, 2)) ? 2 : Surnames.Contains(text[i]) ? 1 : 0;
        if (surname == 0) return null;
        // Given characters are code points (刘𪚥利): `first` and `length` count chars.
        int given = 0, first = 0, length = 0;
        while (given < 2 && i + surname + length < text.Length && Chars.IsHanAt(text, i + surname + length, out var width))
        {
            given++;
            length += width;
            if (given == 1) first = width;
        }
        if (given == 0 || NeverGiven.Contains(text[i + surname])) return null;
        if (given == 2)
        {
            var second = i + surname + first;
            var name3 = text.Substring(i, surname + length);
            var recurs = text.IndexOf(name3, i + 1, StringComparison.Ordinal) >= 0 || text.LastIndexOf(name3, Math.Max(0, i - 1), StringComparison.Ordinal) >= 0;
            // 王强表示: the second "given" character starts the next word.
            if (!recurs && (AfterName.Contains(text[second]) || StartsCommonWord(text, second))) length = first;
        }
        var name = text.Substring(i, surname + length);
        // 安心回 (让党员安心回家), 高度重: a surname followed by an everyday word is no name.
        return IsCommonWord(name) || IsCommonWord(name[..(surname + first)]) ? null : name;
    }

    private bool StartsCommonWord(string text, int at) =>
        at + 2 <= text.Length && lexicon.TryGetWord(text.AsSpan(at, 2), out var w) && w.Freq >= 100 && !w.Tag.StartsWith("nr", StringComparison.Ordinal);

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
