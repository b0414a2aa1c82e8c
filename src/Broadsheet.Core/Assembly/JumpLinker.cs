using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// Follows jumps inside one issue: a continuation (`（上接1版C）`) is appended to the story that jumped to it
/// (`（下转2版C）`), matched by page and section, helped by the continuation's repeated short headline. A paragraph
/// cut by the jump is joined back. Unmatched continuations stay stories of their own.
/// </summary>
public static class JumpLinker
{
    /// <summary>Merges continuations into their stories; returns the jump-in markers (`（上接1版A）`) that were followed.</summary>
    public static List<string> Link(List<Story> stories, Func<Story, string> deckText)
    {
        // Stories that jump out, by (page their last part is on, page they jump to): a continuation looks only there,
        // so linking stays linear however many markers an input holds.
        var jumpers = new Dictionary<(int From, int To), List<Story>>();
        foreach (var s in stories)
            if (s.ContinuesTo is { } to && to.Page != s.Page) Bucket(jumpers, (s.Page, to.Page)).Add(s);

        var merged = new HashSet<Story>();
        var followed = new List<string>();
        foreach (var cont in stories)
        {
            if (cont.ContinuedFrom is not { } from || merged.Contains(cont) || !jumpers.TryGetValue((from.Page, cont.Page), out var list)) continue;
            list.RemoveAll(s => s == cont || merged.Contains(s));
            if (list.Count == 0) continue;
            // Same section first (in page order); else the repeated short headline decides among a handful.
            var source = from.Section is null ? null : list.Find(s => (s.OnwardJump ?? s.ContinuesTo)!.Section == from.Section);
            if (source is null)
            {
                var few = list.Count > 8 ? list.GetRange(0, 8) : list;
                source = few.Count == 1 ? few[0] : few.MaxBy(s => Overlap(deckText(s), deckText(cont)))!;
                if (few.Count > 1 && Overlap(deckText(source), deckText(cont)) == 0 && from.Section is null) continue;
            }
            Merge(source, cont, deckText(cont));
            merged.Add(cont);
            followed.Add(from.Raw);
            list.Remove(source);
            if (source.OnwardJump is { } onward && onward.Page != cont.Page) Bucket(jumpers, (cont.Page, onward.Page)).Add(source);
        }
        if (merged.Count > 0) stories.RemoveAll(merged.Contains);
        return followed;
    }

    private static List<Story> Bucket(Dictionary<(int, int), List<Story>> map, (int, int) key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }

    private static void Merge(Story into, Story cont, string contDeck)
    {
        if (into.Paragraphs.Count > 0 && cont.Paragraphs.Count > 0 && !Chars.EndsSentence(into.Paragraphs[^1]))
        {
            into.Paragraphs[^1] = ParagraphBuilder.Join(into.Paragraphs[^1], cont.Paragraphs[0]);
            into.Paragraphs.AddRange(cont.Paragraphs.Skip(1));
        }
        else into.Paragraphs.AddRange(cont.Paragraphs);
        foreach (var p in cont.Pages) if (!into.Pages.Contains(p)) into.Pages.Add(p);
        // The article keeps its own jump out (（下转2版C）); a further jump from the continuation is followed from there.
        into.OnwardJump = cont.ContinuesTo;
        into.LastPage = cont.Page;
        if (cont.ContinuesTo is { } onward) into.Leftovers.Add(onward.Raw);
        // A credit the story already carries is not repeated in its bylines, but its text stays (every character lands somewhere).
        foreach (var b in cont.Bylines)
            if (into.Bylines.Any(x => x.Raw == b.Raw)) into.Leftovers.Add(b.Raw);
            else into.Bylines.Add(b);
        // The continuation's short headline and its markers have no field on the merged story; keep them visible.
        if (contDeck.Length > 0) into.Leftovers.Add(contDeck);
        if (cont.ContinuedFrom is { } jf) into.Leftovers.Add(jf.Raw);
        into.Leftovers.AddRange(cont.Leftovers);
        foreach (var c in cont.Columns) if (!into.Columns.Contains(c)) into.Leftovers.Add(c);
        if (cont.Dateline is not null)
        {
            if (into.Dateline is null) into.Dateline = cont.Dateline;
            else into.Leftovers.Add(cont.Dateline.Dateline.Raw + cont.Dateline.CreditRaw);
        }
        if (cont.Label is not null) into.Leftovers.Add(cont.Label);
    }

    /// <summary>Shared characters of two headlines (the continuation repeats a short form).</summary>
    private static int Overlap(string a, string b)
    {
        var set = new HashSet<char>(Chars.Squeeze(a));
        var n = 0;
        foreach (var c in Chars.Squeeze(b)) if (Chars.IsHan(c) && set.Contains(c)) n++;
        return n;
    }
}
