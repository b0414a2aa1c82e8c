using System.Text.Json.Serialization;

namespace Broadsheet.Core.Model;

/// <summary>What the parser makes of one issue dump: the contract's top-level object.</summary>
public sealed class ParsedIssue
{
    public IssueInfo Issue { get; set; } = new();
    public List<Article> Articles { get; set; } = [];
    /// <summary>Text the parser could not place: kept, never dropped.</summary>
    public List<string> Unassigned { get; set; } = [];

    /// <summary>
    /// Jump-in markers (`（上接1版A）`) whose continuation was joined to its story. They stay in <see cref="Unassigned"/>
    /// (no article field holds them, and every character lands somewhere), but they were placed: the join used them.
    /// </summary>
    [JsonIgnore] public List<string> FollowedJumpMarkers { get; set; } = [];

    /// <summary>What is truly unplaced: <see cref="Unassigned"/> without the followed jump markers.</summary>
    public List<string> Unplaced()
    {
        var left = new List<string>(Unassigned);
        foreach (var marker in FollowedJumpMarkers) left.Remove(marker);
        return left;
    }
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
