using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Recognisers;

public enum FurnitureKind { RunningHead, Masthead, Staff, EditionList, DateLine }

/// <param name="PageNumber">The page number a running head prints, if any.</param>
/// <param name="Date">The issue date a running head or masthead prints, if any.</param>
/// <param name="Paper">The paper's name when the line is its nameplate (济宁日报).</param>
public sealed record FurnitureMatch(FurnitureKind Kind, int? PageNumber, DateOnly? Date, string? Paper = null);

/// <summary>
/// Page furniture, kept but not an article: running heads (`2 时政 2023年11月23日 星期四 责任编辑:耿 睿 …`),
/// masthead lines (issue numbers, `CN 37-0106`, weekday, lunar date, the nameplate), staff and contact lines
/// (`本版责编：…`, `版式设计：…`, `电话：…`) and edition lists (`A01版:重点 … E04版:今日商河`).
/// </summary>
public sealed partial class FurnitureRecogniser
{
    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"星期[一二三四五六日天]|周[一二三四五六日天](?![年期末刊报])")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?:责任编辑|责编|编辑|美编|组版|校对|版式|排版|设计|值班主任|审读|照排)\s*[:：]")]
    private static partial Regex StaffField();

    [GeneratedRegex(@"^(?:本版)?(?:责任编辑|责编|编辑|美编|美术编辑|组版|校对|版式设计|版式|排版|设计|值班编辑|值班主任|审读|照排|制图|视觉|统筹|策划|电话|热线|新闻热线|服务热线|传真|邮箱|电子邮箱|投稿邮箱|E-?mail|网址|地址|邮编|邮政编码|广告|发行|订阅|印刷|零售价|定价)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex StaffStart();

    [GeneratedRegex(@"CN\s*\d{2}\s*[-－]\s*\d{4}|ISSN|国内统一连续?出版物号|邮发代号|农历|总第\s*[0-9０-９]+\s*[期号]|第\s*[0-9０-９]+\s*期|今日\s*[0-9０-９]+\s*版|本期\s*[0-9０-９]+\s*版", RegexOptions.IgnoreCase)]
    private static partial Regex MastheadField();

    [GeneratedRegex(@"[A-Z]?[0-9０-９]{1,2}\s*版\s*[:：]")]
    private static partial Regex EditionEntry();

    [GeneratedRegex(@"^(?<n>[A-Z]?[0-9０-９]{1,2})\s+\S|第\s*(?<n>[0-9０-９]{1,2})\s*版|(?<n>[A-Z]?[0-9０-９]{1,2})\s*版(?![:：])|\s(?<n>[0-9０-９]{1,2})$")]
    private static partial Regex PageNumberField();

    [GeneratedRegex(@"^第\s*[0-9０-９]{1,2}\s*版(?:(?:\s*[:：]\s*|\s+)[\p{IsCJKUnifiedIdeographs}]{1,6})?$")]
    private static partial Regex PageLabel();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,6}" + PaperName.Suffix + "$")]
    private static partial Regex Nameplate();

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create("。？！，、；");

    public FurnitureMatch? Match(string line)
    {
        var s = Chars.Clean(line);
        if (s.Length < 2 || s.Length > 160) return null;
        // Furniture never holds a sentence.
        var span = s.AsSpan();
        if (span.IndexOfAny(SentencePunctuation) >= 0) return null;

        // Each pattern runs only when the line holds the character it needs (most lines are body text).
        var hasColon = span.IndexOfAny(':', '：') >= 0;
        var hasBan = span.Contains('版');
        if (hasBan && hasColon && EditionEntry().Count(s) >= 2) return new FurnitureMatch(FurnitureKind.EditionList, null, null);

        // A page label alone (`第6版`, `第07版：政治`): a running head's piece wherever the extraction set it.
        if (hasBan && PageLabel().IsMatch(s)) return new FurnitureMatch(FurnitureKind.RunningHead, PageNumber(s), null);

        var date = span.Contains('年') ? ParseDate(s) : null;
        var weekday = (span.Contains('星') || span.Contains('周')) && Weekday().IsMatch(s);
        var staff = hasColon ? StaffField().Count(s) : 0;
        var masthead = span.IndexOfAny(MastheadCue) >= 0 && MastheadField().IsMatch(s);

        // A bracketed date alone (`（2019年10月10日）`) is the date under a speech's or a decision's title, not a page's.
        if (date is not null && s[0] is '（' or '(' && s[^1] is '）' or ')' && FullDate().Match(s).Length >= s.Length - 2) return null;
        if (date is not null)
        {
            var numbered = PageNumberField().IsMatch(s);
            if (weekday || staff > 0 || masthead || numbered || s.Length <= 24 && DateStandsApart(s))
                return new FurnitureMatch(staff > 0 || numbered ? FurnitureKind.RunningHead : FurnitureKind.DateLine, PageNumber(s), date);
        }
        if (hasColon && (staff >= 2 || StaffStart().IsMatch(s))) return new FurnitureMatch(FurnitureKind.Staff, null, date);
        if (masthead && s.Length <= 80) return new FurnitureMatch(FurnitureKind.Masthead, null, date);
        if (weekday && s.Length <= 20 && Chars.CountHan(s) <= 8) return new FurnitureMatch(FurnitureKind.DateLine, null, null);
        if (s[^1] == '报' && Nameplate().IsMatch(s)) return new FurnitureMatch(FurnitureKind.Masthead, null, null, s);
        return null;
    }

    /// <summary>
    /// A short line with a date and no other furniture cue is a page's date line only when the date is a word of its
    /// own: in wrapped text a sentence's date runs into its words (`1949年10月1日新中`, `忆及2018年6月21日签署`).
    /// </summary>
    private static bool DateStandsApart(string s)
    {
        var m = FullDate().Match(s);
        bool Apart(int i) => i < 0 || i >= s.Length || char.IsWhiteSpace(s[i]) || Chars.IsSpace(s[i]);
        return Apart(m.Index - 1) && Apart(m.Index + m.Length);
    }

    private static readonly System.Buffers.SearchValues<char> MastheadCue = System.Buffers.SearchValues.Create("NnSs历代期版号");

    private static DateOnly? ParseDate(string s)
    {
        var m = FullDate().Match(s);
        if (!m.Success) return null;
        var (y, mo, d) = (int.Parse(m.Groups["y"].Value), int.Parse(m.Groups["m"].Value), int.Parse(m.Groups["d"].Value));
        return y is > 1900 and < 2200 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static int? PageNumber(string s)
    {
        var m = PageNumberField().Match(s);
        if (!m.Success) return null;
        var v = m.Groups["n"].Value;
        var digits = v.Length > 0 && v[0] is >= 'A' and <= 'Z' ? v[1..] : v;
        var n = Chars.ParseNumber(digits);
        return n > 0 ? n : null;
    }
}
