using Broadsheet.Enrichment.Extractors;
using Broadsheet.Enrichment.Text;

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

    [Fact]
    public void Counts_every_bit_of_every_trigram_as_a_plain_vote_does()
    {
        // A plain bit-by-bit vote, the fingerprint's definition, against the counting the code does; lengths past 255
        // trigrams cross the point where its byte-wide counters are emptied.
        var rng = new Random(64);
        const string alphabet = "城市基层治理汶上打出基金监管论坛嘉祥举行abcXYZ0123456789，。 ";
        foreach (var length in new[] { 0, 1, 2, 3, 4, 10, 254, 255, 256, 257, 258, 600, 3000, 5000 })
        {
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
            Assert.Equal(PlainVote(text), SimHash.Compute(text));
        }
    }

    private static ulong PlainVote(string text)
    {
        var chars = text.Where(c => Chars.IsHan(c) || char.IsLetterOrDigit(c)).ToArray();
        if (chars.Length == 0) return 0;
        var gram = Math.Min(3, chars.Length);
        var ones = new int[64];
        var total = 0;
        for (var i = 0; i + gram <= chars.Length; i++, total++)
        {
            var h = 14695981039346656037UL;
            for (var j = i; j < i + gram; j++) { h ^= chars[j]; h *= 1099511628211UL; }
            h ^= h >> 30; h *= 0xbf58476d1ce4e5b9UL;
            h ^= h >> 27; h *= 0x94d049bb133111ebUL;
            h ^= h >> 31;
            for (var b = 0; b < 64; b++) if ((h >> b & 1) != 0) ones[b]++;
        }
        ulong hash = 0;
        for (var b = 0; b < 64; b++) if (2 * ones[b] > total) hash |= 1UL << b;
        return hash;
    }
}
