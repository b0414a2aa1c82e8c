using Broadsheet.Core.Assembly;

namespace Broadsheet.Accuracy;

/// <summary>
/// The training export for <see cref="StartModel"/>: every heading block the segmenter weighs, its cues, and
/// whether the gold has its first line as a story's heading (1, it opens a story) or as a paragraph (0, it sits inside
/// one). Blocks the gold has neither way (banners, furniture) are left out. Tab-separated, one block a line.
/// </summary>
public static class StartFeatures
{
    public static void Write(TextWriter w, IEnumerable<Dump> dumps)
    {
        w.WriteLine(string.Join('\t', ["dump", "label", .. StartModel.Names, "heading", "started"]));
        var rows = new List<(IReadOnlyList<string> Lines, double[] F)>();
        PageAssembler.FeatureSink = (lines, f) => rows.Add((lines, f));
        var started = new Dictionary<string, bool>();
        PageAssembler.DecisionSink = (lines, s) => started[string.Join(" / ", lines)] = s;
        try
        {
            foreach (var dump in dumps)
            {
                rows.Clear();
                started.Clear();
                var (gold, _, _, _) = Harness.Parse(dump);
                var heads = new HashSet<string>();
                var paras = new HashSet<string>();
                foreach (var a in gold.Articles)
                {
                    foreach (var h in new[] { a.Kicker, a.Title, a.Subtitle }) if (h is not null) heads.Add(Key(h));
                    foreach (var p in a.Paragraphs) paras.Add(Key(p));
                }
                foreach (var (lines, f) in rows)
                {
                    var key = Key(lines[0]);
                    var label = heads.Contains(key) ? 1 : paras.Contains(key) ? 0 : -1;
                    if (label < 0) continue;
                    w.WriteLine(string.Join('\t', [dump.Name, label.ToString(), .. f.Select(x => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)), string.Join(" / ", lines), started.TryGetValue(string.Join(" / ", lines), out var s) ? (s ? "1" : "0") : ""]));
                }
            }
        }
        finally { PageAssembler.FeatureSink = null; PageAssembler.DecisionSink = null; }
    }

    private static string Key(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
