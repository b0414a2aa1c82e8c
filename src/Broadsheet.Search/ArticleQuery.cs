namespace Broadsheet.Search;

/// <summary>The filters of GET /api/articles, already validated (dates yyyy-MM-dd, kind known, top in range).</summary>
public sealed record ArticleQuery
{
    public string? Paper { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Q { get; init; }
    public string? Person { get; init; }
    public string? Place { get; init; }
    public string? Org { get; init; }
    public string? Author { get; init; }
    public string? Column { get; init; }
    public string? Kind { get; init; }
    public int Top { get; init; } = 20;
    public string? ContinuationToken { get; init; }

    /// <summary>Identity for continuation tokens: every filter, not Top (a client may change page size).</summary>
    public string Fingerprint() => ContinuationTokens.Fingerprint("articles", Paper, From, To, Q, Person, Place, Org, Author, Column, Kind);
}

/// <summary>One page of results: article JSON documents and the token for the next page (null on the last).</summary>
public sealed record ArticlePage(IReadOnlyList<string> Items, string? ContinuationToken);
