using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Recognisers;

/// <param name="Dateline">Raw as printed (source, place, date, 讯/电), place, resolved date.</param>
/// <param name="Credit">The reporters credited right after it (`（通讯员 刘丁 李超）`, `记者翟启运报道:`), if any.</param>
/// <param name="Length">Characters the dateline and its credit take at the start of the line; the body follows.</param>
public sealed record DatelineMatch(Dateline Dateline, BylineMatch? Credit, string? CreditRaw, int Length);

/// <summary>
/// Datelines (讯头/电头) at the start of a story: `本报讯`, `本报嘉祥8月7日讯（通讯员 刘丁 李超）`, `本报合肥18日电`,
/// `本报北京八月四日讯`, `本报邹城１２月３日讯`, `新华社北京11月8日电(记者张益俊)`, `【新华社重庆十四日电】`,
/// `河北日报讯（记者四建磊）`, `本报讯(德州晚报全媒体记者 张明凯)`, `【本报讯】(兰州日报社全媒体记者 华 静)`,
/// `本报讯 据长江日报消息:`, `本报讯 记者翟启运报道:`. A date without year or month takes them from the issue date,
/// never later than it (a dateline is usually the day before publication).
/// </summary>
public sealed partial class DatelineRecogniser(BylineRecogniser bylines)
{
    private const string Num = "[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3}";

    [GeneratedRegex(@"^[【\[]?(?<src>据?(?:本报|新华社)|本报|新华社|中新社|中新网|人民网|新华网|央视网|央广网|[\p{IsCJKUnifiedIdeographs}]{2,8}?(?:日报社|日报|晚报|早报|时报|商报|都市报|法治报|青年报|广播电视台|电视台|融媒体中心|新闻网))(?<place>[\p{IsCJKUnifiedIdeographs}]{0,6}?)(?:(?:(?<y>[0-9０-９]{4})年)?(?:(?<m>" + Num + ")月)?(?<d>" + Num + @")日)?(?<kind>讯|电)[】\]]?")]
    private static partial Regex Head();

    [GeneratedRegex(@"\G\s*(?:[（(](?<credit>[^（()）]{2,40})[）)]|(?<credit>(?:本报|全媒体|融媒体)?记者[\p{IsCJKUnifiedIdeographs}\s]{2,12}?报道)\s*[:：]?|(?<src>据[^：:，。！？\s]{1,24}?(?:消息|报道))\s*[:：，,]?)")]
    private static partial Regex Credit();

    private static readonly System.Buffers.SearchValues<char> NotInPlace = System.Buffers.SearchValues.Create("从的了在是和对将把被等");
    private static readonly System.Buffers.SearchValues<char> SourceCue = System.Buffers.SearchValues.Create("报社台网心");
    private static readonly string[] NotPlaceEnd = ["通", "简", "快", "短", "资", "喜", "电", "速", "音", "新华社"];

    public DatelineMatch? Match(string line, DateOnly? issueDate)
    {
        if (line.Length < 3) return null;
        // Every dateline ends in 讯 or 电 within its first few characters: a cheap test before the pattern.
        var head = line.AsSpan(0, Math.Min(line.Length, 32));
        if (head.IndexOfAny('讯', '电') < 0) return null;
        // …and starts with a source: 本报, a bracket, a news agency, or a name ending in 报/社/台/网/中心.
        var c0 = line[0];
        if (c0 is not ('本' or '【' or '[' or '新' or '中' or '人' or '央' or '据') && line.AsSpan(0, Math.Min(line.Length, 16)).IndexOfAny(SourceCue) < 0) return null;
        var m = Head().Match(line);
        if (!m.Success) return null;
        var place = m.Groups["place"].Value;
        var kind = m.Groups["kind"].Value;
        var end = m.Index + m.Length;
        if (end < line.Length && line[end] is '员' or '息' or '号' or '社' or '稿' or '录') return null;
        if (place.Length > 0 && (NotPlaceEnd.Any(e => place.EndsWith(e, StringComparison.Ordinal)) || place.Contains("记者") || place.AsSpan().IndexOfAny(NotInPlace) >= 0)) return null;
        // A wired story (电) always carries a date; without one, "…电" is a word (电网, 电力) — except a wire taken
        // over whole: 据新华社电.
        if (kind == "电" && !m.Groups["d"].Success && !(m.Groups["src"].Value.StartsWith('据') && place.Length == 0)) return null;

        var raw = m.Value;
        var date = Resolve(m, issueDate);
        var dl = new Dateline(raw, place.Length > 0 ? place : null, date);

        BylineMatch? credit = null;
        string? creditRaw = null;
        var cm = Credit().Match(line, end);
        if (cm.Success && cm.Index == end)
        {
            if (cm.Groups["credit"].Success)
            {
                var text = cm.Groups["credit"].Value;
                var asByline = text.EndsWith("报道", StringComparison.Ordinal) ? text[..^2] : text;
                credit = bylines.Parse(asByline, relaxed: true);
                if (credit is { RoleOnly: false }) { creditRaw = cm.Value.Trim(); end = cm.Index + cm.Length; }
                else credit = null;
            }
            else if (cm.Groups["src"].Success)
            {
                creditRaw = cm.Value.Trim();
                end = cm.Index + cm.Length;
            }
        }
        while (end < line.Length && Chars.IsSpace(line[end])) end++;
        return new DatelineMatch(dl, credit, creditRaw, end);
    }

    /// <summary>
    /// A closing wire line, the whole line in brackets: `（本报加德满都10月14日电）`, `（新华社北京10月6日电  记者胡浩、施雨岑）`,
    /// `（据新华社电  记者杨绍功）`. The credit inside, if any, is read as a byline.
    /// </summary>
    public DatelineMatch? MatchClosing(string line, DateOnly? issueDate)
    {
        if (line.Length < 6 || line[0] is not ('（' or '(') || line[^1] is not ('）' or ')')) return null;
        var inner = line[1..^1].Trim();
        if (inner.AsSpan().IndexOfAny('（', '(') >= 0) return null;
        var d = Match(inner, issueDate);
        // Closing, a wire line needs no date: （本报华沙电）.
        if (d is null && inner.Length <= 16 && inner[^1] == '电' && inner.All(Chars.IsHan)
            && (inner.StartsWith("本报", StringComparison.Ordinal) || inner.StartsWith("新华社", StringComparison.Ordinal)))
        {
            var place = inner[(inner[0] == '本' ? 2 : 3)..^1];
            return new DatelineMatch(new Dateline(inner, place.Length > 0 ? place : null, null), null, null, line.Length);
        }
        if (d is null) return null;
        if (d.Length >= inner.Length) return d with { Length = line.Length };
        if (d.CreditRaw is not null) return null;
        var rest = inner[d.Length..].Trim();
        var credit = bylines.Parse(rest, relaxed: true);
        return credit is { RoleOnly: false } ? d with { Credit = credit, CreditRaw = rest, Length = line.Length } : null;
    }

    private static string? Resolve(Match m, DateOnly? issue)
    {
        if (!m.Groups["d"].Success) return null;
        var day = Chars.ParseNumber(m.Groups["d"].Value);
        var month = m.Groups["m"].Success ? Chars.ParseNumber(m.Groups["m"].Value) : -1;
        var year = m.Groups["y"].Success ? Chars.ParseNumber(m.Groups["y"].Value) : -1;
        if (day is < 1 or > 31 || month == 0 || month > 12) return null;
        if (year < 0 && issue is null) return null;
        if (month < 0 && issue is null) return null;
        try
        {
            if (year > 0 && month > 0) return new DateOnly(year, month, day).ToString("yyyy-MM-dd");
            var i = issue!.Value;
            if (month > 0)
            {
                var y = year > 0 ? year : i.Year;
                var d = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
                if (year < 0 && d > i.AddDays(7)) d = d.AddYears(-1);
                return d.Day == day ? d.ToString("yyyy-MM-dd") : null;
            }
            var candidate = new DateOnly(i.Year, i.Month, 1);
            if (day > i.Day + 1) candidate = candidate.AddMonths(-1);
            if (day > DateTime.DaysInMonth(candidate.Year, candidate.Month)) return null;
            return new DateOnly(candidate.Year, candidate.Month, day).ToString("yyyy-MM-dd");
        }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
