namespace Broadsheet.Search.Tests;

public sealed class ContinuationTokenTests
{
    [Fact]
    public void Tokens_resume_only_their_own_query_and_only_untouched()
    {
        var tokens = ContinuationTokens.FromSecret("k1");
        var token = tokens.Create("query-a", "position-1");
        Assert.Equal("position-1", tokens.Read(token, "query-a"));
        Assert.Throws<QueryException>(() => tokens.Read(token, "query-b"));
        Assert.Throws<QueryException>(() => ContinuationTokens.FromSecret("k2").Read(token, "query-a"));
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.') continue;
            var flipped = token[..i] + (token[i] == 'x' ? 'y' : 'x') + token[(i + 1)..];
            Assert.ThrowsAny<QueryException>(() => tokens.Read(flipped, "query-a"));
        }
    }
}
