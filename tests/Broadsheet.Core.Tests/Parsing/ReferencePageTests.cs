using System.Text.Json;
using Broadsheet.Core.Model;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>The reference page (济宁日报 2022-08-08, page 1) against its hand-checked gold, item by item and field by field.</summary>
public class ReferencePageTests
{
    private static readonly ParsedIssue Parsed = ParseReference();
    private static readonly JsonElement[] Gold = LoadGold();

    private static JsonElement[] LoadGold()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FixturePath("jining-daily-2022-08-08", "page-01.gold.json")));
        return doc.RootElement.GetProperty("articles").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static TheoryData<int> GoldItems() => [.. Enumerable.Range(0, 8)];

    private static Article Match(JsonElement gold)
    {
        var body = Squeeze(string.Concat(gold.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString())));
        var found = Parsed.Articles.Where(a => Body(a) == body).ToList();
        Assert.True(found.Count == 1, $"expected exactly one article with the gold body starting {body[..Math.Min(20, body.Length)]}, found {found.Count}");
        return found[0];
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public void All_eight_items_are_found_and_nothing_else()
    {
        Assert.Equal(8, Gold.Length);
        Assert.Equal(8, Parsed.Articles.Count);
        foreach (var g in Gold) Match(g);
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Headline(int i)
    {
        var g = Gold[i];
        var expected = Squeeze(string.Concat(g.GetProperty("headline").EnumerateArray().Select(p => p.GetString())));
        Assert.Equal(expected, TestSupport.Headline(Match(g)));
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Byline_names_and_roles(int i)
    {
        var g = Gold[i];
        var expected = g.TryGetProperty("byline", out var b)
            ? b.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("role").GetString()!)).ToList() : [];
        Assert.Equal(expected, Match(g).Byline.Select(p => (p.Name, p.Role)).ToList());
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Dateline_place_and_date(int i)
    {
        var g = Gold[i];
        var a = Match(g);
        if (!g.TryGetProperty("dateline", out var d)) { Assert.Null(a.Dateline); return; }
        Assert.NotNull(a.Dateline);
        Assert.Equal(Str(d, "place"), a.Dateline.Place);
        Assert.Equal(Str(d, "date"), a.Dateline.Date);
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Jump_out(int i)
    {
        var g = Gold[i];
        var a = Match(g);
        if (!g.TryGetProperty("continuesTo", out var j)) { Assert.Null(a.ContinuesTo); return; }
        Assert.Equal((j.GetProperty("page").GetInt32(), Str(j, "section")), (a.ContinuesTo!.Page, a.ContinuesTo.Section));
        Assert.Equal($"（下转{a.ContinuesTo.Page}版{a.ContinuesTo.Section}）", a.ContinuesTo.Raw);
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Column(int i)
    {
        var g = Gold[i];
        Assert.Equal(Squeeze(Str(g, "column")), Squeeze(Match(g).Column));
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Kind(int i)
    {
        var g = Gold[i];
        Assert.Equal(Str(g, "kind") ?? "article", Match(g).Kind);
    }

    [Theory, MemberData(nameof(GoldItems))]
    public void Paragraph_breaks(int i)
    {
        var g = Gold[i];
        var expected = g.GetProperty("paragraphs").EnumerateArray().Select(p => Squeeze(p.GetString())).ToList();
        Assert.Equal(expected, Match(g).Paragraphs.Select(Squeeze).ToList());
    }

    [Fact]
    public void Page_banner_and_issue()
    {
        var page = Assert.Single(Parsed.Issue.Pages);
        Assert.Equal(1, page.Number);
        Assert.Equal("构建现代产业体系 攻坚制造强市建设·助企攀登", page.Banner);
        Assert.Equal("2022-08-08", Parsed.Issue.Date);
        Assert.Equal("jining-daily", Parsed.Issue.Paper);
    }

    [Fact]
    public void Raw_forms_are_kept_where_fields_were_lifted()
    {
        var jiaxiang = Parsed.Articles.Single(a => a.Dateline?.Place == "嘉祥");
        Assert.Equal("本报嘉祥8月7日讯", jiaxiang.Dateline!.Raw);
        Assert.Equal("（通讯员 刘丁 李超）", jiaxiang.BylineRaw);
        Assert.StartsWith("今天，", jiaxiang.Paragraphs[0]);

        var photo = Parsed.Articles.Single(a => a.Kind == ArticleKind.Photo);
        Assert.Equal("■记者 刘项清 杨国庆 编辑整理", photo.BylineRaw);

        var note = Parsed.Articles.Single(a => a.Kind == ArticleKind.EditorsNote);
        Assert.Equal("编者按", note.Label);
        Assert.StartsWith("2022中国（曲阜）", note.Paragraphs[0]);

        var yanzhou = Parsed.Articles.Single(a => a.ContinuesTo?.Section == "A");
        Assert.Equal("■本报通讯员 董锐 郭宗卫", yanzhou.BylineRaw);
    }

    [Fact]
    public void Ids_are_stable_and_unique()
    {
        var again = ParseReference();
        Assert.Equal(Parsed.Articles.Select(a => a.Id), again.Articles.Select(a => a.Id));
        Assert.Equal(Parsed.Articles.Count, Parsed.Articles.Select(a => a.Id).Distinct().Count());
        Assert.All(Parsed.Articles, a => Assert.Matches(@"^p1-\d\d$", a.Id));
    }

    [Fact]
    public void No_han_character_of_the_input_is_lost() => Assert.Empty(LostHan(ReferencePage, Parsed));

    [Fact]
    public void Nothing_is_left_unassigned_on_the_reference_page() => Assert.Empty(Parsed.Unassigned);
}
