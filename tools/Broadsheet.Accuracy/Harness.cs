using Broadsheet.Core;
using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy;

/// <summary>Parses every dump with Broadsheet.Core, as an upload named {paper}/{date}.txt would be, and scores it.</summary>
public static class Harness
{
    public static DumpResult Run(Dump dump) => Parse(dump).Result;

    /// <summary>A dump's gold, its text, the parse (null when the parser refused it) and the score.</summary>
    public static (ParsedIssue Gold, string Text, ParsedIssue? Predicted, DumpResult Result) Parse(Dump dump)
    {
        var gold = dump.ReadGold();
        var text = File.ReadAllText(dump.TextPath);
        var date = DateOnly.TryParse(gold.Issue.Date, out var d) ? d : (DateOnly?)null;
        try
        {
            var predicted = IssueParser.Parse(File.ReadAllBytes(dump.TextPath), new IssueContext(gold.Issue.Paper, date));
            return (gold, text, predicted, DumpEvaluation.Evaluate(dump.Name, text, gold, predicted));
        }
        catch (IssueFormatException e)
        {
            return (gold, text, null, DumpEvaluation.Failed(dump.Name, text, gold, e.Message));
        }
    }

    /// <summary>Every dump scored (in parallel), grouped by style in the order the styles were found.</summary>
    public static List<(StyleScore Score, List<DumpResult> Results)> RunAll(IReadOnlyList<Dump> dumps)
    {
        var results = new DumpResult[dumps.Count];
        Parallel.For(0, dumps.Count, i => results[i] = Run(dumps[i]));
        var styles = new List<(StyleScore, List<DumpResult>)>();
        foreach (var group in dumps.Select((d, i) => (d.Style, Result: results[i])).GroupBy(x => x.Style))
        {
            var score = new StyleScore(group.Key);
            var list = group.Select(x => x.Result).ToList();
            foreach (var r in list) score.Add(r);
            styles.Add((score, list));
        }
        return styles;
    }
}
