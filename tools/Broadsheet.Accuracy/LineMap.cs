using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy;

/// <summary>
/// A dump line by line: which gold story and field each line is from, and where the parser put it — the view that
/// shows a page-wide assignment going wrong (a heading given to the story below, a column end taken as a title).
/// </summary>
public static class LineMap
{
    private sealed record Place(int Owner, string Field, string Text);

    public static void Print(TextWriter w, Dump dump)
    {
        var (gold, text, predicted, result) = Harness.Parse(dump);
        w.WriteLine($"══ {dump.Style}/{dump.Name}: line · gold story and field · parsed article and field · text");
        w.WriteLine("   ✗: not where the gold puts it (another article than the story's, or a heading taken as body or the other way);");
        w.WriteLine("   ~: a heading line in another heading field (the deck split among kicker, title and subtitle differs);");
        w.WriteLine("   +: the line holds more than one place (interleaved headings), the first part's is shown");
        if (predicted is null) { w.WriteLine($"   refused by the parser: {result.Error}"); return; }

        var goldPlaces = new List<Place>();
        for (var k = 0; k < gold.Articles.Count; k++)
        {
            var a = gold.Articles[k];
            Add(goldPlaces, k, "kicker", a.Kicker);
            Add(goldPlaces, k, "title", a.Title);
            Add(goldPlaces, k, "subtitle", a.Subtitle);
            Add(goldPlaces, k, "dateline", a.Dateline?.Raw);
            Add(goldPlaces, k, "byline", a.BylineRaw);
            Add(goldPlaces, k, "body", string.Concat(a.Paragraphs));
            // A line that runs from a dateline or credit into the body, as printed at either end of the story.
            Add(goldPlaces, k, "body", string.Concat(a.Dateline?.Raw, a.BylineRaw, string.Concat(a.Paragraphs)));
            Add(goldPlaces, k, "body", string.Concat(string.Concat(a.Paragraphs), a.Dateline?.Raw, a.BylineRaw));
        }
        foreach (var f in gold.Issue.Pages.SelectMany(p => p.Furniture)) Add(goldPlaces, -1, "furniture", f);

        var parsed = new List<Place>();
        for (var j = 0; j < predicted.Articles.Count; j++)
        {
            var a = predicted.Articles[j];
            foreach (var (field, value) in Fields(a)) Add(parsed, j, field, value);
            Add(parsed, j, "body", string.Concat(a.Dateline?.Raw, a.BylineRaw, string.Concat(a.Paragraphs)));
            Add(parsed, j, "body", string.Concat(string.Concat(a.Paragraphs), a.Dateline?.Raw, a.BylineRaw));
        }
        foreach (var info in predicted.Issue.Pages)
        {
            Add(parsed, -1, "banner", info.Banner);
            foreach (var f in info.Furniture) Add(parsed, -1, "furniture", f);
        }
        foreach (var u in predicted.Unassigned) Add(parsed, -2, "unassigned", u);

        // The article each gold story was matched to: a line is where it belongs when it went there.
        var matched = result.Stories.ToDictionary(s => s.Index, s => s.Predicted is null ? -1 : predicted.Articles.IndexOf(s.Predicted));
        var lines = text.Replace("\r\n", "\n").Split('\n');
        Place? lastGold = null, lastParsed = null;
        var page = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Contains('\f')) { page++; w.WriteLine($"   ── page {page} (form feed)"); line = line.Replace("\f", ""); }
            var norm = StoryText.Normalise(line);
            if (norm.Length == 0) continue;
            var (g, gPartly) = LocateLine(goldPlaces, line, lastGold);
            var (p, pPartly) = LocateLine(parsed, line, lastParsed);
            lastGold = g ?? lastGold;
            lastParsed = p ?? lastParsed;
            var goldLabel = (g is null ? "?" : g.Owner < 0 ? "furniture" : $"s{g.Owner + 1} {g.Field}") + (gPartly ? "+" : "");
            var parsedLabel = p is null ? "?" : p.Owner switch
            {
                -1 => p.Field,
                -2 => "unassigned",
                _ => $"{predicted.Articles[p.Owner].Id} {p.Field}",
            } + (pPartly ? "+" : "");
            var mark = g is null || p is null || gPartly || !Agrees(g, p, matched) ? "✗"
                : g.Field is "kicker" or "title" or "subtitle" && g.Field != p.Field ? "~" : " ";
            w.WriteLine($"{i + 1,5} {mark} {goldLabel,-14} {parsedLabel,-20} {line.Trim()}");
        }
    }

    private static IEnumerable<(string Field, string? Value)> Fields(Article a)
    {
        yield return ("label", a.Label);
        yield return ("column", a.Column);
        yield return ("kicker", a.Kicker);
        yield return ("title", a.Title);
        yield return ("subtitle", a.Subtitle);
        yield return ("dateline", a.Dateline?.Raw);
        yield return ("byline", a.BylineRaw);
        yield return ("jump", a.ContinuedFrom?.Raw);
        for (var i = 0; i < a.Paragraphs.Count; i++) yield return ($"¶{i + 1}", a.Paragraphs[i]);
        yield return ("jump", a.ContinuesTo?.Raw);
    }

    private static void Add(List<Place> places, int owner, string field, string? text)
    {
        var n = StoryText.Normalise(text);
        if (n.Length > 0) places.Add(new Place(owner, field, n));
    }

    /// <summary>
    /// The narrowest place holding the line, of the story or article the line before went to if it has one (a short
    /// line is in many places).
    /// </summary>
    private static Place? Locate(List<Place> places, string norm, Place? last)
    {
        Place? first = null;
        foreach (var p in places)
        {
            if (!p.Text.Contains(norm, StringComparison.Ordinal)) continue;
            if (last is not null && p.Owner == last.Owner) return p;
            first ??= p;
        }
        return first;
    }

    /// <summary>
    /// The place of a line, or — when no one place holds it, as when neighbouring headings come out interleaved on one
    /// line — of its first part (split at spaces), marked with a "+".
    /// </summary>
    private static (Place? Place, bool Partly) LocateLine(List<Place> places, string line, Place? last)
    {
        var whole = Locate(places, StoryText.Normalise(line), last);
        if (whole is not null) return (whole, false);
        foreach (var part in line.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var n = StoryText.Normalise(part);
            if (n.Length >= 2 && Locate(places, n, last) is { } p) return (p, true);
        }
        return (null, false);
    }

    private static bool Agrees(Place gold, Place parsed, Dictionary<int, int> matched)
    {
        if (gold.Owner < 0) return parsed.Owner < 0;
        if (parsed.Owner < 0 || matched[gold.Owner] != parsed.Owner) return false;
        return gold.Field switch
        {
            "kicker" or "title" or "subtitle" => parsed.Field is "kicker" or "title" or "subtitle",
            _ => parsed.Field is not ("kicker" or "title" or "subtitle" or "column" or "label"),
        };
    }
}
