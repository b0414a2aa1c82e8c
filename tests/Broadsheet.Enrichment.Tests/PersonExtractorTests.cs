using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class PersonExtractorTests
{
    private static List<Person> People(string body, string? title = null, params Byline[] byline) =>
        PersonExtractor.ToModel(new PersonExtractor(Build.Lexicon).Extract(Build.Text(body, title, byline: byline)));

    [Fact]
    public void Name_after_a_title_chain_takes_the_whole_chain_as_title()
    {
        var p = Assert.Single(People("日前，市工业和信息化局党组书记、局长屈耀武在接受记者采访时说，企业是主体。"));
        Assert.Equal(("屈耀武", "市工业和信息化局党组书记、局长"), (p.Name, p.Title));
    }

    [Fact]
    public void Two_character_names_stop_before_the_verb()
    {
        var people = People("县长王强表示，要抓好秋粮生产。村民李红说，今年收成不错。");
        Assert.Contains(people, p => p is { Name: "王强", Title: "县长" });
        Assert.Contains(people, p => p is { Name: "李红", Title: "村民" });
    }

    [Fact]
    public void A_given_name_character_outside_the_BMP_is_one_character_of_the_name()
    {
        // 𪚥 (CJK Extension B) is two UTF-16 chars: the name is 刘𪚥利, not 刘 and a surrogate half.
        var people = People("县长刘𪚥利表示，要抓好秋粮生产。村民张𠀀说，今年收成不错。");
        Assert.Contains(people, p => p is { Name: "刘𪚥利", Title: "县长" });
        Assert.Contains(people, p => p.Name == "张𠀀");
    }

    [Fact]
    public void Untitled_speaker_is_found_by_the_speech_verb_and_mentions_are_counted()
    {
        var people = People("近日，快递小哥段玉超在送快递。“我是从外地来的。”段玉超说。段玉超告诉记者，他很满意。");
        var p = Assert.Single(people);
        Assert.Equal("段玉超", p.Name);
        Assert.Equal(3, p.Mentions);
    }

    [Fact]
    public void Byline_names_are_authors()
    {
        var people = People("市长张明出席活动。", byline: new Byline("谷常浩", "本报记者"));
        Assert.Contains(people, p => p is { Name: "谷常浩", IsAuthor: true, Title: "本报记者" });
        Assert.Contains(people, p => p is { Name: "张明", IsAuthor: false });
    }

    [Fact]
    public void Everyday_words_after_a_title_are_not_names()
    {
        // 高度 / 安心 / 高峰 begin with a surname character but are words.
        Assert.Empty(People("局长高度重视这项工作，让党员安心回家，迎来游客高峰。"));
    }

    [Fact]
    public void Leading_time_words_and_verbs_are_not_part_of_the_title()
    {
        var p = Assert.Single(People("来自济南的游客王丽娟带着孩子专程赶来。"));
        Assert.Equal("游客", p.Title);
    }
}
