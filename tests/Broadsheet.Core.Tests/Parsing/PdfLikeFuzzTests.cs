using System.Text;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>
/// Seeded fuzzing with garbage shaped like PDF-extracted pages: wrapped columns, letter-spaced lines, very long and
/// very short lines, blank-line runs, form feeds, brackets, colons and dashes, dates, datelines and credits. Every
/// Han character of the input must land in the output (articles, furniture, banner or unassigned), and nothing throws.
/// </summary>
public class PdfLikeFuzzTests
{
    private const string Han = "本报讯记者编辑新华社北京电日月年中国人民政府发展经济文化建设会议主席总理习近平李强孔晓张烁图片报道摄影像综合核心阅读版说的是在了和有为一二三四五";

    private static readonly string[] Fragments =
    [
        "本报讯", "本报北京10月14日电", "（本报加德满都10月14日电）", "据新华社电  （记者李凡）", "新华社北京9月30日电", "（记者 张烁）",
        "龚献明摄（影像中国）", "（作者为日本众议院前议长）", "毕世祥：", "——习近平", "数据来源：国家卫健委", "本报记者  殷新宇摄",
        "图片报道", "核心阅读", "2019年10月1日  星期二", "人民日报", "责任编辑：孔  晓", "版式设计：张丹峰", "（上接1版）", "（下转2版）",
        "孔 晓", "新 华 社 北 京 9 月 30 日", "”“", "（", "）", "：", "——", "·", "●", "【", "】", "《", "》", "。", "，", "、", "！", "？",
        "1", "23", "2019", "98.5%", "abc", "CN", " ", "  ", "\u3000", "\t", "-", "…", "图①：", "（郭馨泽）",
    ];

    /// <summary>One garbage dump from the seed: several pages of lines of every shape.</summary>
    internal static string Dump(int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        var pages = rng.Next(1, 4);
        for (var p = 0; p < pages; p++)
        {
            if (p > 0) sb.Append('\f');
            var lines = rng.Next(0, 80);
            var width = rng.Next(6, 22);
            for (var l = 0; l < lines; l++)
            {
                switch (rng.Next(10))
                {
                    case 0: sb.Append('\n', rng.Next(1, 6)); continue; // a run of blank lines
                    case 1: sb.Append(Fragments[rng.Next(Fragments.Length)]); break; // one fragment alone
                    case 2: // a very long line
                        for (var k = rng.Next(200, 3000); k > 0; k--) sb.Append(Piece(rng));
                        break;
                    case 3: // a letter-spaced line
                        for (var k = rng.Next(2, 40); k > 0; k--) sb.Append(Han[rng.Next(Han.Length)]).Append(' ');
                        break;
                    case 4: sb.Append(Han[rng.Next(Han.Length)]); break; // one character
                    default: // a column line, wrapped at the page's width
                        var start = sb.Length;
                        while (sb.Length - start < width) sb.Append(Piece(rng));
                        break;
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Piece(Random rng) => rng.Next(4) == 0
        ? Fragments[rng.Next(Fragments.Length)]
        : Han[rng.Next(Han.Length)].ToString();

    [Fact]
    public void Pdf_like_garbage_never_throws_and_keeps_every_han_character()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= 600; seed++)
        {
            var text = Dump(seed);
            try
            {
                var issue = IssueParser.Parse(text, new Model.IssueContext(null, new DateOnly(2019, 10, 1)));
                var lost = LostHan(text, issue);
                if (lost.Count > 0) failures.Add($"seed {seed}: lost {string.Join("", lost.Select(kv => $"{kv.Key}×{kv.Value}"))}");
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    // Cases the fuzzing found, cut down to what still lost text before the fix.

    [Fact]
    public void A_page_top_deck_waiting_for_its_body_is_kept_when_a_second_deck_comes_after_a_credit()
    {
        // Two decks at a page's top, each followed by a credit line, then text: the first deck used to vanish.
        const string text = "0日\n社四晓\n献明摄（）\n日电\n晓在人\n\n（下版）\n日电";
        var issue = IssueParser.Parse(text, new Model.IssueContext(null, new DateOnly(2019, 10, 1)));
        Assert.Empty(LostHan(text, issue));
    }

    [Fact]
    public void A_continuation_repeating_its_story_s_credit_keeps_the_second_copy()
    {
        // The jump is followed; the continuation carries the same picture credit twice, and both copies stay.
        const string text = "（转2版）辑\f为日\n龚献明摄（影像中国）\n龚献明摄（影像中国）\n（接1版）";
        var issue = IssueParser.Parse(text, new Model.IssueContext(null, new DateOnly(2019, 10, 1)));
        Assert.Empty(LostHan(text, issue));
    }
}
