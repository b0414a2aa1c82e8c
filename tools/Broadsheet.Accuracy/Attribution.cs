namespace Broadsheet.Accuracy;

/// <summary>Where a piece of a predicted article comes from: which gold story, and which of its fields.</summary>
/// <param name="Field">The predicted field: kicker, title, subtitle, column, label, dateline, byline, ¶N, jump.</param>
/// <param name="Text">The field as the parser gave it.</param>
/// <param name="Owner">Index of the gold story it belongs to, -1 for text of no story (furniture, running heads).</param>
/// <param name="OwnerField">The gold field that holds it: kicker, title, subtitle, deck, dateline, byline, body; "part" when
/// it only mostly belongs there (it runs across a story boundary); "furniture" or "none" for text of no story.</param>
public sealed record Origin(string Field, string Text, int Owner, string OwnerField, int Chars);

/// <summary>Attributes every field of every predicted article to the gold story (and field) it was cut from.</summary>
public sealed class Attribution
{
    private readonly List<(int Story, string Field, string Text)> _goldFields = [];
    private readonly List<StoryText> _gold;
    private readonly List<string> _furniture;

    /// <param name="gold">The gold stories.</param>
    /// <param name="furniture">The gold's page furniture (running heads, staff lines): text of no story.</param>
    public Attribution(IReadOnlyList<Broadsheet.Core.Model.Article> gold, IEnumerable<string> furniture)
    {
        _gold = gold.Select(StoryText.Of).ToList();
        _furniture = furniture.Select(StoryText.Normalise).Where(f => f.Length > 0).ToList();
        for (var k = 0; k < gold.Count; k++)
        {
            var a = gold[k];
            Add(k, "kicker", a.Kicker);
            Add(k, "title", a.Title);
            Add(k, "subtitle", a.Subtitle);
            Add(k, "deck", string.Concat(a.Kicker, a.Title, a.Subtitle));
            Add(k, "dateline", a.Dateline?.Raw);
            Add(k, "byline", a.BylineRaw);
            Add(k, "body", string.Concat(a.Paragraphs));
            // A dateline or credit the parser left in the body reads as the gold's text in print order.
            Add(k, "body", string.Concat(a.Dateline?.Raw, a.BylineRaw, string.Concat(a.Paragraphs)));
            Add(k, "body", string.Concat(string.Concat(a.Paragraphs), a.Dateline?.Raw, a.BylineRaw));
        }
    }

    private void Add(int story, string field, string? text)
    {
        var n = StoryText.Normalise(text);
        if (n.Length > 0) _goldFields.Add((story, field, n));
    }

    /// <summary>Each field of a predicted article with its origin; <paramref name="prefer"/> wins ties (repeated text).</summary>
    public List<Origin> Of(Broadsheet.Core.Model.Article a, int prefer = -1)
    {
        var list = new List<Origin>();
        void Field(string name, string? text)
        {
            var n = StoryText.Normalise(text);
            if (n.Length == 0) return;
            list.Add(Locate(name, text!, n, prefer));
        }
        Field("label", a.Label);
        Field("column", a.Column);
        Field("kicker", a.Kicker);
        Field("title", a.Title);
        Field("subtitle", a.Subtitle);
        Field("dateline", a.Dateline?.Raw);
        Field("byline", a.BylineRaw);
        Field("jump", a.ContinuedFrom?.Raw);
        for (var i = 0; i < a.Paragraphs.Count; i++) Field($"¶{i + 1}", a.Paragraphs[i]);
        Field("jump", a.ContinuesTo?.Raw);
        return list;
    }

    /// <summary>The origin of one piece of text the parse left outside every article (unassigned, furniture), or null if it is empty.</summary>
    public Origin? OfLeftover(string text)
    {
        var n = StoryText.Normalise(text);
        return n.Length == 0 ? null : Locate("leftover", text, n, -1);
    }

    private Origin Locate(string field, string text, string norm, int prefer)
    {
        // The narrowest field of the preferred story; else furniture; else the nearest story that prints it.
        (int Story, string Field)? hit = null;
        foreach (var (story, gf, gtext) in _goldFields)
        {
            if (!gtext.Contains(norm, StringComparison.Ordinal)) continue;
            if (story == prefer) { hit = (story, gf); break; }
            if (hit is null || (prefer >= 0 && Math.Abs(story - prefer) < Math.Abs(hit.Value.Story - prefer))) hit = (story, gf);
        }
        if (hit?.Story != prefer && _furniture.Any(f => f.Contains(norm, StringComparison.Ordinal)))
            return new Origin(field, text, -1, "furniture", norm.Length);
        if (hit is { } h) return new Origin(field, text, h.Story, h.Field, norm.Length);

        // Not a substring of any one field: it runs across a boundary. Give it to the story with most of its pairs.
        var piece = StoryText.Of([text]);
        int owner = -1, most = 0;
        for (var k = 0; k < _gold.Count; k++)
        {
            var s = piece.Length <= 2 ? _gold[k].SharedChars(piece) : _gold[k].SharedBigrams(piece);
            if (s > most || (s == most && k == prefer && s > 0)) (owner, most) = (k, s);
        }
        var whole = piece.Length <= 2 ? piece.Length : Math.Max(1, piece.BigramCount);
        return most * 2 >= whole ? new Origin(field, text, owner, "part", norm.Length) : new Origin(field, text, -1, "none", norm.Length);
    }
}
