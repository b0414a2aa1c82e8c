using System.Text.RegularExpressions;

namespace Broadsheet.Core.Recognisers;

/// <summary>
/// Two heading lines with no cue either way, one field a line: kicker + title (`胡春华强调` / `坚决如期攻克深度贫困堡垒`)
/// or title + news subtitle (`大兴机场总体运行良好` / `进出港旅客达18.7万人次`). A logistic model over the words' shape,
/// fit on the tuning month's gold decks (`tools/corpus/train-start-model.mjs` on the `--deck-features` export).
/// </summary>
public static partial class DeckSplitModel
{
    public const int Bias = 0, News = 1, FirstDigits = 2, NextDigits = 3, Attendance = 4, NextLong = 5, FirstEvent = 6,
        FirstSays = 7, NextSchedule = 8, FirstShort = 9, NextShorter = 10, FirstSpace = 11, NextSpace = 12, NextQuote = 13,
        FirstQuote = 14, NextEvent = 15, FirstWill = 16, FirstLong = 17, Decree = 18, Count = 19;

    public static readonly string[] Names =
    [
        "bias", "news", "firstDigits", "nextDigits", "attendance", "nextLong", "firstEvent",
        "firstSays", "nextSchedule", "firstShort", "nextShorter", "firstSpace", "nextSpace", "nextQuote",
        "firstQuote", "nextEvent", "firstWill", "firstLong", "decree",
    ];

    private static readonly double[] Weights =
    [
        -1.61, 0.78, -0.16, 1.26, 2.36, 1.79, 0.60, -0.16, 0.62, -0.81, -0.70, -0.64, -0.00, -1.20, -0.10, 1.66, 0.55, 0.42, 0.80,
    ];

    /// <summary>True when the second line is the first's news subtitle rather than the first the second's kicker.</summary>
    public static bool IsTitleAndSubtitle(string first, string next, bool news) => Logit(Features(first, next, news)) > 0;

    public static double Logit(double[] f)
    {
        var z = 0.0;
        for (var i = 0; i < Count; i++) z += Weights[i] * f[i];
        return z;
    }

    /// <param name="news">The story opens or closes with a wire dateline (`本报北京10月9日电`).</param>
    public static double[] Features(string first, string next, bool news)
    {
        var f = new double[Count];
        f[Bias] = 1;
        if (news) f[News] = 1;
        if (first.Any(char.IsDigit)) f[FirstDigits] = 1;
        if (next.Any(char.IsDigit)) f[NextDigits] = 1;
        if (AttendanceLine().IsMatch(next)) f[Attendance] = 1;
        if (next.Length > 30 || next[0] == '●') f[NextLong] = 1;
        if (EventLine().IsMatch(first)) f[FirstEvent] = 1;
        if (SaysLine().IsMatch(first)) f[FirstSays] = 1;
        if (ScheduleLine().IsMatch(next)) f[NextSchedule] = 1;
        if (first.Length <= 8) f[FirstShort] = 1;
        if (next.Length < first.Length) f[NextShorter] = 1;
        if (first.Contains(' ')) f[FirstSpace] = 1;
        if (next.Contains(' ')) f[NextSpace] = 1;
        if (next.Contains('“')) f[NextQuote] = 1;
        if (first.Contains('“')) f[FirstQuote] = 1;
        if (NextEventLine().IsMatch(next)) f[NextEvent] = 1;
        if (first.Contains('将')) f[FirstWill] = 1;
        if (first.Length >= 20) f[FirstLong] = 1;
        if (first.EndsWith('令') || first.EndsWith("公告", StringComparison.Ordinal)) f[Decree] = 1;
        return f;
    }

    /// <summary>Who attended: `刘鹤出席并讲话`, `李克强出席闭幕式`, `栗战书参加审议`.</summary>
    [GeneratedRegex(@"(出席|致辞|讲话|主持|会见|致贺信|宣读|发表.{0,6}讲话|作出.{0,4}批示|出席.{0,8}式|参加.{0,4}|演讲|发言)$")]
    private static partial Regex AttendanceLine();

    /// <summary>A title that reports an event done: `…座谈会在京举行`, `…博览会圆满闭幕`.</summary>
    [GeneratedRegex(@"(举行|开幕|闭幕|召开|举办|发布|公布|启动|落幕|成立|揭晓|开通|通过|签署|印发|出台)$")]
    private static partial Regex EventLine();

    /// <summary>A subtitle that tells what else happened: `外交部举行中外媒体吹风会…`, `美国总统特朗普会见刘鹤`.</summary>
    [GeneratedRegex(@"(举行|出席|会见|宣布|审议|召开)")]
    private static partial Regex NextEventLine();

    /// <summary>A kicker that hands over to what was said: `郭声琨在…研讨班上强调`.</summary>
    [GeneratedRegex(@"(强调|指出|表示|要求|提出|希望|认为)$")]
    private static partial Regex SaysLine();

    /// <summary>A subtitle with the date it takes effect or starts: `今起对我国进行正式访问`, `5日起开始生效`.</summary>
    [GeneratedRegex(@"(今起|起|将|开始|即将|首次)")]
    private static partial Regex ScheduleLine();
}
