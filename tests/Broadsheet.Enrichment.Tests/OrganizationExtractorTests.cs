using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class OrganizationExtractorTests
{
    private static List<Organization> Orgs(string body) => new OrganizationExtractor(Build.Lexicon).Extract(Build.Text(body));

    [Fact]
    public void Government_bodies_are_read_back_to_their_place()
    {
        var orgs = Orgs("论坛由山东省科学技术厅、山东省科学技术协会、济宁市人民政府共同主办。");
        Assert.Equal(["山东省科学技术厅", "山东省科学技术协会", "济宁市人民政府"], orgs.Select(o => o.Name));
    }

    [Fact]
    public void A_conjunction_inside_a_name_is_kept_when_the_name_is_anchored()
    {
        Assert.Contains(Orgs("日前，市工业和信息化局召开会议。"), o => o.Name == "市工业和信息化局");
    }

    [Fact]
    public void Short_and_full_forms_given_by_the_text_are_linked()
    {
        var orgs = Orgs("市人力资源社会保障局局长刘东利说，为此，市人社局深入推进技工教育。");
        var bureau = Assert.Single(orgs);
        Assert.Equal(new Organization("市人力资源社会保障局", "市人社局"), bureau);
    }

    [Fact]
    public void Short_form_with_a_shorter_prefix_is_linked_too()
    {
        var orgs = Orgs("微山县文化和旅游局局长孙立新介绍，县文旅局推出系列活动。");
        Assert.Contains(new Organization("微山县文化和旅游局", "县文旅局"), orgs);
    }

    [Fact]
    public void Firms_need_a_brand_name_before_the_suffix()
    {
        var orgs = Orgs("为圣源热电、利丰食品和华金集团协调曲阜裕隆煤电公司签订合同，推动组建技工教育集团。");
        Assert.Contains(orgs, o => o.Name == "华金集团");
        Assert.Contains(orgs, o => o.Name == "曲阜裕隆煤电公司");
        Assert.DoesNotContain(orgs, o => o.Name.Contains("组建", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_words_ending_in_a_suffix_are_not_organisations()
    {
        // 格局, 干部, 全局, 市政府 (no particular body).
        Assert.Empty(Orgs("全面深化干部助企攀登，形成新格局，服务全局，落实市政府部署。"));
    }

    private static List<string> Names(string body) => Orgs(body).Select(o => o.Name).ToList();

    [Fact]
    public void A_foreign_body_keeps_its_country_but_a_country_with_government_is_the_country()
    {
        var names = Names("斯里兰卡议会通过法案。德国联邦铁路局表示支持。印度政府发表声明。");
        Assert.Contains("斯里兰卡议会", names);
        Assert.Contains("德国联邦铁路局", names);
        Assert.DoesNotContain(names, n => n.EndsWith("政府"));
    }

    [Fact]
    public void A_body_inside_a_body_is_read_whole()
    {
        var names = Names("联合国难民署发出呼吁。致公党中央召开会议。杜马国际事务委员会主席发言。");
        foreach (var name in new[] { "联合国难民署", "致公党中央", "杜马国际事务委员会" }) Assert.Contains(name, names);
        Assert.DoesNotContain("联合国", names);
    }

    [Fact]
    public void A_body_cut_into_its_heads_title_ends_before_the_title()
    {
        // 农林/部长: the ministry is 芬兰农林部; 署/署长 after a whole 署 adds nothing.
        Assert.Contains("芬兰农林部", Names("总理会见芬兰农林部长一行。"));
        Assert.DoesNotContain(Names("新闻出版署署长说。"), n => n.EndsWith("署署"));
        Assert.Equal(["市委组织部"], Names("市委组织部副部长刘东利说。"));
    }

    [Fact]
    public void A_places_party_committee_is_a_body_with_the_body_before_it()
    {
        var names = Names("共青团衡阳市委组织活动，清丰县委选拔干部。");
        Assert.Contains("共青团衡阳市委", names);
        Assert.Contains("清丰县委", names);
    }

    [Fact]
    public void Numbered_schools_and_clubs_jieba_barely_knows_are_named()
    {
        var names = Names("北京九十中学的学生观看了广州松日队的比赛。");
        Assert.Contains("北京九十中学", names);
        Assert.Contains("广州松日队", names);
    }

    [Fact]
    public void A_title_ends_a_name_read_backwards()
    {
        Assert.DoesNotContain(Names("中联部部长戴秉国与代表团举行会谈。"), n => n.Contains("戴秉国"));
    }

    [Fact]
    public void The_places_party_committee_congresses_and_brand_named_firms_are_bodies()
    {
        var names = Names("市委书记主持会议，传达党的十五大精神。微软和波音的代表出席。");
        foreach (var name in new[] { "市委", "十五大", "微软", "波音" }) Assert.Contains(name, names);
        // The committee inside a longer body is that body only.
        Assert.Equal(["市委组织部"], Names("市委组织部召开会议。"));
    }

    [Fact]
    public void Two_bodies_joined_by_and_stay_two_and_a_countrys_government_is_no_body()
    {
        Assert.Equal(["欧盟委员会"], Names("欧盟委员会和德国政府最终达成一致。"));
    }

    [Fact]
    public void A_local_prefix_glued_to_the_body_anchors_it()
    {
        var names = Names("市教委和市接待处的同志，还有省教育考试院的老师。");
        foreach (var name in new[] { "市教委", "市接待处", "省教育考试院" }) Assert.Contains(name, names);
    }

    [Fact]
    public void Teams_keep_their_sport_and_sex()
    {
        var names = Names("德国男子网球队和北京大宝女子围棋队都来了，国家女篮也在备战。");
        foreach (var name in new[] { "德国男子网球队", "北京大宝女子围棋队", "国家女篮" }) Assert.Contains(name, names);
    }

    [Fact]
    public void Papers_in_title_marks_terms_and_international_bodies_are_named_whole()
    {
        var names = Names("接受《中国足球报》记者采访。第六届全国人大常委会召开会议。国际刑事法院开始工作。");
        foreach (var name in new[] { "中国足球报", "第六届全国人大常委会", "国际刑事法院" }) Assert.Contains(name, names);
        Assert.Empty(Names("他写了《年度工作总结》。"));
    }

    [Fact]
    public void A_venue_jieba_tags_as_a_body_is_none()
    {
        Assert.Empty(Names("国家大剧院将在西侧兴建。"));
    }

    [Fact]
    public void A_body_right_after_another_is_part_of_it()
    {
        var names = Names("共青团浙江省委发出通知。据俄政府新闻局通报，会议推迟。据市政府新闻处介绍，活动顺利。");
        foreach (var name in new[] { "共青团浙江省委", "俄政府新闻局", "市政府新闻处" }) Assert.Contains(name, names);
        Assert.DoesNotContain("共青团", names);
        Assert.DoesNotContain("新闻局", names);
    }

    [Fact]
    public void A_verb_inside_a_body_name_does_not_cut_it_short()
    {
        var names = Names("国务院残疾人工作协调委员会召开会议。西城职业介绍中心负责人说，法国雇主协会也派人参加。");
        foreach (var name in new[] { "国务院残疾人工作协调委员会", "西城职业介绍中心", "法国雇主协会" }) Assert.Contains(name, names);
        // A verb right after the place is the sentence's, not the name's.
        Assert.DoesNotContain(Names("中国举行理事会年会。"), n => n.Contains("举行", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_in_marks_is_a_paper_when_a_report_is_quoted_from_it()
    {
        Assert.Contains("今日美国", Names("据《今日美国》报道，销量上升。"));
        Assert.Contains("时代", Names("《时代》周刊记者采访了他。"));
        Assert.Empty(Names("他读了《红楼梦》，很受感动。"));
    }

    [Fact]
    public void Bodies_glued_to_another_word_or_to_a_title_are_found()
    {
        var names = Names("联合国安理会常任理事国举行磋商。前国家银行行长出席。济宁市教委组织考试。俄罗斯国家杜马通过法案。");
        foreach (var name in new[] { "联合国安理会", "国家银行", "济宁市教委", "俄罗斯国家杜马" }) Assert.Contains(name, names);
    }

    [Fact]
    public void A_provinces_university_is_a_body_but_a_countrys_is_any()
    {
        Assert.Contains("黑龙江大学", Names("黑龙江大学一位教授说。"));
        Assert.Empty(Names("美国大学的学费上涨，美国公司的利润也涨了。"));
    }

    [Fact]
    public void A_known_body_split_over_many_words_is_found_whole()
    {
        Assert.Contains("欧洲安全与合作组织", Names("准备同欧洲安全与合作组织磋商。"));
    }

    [Fact]
    public void Branches_terms_and_a_firms_branch_abroad_keep_their_place()
    {
        var names = Names("郑州分局压缩开支。衡阳有色冶金机械总厂扩建。对于香港首届立法会选举。中信欧洲有限公司的经理说。");
        foreach (var name in new[] { "郑州分局", "衡阳有色冶金机械总厂", "香港首届立法会", "中信欧洲有限公司" }) Assert.Contains(name, names);
        Assert.DoesNotContain("中国公司", Names("中国公司在海外投资。"));
    }

    [Fact]
    public void Organising_committees_and_numbered_units_are_bodies()
    {
        var names = Names("卡塔尔世界杯组委会宣布门票开售。武警上海一总队的官兵赶到现场。");
        Assert.Contains("卡塔尔世界杯组委会", names);
        Assert.Contains("上海一总队", names);
        var stations = Names("北京市东城区交道口派出所的民警说。上海金茂律师事务所律师说。");
        Assert.Contains("北京市东城区交道口派出所", stations);
        Assert.Contains("上海金茂律师事务所", stations);
    }

    [Fact]
    public void A_rare_verb_is_no_part_of_a_teams_name()
    {
        Assert.Equal(["斐济队"], Names("皮球直飞斐济队球门。"));
    }

    [Fact]
    public void A_body_named_after_a_foreign_name_keeps_the_whole_name()
    {
        Assert.Contains("约翰·霍普金斯大学", Names("约翰·霍普金斯大学的研究人员发现。"));
        // The cut splits the name (塔夫 莫 斯, 莫 an adverb): the body starts where the foreign name does, with the city before it.
        var names = Names("美国波士顿塔夫莫斯大学医学院的专家说。");
        Assert.Contains("波士顿塔夫莫斯大学医学院", names);
        Assert.DoesNotContain("斯大学医学院", names);
    }

    [Fact]
    public void A_bodys_name_takes_the_zuzhi_written_after_it_but_not_the_verb()
    {
        var names = Names("欧佩克组织在维也纳开会。国家文物局组织专家评审。联合国组织召开会议。");
        Assert.Contains("欧佩克组织", names);
        Assert.Contains("国家文物局", names);
        Assert.DoesNotContain("国家文物局组织", names);
        Assert.DoesNotContain("联合国组织", names);
    }

    [Fact]
    public void A_list_said_to_be_of_firms_names_firms_but_not_a_list_of_trades()
    {
        var names = Names("用友、金蝶、大疆等一批科技企业纷纷落户。");
        foreach (var name in new[] { "用友", "金蝶", "大疆" }) Assert.Contains(name, names);
        Assert.Empty(Names("钢铁、煤炭等行业企业减产。小炼焦、小炼铁、小化工等土小企业关停。宣讲团、专家组等服务企业专家团队成立。"));
    }

    [Fact]
    public void A_country_before_a_players_name_is_the_players_country_not_a_team()
    {
        Assert.DoesNotContain("丹麦", Names("在单打比赛中，她苦战五局战胜丹麦的汉森，闯入决赛。"));
        Assert.Contains("巴西", Names("中国队在比赛中击败巴西、阿根廷。"));
    }
}
