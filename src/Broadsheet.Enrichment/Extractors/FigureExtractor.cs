using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Figures: a number with its unit (7.5万元 → 75000 元, 15.8% → 15.8 %), and what it measures when the words right
/// before it say so (营业收入35.9亿元, 同比增长15.8%). Years, months and days are dates, not figures.
/// </summary>
internal sealed partial class FigureExtractor(NewsroomLexicon lexicon)
{
    [GeneratedRegex(@"(?<![0-9０-９.．A-Za-z第])(?<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?<approx>余|多)?(?<mult>万亿|亿|万|千)?(?<approx2>余|多)?(?<unit>个百分点|处|百分点|平方公里|平方米|立方米|千瓦时|千瓦|兆瓦|公里|千米|公斤|千克|公顷|人次|批次|美元|港元|欧元|小时|分钟|元|吨|亩|人|家|个|项|次|件|台|辆|户|所|座|条|套|名|位|场|栋|间|株|头|只|斤|米|倍|岁|天|%|％|‰)?")]
    private static partial Regex Number();

    /// <summary>Words between a measure and its number (达, 超过, 占) that are not part of the measure.</summary>
    private static readonly HashSet<string> Linking = ["达", "达到", "为", "是", "约", "近", "超", "超过", "共", "共计", "有", "高达", "逾", "突破", "占", "至", "到", "增至", "以上", "总计", "合计"];
    private static readonly HashSet<string> Openers = ["实现", "完成", "其中", "全县", "全市", "全省", "全区", "累计", "共", "截至", "目前", "今年", "去年"];

    public List<Figure> Extract(ArticleText at)
    {
        var text = at.Text;
        var figures = new List<Figure>();
        foreach (Match m in Number().Matches(text, at.BodyStart))
        {
            var mult = m.Groups["mult"].Value;
            var unit = m.Groups["unit"].Value;
            if (unit.Length == 0 && mult.Length == 0) continue;
            if (!double.TryParse(Ascii(m.Groups["num"].Value), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            value *= mult switch { "万亿" => 1e12, "亿" => 1e8, "万" => 1e4, "千" => 1e3, _ => 1 };
            value = Math.Round(value, 6);
            var normalizedUnit = unit switch { "" => null, "％" => "%", _ => unit };
            // 44家助企攀登企业: a count followed by its noun measures that noun, not the words before it; leave it unnamed.
            var end = m.Index + m.Length;
            var closesPhrase = end >= text.Length || !Chars.IsHan(text[end]) || normalizedUnit is "元" or "美元" or "%" or "个百分点";
            figures.Add(new Figure(m.Value, value, normalizedUnit, closesPhrase ? MeasureBefore(at, m.Index) : null));
        }
        return figures;
    }

    private static string Ascii(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(c == '．' ? '.' : Chars.AsciiDigit(c));
        return sb.ToString();
    }

    /// <summary>Up to three words (about four characters) right before the number, in its clause.</summary>
    private string? MeasureBefore(ArticleText at, int numberStart)
    {
        var k = at.TokenAt(numberStart) - 1;
        var words = new List<string>();
        var length = 0;
        for (; k >= 0 && words.Count < 3 && length < 4; k--)
        {
            var w = at.Tokens[k].Word;
            if (!w.All(Chars.IsHan)) { if (w.Length > 0 && Chars.IsDigit(w[0])) return null; break; } // 9个批次337亩: belongs to the number before
            if (words.Count == 0 && Linking.Contains(w)) continue;
            if (Openers.Contains(w)) break;
            if (lexicon.TryGetWord(w, out var info) && (info.Tag is "p" or "r" or "c" or "d" || info.Tag.StartsWith('u'))) break;
            words.Insert(0, w);
            length += w.Length;
        }
        var measure = string.Concat(words);
        return measure.Length >= 2 ? measure : null;
    }
}
