using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// Follows jumps inside one issue: a continuation (`（上接1版C）`) is appended to the story that jumped to it
/// (`（下转2版C）`), matched by page and section, helped by the continuation's repeated short headline. A paragraph
/// cut by the jump is joined back. Unmatched continuations stay stories of their own.
/// </summary>
public static class JumpLinker
{
    public static void Link(List<Story> stories, Func<Story, string> deckText)
    {
        // Stories that jump out, by the page their last part is on: a continuation looks only there.
        var jumpers = new Dictionary<int, List<Story>>();
        foreach (var s in stories)
            if (s.ContinuesTo is not null) Bucket(jumpers, s.Page).Add(s);

        var merged = new HashSet<Story>();
        foreach (var cont in stories)
        {
            if (cont.ContinuedFrom is not { } from || merged.Contains(cont) || !jumpers.TryGetValue(from.Page, out var onPage)) continue;
            var candidates = onPage.Where(s => s != cont && !merged.Contains(s) && (s.OnwardJump ?? s.ContinuesTo) is { } to
                                               && (s.LastPage ?? s.Page) == from.Page && to.Page == cont.Page && !s.Pages.Contains(cont.Page)).ToList();
            if (candidates.Count == 0) continue;
            var sameSection = candidates.Where(s => (s.OnwardJump ?? s.ContinuesTo)!.Section == from.Section).ToList();
            if (sameSection.Count > 0) candidates = sameSection;
            var source = candidates.Count == 1 ? candidates[0] : candidates.MaxBy(s => Overlap(deckText(s), deckText(cont)))!;
            if (candidates.Count > 1 && Overlap(deckText(source), deckText(cont)) == 0 && from.Section is null) continue;
            Merge(source, cont, deckText(cont));
            merged.Add(cont);
            onPage.Remove(source);
            if (source.OnwardJump is not null) Bucket(jumpers, cont.Page).Add(source);
        }
        if (merged.Count > 0) stories.RemoveAll(merged.Contains);
    }

    private static List<Story> Bucket(Dictionary<int, List<Story>> map, int page)
    {
        if (!map.TryGetValue(page, out var list)) map[page] = list = [];
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
        into.Bylines.AddRange(cont.Bylines.Where(b => !into.Bylines.Any(x => x.Raw == b.Raw)));
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
