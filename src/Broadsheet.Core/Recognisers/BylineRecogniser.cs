using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Recognisers;

/// <param name="People">Names with the role printed before them.</param>
/// <param name="Raw">The byline as printed (without a headline that shares its line).</param>
/// <param name="Lead">Text before the byline marker on a shared line: another story's headline.</param>
/// <param name="Closing">A bracketed byline (`（记者 马尚龙）`) that closes the story it follows.</param>
/// <param name="RoleOnly">A line of role words alone (`编辑整理`), continuing the byline above.</param>
/// <param name="PhotoCredit">Credits a photo (`摄`, `摄影`, `供图`).</param>
public sealed record BylineMatch(IReadOnlyList<Byline> People, string Raw, string? Lead, bool Closing, bool RoleOnly, bool PhotoCredit);

/// <summary>
/// Bylines: `■本报记者 谷常浩`, several roles in one line (`■记者 刘项清 杨国庆 通讯员 展威 编辑整理`), padded names
/// (`矫 月` → 矫月), names glued to roles inside brackets (`(记者张益俊)`), organisation-prefixed roles
/// (`德州晚报全媒体记者 张明凯`), photo credits (`本报记者 徐建中摄`), closing bylines (`（记者 马尚龙）`,
/// `(作者:柴晶晶)`), and a byline sharing its line with a headline (`泗水着力… ■本报通讯员 董锐 郭宗卫`).
/// </summary>
public sealed class BylineRecogniser
{
    /// <summary>Longest first, so 本报记者 wins over 记者.</summary>
    private static readonly string[] Roles =
    [
        "本报特约通讯员", "本报特约评论员", "特约通讯员", "本报评论员", "特约评论员", "本报通讯员", "全媒体记者", "融媒体记者",
        "新华社记者", "中新社记者", "首席记者", "特约记者", "实习记者", "见习记者", "本报记者", "摄影记者", "摄影报道", "编辑整理",
        "评论员", "通讯员", "实习生", "记者", "整理", "编辑", "摄影", "供图", "作者", "撰稿", "文/图", "图/文", "文图", "制图",
    ];
    /// <summary>One-character roles count only as whole tokens (文 / 图 / 摄 would otherwise match inside words).</summary>
    private static readonly string[] ShortRoles = ["文", "图", "摄"];
    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "公孙", "夏侯", "尉迟", "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门"];
    private static readonly System.Buffers.SearchValues<char> Markers = System.Buffers.SearchValues.Create("■□◎●▲◆★");
    /// <summary>Last characters of the role words: an unmarked byline's first token ends in one (or in 摄).</summary>
    private static readonly System.Buffers.SearchValues<char> RoleEnds = System.Buffers.SearchValues.Create("员生者理辑影图道稿作文摄");

    public BylineMatch? Match(string line)
    {
        var s = Chars.Clean(line);
        if (s.Length < 2 || s.Length > 60) return null;

        // Whole line in brackets: a closing byline.
        if (s[0] is '（' or '(' && s[^1] is '）' or ')')
        {
            var inner = Parse(s[1..^1], relaxed: true);
            return inner is { RoleOnly: false } ? inner with { Raw = s, Closing = true } : null;
        }

        var marker = s.AsSpan().IndexOfAny(Markers);
        if (marker == 0)
        {
            var p = Parse(s[1..], relaxed: true);
            return p is null ? null : p with { Raw = s };
        }
        if (marker > 0)
        {
            var lead = Chars.Clean(s.AsSpan(0, marker));
            var p = Parse(s[(marker + 1)..], relaxed: true);
            if (p is null || p.RoleOnly || lead.Length == 0) return null;
            return p with { Raw = Chars.Clean(s.AsSpan(marker)), Lead = lead };
        }
        // A bare picture credit: names then 摄, perhaps with the agency after it (`龚献明摄（影像中国）`, `郝  帅摄`).
        if (PhotoCredit(s) is { } credit) return credit;
        // Unmarked: the first token must hold a role word; checked before any tokenising (most lines are body text).
        if (!FirstTokenHasRole(s)) return null;
        var plain = Parse(s, relaxed: false);
        return plain is null ? null : plain with { Raw = s };
    }

    /// <summary>A bracketed byline at the very end of a body line (`…发展。（记者 马尚龙）`): its start index, or -1.</summary>
    public int FindTrailing(string line, out BylineMatch? match)
    {
        match = null;
        var s = line.TrimEnd();
        if (s.Length < 5 || s[^1] is not ('）' or ')')) return -1;
        var open = s.AsSpan().LastIndexOfAny('（', '(');
        if (open <= 0 || s.Length - open > 40) return -1;
        // Only brackets that hold a role word can be a byline.
        if (s.AsSpan(open).IndexOfAny(RoleEnds) < 0) return -1;
        var p = Parse(s[(open + 1)..^1], relaxed: true);
        if (p is null || p.RoleOnly) return -1;
        match = p with { Raw = s[open..], Closing = true };
        return open;
    }

    /// <summary>
    /// Tokens are roles and names. Strict (an unmarked line): the first token must hold a role and names stand apart.
    /// Relaxed (after ■ or inside brackets): names may be glued to roles (`记者张益俊`).
    /// </summary>
    internal BylineMatch? Parse(string text, bool relaxed)
    {
        var tokens = Tokenise(text);
        if (tokens.Count == 0 || tokens.Count > 14) return null;

        var items = new List<(bool IsRole, string Text)>();
        var photo = false;
        string? pendingSingle = null;
        foreach (var raw in tokens)
        {
            var t = raw;
            if (pendingSingle is not null)
            {
                // Padded two-character name: 矫 月 → 矫月.
                if (t.Length == 1 && Chars.IsHan(t[0]) && !IsShortRole(t)) { items.Add((false, pendingSingle + t)); pendingSingle = null; continue; }
                return null;
            }
            if (IsShortRole(t)) { if (t == "摄") photo = true; items.Add((true, t)); continue; }
            var (prefix, role, suffix) = FindRole(t);
            if (role is not null)
            {
                if (prefix.Length > 0 && !(prefix.Length <= 12 && AllHan(prefix))) return null;
                if (role is "摄影" or "摄影报道" or "供图" or "摄影记者") photo = true;
                // An organisation before the role (德州晚报全媒体记者) stays in the raw byline; the role is the role word.
                items.Add((true, role));
                if (suffix.Length > 0)
                {
                    if (StripPhoto(ref suffix)) photo = true;
                    if (!relaxed && !photo) return null;
                    if (!AddNames(items, suffix)) return null;
                }
                continue;
            }
            if (StripPhoto(ref t)) photo = true;
            if (t.Length == 1 && Chars.IsHan(t[0])) { pendingSingle = t; continue; }
            if (!AddNames(items, t)) return null;
        }
        if (pendingSingle is not null) return null;
        if (items.Count == 0) return null;
        if (!relaxed && !items[0].IsRole) return null;

        var roleOnly = items.TrueForAll(i => i.IsRole);
        // 本报评论员 alone signs a commentary: a byline without a name, not a continuation.
        if (roleOnly) return items.Count <= 3 ? new BylineMatch([], text, null, false, !items.Exists(i => i.Text.Contains("评论员")), photo) : null;

        var people = new List<Byline>();
        string? role0 = null;
        var orphans = new List<string>();
        foreach (var (isRole, value) in items)
        {
            if (isRole) { role0 = value; if (orphans.Count > 0) { foreach (var o in orphans) people.Add(new Byline(o, value)); orphans.Clear(); } }
            else if (role0 is null) orphans.Add(value);
            else people.Add(new Byline(value, role0));
        }
        foreach (var o in orphans) people.Add(new Byline(o, ""));
        // Roles such as 编辑整理 after the last name describe the whole line, not a person of their own.
        return new BylineMatch(people, text, null, false, false, photo);
    }

    private BylineMatch? PhotoCredit(string s)
    {
        var end = s.Length;
        if (s[^1] is '）' or ')')
        {
            var open = s.LastIndexOfAny(['（', '(']);
            if (open <= 0 || end - open > 12) return null;
            end = open;
        }
        var head = s.AsSpan(0, end).TrimEnd();
        if (head.Length is < 3 or > 16 || head[^1] != '摄' || head.EndsWith("拍摄")) return null;
        foreach (var c in head) if (!Chars.IsHan(c) && !Chars.IsSpace(c) && c is not ('·' or '、')) return null;
        var p = Parse(head[..^1].ToString(), relaxed: true);
        return p is { RoleOnly: false } && p.People.Count is > 0 and <= 3 ? p with { Raw = s, PhotoCredit = true } : null;
    }

    private static bool FirstTokenHasRole(string s)
    {
        var end = 0;
        while (end < s.Length && !Chars.IsSpace(s[end]) && s[end] is not ('、' or '，' or ',' or '：' or ':')) end++;
        var first = s.AsSpan(0, end);
        if (first.Length == 0 || !RoleEnds.Contains(first[^1])) return false;
        if (first.Length == 1) return true;
        foreach (var r in Roles) if (first.Contains(r, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsShortRole(string t) => Array.IndexOf(ShortRoles, t) >= 0;

    private static (string Prefix, string? Role, string Suffix) FindRole(string t)
    {
        foreach (var r in Roles)
        {
            var i = t.IndexOf(r, StringComparison.Ordinal);
            if (i >= 0) return (t[..i], r, t[(i + r.Length)..]);
        }
        return ("", null, "");
    }

    private static bool StripPhoto(ref string t)
    {
        if (t.Length >= 3 && t.EndsWith('摄')) { t = t[..^1]; return true; }
        if (t.Length >= 4 && (t.EndsWith("摄影", StringComparison.Ordinal) || t.EndsWith("供图", StringComparison.Ordinal))) { t = t[..^2]; return true; }
        return false;
    }

    /// <summary>Two to four Han characters is one name; six glued are two of three, four without a compound surname two of two.</summary>
    private static bool AddNames(List<(bool, string)> items, string t)
    {
        if (!AllHan(t)) return false;
        switch (t.Length)
        {
            case 2 or 3: items.Add((false, t)); return true;
            case 4 when CompoundSurnames.Any(c => t.StartsWith(c, StringComparison.Ordinal)): items.Add((false, t)); return true;
            case 4: items.Add((false, t[..2])); items.Add((false, t[2..])); return true;
            case 6: items.Add((false, t[..3])); items.Add((false, t[3..])); return true;
            default: return false;
        }
    }

    private static bool AllHan(string t)
    {
        foreach (var c in t) if (!Chars.IsHan(c) && c != '·') return false;
        return t.Length > 0;
    }

    private static List<string> Tokenise(string text)
    {
        var list = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var sep = i == text.Length || Chars.IsSpace(text[i]) || text[i] is '、' or '，' or ',' or '：' or ':' or '|' or '｜';
            // 文/图 is one role: keep the slash inside a token.
            if (!sep) { if (start < 0) start = i; continue; }
            if (start >= 0) { list.Add(text[start..i]); start = -1; }
        }
        return list;
    }
}
