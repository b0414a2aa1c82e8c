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
}
