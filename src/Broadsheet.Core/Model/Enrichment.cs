namespace Broadsheet.Core.Model;

/// <summary>Facts extracted from an article (contract §1, "enrichment").</summary>
public sealed class Enrichment
{
    public List<Person> People { get; set; } = [];
    public List<Place> Places { get; set; } = [];
    public List<Organization> Organizations { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];
    public List<Figure> Figures { get; set; } = [];
    public List<DateMention> Dates { get; set; } = [];
    public List<Keyword> Keywords { get; set; } = [];
    public string Summary { get; set; } = "";
    public string Fingerprint { get; set; } = "";
}

/// <param name="IsAuthor">True for a byline name: the story's author, not its subject.</param>
public sealed record Person(string Name, string? Title, int Mentions, bool IsAuthor = false);
/// <param name="Normalized">Full administrative name (嘉祥县); the name itself for non-administrative places.</param>
/// <param name="Code">GB/T 2260 code when the place is an administrative division.</param>
public sealed record Place(string Name, string? Normalized, string? Code);
/// <param name="ShortForm">Abbreviation the text also uses (市人社局), when linked.</param>
public sealed record Organization(string Name, string? ShortForm = null);
public sealed record Quote(string? Speaker, string Text);
/// <param name="Measure">What the number measures when adjacent (营业收入, 同比增长).</param>
public sealed record Figure(string Text, double Value, string? Unit, string? Measure = null);
/// <param name="Date">ISO date (yyyy-MM-dd) or, for a period, its start; Until is its end.</param>
public sealed record DateMention(string Text, string? Date, string? Until = null);
public sealed record Keyword(string Term, double Weight);
