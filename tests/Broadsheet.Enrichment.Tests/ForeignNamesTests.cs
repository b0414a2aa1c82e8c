namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// Foreign names and article-wide agreement (issue #15, people-foreign pass). Sentences are written for the tests;
/// names are public figures or well-known places.
/// </summary>
public class ForeignNamesTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static List<string> People(string body) => Enricher.Enrich(Build.Article(body), Build.Issue).People.Select(p => p.Name).ToList();

    [Fact]
    public void A_birth_death_or_kin_word_after_a_foreign_name_makes_it_a_person()
    {
        Assert.Contains("曼德拉", People("今年是两国建交20周年和曼德拉诞辰100周年。"));
        Assert.Contains("阿拉法特", People("各国代表出席了阿拉法特遗体告别仪式。"));
        Assert.Empty(People("今年是这位文艺复兴巨匠逝世500周年。"));
    }

    [Fact]
    public void A_former_title_after_a_name_makes_it_a_person()
    {
        Assert.Contains("希拉克", People("主席对希拉克前总统表示哀悼。"));
    }

    [Fact]
    public void The_last_part_of_a_dotted_name_is_the_person_where_it_stands_alone()
    {
        var people = People("美国前总统比尔·克林顿今天抵达北京。随后克林顿在机场发表讲话。");
        Assert.Contains("比尔·克林顿", people);
        Assert.Contains("克林顿", people);
    }

    [Fact]
    public void The_last_part_of_a_dotted_name_before_a_body_word_or_in_title_marks_is_no_person()
    {
        var people = People("美国库恩基金会主席罗伯特·库恩说，合作很重要。");
        Assert.Contains("罗伯特·库恩", people);
        Assert.DoesNotContain("库恩", people);
        Assert.DoesNotContain("德尚", People("主编马克·德尚说，《德尚》杂志创刊已久。"));
    }

    [Fact]
    public void A_transliteration_run_after_a_kind_of_place_or_before_a_body_word_is_no_person()
    {
        Assert.DoesNotContain("帕塔亚", People("游客们从曼谷前往海滨胜地帕塔亚度假。"));
        Assert.DoesNotContain("萨帕塔", People("墨西哥的萨帕塔全国民族解放军发表声明。"));
    }

    [Fact]
    public void A_transliteration_run_before_an_institute_an_oilfield_or_a_temple_is_no_person()
    {
        Assert.Empty(People("瑞典卡罗琳医学院今天宣布了获奖名单。"));
        Assert.Empty(People("苏联的杜玛兹油田开采了几十年。"));
        Assert.Empty(People("代表团参观了马哈巴利普拉姆古寺庙群。"));
        Assert.DoesNotContain("安纳德拉维达", People("印度的全印安纳德拉维达进步联盟宣布退出联合政府。"));
    }

    [Fact]
    public void A_substance_a_brand_or_a_phenomenon_jieba_tags_as_a_name_is_no_person()
    {
        Assert.Empty(People("，厄尔尼诺造成了严重的干旱。"));
        Assert.Empty(People("香烟里的尼古丁对人体有害。"));
        Assert.Empty(People("，摩托罗拉表示将扩大投资。"));
    }
}
