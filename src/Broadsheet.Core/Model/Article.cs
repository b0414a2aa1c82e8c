namespace Broadsheet.Core.Model;

/// <summary>One story as the contract (docs/contract.md §1) describes it.</summary>
public sealed class Article
{
    /// <summary>Stable within an issue ("p1-03"); the service prefixes paper and date.</summary>
    public string Id { get; set; } = "";
    public int Page { get; set; }
    public List<int> Pages { get; set; } = [];
    public string Kind { get; set; } = ArticleKind.Article;
    /// <summary>The printed label that typed the item, when there is one (编者按, 编后, 短评); null otherwise.</summary>
    public string? Label { get; set; }
    public string? Kicker { get; set; }
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Column { get; set; }
    public List<Byline> Byline { get; set; } = [];
    public string? BylineRaw { get; set; }
    public Dateline? Dateline { get; set; }
    public JumpRef? ContinuesTo { get; set; }
    public JumpRef? ContinuedFrom { get; set; }
    public List<string> Paragraphs { get; set; } = [];
    public Enrichment? Enrichment { get; set; }
}

public static class ArticleKind
{
    public const string Article = "article";
    public const string Brief = "brief";
    public const string Commentary = "commentary";
    public const string Photo = "photo";
    public const string EditorsNote = "editorsNote";

    /// <summary>The word a reader uses for a kind ("editor's note", not "editorsNote"); an unknown kind as it is.</summary>
    public static string ReaderName(string kind) => kind switch
    {
        EditorsNote => "editor's note",
        _ => kind,
    };
}

public sealed record Byline(string Name, string Role);

/// <param name="Raw">The dateline as printed, e.g. 本报嘉祥8月7日讯.</param>
/// <param name="Date">Resolved against the issue date, ISO yyyy-MM-dd.</param>
public sealed record Dateline(string Raw, string? Place, string? Date);

/// <param name="Raw">The marker as printed, e.g. （下转2版C）.</param>
public sealed record JumpRef(int Page, string? Section, string Raw);
