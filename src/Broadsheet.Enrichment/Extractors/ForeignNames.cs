using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Foreign names and article-wide agreement (issue #15, people-foreign pass): cues that a name is a person's (诞辰,
/// 前总统), cues that a transliteration run is a place, body or thing (胜地帕塔亚, 萨帕塔全国…), and a ·-joined name's
/// last part standing alone later in the story (比尔·克林顿 … 克林顿).
/// </summary>
internal sealed partial class PersonExtractor
{
    /// <summary>Words after a name that only a person's name takes: birth, death, kin (曼德拉诞辰, 希拉克逝世, 阿拉法特之子).</summary>
    private static readonly string[] PersonWordsAfter = ["诞辰", "逝世", "去世", "病逝", "遇刺", "生前", "遗孀", "遗体", "遗像", "之子", "之女", "之妻", "之父", "之母", "本人"];

    /// <summary>A former or late holder's title after a name (希拉克前总统, 张三原副市长).</summary>
    private bool HasFormerTitleAfter(string text, int end)
    {
        if (end + 2 >= text.Length || text[end] is not ('前' or '原')) return false;
        var from = text[end + 1] == '副' ? end + 2 : end + 1;
        return from < text.Length && TitleLengthAt(text, from) > 0;
    }

    /// <summary>A person's cue after a name that is not a title: a life event, kin, or a former post.</summary>
    private bool HasPersonWordAfter(ArticleText at, NameCandidate c)
    {
        var (text, end) = (at.Text, c.End);
        if (end >= text.Length) return false;
        // One word jieba tags as no name is a word (文艺复兴巨匠逝世).
        var k = at.TokenAt(c.Start);
        if (at.Tokens[k].Start == c.Start && at.Tokens[k].End == c.End && at.TryGetWord(k, out var word) && !word.Tag.StartsWith("nr", StringComparison.Ordinal)) return false;
        foreach (var w in PersonWordsAfter) if (text.AsSpan(end).StartsWith(w, StringComparison.Ordinal)) return true;
        return HasFormerTitleAfter(text, end);
    }

    /// <summary>
    /// Transliterated substances, products, brands, bodies, movements and phenomena that jieba's dictionary tags as names
    /// (尼古丁/nrt, 厄尔尼诺/nrt, 欧佩克/nr, 摩托罗拉/nrt). Hand-written from general knowledge; awards and theories
    /// named after a person (诺贝尔, 奥斯卡) stay out, the name being a person's too.
    /// </summary>
    private static readonly HashSet<string> NoPersonTransliterations =
    [
        "尼古丁", "海洛因", "凡士林", "伏特加", "马赛克", "布丁", "沙拉", "探戈", "桑拿", "比萨", "迪斯科", "马拉松", "高尔夫",
        "尼龙", "吉普", "沙龙", "托福", "克隆", "雷达", "巧克力", "艾滋", "厄尔尼诺", "拉尼娜", "切尔诺贝利", "欧佩克",
        "纳斯达克", "布尔什维克", "孟什维克", "迪斯尼", "迪士尼", "麦当劳", "肯德基", "宝马", "雪佛兰", "沃尔沃", "爱立信",
        "西门子", "柯达", "尼康", "阿迪达斯", "惠普", "施乐", "摩托罗拉", "索尼", "格莱美",
    ];

    /// <summary>Words after a transliteration run that make it a body's or movement's name (萨帕塔全国民族解放军, 库尔德武装).</summary>
    private static readonly string[] BodyWordsAfter = ["全国", "联盟", "阵线", "武装", "民族", "王国", "共和国", "病毒", "人民", "国家",
        "油田", "寺", "项目", "走廊", "计划"];
    /// <summary>Ends of the word after a transliteration run that make the run a body's name (卡罗琳医学院, 麦肯锡全球研究院 reads on one word).</summary>
    private static readonly string[] BodyWordEnds = ["学院", "研究院", "研究所", "协会", "基金会", "俱乐部", "委员会", "公司", "集团"];

    /// <summary>
    /// A transliteration run that is a place or a body, not a person: right after a kind of place (旅游胜地帕塔亚, 首都…)
    /// or right before a body's word (萨帕塔全国民族解放军). Checked only on foreign runs.
    /// </summary>
    private static bool IsForeignNonPerson(ArticleText at, int start, int end)
    {
        var text = at.Text;
        if (end - start is >= 2 and <= 5 && NoPersonTransliterations.Contains(text[start..end])) return true;
        if (!IsTransliterated(text.AsSpan(start, end - start))) return false;
        var next = at.TokenAt(end);
        if (next < at.Tokens.Count && at.Tokens[next].Start == end)
        {
            foreach (var w in BodyWordEnds) if (at.Tokens[next].Word.EndsWith(w, StringComparison.Ordinal)) return true;
            // 安纳德拉维达 进步 联盟: a party or front one word further on.
            if (next + 1 < at.Tokens.Count && at.Tokens[next + 1].Start == at.Tokens[next].End && at.Tokens[next].Word.Length == 2
                && at.Tokens[next + 1].Word is "联盟" or "阵线" or "党") return true;
        }
        foreach (var kind in PlaceExtractor.PlaceKindsBefore)
            if (start >= kind.Length && text.AsSpan(start - kind.Length, kind.Length).SequenceEqual(kind)) return true;
        foreach (var w in BodyWordsAfter) if (text.AsSpan(end).StartsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// 比尔·克林顿 … 克林顿: the last part of a ·-joined name found stands for the person where it stands alone later in the
    /// story (not right after a dot, where it is the full name again), unless it is an everyday word or a known place.
    /// </summary>
    private void AgreeForeignSurnames(ArticleText at, Dictionary<string, string?> found)
    {
        var text = at.Text;
        foreach (var name in found.Keys.ToList())
        {
            var dot = name.LastIndexOfAny(['·', '•', '・', '‧']);
            if (dot < 0 || name.Length - dot - 1 < 2) continue;
            var last = name[(dot + 1)..];
            if (found.ContainsKey(last) || IsCommonWord(last) || lexicon.IsWorldPlace(last)) continue;
            foreach (var o in Offsets(text, last))
            {
                var end = o + last.Length;
                if (o > 0 && IsNameDot(text[(o - 1)..o])) continue;
                // Where the cut reads it as whole words (科尔 of 科尔茹姆巴耶夫 is none), not a body or a place named after
                // the person (库恩基金会) and not a title in marks (《德尚》 is a magazine).
                if (!IsWordBoundary(at, o) || !IsWordBoundary(at, end) || IsPlaceAfter(text, end) || IsForeignNonPerson(at, o, end)
                    || o > 0 && text[o - 1] == '《' || IsLoneHanAfter(at, end)) continue;
                Remember(found, last, null);
                break;
            }
        }
    }

    /// <summary>Whether the cut starts a word (or no word stands) at <paramref name="offset"/>.</summary>
    private static bool IsWordBoundary(ArticleText at, int offset)
    {
        var k = at.TokenAt(offset);
        return k >= at.Tokens.Count || at.Tokens[k].Start >= offset;
    }

    /// <summary>A lone character the cut left after <paramref name="end"/> that is no function word: the run goes on (科尔 茹…).</summary>
    private static bool IsLoneHanAfter(ArticleText at, int end)
    {
        var k = at.TokenAt(end);
        return k < at.Tokens.Count && at.Tokens[k].Start == end && at.Tokens[k].Word.Length == 1 && Chars.IsHan(at.Tokens[k].Word[0])
            && !AfterName.Contains(at.Tokens[k].Word[0]);
    }

    /// <summary>
    /// A ·-joined name found beside another found name with nothing between them is one name the cut split (叶夫 +
    /// 根尼·阿法纳西耶夫, 约瑟夫·菲尤 + 史密斯): the parts join; the parts alone drop out later when found only inside it.
    /// </summary>
    private static void JoinForeignParts(string text, Dictionary<string, string?> found)
    {
        foreach (var dotted in found.Keys.Where(n => n.Contains('·')).ToList())
        {
            foreach (var o in Offsets(text, dotted))
            {
                var before = found.Keys.FirstOrDefault(n => n != dotted && n.Length >= 2 && o >= n.Length && text.AsSpan(o - n.Length, n.Length).SequenceEqual(n));
                var end = o + dotted.Length;
                var after = found.Keys.FirstOrDefault(n => n != dotted && n.Length >= 2 && !n.Contains('·') && text.AsSpan(end).StartsWith(n, StringComparison.Ordinal));
                if (before is null && after is null) continue;
                Remember(found, (before ?? "") + dotted + (after ?? ""), found[dotted]);
            }
        }
    }
}
