using Broadsheet.Core.Recognisers;

namespace Broadsheet.Accuracy;

/// <summary>
/// The training export for <see cref="DeckSplitModel"/>: every gold deck of two heading lines that no cue splits
/// (no `——`/`：` kicker, no `——` subtitle, no bracket), its cues, and 1 when the gold has it as title + subtitle, 0 as
/// kicker + title. Tab-separated, one deck a line, in the layout `train-start-model.mjs` reads.
/// </summary>
public static class DeckFeatures
{
    public static void Write(TextWriter w, IEnumerable<Dump> dumps)
    {
        w.WriteLine(string.Join('\t', ["dump", "label", .. DeckSplitModel.Names, "heading"]));
        foreach (var dump in dumps)
        {
            foreach (var a in dump.ReadGold().Articles)
            {
                var (first, next, label) = (a.Kicker, a.Title, a.Subtitle) switch
                {
                    ({ } k, { } t, null) => (k, t, 0),
                    (null, { } t, { } s) => (t, s, 1),
                    _ => (null, null, -1),
                };
                if (first is null || next is null || first.Length == 0 || next.Length == 0) continue;
                if (HeadlineRecogniser.IsKicker(first, next) || HeadlineRecogniser.IsSubtitle(next) || HeadlineRecogniser.TwoLineCue(first, next) is not null) continue;
                var f = DeckSplitModel.Features(first, next, a.Dateline is not null);
                w.WriteLine(string.Join('\t', [dump.Name, label.ToString(), .. f.Select(x => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)), first + " / " + next]));
            }
        }
    }
}
