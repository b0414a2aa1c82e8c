namespace Broadsheet.Accuracy;

/// <summary>
/// Why stories go wrong, tallied from where each field of their matched article came from: the parser engineer's
/// list of what to fix first.
/// </summary>
public static class Causes
{
    private static readonly HashSet<string> Heading = ["kicker", "title", "subtitle", "deck"];
    private static readonly HashSet<string> Credit = ["dateline", "byline"];

    /// <summary>The causes one story shows (none for a story that is right in every checked field).</summary>
    public static List<string> Of(StoryResult s)
    {
        var tags = new List<string>();
        if (s.Predicted is null) { tags.Add("story lost (no article holds a tenth of it)"); return tags; }
        if (!s.TitleExact)
        {
            var title = s.Origins.FirstOrDefault(o => o.Field == "title");
            tags.Add(title is null ? "no title"
                : title.Owner < 0 ? $"title from {(title.OwnerField == "furniture" ? "furniture" : "text of no story")}"
                : title.Owner == s.Index ? (Heading.Contains(title.OwnerField) ? "title is part of its own deck (kicker/subtitle split wrong)" : $"title from its own {title.OwnerField}")
                : $"title from another story's {title.OwnerField}");
        }
        if (s.KickerExact == false && s.TitleExact) tags.Add(s.Gold.Kicker is null ? "kicker invented" : s.Predicted.Kicker is null ? "kicker missed" : "kicker wrong");
        if (s.SubtitleExact == false && s.TitleExact) tags.Add(s.Gold.Subtitle is null ? "subtitle invented" : s.Predicted.Subtitle is null ? "subtitle missed" : "subtitle wrong");
        foreach (var o in s.Origins.Where(o => o.Owner != s.Index).DistinctBy(o => (o.Owner < 0, o.OwnerField)))
        {
            if (o.Owner < 0) tags.Add(o.OwnerField == "furniture" ? "holds furniture" : "holds text of no story");
            else if (Heading.Contains(o.OwnerField)) tags.Add("holds another story's heading");
            else if (Credit.Contains(o.OwnerField)) tags.Add("holds another story's credit");
            else tags.Add("holds another story's body");
        }
        if (s.Segmentation is Segmentation.Split or Segmentation.Mixed)
        {
            var lost = 1 - s.Pieces.Sum(p => p.Share);
            if (s.Pieces.Count > 1) tags.Add("cut into several articles");
            var body = StoryText.Normalise(string.Concat(s.Gold.Paragraphs));
            foreach (var piece in s.Pieces.Where(p => p.Article != s.Predicted))
            {
                // What opened the piece: a line of this story's body taken for a new story's heading.
                var opening = piece.Article.Title ?? piece.Article.Kicker;
                if (opening is null || !body.Contains(StoryText.Normalise(opening), StringComparison.Ordinal)) continue;
                var t = opening.Trim();
                tags.Add(t.Length <= 24 && !"。！？…；，：”）".Contains(t[^1]) ? "a crosshead opened a new article" : "a body line opened a new article");
            }
            // Text in no piece is either in no article at all, or inside a paragraph mostly of another story (a column
            // read into a neighbour's open sentence), which the attribution gives to that story.
            if (s.DroppedChars > 0) tags.Add("part lost to unassigned/furniture");
            if (lost * Math.Max(1, StoryText.Of(s.Gold).Length) - s.DroppedChars >= 1) tags.Add("part read into another story's paragraph");
        }
        if (s.BylineFound == false) tags.Add("byline not found");
        if (s.DatelineFound == false) tags.Add("dateline not found");
        return tags;
    }

    /// <summary>Each cause with the number of stories showing it, most frequent first.</summary>
    public static List<(string Cause, int Stories)> Tally(IEnumerable<StoryResult> stories) =>
        stories.SelectMany(s => Of(s).Distinct()).GroupBy(t => t).Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
}
