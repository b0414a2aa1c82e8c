using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class SummarizerTests
{
    private static string Summary(string body, string? title = null) => Summarizer.Summarize(Build.Text(body, title));

    [Fact]
    public void Summary_is_the_lead_then_what_fits()
    {
        var s = Summary("今天，论坛在嘉祥举行。本次论坛由省科技厅主办。论坛设有签约环节。");
        Assert.Equal("今天，论坛在嘉祥举行。本次论坛由省科技厅主办。论坛设有签约环节。", s);
    }

    [Fact]
    public void An_opening_bare_quote_does_not_lead()
    {
        var s = Summary("“您好，请支持疫情防控工作。”\n近日，快递小哥段玉超在送快递的同时发放宣传页。");
        Assert.StartsWith("近日，快递小哥段玉超", s);
    }

    [Fact]
    public void A_quote_with_its_attribution_may_lead()
    {
        var s = Summary("“我们要打造人才高地。”日前，局长屈耀武在接受记者采访时说。屈耀武说，企业是主体。");
        Assert.StartsWith("“我们要打造人才高地。”日前，局长屈耀武", s);
    }

    [Fact]
    public void Summary_never_exceeds_200_characters()
    {
        var longSentence = string.Concat(Enumerable.Repeat("持续深化技能人才评价制度改革，", 30)) + "取得良好成效。";
        var s = Summary(longSentence + "第二句。");
        Assert.InRange(s.Length, 100, Summarizer.MaxLength);
        Assert.EndsWith("…", s);
    }

    [Fact]
    public void Headline_only_articles_summarise_to_the_headline()
    {
        Assert.Equal("汶上打出基金监管组合拳", Summary("", "汶上打出基金监管组合拳"));
    }
}
