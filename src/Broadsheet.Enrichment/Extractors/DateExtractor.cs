using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Dates: absolute (2021年7月, 8月7日) and relative (今天, 今年上半年, 截至6月底, 1至6月份), resolved against the dateline's
/// date or else the issue date. A period gets its first day in Date and its last in Until.
/// </summary>
internal static partial class DateExtractor
{
    private const string D = "[0-9０-９]";

    [GeneratedRegex(
        "(?<upto>截至|截止到?|到)?(?:" +
        "(?<y>" + D + "{4})年(?:(?<m1>" + D + "{1,2})(?:至|到|-|—|～|~)(?<m>" + D + "{1,2})月份?|(?<m>" + D + "{1,2})月(?:(?<d>" + D + "{1,2})[日号]|份?(?<part>底|末|初|上旬|中旬|下旬)?))" +
        "|(?<y>" + D + "{4})年度?(?<half>上半年|下半年|一季度|二季度|三季度|四季度|年初|年底|年末)?" +
        "|(?<m1>" + D + "{1,2})(?:至|到|-|—|～|~)(?<m>" + D + "{1,2})月份?" +
        "|(?<m>" + D + "{1,2})月(?:(?<d>" + D + "{1,2})[日号]|份?(?<part>底|末|初|上旬|中旬|下旬)?)" +
        "|(?<rel>今年|去年|明年|前年)(?<half>上半年|下半年|一季度|二季度|三季度|四季度|年初|年底|年末|以来|同期)?" +
        "|(?<day>今天|今日|昨天|昨日|前天|明天|明日)" +
        "|(?<half>上半年|下半年|年初|年底|半年来)" +
        ")")]
    private static partial Regex DatePattern();

    public static List<DateMention> Extract(ArticleText at)
    {
        var reference = at.ReferenceDate;
        var dates = new List<DateMention>();
        foreach (Match m in DatePattern().Matches(at.Text, at.BodyStart))
        {
            if (m.Length == 0) continue;
            var resolved = Resolve(m, reference);
            // "1984年" inside a number run or a bare "到" is no date.
            if (m.Groups["upto"].Success && m.Length == m.Groups["upto"].Length) continue;
            var (from, until) = resolved;
            if (m.Groups["upto"].Success && from is not null)
            {
                // 截至6月底: the point reached, the period's end.
                from = until ?? from;
                until = null;
            }
            var mention = new DateMention(m.Value, Iso(from), until is { } u && u != from ? Iso(u) : null);
            if (!dates.Contains(mention)) dates.Add(mention);
        }
        return dates;
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd");

    private static int Num(Group g) => int.Parse(string.Concat(g.Value.Select(Chars.AsciiDigit)));

    private static (DateOnly? From, DateOnly? Until) Resolve(Match m, DateOnly? reference)
    {
        try
        {
            if (m.Groups["day"].Success)
            {
                if (reference is not { } r) return (null, null);
                var shift = m.Groups["day"].Value switch { "昨天" or "昨日" => -1, "前天" => -2, "明天" or "明日" => 1, _ => 0 };
                return (r.AddDays(shift), null);
            }

            int? year = m.Groups["y"].Success ? Num(m.Groups["y"]) : reference?.Year;
            if (m.Groups["rel"].Success && reference is { } rr)
                year = rr.Year + m.Groups["rel"].Value switch { "去年" => -1, "明年" => 1, "前年" => -2, _ => 0 };
            if (year is not { } y || y < 1900 || y > 2200) return (null, null);

            if (m.Groups["m"].Success)
            {
                var month = Num(m.Groups["m"]);
                if (month is < 1 or > 12) return (null, null);
                if (m.Groups["d"].Success)
                {
                    var day = Num(m.Groups["d"]);
                    return day >= 1 && day <= DateTime.DaysInMonth(y, month) ? (new DateOnly(y, month, day), null) : (null, null);
                }
                var last = new DateOnly(y, month, DateTime.DaysInMonth(y, month));
                if (m.Groups["m1"].Success)
                {
                    var m1 = Num(m.Groups["m1"]);
                    return m1 is >= 1 and <= 12 && m1 <= month ? (new DateOnly(y, m1, 1), last) : (null, null);
                }
                return m.Groups["part"].Value switch
                {
                    "底" or "末" or "下旬" => (new DateOnly(y, month, 21), last),
                    "初" or "上旬" => (new DateOnly(y, month, 1), new DateOnly(y, month, 10)),
                    "中旬" => (new DateOnly(y, month, 11), new DateOnly(y, month, 20)),
                    _ => (new DateOnly(y, month, 1), last),
                };
            }

            var half = m.Groups["half"].Value;
            return half switch
            {
                "上半年" => (new DateOnly(y, 1, 1), new DateOnly(y, 6, 30)),
                "下半年" => (new DateOnly(y, 7, 1), new DateOnly(y, 12, 31)),
                "一季度" => (new DateOnly(y, 1, 1), new DateOnly(y, 3, 31)),
                "二季度" => (new DateOnly(y, 4, 1), new DateOnly(y, 6, 30)),
                "三季度" => (new DateOnly(y, 7, 1), new DateOnly(y, 9, 30)),
                "四季度" => (new DateOnly(y, 10, 1), new DateOnly(y, 12, 31)),
                "年初" => (new DateOnly(y, 1, 1), new DateOnly(y, 1, 31)),
                "年底" or "年末" => (new DateOnly(y, 12, 1), new DateOnly(y, 12, 31)),
                "以来" => (new DateOnly(y, 1, 1), reference),
                "半年来" => reference is { } r2 ? (r2.AddMonths(-6), r2) : (null, null),
                "同期" => (null, null),
                _ => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, null);
        }
    }
}
