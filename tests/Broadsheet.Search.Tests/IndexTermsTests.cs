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
}
