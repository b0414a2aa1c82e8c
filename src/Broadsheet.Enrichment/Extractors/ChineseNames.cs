using System.Text.RegularExpressions;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Where a Chinese name (surname + given characters) begins and ends when the cut does not say so plainly: names glued
/// to a title or to the word after them, and given characters jieba tags as function words. Method: docs/enrichment.md.
/// </summary>
internal sealed partial class PersonExtractor
{
    /// <summary>
    /// How many of the <paramref name="given"/> characters from <paramref name="from"/> belong to a name whose surname the
    /// cut glued to a title (财政部 长安 雷 出席): the name ends where the cut ends a word (安雷, not 安雷出), the longest such
    /// reading first; if none does (屈耀 武…), all of them.
    /// </summary>
    private static int GluedGivenLength(ArticleText at, int from, int given)
    {
        for (var g = given; g >= 1; g--)
            if (EndsWord(at, from + g)) return g;
        return given;
    }

    /// <summary>Whether the cut ends a word at <paramref name="offset"/>.</summary>
    private static bool EndsWord(ArticleText at, int offset)
    {
        if (offset >= at.Text.Length) return true;
        var k = at.TokenAt(offset);
        return k >= at.Tokens.Count || at.Tokens[k].Start >= offset;
    }

    /// <summary>
    /// A title that is only the front of a longer dictionary word (居民 of 居民楼 中 起步): the word goes on past it, so no
    /// name follows.
    /// </summary>
    private static bool OpensLongerWord(ArticleText at, int start, int end)
    {
        var k = at.TokenAt(start);
        return k < at.Tokens.Count && at.Tokens[k].Start == start && at.Tokens[k].End > end
            && at.TryGetWord(k, out var w) && w.Freq >= 10 && !w.Tag.StartsWith("nr", StringComparison.Ordinal);
    }

    /// <summary>
    /// Surname + two given characters one of which is 和, the cut leaving all three alone (陈 和 生 说, 魏 凤 和 出席):
    /// 和 is a given character of many names, but far more often it joins two things, so the name is a weak one (a title,
    /// speech verb or list must vouch for it) and only where 和 can join nothing: as the last character, a clause break
    /// or a speech verb after it (委员魏凤和，, 魏凤和说; not 王刚和李明, 大使李立和来自…); as the first, no 老/小 before the
    /// surname (老陈和小张) and one given character that is no surname after it (陈和生说, not 王和李说).
    /// </summary>
    private NameCandidate? ConjunctionGivenName(ArticleText at, int k, int start, int surname)
    {
        var tokens = at.Tokens;
        var text = at.Text;
        if (tokens[k].Word.Length != surname || k + 3 > tokens.Count || surname != 1) return null;
        var first = tokens[k + 1];
        var second = tokens[k + 2];
        if (first.Word.Length != 1 || second.Word.Length != 1 || first.Start != start + 1 || second.Start != start + 2) return null;
        var end = start + 3;
        if (first.Word[0] == '和')
        {
            if (start > 0 && text[start - 1] is '老' or '小' || Surnames.Contains(second.Word[0]) || !IsGiven(second.Word[0], 1)
                || NameLikelihood(second.Word[0]) == 0) return null;
        }
        else if (second.Word[0] == '和')
        {
            if (!IsGiven(first.Word[0], 0) || NameLikelihood(first.Word[0]) == 0) return null;
            var breaks = end >= text.Length || Chars.IsClauseBreak(text[end]);
            if (!breaks && !SpeechAfter().IsMatch(text.AsSpan(end))) return null;
        }
        else return null;
        var name = text[start..end];
        return IsCommonWord(name) ? null : new NameCandidate(name, start, end, false);
    }

    /// <summary>
    /// Two given characters the cut left alone that make a name standing by itself: names use both at all, and together
    /// at least <see cref="GivenPairLikelihood"/> per mille more than alone (曹善强: 善 20, 强 6; not 叶背中: 背 2, 中 1).
    /// </summary>
    private bool ReadsAsGivenPair(char first, char second)
    {
        var a = NameLikelihood(first);
        var b = NameLikelihood(second);
        return a > 0 && b > 0 && a * b >= GivenPairLikelihood;
    }

    /// <summary>Chosen on the look half and the parser corpus's 2019-10 sample: 20 turns away 左舵车, 黄标车, 易感期 and 闻恶如
    /// and no name there; 60 also loses 栗战书 and 冯法祀.</summary>
    private const int GivenPairLikelihood = 20;

    /// <summary>
    /// A surname that is also a common function word, alone in the cut, before a two-character dictionary word (与任
    /// 草木一起, 早于 中美): with nothing but a clause break or particle beside it, the pronoun or preposition and the word
    /// are the likelier reading.
    /// </summary>
    private bool FunctionWordBeforeWord(ArticleText at, NameCandidate c)
    {
        var k = at.TokenAt(c.Start);
        if (k + 1 >= at.Tokens.Count || at.Tokens[k].Word.Length != 1 || at.Tokens[k + 1].Start != c.Start + 1 || at.Tokens[k + 1].End != c.End) return false;
        return at.TryGetWord(k, out var surname) && surname.Freq >= 1000 && surname.Tag is "r" or "p" or "c" or "d" or "u"
            && at.TryGetWord(k + 1, out var given) && given.Freq >= 10 && !given.Tag.StartsWith("nr", StringComparison.Ordinal);
    }

    /// <summary>Dynasties papers put before a historical figure's name (唐李白, 明徐渭).</summary>
    private const string Dynasties = "秦汉晋隋唐宋元明清";

    /// <summary>
    /// A dynasty alone in the cut, opening a clause, before a two-character name jieba knows well that opens with a
    /// surname (。唐 李白, 明 徐渭 诗): the dynasty says when, the name who. A known name only, as 宋 小明 may be a name.
    /// </summary>
    private bool IsDynastyBeforeName(ArticleText at, int k)
    {
        var tokens = at.Tokens;
        var tok = tokens[k];
        if (tok.Word.Length != 1 || !Dynasties.Contains(tok.Word[0]) || tok.Start > 0 && !Chars.IsClauseBreak(at.Text[tok.Start - 1])) return false;
        if (k + 1 >= tokens.Count || tokens[k + 1].Start != tok.End || tokens[k + 1].Word.Length != 2) return false;
        var name = tokens[k + 1].Word;
        return SurnameLength(name, 0) == 1 && at.TryGetWord(k + 1, out var w) && w.Tag is "nr" or "nrfg" && w.Freq >= 50 && IsDictionaryName(name, w);
    }

    /// <summary>
    /// A two-character name jieba's dictionary knows right after a dynasty (明徐渭诗, 唐李白). Tried and dropped: such a
    /// name opening a clause before a verb (张骞乘槎) — jieba tags 孙女, 蓬勃, 雷霆 and 马达 as names too, and on the
    /// parser corpus it found only those.
    /// </summary>
    private bool IsAfterDynasty(ArticleText at, NameCandidate c)
    {
        if (c.End - c.Start != 2) return false;
        var k = at.TokenAt(c.Start);
        return k > 0 && at.Tokens[k].Start == c.Start && at.Tokens[k].End == c.End && IsDynastyBeforeName(at, k - 1);
    }

    /// <summary>
    /// Surname + one given character, then a two-character word the cut glued the name's last character into, whose
    /// second character is one that follows names (宋 小 明说 → 宋小明 说; 王 小 平等 → 王小平 等): the glued character must
    /// be one names use much more than alone, and the word no name. Weak: a title, speech verb or list must vouch for it.
    /// </summary>
    private NameCandidate? NameGluedToNextWord(ArticleText at, int k, int start, int surname)
    {
        var tokens = at.Tokens;
        if (tokens[k].Word.Length != surname || k + 2 >= tokens.Count) return null;
        var given = tokens[k + 1];
        var glued = tokens[k + 2];
        if (given.Word.Length != 1 || glued.Word.Length != 2 || given.Start != tokens[k].End || glued.Start != given.End) return null;
        var last = glued.Word[0];
        if (!IsGiven(given.Word[0], 0) || NameLikelihood(given.Word[0]) == 0 || !IsGiven(last, 1) || NameLikelihood(last) < BareGivenLikelihood
            || !AfterName.Contains(glued.Word[1])) return null;
        if (at.TryGetWord(k + 2, out var w) && w.Tag.StartsWith("nr", StringComparison.Ordinal)) return null;
        var end = glued.Start + 1;
        var name = at.Text[start..end];
        return IsCommonWord(name) || IsCommonWord(name.AsSpan(surname)) ? null : new NameCandidate(name, start, end, false);
    }

    /// <summary>
    /// A three-character name jieba knows well (≥ 50) whose given part is also a word, but one of a kind that names are
    /// made of — a time, era, numeral, pronoun, adverb or a rare proper word (董建华: 建华/nz, 徐向前: 向前/t, 金大中:
    /// 大中/r, 张万年: 万年/m) — rather than a noun, place, verb or adjective (雷 阵雨/n, 于 长江/ns, 丁 夫人/n).
    /// </summary>
    private static bool GivenWordInKnownName(WordInfo name, WordInfo given) =>
        name.Tag == "nr" && name.Freq >= 50 && given.Tag is "nz" or "t" or "r" or "m" or "d" or "j";

    /// <summary>A photo caption's place marker right after a name (李明（左）, 新凤霞（中）, 王昆（右二）) or a pointer to the
    /// photo (张超（见图, 南仁东（见上图右): only people stand so.</summary>
    private static bool IsCaptioned(string text, int end)
    {
        if (end + 3 < text.Length && text[end] is '（' or '(' && text[end + 1] == '见' && (text[end + 2] == '图' || text[end + 3] == '图' && "上下左右".Contains(text[end + 2]))) return true;
        if (end + 3 > text.Length || text[end] is not ('（' or '(') || text[end + 1] is not ('左' or '右' or '中')) return false;
        var close = text[end + 2] is '一' or '二' or '三' or '四' or '五' ? end + 3 : end + 2;
        return close < text.Length && text[close] is '）' or ')';
    }

    /// <summary>
    /// A surname alone in the cut that is more often a pronoun, preposition, conjunction or adverb (于, 任, 何), right after
    /// a verb (屹立于潮头, 创立于秦汉, 来自于邵阳): the function word is the likelier reading, so the name does not stand
    /// alone, though a title, speech verb or list still makes it one. Opening a clause it stays a name (。于瑞龙以).
    /// </summary>
    private static bool IsFunctionWordSurname(ArticleText at, int k) =>
        k > 0 && at.Tokens[k - 1].End == at.Tokens[k].Start && at.TryGetWord(k - 1, out var before) && before.Tag == "v"
        && at.TryGetWord(k, out var w) && w.Freq >= 1000 && w.Tag is "r" or "p" or "c" or "d" or "u";

    /// <summary>A photo credit: 摄 right after the name and a break or bracket after it (李肃人摄（人民视觉）, 何建勇摄。).</summary>
    private static bool IsPhotoCredit(string text, int end) =>
        end < text.Length && text[end] == '摄' && (end + 1 == text.Length || Chars.IsClauseBreak(text[end + 1]) || text[end + 1] is '；' or ';');

    /// <summary>
    /// The names of a byline: after 记者 or 通讯员, names of two to four characters (or ·-joined) separated by 、 up to a
    /// closing bracket or 报道 (（记者江南）, 记者胡泽曦、殷新宇、苑基荣…）): a byline holds nothing else, so each is a name
    /// whatever the cut makes of it (江南 is a place word, 京津 of 毕京津 one too). Anything else before the bracket
    /// (记者从…了解到) and none is taken.
    /// </summary>
    private static void NamesInBylines(string text, Dictionary<string, string?> found)
    {
        foreach (var role in (ReadOnlySpan<string>)["记者", "通讯员"])
        {
            for (var i = text.IndexOf(role, StringComparison.Ordinal); i >= 0; i = text.IndexOf(role, i + role.Length, StringComparison.Ordinal))
            {
                var names = new List<string>();
                var at = i + role.Length;
                while (true)
                {
                    var end = at;
                    while (end < text.Length && (Chars.IsHan(text[end]) || text[end] == '·' && end > at) && !text.AsSpan(end).StartsWith("报道", StringComparison.Ordinal)) end++;
                    var name = text[at..end];
                    if (!IsBylineName(name)) { names.Clear(); break; }
                    names.Add(name);
                    if (end < text.Length && text[end] == '、') { at = end + 1; continue; }
                    if (end >= text.Length || text[end] is not ('）' or ')') && !text.AsSpan(end).StartsWith("报道", StringComparison.Ordinal)) names.Clear();
                    break;
                }
                foreach (var name in names) Remember(found, name, role);
            }
        }
    }

    private static bool IsBylineName(string name) =>
        name.Contains('·') ? name.Length is >= 4 and <= 14 && name[0] != '·' && name[^1] != '·' : name.Length is >= 2 and <= 4;

    /// <summary>
    /// A 、-list more than half of whose items are names found (习近平、李克强、栗战书…; 沈跃跃、吉炳轩、艾力更·依明巴海、万鄂湘): the
    /// items between two 、 the rules left out are names too when they are two to four characters, or ·-joined, and no
    /// place or everyday word (白玛赤林, 毕京津, 苑基荣). The first and last items count as names when they end or open
    /// with one (全国人大常委会副委员长曹建明、…), but are never made names here.
    /// </summary>
    private void NamesInLists(string text, Dictionary<string, string?> found)
    {
        var comma = text.IndexOf('、');
        while (comma >= 0)
        {
            // The list: from the clause start before the first 、 to the clause end after the last.
            var start = comma;
            while (start > 0 && !Chars.IsClauseBreak(text[start - 1])) start--;
            var seps = new List<int> { comma };
            var next = comma + 1;
            while (true)
            {
                var j = next;
                while (j < text.Length && !Chars.IsClauseBreak(text[j])) j++;
                if (j < text.Length && text[j] == '、') { seps.Add(j); next = j + 1; continue; }
                break;
            }
            var end = next;
            while (end < text.Length && !Chars.IsClauseBreak(text[end])) end++;
            comma = end < text.Length ? text.IndexOf('、', end) : -1;
            if (seps.Count < 2) continue;

            var items = new List<(int Start, int End)> { (start, seps[0]) };
            for (var n = 1; n < seps.Count; n++) items.Add((seps[n - 1] + 1, seps[n]));
            items.Add((seps[^1] + 1, end));
            var names = 0;
            for (var n = 0; n < items.Count; n++)
            {
                var (a, b) = items[n];
                var item = text[a..b];
                if (n > 0 && n < items.Count - 1 ? found.ContainsKey(item)
                    : found.Keys.Any(f => n == 0 ? item.EndsWith(f, StringComparison.Ordinal) : item.StartsWith(f, StringComparison.Ordinal))) names++;
            }
            if (names < 2 || 2 * names <= items.Count) continue;
            for (var n = 1; n < items.Count - 1; n++)
            {
                var name = text[items[n].Start..items[n].End];
                if (found.ContainsKey(name) || !IsListedName(name)) continue;
                Remember(found, name, null);
            }
        }
    }

    private bool IsListedName(string name)
    {
        if (name.Contains('·')) return IsBylineName(name) && name.All(c => c == '·' || Chars.IsHan(c));
        return name.Length is >= 2 and <= 4 && AllHan(name) && !IsCommonWord(name) && !lexicon.IsWorldPlace(name) && lexicon.Divisions.Find(name).Count == 0
            && !(lexicon.TryGetWord(name, out var w) && w.Tag is "ns" or "nt");
    }

    /// <summary>万人 after 近, 约, 逾 (近万人齐聚): a number, not the surname 万.</summary>
    private static bool IsApproximateNumber(string text, int start) =>
        text[start] is '万' or '千' or '百' && "近约逾超上数成几".Contains(text[start - 1]);

    /// <summary>
    /// A surname the cut holds in an everyday word with the next character (文明/nr6584 观, 高峰): jieba tags some such
    /// words as names, but at ≥ 1000 uses the word is the reading, so no surname + given name opens there.
    /// </summary>
    private static bool IsSurnameInCommonWord(ArticleText at, int k, int surname) =>
        at.Tokens[k].Word.Length == surname + 1 && at.TryGetWord(k, out var w) && w.Freq >= 1000;

    /// <summary>
    /// After a title, a two-character name and a given character the cut left alone, then a clause break, a speech verb
    /// or a word that follows names (副市长罗文 全 介绍, 研究员朱文 白 对): the title says a name stands here and the break says
    /// where it ends, so the lone character is the name's last, however often it stands alone elsewhere.
    /// </summary>
    private NameCandidate LastGivenAfterTitle(ArticleText at, NameCandidate c)
    {
        var text = at.Text;
        if (c.End - c.Start != 2 || SurnameLength(text, c.Start) != 1) return c;
        var k = at.TokenAt(c.End);
        if (k >= at.Tokens.Count || at.Tokens[k].Start != c.End || at.Tokens[k].Word.Length != 1) return c;
        var last = text[c.End];
        if (!IsGiven(last, 1) || NameLikelihood(last) == 0) return c;
        var end = c.End + 1;
        var breaks = end >= text.Length || Chars.IsClauseBreak(text[end]) || AfterName.Contains(text[end]) && EndsWord(at, end + 1) || SpeechAfter().IsMatch(text.AsSpan(end));
        return breaks ? new NameCandidate(text[c.Start..end], c.Start, end, c.Strong) : c;
    }

    /// <summary>
    /// A three-character dictionary name ending in a landform (白杨河/nr, 戈壁滩/nr, 杨家岭/nr, 罗布泊/nr): jieba tags such
    /// places as names too, so alone it is no name; a title, verb or list may still make it one.
    /// </summary>
    private static bool EndsLikeLandform(string word, int freq) => freq < 1000 && "河湖岭滩泊湾岛峡谷坡塘沟".Contains(word[^1]);

    /// <summary>A name after 叫 with a clause break after it (一位叫罗亮，, 名叫王芳。): what someone is called.</summary>
    private static bool IsCalled(string text, NameCandidate c) =>
        c.Start > 0 && text[c.Start - 1] == '叫' && (c.End == text.Length || Chars.IsClauseBreak(text[c.End]));

    /// <summary>
    /// A two-character name padded to three characters' width in a credit (新华社记者 熊 琦摄, 版式设计：郭  祥): surname, spaces,
    /// given character, then 摄 or the end of the line. The name is listed without the spaces.
    /// </summary>
    private static void PaddedCreditNames(string text, Dictionary<string, string?> found)
    {
        foreach (Match m in PaddedCredit().Matches(text))
        {
            if (!Surnames.Contains(m.Groups[1].Value[0])) continue;
            Remember(found, m.Groups[1].Value + m.Groups[2].Value, null);
        }
    }

    [GeneratedRegex(@"(?:记者|设计[：:]|制图[：:]|摄影[：:]|摄[：:]|编辑[：:])[ \u00a0\u3000]*(\p{IsCJKUnifiedIdeographs})[ \u00a0\u3000]{1,3}(\p{IsCJKUnifiedIdeographs})(?=摄|[ \u00a0\u3000]*(?:\n|$))")]
    private static partial Regex PaddedCredit();

    /// <summary>
    /// A surname and given character that are one word of jieba's tagged a verb, adjective or adverb (申领/v: 中心申领职工
    /// 补贴): however rare, the dictionary reads it as that word, not as a name.
    /// </summary>
    private static bool IsOneNonNameWord(ArticleText at, int k, int end) =>
        at.Tokens[k].End == end && at.TryGetWord(k, out var w) && w.Tag is "v" or "vn" or "a" or "ad" or "d";

    /// <summary>
    /// A three-character dictionary name opening a doctrine's name the cut splits (习近平 新 时代 … 思想, 习近平 外交 思想):
    /// nouns and adjectives up to 思想 or 理论 within the clause, no verb or particle between (这段时间/nr 的 理论 is none). A doctrine held as one word (马克思主义)
    /// is read in <see cref="DoctrineAuthor"/>.
    /// </summary>
    private bool NamesDoctrine(ArticleText at, NameCandidate c)
    {
        if (c.End - c.Start != 3) return false;
        var k = at.TokenAt(c.Start);
        if (at.Tokens[k].Start != c.Start || at.Tokens[k].End != c.End || !at.TryGetWord(k, out var name) || name.Tag is not ("nr" or "nrfg")
            || !IsDictionaryName(at.Tokens[k].Word, name)) return false;
        for (var j = k + 1; j < at.Tokens.Count && j <= k + 8 && at.Tokens[j].Start == at.Tokens[j - 1].End; j++)
        {
            if (at.Tokens[j].Word is "思想" or "理论") return j > k + 1;
            if (!at.TryGetWord(j, out var w) || w.Tag.StartsWith('v') || w.Tag.StartsWith('u') || !AllHan(at.Tokens[j].Word)) return false;
        }
        return false;
    }
}
