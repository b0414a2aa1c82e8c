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
        foreach (var cont in stories.Where(s => s.ContinuedFrom is not null).ToList())
        {
            var from = cont.ContinuedFrom!;
            var candidates = stories.Where(s => s != cont && s.ContinuesTo is { } to && s.Page == from.Page && to.Page == cont.Page
                                                && !s.Pages.Contains(cont.Page)).ToList();
            if (candidates.Count == 0) continue;
            var sameSection = candidates.Where(s => s.ContinuesTo!.Section == from.Section).ToList();
            if (sameSection.Count > 0) candidates = sameSection;
            var source = candidates.Count == 1 ? candidates[0] : candidates.MaxBy(s => Overlap(deckText(s), deckText(cont)))!;
            if (candidates.Count > 1 && Overlap(deckText(source), deckText(cont)) == 0 && from.Section is null) continue;
            Merge(source, cont, deckText(cont));
            stories.Remove(cont);
        }
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
        // The first part's own marker (（下转2版C）) is replaced by the continuation's onward jump, if any.
        if (into.ContinuesTo is { } jt) into.Leftovers.Add(jt.Raw);
        into.ContinuesTo = cont.ContinuesTo;
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
