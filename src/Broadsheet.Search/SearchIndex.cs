namespace Broadsheet.Search;

/// <summary>One story under one index value, as a search sees it.</summary>
/// <param name="DocKey">"{inverted date}|{paper}|{local id}|{version}": posting lists sort by it, newest issue first, so they merge-join.</param>
public sealed record Posting(string DocKey, ArticleId Id, string Version, string Kind, double Weight);

/// <summary>One posting list to read: a facet value, cut by date range, paper and kind, resumed after a docKey.</summary>
public sealed record PostingScan(string Facet, string Value, string? From, string? To, string? PaperKey, string? Kind, string? AfterDocKey);

// What a search needs from storage, and nothing more. Broadsheet.Storage implements these; the tests of this
// project implement them in memory.

/// <summary>The inverted index.</summary>
public interface IPostingIndex
{
    /// <summary>One value's postings in <see cref="Posting.DocKey"/> order, after <see cref="PostingScan.AfterDocKey"/>.</summary>
    IAsyncEnumerable<Posting> ScanAsync(PostingScan scan, CancellationToken ct = default);

    /// <summary>A number that changes whenever the index may have changed: whatever was worked out under one generation is stale under another.</summary>
    ValueTask<long> GenerationAsync(CancellationToken ct = default);
}

/// <summary>Which version of an issue readers see (a posting of any other version is not a hit).</summary>
public interface IIssueVersions
{
    Task<string?> CurrentVersionAsync(IssueKey issue, CancellationToken ct = default);
}

/// <summary>The stored article documents (contract JSON).</summary>
public interface IArticleDocuments
{
    /// <summary>The JSON of each article asked for, in the order asked; null where it is gone.</summary>
    Task<string?[]> GetJsonManyAsync(IReadOnlyList<(ArticleId Id, string Version)> wanted, CancellationToken ct = default);
}
