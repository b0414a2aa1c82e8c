namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// People with no title or speech verb beside them, and words that only look like names (issue #15, people work of
/// 2026-12-03). Sentences are written for the tests; names are common ones or public figures.
/// </summary>
public class PeopleCuesTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static List<string> People(string body) => Enricher.Enrich(Build.Article(body), Build.Issue).People.Select(p => p.Name).ToList();

    [Fact]
    public void A_known_city_or_country_is_no_person_even_glued_to_the_weather()
    {
        Assert.Empty(People("记者来到莫斯科。卢森堡的银行很多。"));
        Assert.Empty(People("悉尼晴11℃／19℃卡拉奇多云29℃／34℃开罗晴21℃／34℃"));
    }

    [Fact]
    public void A_trophy_a_district_a_venue_and_a_form_of_address_are_no_names()
    {
        Assert.Empty(People("尤伯杯决赛今晚举行。"));
        Assert.Empty(People("胡老说，菊花品种多。"));
        Assert.Empty(People("他们认为：高新区面临二次创业。"));
        Assert.Empty(People("他参观了卢浮宫，又去了文学馆。"));
    }

    [Fact]
    public void A_dictionary_name_takes_a_character_after_it_only_if_names_use_it_more_than_alone()
    {
        Assert.DoesNotContain("庄周梦", People("昔者庄周梦为蝴蝶，栩栩然蝴蝶也。"));
        Assert.Empty(People("明天多云，拉萨多云9℃／25℃。"));
    }

    [Fact]
    public void A_two_character_foreign_name_needs_an_honorific_or_title()
    {
        Assert.Equal(["拉埃"], People("拉埃女士详细解释道，可不是这样。"));
    }

    [Fact]
    public void Surname_and_two_given_characters_stand_between_breaks_even_when_the_given_part_is_a_word()
    {
        Assert.Equal(["林宏伟"], People("会后，林宏伟的作品引起关注。"));
        // A verb on one side will do when the other side is a function word or a break.
        Assert.Equal(["李亚平"], People("该剧由李亚平执导。"));
        // A given part as common as 素质 or 先生 is the word.
        Assert.Empty(People("要培养高素质的人才。"));
        Assert.Empty(People("六十年代初，吴先生到了北京。"));
    }

    [Fact]
    public void A_measure_word_names_use_often_can_be_a_given_character()
    {
        Assert.Equal(["吴天明"], People("该剧由吴天明执导。"));
        Assert.Equal(["付家峻"], People("香港名将付家峻夺冠。"));
        Assert.Empty(People("他在王家住了三天。"));
        Assert.Empty(People("记者在李家庄看到，麦子熟了。"));
    }

    [Fact]
    public void A_name_the_cut_glues_to_the_particle_after_it_is_read_whole()
    {
        Assert.Equal(["赵致真"], People("了解赵致真的人都知道。"));
    }

    [Fact]
    public void A_doctrine_names_its_author()
    {
        Assert.Equal(["马克思"], People("大力宣传马克思主义的唯物论。"));
    }

    [Fact]
    public void A_known_transliterated_name_opening_a_clause_before_a_verb_or_alone_in_brackets_is_a_person()
    {
        Assert.Equal(["克林顿"], People("面对反华噪音，克林顿决定提前访华。"));
        Assert.Equal(["恩格斯"], People("这是“一种研究使用的方法”（恩格斯）。"));
    }

    [Fact]
    public void A_full_name_licenses_its_given_name_alone_but_not_an_everyday_word()
    {
        var people = People("作家钱钟书写了很多书。钟书看到后，立即回信。");
        Assert.Contains("钱钟书", people);
        Assert.Contains("钟书", people);
        Assert.Equal(["王建国"], People("王建国说，建国以来变化很大。"));
    }

    [Fact]
    public void A_title_vouches_for_a_short_foreign_name_or_one_opening_with_any_transliteration_character()
    {
        Assert.Equal(["曼尔"], People("英国名将曼尔首战告负。"));
        // 别 opens no foreign name alone, and the cut's 列日 inside it is not a second person.
        Assert.Equal(["别列日纳亚"], People("俄罗斯选手别列日纳亚获得金牌。"));
        // A foreign reading longer than a Chinese name beats a shorter one the cut suggests (鲁 西亚 努).
        Assert.Equal(["鲁西亚努"], People("巴西外援鲁西亚努小角度将球铲入球门。"));
    }

    [Fact]
    public void A_name_after_a_verb_of_meeting_ending_in_到_is_no_place()
    {
        Assert.Equal(["伯奇费尔"], People("我在成都见到伯奇费尔院士时，他很高兴。"));
    }

    [Fact]
    public void A_delegation_after_a_name_marks_a_person()
    {
        Assert.Equal(["李强"], People("据悉，李强一行昨天抵达北京。"));
        Assert.Empty(People("据悉，李强昨天抵达北京。"));
    }

    [Fact]
    public void A_dictionary_word_ending_like_a_common_noun_is_no_name_alone()
    {
        // jieba tags 幸福感, 安全感, 许可证 and 黄梅戏 as names; their last characters end far more nouns than names.
        Assert.Empty(People("群众的幸福感和安全感不断增强，排污许可证已经发放，她爱看黄梅戏。"));
        // Split by the cut, a surname and two given characters keep their bare-name reading (梁 连 起).
        Assert.Contains("梁连起", People("他说，梁连起的家在村东头。"));
    }

    [Fact]
    public void A_numeral_or_particle_that_names_use_often_can_be_a_given_character()
    {
        // jieba tags 元 and 克 numerals and 之 a particle, yet they are among the commonest given characters.
        Assert.Contains("吴元春", People("副局长吴元春表示，要抓好生产。"));
        Assert.Contains("杨克宁", People("老师杨克宁认为，孩子需要陪伴。"));
        Assert.Contains("李培之", People("会上，李培之同志讲了话。"));
        Assert.Empty(People("他把一个苹果和三个梨给了我。"));
    }

    [Fact]
    public void A_bare_word_in_a_list_of_things_is_no_name()
    {
        // 安保 and 梅树 read as surname + given character between clause breaks, but their neighbours are things.
        Assert.Empty(People("小区提供住宿、交通、物业、安保、商业等服务。"));
        Assert.Empty(People("园里种着柳树、桃树、梅树，成为村民的去处。"));
        // A neighbour that ends with a name keeps the list one of people.
        Assert.Contains("杨曼", People("获奖的有山东队李影、杨曼，广东队罗桂芳。"));
    }

    [Fact]
    public void A_name_right_before_a_hospital_a_market_or_a_bridge_names_that_place()
    {
        Assert.Empty(People("工人们参建雷神山医院，又去了泰格贝格医院。"));
        Assert.Empty(People("以技术股为主的纳斯达克股市指数上升。"));
        Assert.Contains("克林顿", People("美国总统克林顿访问了一家医院。"));
    }

    [Fact]
    public void Staff_officials_advisers_and_ranks_are_titles_before_a_name()
    {
        Assert.Contains("吴军", People("信用社工作人员吴军对此表示满意。"));
        Assert.Contains("博纳", People("法国总统外事顾问博纳出席。"));
        Assert.Contains("张军", People("最高人民检察院检察长张军出席会议。"));
        // A noun before a role that also follows names is not made a name by it (文具设计师).
        Assert.Empty(People("他曾看到一把文具设计师设计的钢尺。"));
    }

    [Fact]
    public void Rarer_surnames_of_the_hundred_family_names_open_names()
    {
        Assert.Contains("栗战书", People("委员长栗战书主持会议。"));
        Assert.Contains("迟子建", People("作家迟子建的新作出版了。"));
        Assert.Empty(People("两岸的沧桑巨变令人欣慰。"));
    }

    [Fact]
    public void A_dictionary_name_that_is_no_transliteration_is_not_run_on_into_a_foreign_name()
    {
        // jieba tags 越飞越 and 美元兑 as names; 高 and 卢布 are transliteration characters, but no name is four of them.
        Assert.Empty(People("潍坊的风筝越飞越高，潍坊会越来越好。"));
        Assert.Empty(People("美元兑卢布比价升为1∶6．2。"));
        Assert.Contains("杨维汉", People("记者杨维汉报道。"));
        Assert.Contains("斯特凡尼·兰萨", People("斯特凡尼·兰萨是巴西人。"));
    }

    [Fact]
    public void A_word_and_a_locative_after_it_is_no_name()
    {
        Assert.Equal(["习近平"], People("国家主席习近平在贺电中指出，两国是邻邦。"));
        Assert.Empty(People("前门的一家宾馆，胡同里时常能看到鸡鸭。"));
        Assert.Empty(People("他们没有陶醉于既有成绩。"));
        Assert.Contains("张文中", People("教授张文中说，这很重要。"));
    }

    [Fact]
    public void A_common_noun_of_one_word_is_no_name_even_before_a_title()
    {
        Assert.Empty(People("阿里巴巴集团董事局主席表示，要加大投入。"));
        Assert.Equal(["方阳"], People("淳安县林业局局长方阳介绍，情况良好。"));
        // Names jieba mis-tags as a time word or proper noun keep their reading (周恩来/t).
        Assert.Contains("周恩来", People("毛泽东主席、周恩来总理随即致电。"));
    }

    [Fact]
    public void A_title_the_cut_reads_across_other_words_is_no_title()
    {
        // 妇女儿童 holds 女儿 and 部署 长江 holds 署长, but neither is a title there.
        Assert.Empty(People("妇联等健全妇女儿童权益保护机制。"));
        Assert.Empty(People("从部署长江经济带发展做起。"));
        Assert.Contains("张三", People("县委书记张三出席。"));
    }
}
