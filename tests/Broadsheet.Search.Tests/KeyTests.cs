namespace Broadsheet.Search.Tests;

/// <summary>Key encoding and article ids: what every table key and URL of the service is built from.</summary>
public sealed class KeyTests
{
    [Theory]
    [InlineData("a/b\\c#d?e|f%g", "a%2Fb%5Cc%23d%3Fe%7Cf%25g")]
    [InlineData("济宁日报", "济宁日报")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("~unresolved", "%7Eunresolved")]
    public void Keys_never_hold_forbidden_characters_or_our_separator(string value, string encoded) =>
        Assert.Equal(encoded, KeyCodec.Encode(value));

    [Fact]
    public void Long_values_keep_a_prefix_and_a_hash_so_keys_stay_distinct()
    {
        var jia = KeyCodec.Encode(new string('长', 130) + "甲");
        var yi = KeyCodec.Encode(new string('长', 130) + "乙");
        Assert.NotEqual(jia, yi);
        Assert.All(new[] { jia, yi }, k => Assert.True(k.Length <= KeyCodec.MaxValueLength, k));
        Assert.StartsWith(new string('长', 100), jia);
        // A value that merely looks like a hashed one is escaped, so it cannot meet one.
        Assert.NotEqual(jia, KeyCodec.Encode(jia));
        Assert.Equal(new string('长', KeyCodec.MaxValueLength), KeyCodec.Encode(new string('长', KeyCodec.MaxValueLength)));
        // Never half a character outside the BMP.
        Assert.DoesNotContain('\uFFFD', KeyCodec.Encode(string.Concat(Enumerable.Repeat("𪚥", 100))));
    }

    [Fact]
    public void A_paper_is_trimmed_once_the_same_way_for_uploads_and_queries() =>
        Assert.Equal(IssueKey.For("space", "2022-08-08"), IssueKey.For(" space\u3000", "2022-08-08"));

    [Theory]
    [InlineData("jining-daily_2022-08-08_p1-03", "jining-daily", "2022-08-08", "p1-03")]
    [InlineData("济宁日报_2022-08-08_p2-01", "济宁日报", "2022-08-08", "p2-01")]
    [InlineData("a_b_2022-08-08_p1-01", "a_b", "2022-08-08", "p1-01")]
    public void Article_ids_round_trip(string text, string paper, string date, string local)
    {
        Assert.True(ArticleId.TryParse(text, out var id));
        Assert.Equal(new ArticleId(paper, date, local), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("p1-01")]
    [InlineData("x_2022-02-30_p1-01")]
    [InlineData("x_2022-08-08_p1/01")]
    public void Malformed_article_ids_are_refused(string text) => Assert.False(ArticleId.TryParse(text, out _));
}
