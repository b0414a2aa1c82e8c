using Broadsheet.Core.Model;
using Facts = Broadsheet.Core.Model.Enrichment;

namespace Broadsheet.Enrichment.Tests;

/// <summary>The done-criteria on the reference page (济宁日报 2022-08-08, page 1), articles built from its gold JSON.</summary>
public class ReferencePageTests
{
    private static readonly ArticleEnricher Enricher = new();
    private static readonly Lazy<List<(Article Article, Facts Facts)>> Page =
        new(() => GoldPage.Articles.Select(a => (a, Enricher.Enrich(a, GoldPage.Issue))).ToList());

    private static Facts Of(string headline) =>
        Page.Value.Single(p => ((p.Article.Title ?? "") + p.Article.Subtitle).Contains(headline, StringComparison.Ordinal)).Facts;

    private static IEnumerable<Facts> All => Page.Value.Select(p => p.Facts);

    [Fact]
    public void People_include_the_officials_and_residents_named_on_the_page()
    {
        var people = All.SelectMany(e => e.People).Where(p => !p.IsAuthor).ToList();
        foreach (var name in new[] { "刘东利", "屈耀武", "徐庆刚", "段玉超", "王瑞龙", "陈洪波" })
            Assert.Contains(people, p => p.Name == name);
        Assert.Contains("局长", people.First(p => p.Name == "刘东利").Title);
    }

    [Fact]
    public void Titles_are_the_whole_chain_of_posts_before_the_name()
    {
        var liu = Of("推动技能人才").People.Single(p => p.Name == "刘东利");
        Assert.Equal("市委组织部副部长，市人力资源社会保障局党组书记、局长", liu.Title);
        Assert.Equal(3, liu.Mentions); // subtitle, lead, "刘东利说"
        Assert.Equal("市工业和信息化局党组书记、局长", Of("实施“四大提升行动”").People.Single(p => p.Name == "屈耀武").Title);
        Assert.Equal("兖州区委组织部副部长", Of("城市基层治理").People.Single(p => p.Name == "陈洪波").Title);
    }

    [Fact]
    public void Byline_names_are_authors_not_subjects()
    {
        var people = Of("推动技能人才").People;
        var author = Assert.Single(people, p => p.Name == "谷常浩");
        Assert.True(author.IsAuthor);
        Assert.False(people.Single(p => p.Name == "刘东利").IsAuthor);
    }

    [Fact]
    public void Places_include_the_counties_and_the_city_with_their_codes()
    {
        var places = All.SelectMany(e => e.Places).ToList();
        var expected = new Dictionary<string, (string Normalized, string Code)>
        {
            ["嘉祥"] = ("嘉祥县", "370829"), ["汶上"] = ("汶上县", "370830"), ["泗水"] = ("泗水县", "370831"),
            ["兖州"] = ("兖州区", "370812"), ["曲阜"] = ("曲阜市", "370881"), ["济宁"] = ("济宁市", "370800"),
        };
        foreach (var (name, (normalized, code)) in expected)
            Assert.Contains(places, p => p.Name.StartsWith(name, StringComparison.Ordinal) && p.Normalized == normalized && p.Code == code);
    }

    [Fact]
    public void Dateline_place_is_among_the_places()
    {
        var wenshang = Of("汶上打出基金监管").Places;
        Assert.Equal("汶上县", wenshang[0].Normalized);
        Assert.Contains(Of("先进碳材料产业发展高峰论坛").Places, p => p is { Name: "嘉祥", Code: "370829" });
    }

    [Fact]
    public void Organisations_include_the_province_department_and_the_linked_bureau()
    {
        var orgs = All.SelectMany(e => e.Organizations).ToList();
        Assert.Contains(orgs, o => o.Name == "山东省科学技术厅");
        Assert.Contains(orgs, o => o is { Name: "市人力资源社会保障局", ShortForm: "市人社局" });
        Assert.DoesNotContain(orgs, o => o.Name == "市人社局"); // listed once, as the short form of the full name
        Assert.Contains(Of("实施“四大提升行动”").Organizations, o => o is { Name: "市工业和信息化局", ShortForm: "市工信局" });
    }

    [Fact]
    public void Quotes_are_attributed_to_the_people_who_said_them()
    {
        var quotes = All.SelectMany(e => e.Quotes).ToList();
        Assert.Contains(quotes, q => q.Speaker == "段玉超" && q.Text.StartsWith("我是从外地来兖务工的", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Speaker == "王瑞龙" && q.Text.Contains("工伤保险", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Speaker == "陈洪波" && q.Text.StartsWith("他们来源广", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Speaker == "屈耀武");
        Assert.Contains(quotes, q => q.Speaker == "刘东利");
        Assert.DoesNotContain(quotes, q => q.Text.Contains("大礼包", StringComparison.Ordinal)); // slogans are not speech
    }

    [Fact]
    public void Carbon_materials_is_a_top_five_keyword_of_the_forum_story()
    {
        var keywords = Of("先进碳材料产业发展高峰论坛").Keywords;
        Assert.Contains("碳材料", keywords.Take(5).Select(k => k.Term));
    }

    [Fact]
    public void The_fine_is_a_figure_of_the_Wenshang_story()
    {
        var fine = Assert.Single(Of("汶上打出基金监管").Figures, f => f.Text == "7.5万元");
        Assert.Equal(75000, fine.Value);
        Assert.Equal("元", fine.Unit);
        Assert.Equal("行政处罚", fine.Measure);
    }

    [Fact]
    public void Revenue_and_growth_figures_carry_what_they_measure()
    {
        Assert.Contains(Of("多维聚焦").Figures, f => f is { Text: "35.9亿元", Value: 3.59e9, Unit: "元", Measure: "营业收入" });
        Assert.Contains(Of("推动技能人才").Figures, f => f is { Text: "15.8%", Value: 15.8, Unit: "%", Measure: "同比增长" });
    }

    [Fact]
    public void Relative_dates_resolve_against_the_dateline_and_issue()
    {
        Assert.Contains(Of("先进碳材料产业发展高峰论坛").Dates, d => d is { Text: "今天", Date: "2022-08-07" });
        Assert.Contains(Of("汶上打出基金监管").Dates, d => d is { Text: "截至6月底", Date: "2022-06-30" });
        Assert.Contains(Of("多维聚焦").Dates, d => d is { Text: "1至6月份", Date: "2022-01-01", Until: "2022-06-30" });
    }

    [Fact]
    public void Every_story_has_five_keywords_a_summary_and_a_fingerprint()
    {
        foreach (var (article, facts) in Page.Value)
        {
            Assert.True(facts.Keywords.Count >= 5, $"{article.Id}: {facts.Keywords.Count} keywords");
            Assert.InRange(facts.Summary.Length, 1, 200);
            Assert.Matches("^[0-9a-f]{16}$", facts.Fingerprint);
        }
    }

    [Fact]
    public void Summaries_lead_with_the_news_not_an_opening_quote()
    {
        Assert.StartsWith("今天，中国（济宁）先进碳材料产业发展高峰论坛在嘉祥举行", Of("先进碳材料产业发展高峰论坛").Summary);
        Assert.StartsWith("近日，市委组织部副部长", Of("推动技能人才").Summary);
    }
}
