using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class QuoteExtractorTests
{
    private static List<Quote> Quotes(string body)
    {
        var text = Build.Text(body);
        return QuoteExtractor.Extract(text, new PersonExtractor(Build.Lexicon).Extract(text));
    }

    [Fact]
    public void Speaker_after_the_quote()
    {
        var q = Assert.Single(Quotes("“快递员工作风险大，现在有了工伤保险。”快递员王瑞龙高兴地说。"));
        Assert.Equal(new Quote("王瑞龙", "快递员工作风险大，现在有了工伤保险。"), q);
    }

    [Fact]
    public void Speaker_after_the_quote_with_a_title_and_an_interview_clause_between()
    {
        var q = Assert.Single(Quotes("“目前，我市正在大力推进制造强市建设。”近日，市委组织部副部长、局长刘东利在接受记者采访时说。"));
        Assert.Equal("刘东利", q.Speaker);
    }

    [Fact]
    public void Speaker_before_the_quote_and_by_pronoun()
    {
        var quotes = Quotes("局长李建国表示：“口袋公园虽小，却是绿色客厅。”来自济南的游客王丽娟带着孩子赶来。她说：“湖上的风景太美了，孩子学到了很多。”");
        Assert.Equal(["李建国", "王丽娟"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void Quoted_terms_and_slogans_are_not_quotes()
    {
        Assert.Empty(Quotes("推动技能人才“四化”培养，打出“组合拳”，建立“驿心向党，红色服务大礼包”等10个大礼包。"));
    }

    [Fact]
    public void Unattributed_speech_is_kept_without_a_speaker()
    {
        var q = Assert.Single(Quotes("“您好，这是倡议书，请支持疫情防控工作。”近日，党员在送快递的同时发放宣传页。"));
        Assert.Null(q.Speaker);
    }
}
