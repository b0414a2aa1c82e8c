using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;

namespace Broadsheet.Search.Tests;

public sealed class IndexTermsTests
{
    private static readonly LexiconSearchTokenizer Tokenizer = new(NewsroomLexicon.Shared);

    [Fact]
    public void Enrichment_keywords_weigh_more_than_passing_mentions()
    {
        var article = new Article
        {
            Id = "p1-01",
            Title = "论坛在嘉祥举行",
            Paragraphs = ["碳材料产业发展高峰论坛举行。会上发布了碳材料产业规划，企业代表介绍了新产品。"],
            Enrichment = new Broadsheet.Core.Model.Enrichment { Keywords = [new Keyword("碳材料", 0.9)] },
        };
        var terms = IndexTerms.For(article, "p", Tokenizer).Where(t => t.Facet == Facets.Keyword).ToDictionary(t => t.Value, t => t.Weight);
        var plain = IndexTerms.KeywordWeights(article, Tokenizer);

        var carbon = Tokenizer.Tokenize("碳材料").Select(IndexTerms.Normalize).ToList();
        Assert.NotEmpty(carbon);
        Assert.All(carbon, t => Assert.Equal(plain[t] + 0.9, terms[t], 3));
        Assert.Equal(plain["企业"], terms["企业"]);
    }

    [Fact]
    public void Unknown_names_are_found_as_bigrams_of_their_characters()
    {
        // 刘东利 is in no dictionary: the cut leaves single characters, and search keeps their sequence.
        Assert.Equal(["刘东", "东利"], Tokenizer.Tokenize("刘东利"));
    }

    [Theory]
    [InlineData("张𪚥", new[] { "张𪚥" })]
    [InlineData("刘𪚥利", new[] { "刘𪚥", "𪚥利" })]
    [InlineData("𠀀", new[] { "𠀀" })]
    [InlineData("好👍", new[] { "好" })]
    [InlineData("😀😀", new string[0])]
    [InlineData("刘𪚥利😀👍🏻", new[] { "刘𪚥", "𪚥利" })]
    public void Characters_outside_the_BMP_are_one_character_each_never_a_surrogate_half(string text, string[] expected)
    {
        // Rare name characters (CJK Extension B) pair into bigrams whole; emoji are dropped like punctuation.
        var terms = Tokenizer.Tokenize(text).ToList();
        Assert.Equal(expected, terms);
        Assert.All(terms, t => Assert.Equal(t, IndexTerms.Normalize(t)));
    }
}
