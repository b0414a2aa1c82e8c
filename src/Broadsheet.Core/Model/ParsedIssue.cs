namespace Broadsheet.Core.Model;

/// <summary>What the parser makes of one issue dump: the contract's top-level object.</summary>
public sealed class ParsedIssue
{
    public IssueInfo Issue { get; set; } = new();
    public List<Article> Articles { get; set; } = [];
    /// <summary>Text the parser could not place: kept, never dropped.</summary>
    public List<string> Unassigned { get; set; } = [];
}

public sealed class IssueInfo
{
    public string? Paper { get; set; }
    /// <summary>ISO yyyy-MM-dd.</summary>
    public string? Date { get; set; }
    public List<PageInfo> Pages { get; set; } = [];
}

public sealed class PageInfo
{
    public int Number { get; set; }
    public string? Banner { get; set; }
    public List<string> Furniture { get; set; } = [];
}

/// <summary>What the caller knows about an issue before reading it.</summary>
/// <param name="Paper">From --paper, the blob path or metadata; null when unknown.</param>
/// <param name="Date">The issue date; relative dates in datelines resolve against it.</param>
public sealed record IssueContext(string? Paper = null, DateOnly? Date = null);
