namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// Rules found with the people check (tests/data/people-check, parser-corpus articles annotated by hand) and kept
/// because they also held on the NER look quarters (issue #15, people-silver). Sentences are written for the tests.
/// </summary>
public class PeopleCheckRulesTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static List<string> Names(string body) => Enricher.Enrich(Build.Article(body), Build.Issue).People.Select(p => p.Name).ToList();

    [Fact]
    public void A_byline_holds_names_up_to_its_bracket_whatever_the_cut_makes_of_them()
    {
        // 江南 is a place word and 京津 of 毕京津 one too; in a byline they are reporters.
        Assert.Contains("江南", Names("本报杭州10月22日电  （记者江南）日前，摄影展开幕。"));
        var listed = Names("展览开幕。（综合本报记者倪光辉、毕京津、苑基荣报道）");
        Assert.Contains("毕京津", listed);
        Assert.Contains("苑基荣", listed);
        // Not a byline: 记者 followed by anything but names up to the bracket.
        Assert.Empty(Names("记者从市教育局了解到，新学期开学了。"));
    }

    [Fact]
    public void An_item_between_names_in_a_list_of_mostly_names_is_a_name()
    {
        var names = Names("副委员长沈跃跃、吉炳轩、艾力更·依明巴海、万鄂湘、陈竺、白玛赤林、丁仲礼出席会议。");
        Assert.Contains("吉炳轩", names);
        Assert.Contains("艾力更·依明巴海", names);
        Assert.Contains("白玛赤林", names);
        Assert.DoesNotContain("巴海", names);
        // Half of the items or fewer being names says nothing about the rest (空客 and 俄直 are companies).
        Assert.DoesNotContain("俄直", Names("参展的有空客、俄直、贝尔、西科斯基等企业。"));
    }

    [Fact]
    public void A_dotted_name_and_a_found_name_beside_it_are_one_name()
    {
        var evgeny = Names("俄罗斯外交官叶夫根尼·阿法纳西耶夫曾在中国工作5年。");
        Assert.Contains("叶夫根尼·阿法纳西耶夫", evgeny);
        Assert.DoesNotContain("叶夫", evgeny);
        var joseph = Names("正如波士顿大学教授约瑟夫·菲尤史密斯所评价，这是一次奇怪的演讲。");
        Assert.Contains("约瑟夫·菲尤史密斯", joseph);
        Assert.DoesNotContain("史密斯", joseph);
    }

    [Fact]
    public void A_name_pointing_to_the_photo_is_a_person()
    {
        Assert.Contains("张超", Names("他，就是张超（见图，新华社发）。"));
        Assert.Contains("王伟", Names("那是王伟（见上图右），他笑着。"));
        Assert.DoesNotContain("王伟", Names("那是王伟（上图右），他笑着。"));
    }

    [Fact]
    public void After_a_title_a_lone_last_given_character_before_a_break_is_the_names()
    {
        Assert.Contains("罗文全", Names("德阳市常务副市长罗文全介绍，当地分类编制培养方案。"));
        Assert.Contains("朱文白", Names("国家天文台研究员朱文白对记者说，这是好事。"));
        Assert.DoesNotContain("天文台", Names("国家天文台研究员朱文白对记者说，这是好事。"));
    }

    [Fact]
    public void Words_that_only_look_like_a_surname_and_given_name_are_none()
    {
        Assert.Empty(Names("庆祝新中国成立70周年暨西关民俗风情体验活动举行。"));
        Assert.Empty(Names("干部群众近万人齐聚郑州商城遗址城墙。"));
        Assert.Empty(Names("倡导包容的文明观……中国主张彰显天下情怀。"));
        Assert.Empty(Names("在包括马里亚纳海沟的6个海沟中都发现了微塑料。"));
    }

    [Fact]
    public void New_titles_and_surnames_vouch_for_a_name()
    {
        Assert.Contains("王晨", Names("全国人大常委会副委员长王晨向会议作了报告。"));
        Assert.Contains("艾克", Names("13岁的澳大利亚男孩艾克受邀分享他的故事。"));
        Assert.Contains("朴胜赞", Names("韩国中国经营研究所所长朴胜赞向本报记者表示，前景看好。"));
    }

    [Fact]
    public void A_dictionary_name_ending_in_a_landform_needs_a_title_or_verb()
    {
        Assert.Empty(Names("周边的戈壁滩上，散落着金丝玉。"));
        Assert.Empty(Names("他驻守罗布泊19年，离家19年。"));
    }

    [Fact]
    public void A_name_after_jiao_before_a_break_is_what_someone_is_called()
    {
        Assert.Contains("罗亮", Names("学院有两名特别的新生。一位叫罗亮，是退伍军人。"));
        Assert.DoesNotContain("罗亮", Names("学院有两名特别的新生。一位叫罗亮的退伍军人。"));
    }

    [Fact]
    public void A_two_character_name_padded_in_a_credit_is_listed_without_its_spaces()
    {
        Assert.Contains("熊琦", Names("法国选手获得季军。\n新华社记者 熊\u00a0琦摄"));
        Assert.Contains("郭祥", Names("吸引了不少摄影爱好者。\n版式设计：郭  祥"));
        Assert.DoesNotContain("郭祥", Names("版式设计：郭  祥云，一位设计师。"));
    }

    [Fact]
    public void A_surname_and_given_character_that_jieba_holds_as_a_verb_are_the_verb()
    {
        Assert.DoesNotContain("申领", Names("他来到人才交流服务中心申领职工技能提升补贴。"));
    }

    [Fact]
    public void A_dictionary_name_opening_a_doctrine_the_cut_splits_is_its_author()
    {
        Assert.Contains("习近平", Names("要科学运用习近平新时代中国特色社会主义经济思想做分析。"));
        Assert.Contains("习近平", Names("深入学习习近平外交思想。"));
        Assert.Empty(Names("通过这段时间的理论学习，他有了更深的认识。"));
    }

    [Fact]
    public void A_pronoun_names_use_often_may_be_the_first_given_character()
    {
        Assert.Contains("刘本芳", Names("刘本芳说，他到现在都能想起那个场景。"));
        Assert.Empty(Names("李本人说，他不知道。"));
    }
}
