using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class FigureExtractorTests
{
    private static List<Figure> Figures(string body) => new FigureExtractor(Build.Lexicon).Extract(Build.Text(body));

    [Theory]
    [InlineData("行政处罚7.5万元。", "7.5万元", 75000, "元", "行政处罚")]
    [InlineData("44家企业实现营业收入35.9亿元，", "35.9亿元", 3.59e9, "元", "营业收入")]
    [InlineData("招生9842人，同比增长15.8%。", "15.8%", 15.8, "%", "同比增长")]
    [InlineData("毕业生就业率达98.5%。", "98.5%", 98.5, "%", "毕业生就业率")]
    [InlineData("海螺320万吨石灰石项目投产。", "320万吨", 3.2e6, "吨", null)]
    [InlineData("吸引企业100余人参会。", "100余人", 100, "人", null)]
    [InlineData("总面积约３.５万平方米。", "３.５万平方米", 35000, "平方米", "总面积")]
    public void Numbers_with_units_are_normalised(string body, string text, double value, string unit, string? measure)
    {
        var f = Assert.Single(Figures(body), f => f.Text == text);
        Assert.Equal(value, f.Value, 6);
        Assert.Equal(unit, f.Unit);
        Assert.Equal(measure, f.Measure);
    }

    [Fact]
    public void Dates_ordinals_and_bare_numbers_are_not_figures()
    {
        Assert.Empty(Figures("2021年7月，第六批名单于5月底公布，编号2022。"));
    }

    [Fact]
    public void A_number_after_another_number_does_not_take_its_classifier_as_measure()
    {
        var f = Assert.Single(Figures("上半年报件9个批次337.143亩。"), f => f.Unit == "亩");
        Assert.Null(f.Measure);
    }
}
