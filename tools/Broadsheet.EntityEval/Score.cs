namespace Broadsheet.EntityEval;

/// <summary>Names per type: people, places, organisations.</summary>
internal sealed class Entities(IEnumerable<string> people, IEnumerable<string> places, IEnumerable<string> organisations)
{
    public static readonly string[] Types = ["people", "places", "organisations"];
    private readonly HashSet<string>[] _sets = [Set(people), Set(places), Set(organisations)];

    // One-character names are dropped on both sides (the corpus tags a lone surname or an abbreviation 中 as one).
    private static HashSet<string> Set(IEnumerable<string> names) => names.Select(n => n.Trim()).Where(n => n.Length >= 2).ToHashSet(StringComparer.Ordinal);

    public HashSet<string> Of(string type) => _sets[Array.IndexOf(Types, type)];
}

internal readonly record struct Counts(int Gold, int Predicted, int Correct)
{
    public double P => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double R => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
}

/// <summary>
/// Precision and recall over the distinct names of each article (what enrichment lists: names, not mentions).
/// </summary>
internal sealed class Score
{
    private readonly Dictionary<string, Counts> _counts = Entities.Types.ToDictionary(t => t, _ => new Counts());
    private readonly List<(int Article, string Type, string Kind, string Name, string Context)> _errors = [];

    public Counts Of(string type) => _counts[type];

    public void Add(GoldArticle article, Entities gold, Entities predicted)
    {
        var variants = article.OrganizationVariants().ToLookup(v => v.Printed, v => v.Gold);
        var text = string.Join('\n', article.Sentences.Select(s => s.Text));
        foreach (var type in Entities.Types)
        {
            var g = gold.Of(type);
            var p = predicted.Of(type);
            var matched = new HashSet<string>(StringComparer.Ordinal);
            var correct = 0;
            foreach (var name in p)
            {
                var hit = g.Contains(name) ? name
                    : type == "organisations" ? variants[name].FirstOrDefault(v => g.Contains(v)) : null;
                if (hit is not null && matched.Add(hit)) correct++;
                else if (hit is null) _errors.Add((article.Number, type, "extra", name, Context(text, name)));
            }
            foreach (var name in g.Where(n => !matched.Contains(n))) _errors.Add((article.Number, type, "missed", name, GoldContext(article, type, name) ?? Context(text, name)));
            var c = _counts[type];
            _counts[type] = new Counts(c.Gold + g.Count, c.Predicted + p.Count, c.Correct + correct);
        }
    }

    // A miss is shown where the gold tags it (the name's first occurrence may stand inside a longer name).
    private static string? GoldContext(GoldArticle article, string type, string name)
    {
        var tag = type switch { "people" => "PER", "places" => "LOC", _ => "ORG" };
        foreach (var s in article.Sentences)
        {
            foreach (var span in s.Spans)
            {
                if (span.Type != tag || span.Text != name) continue;
                var from = Math.Max(0, span.Start - 10);
                var to = Math.Min(s.Text.Length, span.Start + span.Length + 10);
                return s.Text[from..span.Start] + "[" + name + "]" + s.Text[(span.Start + span.Length)..to];
            }
        }
        return null;
    }

    private static string Context(string text, string name)
    {
        var i = text.IndexOf(name, StringComparison.Ordinal);
        if (i < 0) return "";
        var from = Math.Max(0, i - 10);
        var to = Math.Min(text.Length, i + name.Length + 10);
        return text[from..i] + "[" + name + "]" + text[(i + name.Length)..to].Replace('\n', ' ');
    }

    public void PrintErrors(int perKind)
    {
        foreach (var group in _errors.GroupBy(e => (e.Type, e.Kind)))
        {
            Console.WriteLine($"\n## {group.Key.Type} {group.Key.Kind}: {group.Count()}");
            foreach (var e in group.Take(perKind)) Console.WriteLine($"  {e.Name}\t{e.Context.Replace('\n', ' ')}");
        }
    }
}
