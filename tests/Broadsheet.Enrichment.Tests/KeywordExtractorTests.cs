using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class KeywordExtractorTests
{
    private static List<string> Terms(string body, string? title = null) =>
        new KeywordExtractor(Build.Lexicon).Extract(Build.Text(body, title)).Select(k => k.Term).ToList();

    [Fact]
    public void Topic_words_rank_first_and_weights_descend()
    {
        var keywords = new KeywordExtractor(Build.Lexicon).Extract(Build.Text(OwnArticles.WetlandPark.Paragraphs.Aggregate((a, b) => a + "\n" + b), OwnArticles.WetlandPark.Title));
        Assert.InRange(keywords.Count, 5, 10);
        Assert.Contains("游客", keywords.Take(3).Select(k => k.Term));
        Assert.Contains("微山湖", keywords.Select(k => k.Term));
        Assert.Equal(keywords.OrderByDescending(k => k.Weight).Select(k => k.Term), keywords.Select(k => k.Term));
        Assert.Equal(1.0, keywords[0].Weight);
    }

    [Fact]
    public void Boilerplate_and_stop_words_are_never_keywords()
    {
        var terms = Terms("本报记者近日从有关部门获悉，目前，记者采访了解到，果园今年苹果丰收，苹果价格上涨，果农收入增加。苹果销往全国。");
        Assert.DoesNotContain("本报", terms);
        Assert.DoesNotContain("记者", terms);
        Assert.DoesNotContain("近日", terms);
        Assert.DoesNotContain("目前", terms);
        Assert.Equal("苹果", terms[0]);
    }

    [Fact]
    public void A_lone_noun_character_is_fused_with_the_noun_after_it()
    {
        Assert.Contains("碳材料", Terms("先进碳材料产业发展迅速，碳材料企业20余家。"));
    }

    [Fact]
    public void Empty_text_has_no_keywords()
    {
        Assert.Empty(Terms(""));
    }
}

public class KeywordCollocationTests
{
    [Fact]
    public void Nouns_that_keep_standing_together_are_one_term()
    {
        var terms = new KeywordExtractor(Build.Lexicon).Extract(Build.Text(
            "技能人才是制造业的支撑。培养技能人才要靠企业。技能人才评价制度改革持续深化，技能人才队伍不断壮大。")).Select(k => k.Term).ToList();
        Assert.Equal("技能人才", terms[0]);
        Assert.DoesNotContain("人才", terms);
    }
}

public class KeywordTitleTests
{
    [Fact]
    public void Official_posts_are_not_keywords_but_roles_may_be()
    {
        var terms = new KeywordExtractor(Build.Lexicon).Extract(Build.Text(
            "县长王强、党组书记李红和局长张明看望游客。游客在景区游玩，游客满意度高，县长说景区要提升服务。")).Select(k => k.Term).ToList();
        Assert.DoesNotContain("县长", terms);
        Assert.DoesNotContain("党组书记", terms);
        Assert.Contains("游客", terms);
    }
}
