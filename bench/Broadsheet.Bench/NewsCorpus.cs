using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;

namespace Broadsheet.Bench;

/// <summary>
/// A realistic issue's worth (~250 KB UTF-8) of varied article text for the enrichment benchmark: sentences of the
/// reference page reshuffled into new stories, with other counties, people, figures and dates swapped in, datelines,
/// bylines and quotes added. Deterministic (fixed seed), so runs compare.
/// </summary>
public sealed partial class NewsCorpus
{
    public const int TargetBytes = 250_000;

    private static readonly string[] Places =
        ["嘉祥", "汶上", "泗水", "兖州", "曲阜", "邹城", "微山", "鱼台", "金乡", "梁山", "任城", "济南", "青岛", "淄博", "泰安", "临沂", "朝阳", "北京", "上海"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "孙", "徐", "郭", "马", "段", "屈", "孔"];
    private static readonly string[] Given = ["东利", "耀武", "玉超", "瑞龙", "洪波", "庆刚", "建国", "丽娟", "立新", "晓峰", "文静", "杰", "超", "锐", "明", "凡强"];
    private static readonly string[] Titles = ["县委书记", "副县长", "市人社局局长", "县医保局党组书记、局长", "区委组织部副部长", "公司总经理", "快递员", "村民", "游客", "镇长"];
    private static readonly string[] Verbs = ["说", "表示", "介绍"];

    public IReadOnlyList<Article> Articles { get; }
    /// <summary>The same stories as an issue dump (wrapped lines, blank lines, form feeds) for parse + enrich.</summary>
    public string Dump { get; }
    public int ArticleBytes { get; }
    public int DumpBytes { get; }
    public IssueInfo Issue { get; } = new() { Paper = "济宁日报", Date = "2022-08-08" };

    public NewsCorpus(int targetBytes = TargetBytes, int seed = 20220808)
    {
        var rng = new Random(seed);
        var sentences = Sentences();
        var articles = new List<Article>();
        var bytes = 0;
        while (bytes < targetBytes)
        {
            var place = Pick(rng, Places);
            var day = rng.Next(1, 9);
            var paragraphs = new List<string>();
            for (int p = 0, n = rng.Next(3, 9); p < n; p++)
            {
                var para = new StringBuilder();
                for (int s = 0, m = rng.Next(2, 6); s < m; s++) para.Append(Vary(Pick(rng, sentences), rng));
                if (rng.Next(3) == 0)
                {
                    var quote = Vary(Pick(rng, sentences), rng).TrimEnd('。');
                    para.Append($"“{quote}。”{Pick(rng, Titles)}{Name(rng)}{Pick(rng, Verbs)}。");
                }
                paragraphs.Add(para.ToString());
            }
            var title = Vary(Pick(rng, sentences), rng).Split('，', '。')[0];
            if (title.Length > 24) title = title[..24];
            var article = new Article
            {
                Id = $"b-{articles.Count + 1:000}",
                Page = articles.Count / 8 + 1,
                Title = title,
                Byline = [new Byline(Name(rng), "本报记者")],
                Dateline = new Dateline($"本报{place}8月{day}日讯", place, $"2022-08-0{day}"),
                Paragraphs = paragraphs,
            };
            articles.Add(article);
            bytes += Encoding.UTF8.GetByteCount(title) + paragraphs.Sum(Encoding.UTF8.GetByteCount);
        }
        Articles = articles;
        ArticleBytes = bytes;
        Dump = ToDump(articles);
        DumpBytes = Encoding.UTF8.GetByteCount(Dump);
    }

    private static string ToDump(List<Article> articles)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < articles.Count; i++)
        {
            if (i > 0 && i % 8 == 0) sb.Append('\f');
            var a = articles[i];
            sb.Append(a.Title).Append('\n').Append("■本报记者 ").Append(a.Byline[0].Name).Append('\n');
            var first = true;
            foreach (var p in a.Paragraphs)
            {
                var text = (first ? a.Dateline!.Raw + " " : "") + p;
                first = false;
                // Column width of a broadsheet page: lines wrap mid-word.
                for (var at = 0; at < text.Length; at += 22) sb.Append(text.AsSpan(at, Math.Min(22, text.Length - at))).Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static List<string> Sentences()
    {
        using var stream = typeof(NewsCorpus).Assembly.GetManifestResourceStream("Broadsheet.Bench.sample.txt")!;
        var text = new StreamReader(stream).ReadToEnd().Replace("\r", "").Replace("\n", "").Replace("\f", "");
        return SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length is >= 12 and <= 220).Select(s => s + "。").ToList();
    }

    [GeneratedRegex("(?<=[。！？])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private static readonly Regex KnownPlace = new(string.Join('|', Places), RegexOptions.Compiled);

    /// <summary>Other numbers, another county: the same sentence reads as a different story.</summary>
    private static string Vary(string sentence, Random rng)
    {
        sentence = Digits().Replace(sentence, m => rng.Next(1, (int)Math.Pow(10, Math.Min(m.Length, 6))).ToString());
        return KnownPlace.Replace(sentence, _ => Places[rng.Next(Places.Length)]);
    }

    private static string Name(Random rng) => Pick(rng, Surnames) + Pick(rng, Given);

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
