using Facts = Broadsheet.Core.Model.Enrichment;

namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// People, places and organisations in ordinary news text, one test per kind of miss issue #15 measured (names with no
/// title, names cut short, surname + verb, foreign names, places inside words, bodies without a suffix).
/// </summary>
public class EntityRecognitionTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static Facts Enrich(string body) => Enricher.Enrich(Build.Article(body), Build.Issue);

    private static List<string> People(string body) => Enrich(body).People.Select(p => p.Name).ToList();

    [Fact]
    public void A_name_before_a_speech_verb_is_not_cut_short()
    {
        Assert.Equal(["赵文华"], People("赵文华表示，今年的工作要早抓早落实。"));
    }

    [Fact]
    public void A_name_after_a_role_is_read_whole_and_takes_the_role_as_title()
    {
        var p = Assert.Single(Enrich("工人曹善强今年五十岁，在厂里干了三十年。").People);
        Assert.Equal(("曹善强", "工人"), (p.Name, p.Title));
        var manager = Assert.Single(Enrich("厂长谢淑琴介绍了今年的生产情况。").People);
        Assert.Equal(("谢淑琴", "厂长"), (manager.Name, manager.Title));
    }

    [Fact]
    public void A_surname_character_before_a_verb_is_no_name()
    {
        Assert.Empty(People("赛后，教练曾高兴地说，队员们打得很努力。"));
    }

    [Fact]
    public void Foreign_names_are_read_whole()
    {
        var people = People("意大利总理普罗迪和罗马市长韦尔特罗尼出席了开幕式。由网坛老将鲍里斯·贝克尔率领的德国队获胜。");
        Assert.Contains("普罗迪", people);
        Assert.Contains("韦尔特罗尼", people);
        Assert.Contains("鲍里斯·贝克尔", people);
        Assert.DoesNotContain("韦尔特", people);
    }

    [Fact]
    public void Names_in_a_list_are_found_without_a_title_each()
    {
        var people = People("著名歌唱家彭丽媛、董文华、王秀芬参加了演出。");
        Assert.Equal(["彭丽媛", "董文华", "王秀芬"], people);
    }

    [Fact]
    public void A_name_found_with_a_title_is_counted_where_it_stands_alone()
    {
        var p = Assert.Single(Enrich("厂长谢淑琴介绍了情况。谢淑琴说，今年产量翻了一番。").People);
        Assert.Equal(2, p.Mentions);
    }

    [Fact]
    public void Division_names_match_only_where_a_word_ends()
    {
        var facts = Enrich("新华社记者报道，会议在马来西亚首都吉隆坡举行。");
        Assert.DoesNotContain(facts.Places, p => p.Name is "新华" or "吉隆");
        Assert.Contains(facts.Places, p => p.Name == "吉隆坡");
        Assert.Contains(facts.Organizations, o => o.Name == "新华社");
    }

    [Fact]
    public void A_city_jieba_takes_for_a_name_is_a_place_not_a_person()
    {
        var facts = Enrich("新修的铁路从莫斯科通往圣彼得堡。");
        Assert.Contains(facts.Places, p => p.Name == "莫斯科");
    }

    [Fact]
    public void Everyday_words_are_no_places()
    {
        Assert.Empty(Enrich("外国企业看中了这里的东西，也看中了美丽的风景。").Places);
    }

    [Fact]
    public void Well_known_bodies_need_no_suffix_rule()
    {
        var orgs = Enrich("全国人大常委会审议了草案。联合国、欧盟和国务院有关部门的代表出席。中国队以三比一获胜。").Organizations.Select(o => o.Name).ToList();
        foreach (var name in new[] { "全国人大常委会", "联合国", "欧盟", "国务院", "中国队" }) Assert.Contains(name, orgs);
        Assert.DoesNotContain("人大常委会", orgs);
    }

    [Fact]
    public void Organisation_spans_keep_their_country_and_do_not_join_two_bodies()
    {
        var orgs = Enrich("贵州裕华实业公司与北京国伦文化艺术公司合办了纪念活动。美国国务院发言人23日说。").Organizations.Select(o => o.Name).ToList();
        Assert.Contains("贵州裕华实业公司", orgs);
        Assert.Contains("北京国伦文化艺术公司", orgs);
        Assert.Contains("美国国务院", orgs);
        Assert.DoesNotContain(orgs, o => o.Contains('与'));
    }
    [Fact]
    public void Japanese_names_are_read_with_their_given_name()
    {
        var people = People("日本首相桥本龙太郎今天在东京会见了代表团。防卫厅长官久间章生说，双方应加强交流。");
        Assert.Contains("桥本龙太郎", people);
        Assert.Contains("久间章生", people);
        Assert.DoesNotContain("久间", people);
    }

    [Fact]
    public void A_japanese_surname_alone_needs_a_title()
    {
        Assert.Equal(["桥本"], People("首相桥本昨天表示，将继续推动改革。"));
        Assert.Empty(People("桥本则在会谈中谈到了这个问题。"));
    }

    [Fact]
    public void A_rare_transliterated_name_stands_alone_but_a_common_one_is_a_country()
    {
        Assert.Equal(["索罗斯"], People("就连索罗斯也建议设立新的国际机构。"));
        Assert.Empty(People("联合国对伊拉克的制裁已进入第八个年头。"));
    }

    [Fact]
    public void A_surname_and_characters_names_never_use_is_no_name()
    {
        Assert.Empty(People("罕见暴雨，山洪肆虐，房倒屋塌，沙土流失。"));
    }

    [Fact]
    public void A_place_word_after_a_name_makes_it_a_place()
    {
        Assert.Empty(People("泥石流冲毁了库卡尔特河堤坝。"));
        Assert.Empty(People("进入90年代以后，高升镇建起大型蔬菜批发市场。"));
    }

    [Fact]
    public void A_deputy_title_after_a_name_counts()
    {
        Assert.Equal(["唐军"], People("唐军副总裁告诉记者，公司今年将扩大投资。"));
    }

    [Fact]
    public void A_whole_name_jieba_tags_as_something_else_counts_with_a_title()
    {
        Assert.Equal(["周恩来"], People("当时，周恩来总理要我在北京安个家。"));
    }

    [Fact]
    public void A_dictionary_name_after_a_place_preposition_is_still_a_name()
    {
        Assert.Equal(["王永祥"], People("我们沿着山路来到王永祥跟前时，他正站在树下。"));
    }
    [Fact]
    public void A_reporter_name_runs_to_the_word_reported()
    {
        Assert.Equal(["张玉来"], People("本报合肥5月13日电记者张玉来报道：全省夏粮获得丰收。"));
    }

    [Fact]
    public void Countries_standing_for_teams_in_a_match_are_teams_not_places()
    {
        var facts = Enrich("小组赛结束，A组的法国、丹麦出线。上一轮德国队击败巴西。");
        var orgs = facts.Organizations.Select(o => o.Name).ToList();
        foreach (var name in new[] { "法国", "丹麦", "巴西" }) Assert.Contains(name, orgs);
        Assert.DoesNotContain(facts.Places, p => p.Name is "法国" or "丹麦" or "巴西");
        // Outside a match the same verb and country are a place.
        Assert.Contains(Enrich("代表团离开北京，避开巴西前往智利。").Places, p => p.Name == "巴西");
    }
}
