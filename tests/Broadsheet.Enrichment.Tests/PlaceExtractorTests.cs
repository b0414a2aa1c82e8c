using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class PlaceExtractorTests
{
    private static List<Place> Places(string body, Dateline? dateline = null, string? paper = "济宁日报") =>
        new PlaceExtractor(Build.Lexicon).Extract(Build.Text(body, dateline: dateline), paper);

    [Fact]
    public void Short_county_names_normalise_to_the_full_name_and_code()
    {
        var places = Places("嘉祥、汶上两县联合举办招聘会。");
        Assert.Contains(new Place("嘉祥", "嘉祥县", "370829"), places);
        Assert.Contains(new Place("汶上", "汶上县", "370830"), places);
    }

    [Fact]
    public void Dateline_place_is_included_even_when_the_body_does_not_name_it()
    {
        var places = Places("全县共检查定点医疗机构15家。", new Dateline("本报汶上讯", "汶上", null));
        Assert.Equal(new Place("汶上", "汶上县", "370830"), places[0]);
    }

    [Fact]
    public void Ambiguous_names_resolve_towards_the_province_the_story_is_about()
    {
        // 朝阳区 is in 北京 and in 长春; 朝阳 is also a city in 辽宁.
        var beijing = Places("北京市朝阳区新建口袋公园，朝阳居民出门见绿。", new Dateline("本报北京讯", "北京", null), paper: null);
        Assert.Contains(beijing, p => p is { Name: "朝阳区", Code: "110105" });
        var liaoning = Places("辽宁省朝阳市推进乡村振兴，朝阳的小米远近闻名。", paper: null);
        Assert.Contains(liaoning, p => p.Code == "211300");
        Assert.DoesNotContain(liaoning, p => p.Code == "110105");
    }

    [Fact]
    public void Same_division_under_two_names_is_listed_once()
    {
        var places = Places("嘉祥县举办论坛。嘉祥碳材料产业发展迅速。");
        Assert.Single(places, p => p.Code == "370829");
    }

    [Fact]
    public void Places_that_are_not_divisions_are_kept_by_name()
    {
        var places = Places("游客乘船游览微山湖，又看了黄河，最后到南阳古镇。");
        Assert.Contains(places, p => p is { Name: "微山湖", Code: null });
        Assert.Contains(places, p => p is { Name: "黄河", Code: null });
        Assert.Contains(places, p => p is { Name: "南阳古镇", Code: null });
        Assert.DoesNotContain(places, p => p.Normalized == "南阳市"); // 南阳古镇 is in 微山, not the city in 河南
    }

    [Fact]
    public void County_short_names_from_another_province_are_not_guessed_from_firm_names()
    {
        // 汇川 is a district of 遵义 (贵州), but here it is a firm in 泗水.
        var places = Places("泗水县汇川汽车部件公司数控车床问题取得突破。");
        Assert.Contains(places, p => p.Code == "370831");
        Assert.DoesNotContain(places, p => p.Code == "520303");
    }

    [Fact]
    public void Countries_and_foreign_cities_come_from_the_world_list_also_glued_to_the_next_word()
    {
        // jieba tags 开罗 nz and 卡拉奇 nr, and cuts 印度政府 and 中国国情 as one word each.
        var names = Places("气象预报：开罗晴，卡拉奇多云，法兰克福小雨。印度政府宣布，要从中国国情出发。", paper: null).Select(p => p.Name).ToList();
        foreach (var name in new[] { "开罗", "卡拉奇", "法兰克福", "印度", "中国" }) Assert.Contains(name, names);
        Assert.DoesNotContain(names, n => n.EndsWith("政府") || n.EndsWith("国情"));
    }

    [Fact]
    public void City_short_names_are_places_even_when_jieba_tags_them_otherwise()
    {
        // jieba's dictionary has 大连 as an adverb and 桂林 as a name; a county's everyday short name (和平) still isn't matched.
        var names = Places("大连多云，桂林小雨，天下和平。", paper: null).Select(p => p.Normalized).ToList();
        Assert.Contains("大连市", names);
        Assert.Contains("桂林市", names);
        Assert.DoesNotContain(names, n => n != null && n.StartsWith("和平"));
    }

    [Fact]
    public void Abbreviated_regions_are_places_and_lose_their_region_word()
    {
        var names = Places("会议讨论了拉美地区和亚太的经济。", paper: null).Select(p => p.Name).ToList();
        Assert.Contains("拉美", names);
        Assert.Contains("亚太", names);
        Assert.DoesNotContain("拉美地区", names);
    }

    [Fact]
    public void A_name_jieba_tags_as_a_person_is_a_place_after_to_only_when_it_reads_foreign()
    {
        // 来到刘延宇家: a Chinese name after 到 is a person's home, not a place.
        Assert.DoesNotContain(Places("记者来到刘延宇家中采访。", paper: null), p => p.Name == "刘延宇");
    }

    [Fact]
    public void Venues_are_places_named_with_the_word_before_them()
    {
        var names = Places("比赛在朝阳体育馆举行，队员从广元火车站出发，经秦岭隧道。", paper: null).Select(p => p.Name).ToList();
        foreach (var name in new[] { "朝阳体育馆", "广元火车站", "秦岭隧道" }) Assert.Contains(name, names);
        Assert.DoesNotContain("朝阳", names);
    }

    [Fact]
    public void Villages_towns_and_foreign_divisions_are_places_but_kinds_of_village_are_not()
    {
        var names = Places("山泉乡的果园，塔科马市的法官，丘布特省的牧场。贫困村和示范村也在变。", paper: null).Select(p => p.Name).ToList();
        foreach (var name in new[] { "山泉乡", "塔科马市", "丘布特省" }) Assert.Contains(name, names);
        Assert.DoesNotContain(names, n => n is "贫困村" or "示范村");
    }

    [Fact]
    public void Cities_in_a_forecast_table_and_regions_glued_to_a_word_are_places()
    {
        var facts = new ArticleEnricher().Enrich(Build.Article("悉尼晴11℃／19℃卡拉奇多云29℃／34℃莫斯科多云14℃／25℃。专家谈中东问题。"), Build.Issue);
        foreach (var name in new[] { "卡拉奇", "莫斯科", "中东" }) Assert.Contains(facts.Places, p => p.Name == name);
    }

    [Fact]
    public void Capitals_former_states_and_regions_of_countries_are_places()
    {
        var facts = new ArticleEnricher().Enrich(Build.Article("代表团访问伯尔尼后前往神奈川，回顾了南斯拉夫的历史，并谈到阿拉伯国家。"), Build.Issue);
        foreach (var name in new[] { "伯尔尼", "神奈川", "南斯拉夫", "阿拉伯" }) Assert.Contains(facts.Places, p => p.Name == name);
    }

    private static List<string> Names(string body) =>
        new ArticleEnricher().Enrich(Build.Article(body), Build.Issue).Places.Select(p => p.Name).ToList();

    [Fact]
    public void Pairs_of_countries_currencies_and_ships_are_no_places()
    {
        var names = Names("印巴两国关系缓和，韩美间的合作加深。明年削减6亿挪威克朗。由“青岛”号导弹驱逐舰组成编队。");
        Assert.DoesNotContain(names, n => n is "印巴" or "韩美" or "挪威克朗" or "青岛");
    }

    [Fact]
    public void A_river_mouth_names_the_river()
    {
        var names = Names("记者从北仑河口出发，到达鸭绿江口。");
        Assert.Contains("北仑河", names);
        Assert.Contains("鸭绿江", names);
        Assert.DoesNotContain(names, n => n.EndsWith('口'));
    }

    [Fact]
    public void Foreign_places_no_list_holds_are_read_from_their_suffix_or_the_kind_of_place_before_them()
    {
        // jieba tags 肯特郡 and 帕塔亚 as names and cuts 哈斯科 沃, 伊斯坎 德伦 港 and 塔纳 岛 apart.
        var names = Names("该系统在肯特郡试验。保加利亚南部城市哈斯科沃举办展览。曼谷通往旅游胜地帕塔亚的公路。船只驶入伊斯坎德伦港，到了塔纳岛。阿尔萨斯大区区长来访。她家住康斯坦察县的尼·伯尔切斯库镇。");
        foreach (var name in new[] { "肯特郡", "哈斯科沃", "帕塔亚", "伊斯坎德伦港", "塔纳岛", "阿尔萨斯大区", "尼·伯尔切斯库镇" }) Assert.Contains(name, names);
        Assert.DoesNotContain(names, n => n is "哈斯科" or "德伦" or "伯尔切斯库镇");
    }

    [Fact]
    public void A_foreign_name_before_a_venue_is_the_venue_but_before_a_home_is_a_person()
    {
        Assert.Contains("伊丽莎白体育馆", Names("队员们走进伊丽莎白体育馆训练。"));
        Assert.DoesNotContain("伊丽莎白", Names("记者在伊丽莎白家中采访。"));
    }

    [Fact]
    public void The_Earth_is_a_place_and_a_home_town_glued_to_its_people_still_counts()
    {
        var names = Names("人类要保护地球的生态平衡。胡焕庸是江苏宜兴人。");
        Assert.Contains("地球", names);
        Assert.Contains("宜兴", names);
    }

    [Fact]
    public void Words_jieba_tags_as_places_that_name_no_place_are_left_out()
    {
        // Data/not-places.txt: an everyday word, a kind of landform, a person and a body jieba's dictionary tags ns.
        var names = Names("英雄登上高原。普京会见北约秘书长，谈到青藏高原。");
        Assert.DoesNotContain(names, n => n is "英雄" or "高原" or "普京" or "北约");
        Assert.Contains("青藏高原", names);
    }
    [Fact]
    public void A_rare_phrase_jieba_tags_as_a_place_is_none_but_the_places_inside_it_count()
    {
        // jieba tags 热烈祝贺 and 辽宁沈阳 ns, each seen three times: the phrase is no place, the province and city in it are.
        var names = Names("向祖国表达热烈祝贺。国庆期间，辽宁沈阳各地相继举办活动。香港回归以来经济稳步发展。要把首都北京规划好。记者赶往黄浦江畔。在地球磁场作用下转动。三门峡水库开闸放水。");
        Assert.DoesNotContain(names, n => n is "热烈祝贺" or "辽宁沈阳" or "香港回归" or "首都北京" or "黄浦江畔" or "地球磁场");
        foreach (var name in new[] { "辽宁", "沈阳", "香港", "北京", "黄浦江", "地球", "三门峡水库" }) Assert.Contains(name, names);
    }

    [Fact]
    public void A_county_whose_short_name_is_an_everyday_word_counts_only_by_its_full_name()
    {
        Assert.DoesNotContain("振兴", Names("实现国家富强、民族振兴。"));
        Assert.Contains("振兴区", Names("丹东市振兴区举办活动。"));
    }
    [Fact]
    public void A_province_before_a_lower_division_inside_a_body_is_listed_but_a_city_alone_inside_one_is_not()
    {
        var lexicon = Build.Lexicon;
        const string body = "吉林东丰县第五中学教导处来信。北京电视台报道。";
        var organizations = new OrganizationExtractor(lexicon).Extract(Build.Text(body)).Select(o => o.Name).ToList();
        var names = new PlaceExtractor(lexicon).Extract(Build.Text(body), null, organizations: organizations).Select(p => p.Name).ToList();
        Assert.Contains("吉林", names);
        Assert.DoesNotContain("北京", names);
    }
    [Fact]
    public void A_province_the_cut_splits_across_two_words_is_the_province()
    {
        // jieba cuts 山 东三省 and 西 安大略: the first is Shandong, the second a Canadian province after 西.
        var names = Names("会将对海南、辽宁、山东三省开展检查。加拿大西安大略大学的研究。");
        Assert.Contains("山东", names);
        Assert.DoesNotContain(names, n => n is "东三省" or "西安");
    }
    [Fact]
    public void Idioms_and_rare_phrases_that_end_like_a_place_are_none_but_a_states_full_name_is_one()
    {
        var names = Names("全面依法治国，掀起气吞山河的建设浪潮。巴西联邦共和国总统来访。");
        Assert.DoesNotContain(names, n => n is "依法治国" or "气吞山河");
        Assert.Contains("巴西联邦共和国", names);
    }
    [Fact]
    public void A_foreign_name_after_zai_is_a_place_unless_a_view_follows()
    {
        Assert.Contains("马扎里沙里夫", Names("塔利班在马扎里沙里夫遭到抵抗。"));
        Assert.DoesNotContain("费尔南德斯", Names("在费尔南德斯看来，这是好事。"));
    }
    [Fact]
    public void Counties_with_no_short_name_are_found()
    {
        var names = Names("河北雄县、山西绛县和安徽歙县的代表发言。");
        Assert.Contains("雄县", names);
        Assert.Contains("绛县", names);
        Assert.Contains("歙县", names);
    }
    [Fact]
    public void A_county_short_name_that_is_an_everyday_word_needs_its_province_or_place_words_around_it()
    {
        var none = Places("央行还将会同有关部门，坚持生态惠民，同心共圆中国梦，营造实干兴业的环境。", paper: null).Select(p => p.Name);
        Assert.DoesNotContain(none, n => n is "会同" or "惠民" or "同心" or "兴业");
        // A local paper's own province counts: 惠民 is a county of 山东, where the 济宁日报 is printed.
        Assert.Contains(Places("坚持生态惠民。"), p => p.Name == "惠民");
        // Its province named, a place in the same list, a venue after it: the county.
        Assert.Contains(Places("西汉广川（今河北枣强东）人。", paper: null), p => p.Name == "枣强");
        Assert.Contains(Places("带领闻喜、绛县等沿河六县。", paper: null), p => p.Name == "闻喜");
        Assert.Contains(Places("她在刚刚投运的大兴国际机场工作。", paper: null), p => p.Name == "大兴");
    }
    [Fact]
    public void A_county_short_name_in_a_list_of_places_is_the_place_even_in_a_story_about_other_provinces()
    {
        // 江南 is also a district of 南宁; the list with 华南, 贵州 and 重庆 makes it a place, not a word.
        Assert.Contains(Places("今天白天，江南、华南、贵州、重庆等地有雨。", paper: null), p => p.Name == "江南");
        Assert.Contains(Places("贵州的专家安排他去怀柔休息几天。", paper: null), p => p.Name == "怀柔");
        // A list of everyday words is no list of places, and 在X上 says where, not which county.
        var none = Places("构建更加富民、惠民、为民的森林生态，把心思用在同心上。", paper: null).Select(p => p.Name);
        Assert.DoesNotContain(none, n => n is "富民" or "惠民" or "同心");
    }
    [Fact]
    public void A_place_name_that_is_one_part_of_a_dotted_foreign_name_is_no_place()
    {
        var names = Places("波兰前总统亚历山大·克瓦希涅夫斯基接受采访。第二届中国·以色列论坛举行。", paper: null).Select(p => p.Name).ToList();
        Assert.DoesNotContain("亚历山大", names);
        Assert.Contains("波兰", names);
        // Two places joined by the dot are both places.
        Assert.Contains("以色列", names);
    }
    [Fact]
    public void A_short_division_name_takes_a_local_suffix_only_where_the_cut_ends_the_word()
    {
        // 西藏 山南市 and 深圳 街头: the 山 and 街 open other words; 南阳古镇 is one place.
        var names = Places("西藏山南市乃东区昌珠镇举行活动。走在深圳街头。南阳古镇游人如织。", paper: null).Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, n => n is "西藏山" or "深圳街");
        Assert.Contains("西藏", names);
        Assert.Contains("深圳", names);
    }
    [Fact]
    public void China_with_Africa_is_no_place_but_the_Central_African_Republic_is()
    {
        var pair = Places("关于中非合作，双方在中非合作论坛上达成共识。", paper: null).Select(p => p.Name);
        Assert.DoesNotContain("中非", pair);
        Assert.Contains(Places("而中非共和国的饥饿水平令人担忧。", paper: null), p => p.Name.StartsWith("中非", StringComparison.Ordinal));
    }

    [Fact]
    public void A_division_named_by_two_countries_abbreviations_is_the_pair_before_a_word_of_relations()
    {
        Assert.DoesNotContain(Places("巴中关系必将更加紧密，巴中两国都是文明古国。", paper: null), p => p.Name.StartsWith("巴中", StringComparison.Ordinal));
        Assert.Contains(Places("他毕业后分配到巴中工作。", paper: null), p => p.Name.StartsWith("巴中", StringComparison.Ordinal));
    }

    [Fact]
    public void A_special_regions_government_cut_as_one_word_gives_the_region()
    {
        var names = Places("对此，香港特区政府表示失望。", paper: null).Select(p => p.Name).ToList();
        Assert.Contains("香港特区", names);
        Assert.DoesNotContain("香港", names);
    }

    [Fact]
    public void A_name_before_a_word_for_its_area_is_a_place_but_a_common_word_is_not()
    {
        // jieba tags 黄鹤楼 a person's name; 一带 says it is a place.
        Assert.Contains(Places("游客们在黄鹤楼一带拍照。", paper: null), p => p.Name == "黄鹤楼");
        Assert.Empty(Places("他们常在老地方一带活动。", paper: null));
    }
}
