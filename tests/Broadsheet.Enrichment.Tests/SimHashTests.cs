using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class SimHashTests
{
    private static string Body(string headline) => string.Join("\n", GoldPage.Headed(headline).Paragraphs);

    [Fact]
    public void A_lightly_edited_reprint_is_within_a_few_bits()
    {
        var original = Body("城市基层治理");
        // A reprint: another paper's dateline, a word changed, a figure updated, the last paragraph cut.
        var paragraphs = GoldPage.Headed("城市基层治理").Paragraphs;
        var edited = "本报兖州讯 " + string.Join("\n", paragraphs.Take(paragraphs.Count - 1))
            .Replace("迅猛发展", "快速发展", StringComparison.Ordinal)
            .Replace("162件", "170件", StringComparison.Ordinal);
        var distance = SimHash.Distance(SimHash.Compute(original), SimHash.Compute(edited));
        Assert.InRange(distance, 0, 10);
    }

    [Fact]
    public void Unrelated_stories_are_far_apart()
    {
        var a = SimHash.Compute(Body("城市基层治理"));
        foreach (var other in new[] { "汶上打出基金监管", "多维聚焦", "先进碳材料产业发展高峰论坛", "实施“四大提升行动”" })
            Assert.True(SimHash.Distance(a, SimHash.Compute(Body(other))) > 16, other);
    }

    [Fact]
    public void Fingerprint_is_stable_hex_and_ignores_punctuation_and_spacing()
    {
        var a = SimHash.ToHex(SimHash.Compute("今天，论坛在嘉祥举行。"));
        Assert.Matches("^[0-9a-f]{16}$", a);
        Assert.Equal(a, SimHash.ToHex(SimHash.Compute("今天 论坛在嘉祥举行")));
        Assert.Equal(0, SimHash.Distance(a, a));
        Assert.Equal(64, SimHash.Distance(a, "not hex"));
    }
}
