namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// Where a Chinese name begins and ends when the cut does not say so plainly (issue #15, people-bounds). Sentences are
/// written for the tests; names are common ones or public figures.
/// </summary>
public class ChineseNameBoundaryTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static List<(string Name, string? Title)> People(string body) =>
        Enricher.Enrich(Build.Article(body), Build.Issue).People.Select(p => (p.Name, p.Title)).ToList();

    private static List<string> Names(string body) => People(body).Select(p => p.Name).ToList();

    [Fact]
    public void A_name_whose_surname_the_cut_glued_to_a_title_ends_where_the_cut_ends_a_word()
    {
        // The cut reads 财政部 长安 雷 出席: the name is 安雷, not 安雷出 (出 opens 出席).
        Assert.Equal([("安雷", "财政部长")], People("财政部长安雷出席了会议。"));
        // Where no word ends inside the given characters, they all stay (公安局长 屈 耀 武).
        Assert.Equal(["屈耀武"], Names("公安局长屈耀武说，案件已经告破。"));
    }

    [Fact]
    public void A_title_that_opens_a_longer_word_has_no_name_after_it()
    {
        // 居民楼 is a building: 居民 is no title there, so 楼中 is no name.
        Assert.Empty(People("该小区从一栋居民楼中起步，如今已成为示范小区。"));
    }

    [Fact]
    public void He_is_a_given_character_only_where_it_can_join_nothing()
    {
        Assert.Equal(["陈和生"], Names("中国科学院院士陈和生说，实验成功了。"));
        Assert.Equal(["魏凤和"], Names("中央军委委员魏凤和，最高人民法院院长出席。"));
        Assert.Contains("魏凤和", Names("出席的有武维华、魏凤和、王勇等。"));
        // 和 joins: two people, a person and what follows, an address and a nickname.
        Assert.Equal(["李明", "王刚"], Names("部长王刚和李明出席了会议。").Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["李立"], Names("中国驻摩洛哥大使李立和来自摩洛哥通讯部的官员出席。"));
        Assert.Empty(Names("老陈和小张说，好。"));
    }

    [Fact]
    public void Surname_and_two_lone_characters_stand_alone_only_if_names_use_the_pair_more_than_the_words()
    {
        // 曹 善 强 reads as a name; 叶 背 中 (the leaf's back), 左 舵 车 and 黄 标 车 read as words.
        Assert.Equal(["曹善强"], Names("曹善强今年五十岁，在厂里干了三十年。"));
        Assert.Empty(Names("叶背中有白色的毛。"));
        Assert.Empty(Names("所以左舵车是主流。琼海市已完成黄标车淘汰工作。"));
    }

    [Fact]
    public void A_surname_that_is_a_function_word_before_a_word_is_no_bare_name()
    {
        // 任 is a pronoun, 于 a preposition here: 与任草木一起 and 发现于远古 hold no names.
        Assert.Empty(Names("他与任草木一起走了。"));
        Assert.Empty(Names("柚发现于远古，橄榄一类果种。"));
        // A full name whose surname the cut leaves alone before a name word still stands (。江宏伟的).
        Assert.Equal(["江宏伟"], Names("会上表彰了先进。江宏伟的发言很精彩。"));
    }

    [Fact]
    public void A_dynasty_before_a_known_name_dates_the_person()
    {
        Assert.Equal(["徐渭"], Names("咏竹的诗很多。明徐渭诗：枝枝叶叶自成排。"));
        // The dynasty is no surname: 李白, not 唐李白.
        Assert.Equal(["李白"], Names("游人很多。唐李白有诗云：飞流直下三千尺。"));
    }

    [Fact]
    public void A_name_whose_last_character_the_cut_glued_to_the_next_word_keeps_it()
    {
        // The cut reads 吴 庆 文说 and 方 红 明说: the names are 吴庆文 and 方红明.
        Assert.Equal(["吴庆文"], Names("园区党工委书记吴庆文说，经历十余年的发展。"));
        Assert.Equal(["方红明"], Names("物流有限公司负责人方红明说。口岸是国家的门户。"));
        // A word the glued character opens that is no name's end stays a word (王强表示).
        Assert.Equal(["王强"], Names("王强表示，今年的工作要早抓。"));
    }

    [Fact]
    public void A_well_known_name_whose_given_part_is_a_time_or_pronoun_word_is_a_name()
    {
        // 金大中 (大中/r) and 徐向前 (向前/t) are jieba's names; 雷阵雨 (阵雨/n) stays weather.
        Assert.Equal(["金大中"], Names("韩国舆论普遍认为，金大中此行旨在克服危机。"));
        Assert.Equal(["徐向前"], Names("当年，徐向前在这里指挥了战斗。"));
        Assert.Empty(Names("明天有雷阵雨，请注意。"));
    }

    [Fact]
    public void A_caption_place_marker_after_a_name_makes_it_a_person()
    {
        Assert.Equal(["李明"], Names("图为李明（左）与来宾交谈。"));
        Assert.Contains("新凤霞", Names("人员很快就能掌握。新凤霞（中）、王昆（右二）在一起。"));
        // A bracket that is no position says nothing (李明（1950—）).
        Assert.Empty(Names("图为李明（1950—）的旧居。"));
    }

    [Fact]
    public void A_preposition_after_a_verb_opens_no_name_that_stands_alone()
    {
        // 于 after 屹立 and 创立 is the preposition; opening a sentence it is a surname.
        Assert.Empty(Names("示范区的大旗屹立于潮头，正奋勇向前。"));
        Assert.Empty(Names("该公司创立于秦汉新城，发展很快。"));
        Assert.Equal(["于瑞龙"], Names("比赛结束。于瑞龙以1厘米之差位居第二。"));
    }

    [Fact]
    public void A_photo_credit_names_the_photographer()
    {
        Assert.Equal(["王卫国"], Names("焰火点亮节日的夜空。王卫国摄（人民视觉）"));
        // 摄 inside a word says nothing (王卫国摄影展 is an exhibition's name, not a credit).
        Assert.Empty(Names("焰火点亮节日的夜空。王卫国摄影展开幕。"));
    }
}
