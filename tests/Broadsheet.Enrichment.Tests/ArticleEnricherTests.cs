using Broadsheet.Core.Model;
using System.Text.Json;

namespace Broadsheet.Enrichment.Tests;

public class ArticleEnricherTests
{
    private static readonly ArticleEnricher Enricher = new();

    [Fact]
    public void Own_article_gets_the_same_kinds_of_facts_as_the_reference_page()
    {
        var e = Enricher.Enrich(OwnArticles.WetlandPark, Build.Issue);
        Assert.Contains(e.People, p => p is { Name: "孙立新", Title: "微山县文化和旅游局党组书记、局长", IsAuthor: false });
        Assert.Contains(e.People, p => p is { Name: "张晓峰", IsAuthor: true });
        Assert.Equal(new Place("微山", "微山县", "370826"), e.Places.Single(p => p.Code == "370826"));
        Assert.Contains(e.Places, p => p is { Name: "济南", Code: "370100" });
        Assert.Contains(e.Organizations, o => o is { Name: "微山县文化和旅游局", ShortForm: "县文旅局" });
        Assert.Contains(e.Quotes, q => q.Speaker == "孙立新");
        Assert.Contains(e.Quotes, q => q.Speaker == "王丽娟");
        Assert.Contains(e.Figures, f => f is { Text: "3800万元", Value: 3.8e7, Unit: "元" });
        Assert.Contains(e.Dates, d => d is { Text: "截至7月底", Date: "2022-07-31" });
        Assert.True(e.Keywords.Count >= 5);
        Assert.StartsWith("今年暑期以来，微山湖国家湿地公园", e.Summary);
    }

    [Fact]
    public void Beijing_story_resolves_Chaoyang_to_Beijing()
    {
        var e = Enricher.Enrich(OwnArticles.PocketParks, new IssueInfo { Paper = null, Date = "2022-08-08" });
        Assert.Contains(e.Places, p => p is { Name: "朝阳区", Normalized: "朝阳区", Code: "110105" });
        Assert.Contains(e.Organizations, o => o.Name == "北京市朝阳区园林绿化局");
        Assert.Contains(e.Quotes, q => q.Speaker == "李建国");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("The quick brown fox jumps over the lazy dog. 123 456")]
    [InlineData("“未闭合的引号，局长")]
    [InlineData("\u0000\uFFFD\uD83D\uDE00 😀 ”“ 》《 9999999999999999999999亿元 13月45日 0000年")]
    public void Odd_input_never_throws_and_still_yields_a_fingerprint(string body)
    {
        var e = Enricher.Enrich(Build.Article(body), new IssueInfo());
        Assert.NotNull(e.Summary);
        Assert.Matches("^[0-9a-f]{16}$", e.Fingerprint);
    }

    [Fact]
    public void Article_without_any_text_gets_empty_facts()
    {
        var e = Enricher.Enrich(new Article(), new IssueInfo());
        Assert.Empty(e.People);
        Assert.Empty(e.Keywords);
        Assert.Equal("", e.Summary);
    }

    [Fact]
    public void One_enricher_shared_across_threads_gives_the_same_results()
    {
        var articles = GoldPage.Articles.Concat([OwnArticles.WetlandPark, OwnArticles.PocketParks]).ToList();
        var sequential = articles.Select(a => JsonSerializer.Serialize(Enricher.Enrich(a, Build.Issue))).ToList();
        var parallel = new string[articles.Count * 8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = JsonSerializer.Serialize(Enricher.Enrich(articles[i % articles.Count], Build.Issue)));
        for (var i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % articles.Count], parallel[i]);
    }

    [Fact]
    public void Lexicon_knows_every_county_level_division()
    {
        var divisions = Build.Lexicon.Divisions;
        Assert.True(divisions.Count > 3000, $"{divisions.Count} divisions");
        Assert.Equal("嘉祥县", divisions.ByCode("370829")?.Name);
        Assert.Equal("370800", divisions.ByCode("370829")?.ParentCode);
        Assert.Contains(divisions.Find("广西"), d => d.Code == "450000");
    }
}

public class ArticleEnricherNullTests
{
    [Fact]
    public void Null_lists_from_a_careless_deserialiser_do_not_crash()
    {
        var article = new Article { Title = "标题", Paragraphs = null!, Byline = null! };
        var e = new ArticleEnricher().Enrich(article, new IssueInfo());
        Assert.Equal("标题", e.Summary);
    }
}
