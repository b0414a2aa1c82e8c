using System.Text.Json;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy.Tests;

/// <summary>The line-by-line view of a dump: each line's gold place beside the parser's.</summary>
public class LineMapTests
{
    [Fact]
    public void Each_line_shows_its_gold_story_and_field_and_where_the_parser_put_it()
    {
        var dir = Directory.CreateTempSubdirectory("broadsheet-linemap-").FullName;
        try
        {
            const string head = "人民日报  2019年10月1日  星期二  第4版  要闻";
            File.WriteAllText(Path.Combine(dir, "d.txt"),
                $"{head}\n\n王岐山会见泰国公主诗琳通\n本报北京9月30日电  （记者王远）国家副主席王岐山30日在北京钓鱼台国宾馆会见泰国公主诗琳通。\n"
                + "诗琳通热烈祝贺中华人民共和国成立70周年。\n");
            var gold = new ParsedIssue { Issue = { Paper = "人民日报", Date = "2019-10-01", Pages = [new PageInfo { Number = 4, Furniture = [head] }] } };
            gold.Articles.Add(new Article
            {
                Id = "p4-01", Page = 4, Title = "王岐山会见泰国公主诗琳通",
                Dateline = new Dateline("本报北京9月30日电", "北京", "2019-09-30"), BylineRaw = "（记者王远）", Byline = [new Byline("王远", "记者")],
                Paragraphs = ["国家副主席王岐山30日在北京钓鱼台国宾馆会见泰国公主诗琳通。", "诗琳通热烈祝贺中华人民共和国成立70周年。"],
            });
            File.WriteAllText(Path.Combine(dir, "d.gold.json"), JsonSerializer.Serialize(gold, ArticleJson.Options));

            var w = new StringWriter();
            LineMap.Print(w, Assert.Single(RenderedFolder.Find(dir)));
            var rows = w.ToString().Split('\n').Where(l => l.Length > 6 && char.IsDigit(l.TrimStart()[0])).ToList();
            Assert.Equal(4, rows.Count);
            Assert.Matches(@"^\s+1\s+furniture\s", rows[0]);
            Assert.Matches(@"^\s+3\s+s1 title\s", rows[1]);
            // The dateline line runs on into the body: one place, the story's.
            Assert.Matches(@"^\s+4\s+s1 body\s", rows[2]);
            Assert.Matches(@"^\s+5\s+s1 body\s", rows[3]);
            Assert.Contains(head, rows[0]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
