using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Xunit.Abstractions;

namespace Broadsheet.Enrichment.Tests;

public class DumpTests
{
    [Fact]
    public void Dump()
    {
        var e = new ArticleEnricher();
        var opts = new JsonSerializerOptions { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        foreach (var a in GoldPage.Articles)
        {
            var r = e.Enrich(a, GoldPage.Issue);
            File.AppendAllText("/tmp/enrich-dump.txt", "\n=== " + a.Title + "\n" + JsonSerializer.Serialize(r, opts).Replace("],\"", "],\n\"") + "\n");
        }
    }
}
