using System.Globalization;
using Broadsheet.Core.Assembly;

namespace Broadsheet.Accuracy;

/// <summary>
/// Fits <see cref="StartModel"/>'s weights against the page-wide cut itself (tuning month only): an averaged structured
/// perceptron. The cut (<see cref="StorySegmenter"/>) weighs each section's start score with the cohesion and
/// title-fit terms of its dynamic programming, so weights fit as a plain classifier of heading blocks
/// (train-start-model.mjs) come out on the wrong scale for it and lose stories. Here each page is cut with the
/// current weights, and wherever the cut opens a story the gold has inside one (or the reverse) the weights move by
/// that block's cues (only the named ones, if given). Starts from the weights in use; blocks the gold has neither
/// way are left as the cut puts them.
/// </summary>
public static class StartFit
{
    private sealed record Page(List<StorySegmenter.Section> Sections, List<double[]?> Cues, int[] Labels);

    public static double[] Fit(IReadOnlyList<Dump> dumps, int epochs, double rate, IReadOnlySet<string>? only, TextWriter log)
    {
        var pages = Collect(dumps);
        var w = StartModel.Current;
        var moves = StartModel.Names.Select(n => only is null || only.Contains(n)).ToArray();
        log.WriteLine($"fit: {pages.Count} pages, {pages.Sum(p => p.Labels.Count(l => l >= 0))} labelled heading blocks; the cut gets {Right(pages, w)} right before");
        var sum = new double[w.Length];
        var count = 0;
        var order = Enumerable.Range(0, pages.Count).ToArray();
        var random = new Random(1);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var page = pages[i];
                var starts = Cut(page, w);
                for (var s = 0; s < starts.Length; s++)
                {
                    if (page.Labels[s] < 0 || starts[s] == (page.Labels[s] == 1)) continue;
                    var sign = page.Labels[s] == 1 ? rate : -rate;
                    var f = page.Cues[s]!;
                    for (var j = 0; j < w.Length; j++) if (moves[j]) w[j] += sign * f[j];
                }
                for (var j = 0; j < w.Length; j++) sum[j] += w[j];
                count++;
            }
        }
        var averaged = sum.Select(x => Math.Round(x / Math.Max(1, count), 2)).ToArray();
        log.WriteLine($"fit: {epochs} epochs at rate {rate}; the cut gets {Right(pages, averaged)} right after (pages it was fit on)");
        return averaged;
    }

    /// <summary>Weights as one line, `[w0, w1, …]`, in <see cref="StartModel"/>'s order: what StartModel.Weights takes.</summary>
    public static string Format(IEnumerable<double> weights) =>
        $"[{string.Join(", ", weights.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}]";

    /// <summary>
    /// A weight vector from the last `[w0, w1, …]` line of a file (a fit's output, or train-start-model.mjs's), one
    /// weight per <see cref="StartModel"/> cue; anything else is an <see cref="ArgumentException"/> naming the file.
    /// </summary>
    public static double[] ReadWeights(string path)
    {
        var line = File.ReadAllLines(path).LastOrDefault(l => l.TrimStart().StartsWith('['))
            ?? throw new ArgumentException($"{path}: no line of weights ([w0, w1, …])");
        var w = new List<double>();
        foreach (var x in line.Trim().Trim('[', ']').Split(','))
            w.Add(double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new ArgumentException($"{path}: '{x.Trim()}' is not a weight"));
        return w.Count == StartModel.Count ? [.. w] : throw new ArgumentException($"{path}: {w.Count} weights, StartModel has {StartModel.Count} cues");
    }

    private static bool[] Cut(Page page, double[] w) =>
        StorySegmenter.Segment(page.Sections.Select((s, i) => page.Cues[i] is { } f ? s with { StartScore = Dot(w, f) } : s).ToList());

    private static int Right(List<Page> pages, double[] w)
    {
        var right = 0;
        foreach (var page in pages)
        {
            var starts = Cut(page, w);
            for (var s = 0; s < starts.Length; s++) if (page.Labels[s] >= 0 && starts[s] == (page.Labels[s] == 1)) right++;
        }
        return right;
    }

    private static double Dot(double[] w, double[] f)
    {
        var z = 0.0;
        for (var i = 0; i < w.Length; i++) z += w[i] * f[i];
        return z;
    }

    /// <summary>Each page's sections and cues as the cut saw them, and for each section whether the gold opens a story there (1), keeps it inside one (0) or neither (-1).</summary>
    private static List<Page> Collect(IReadOnlyList<Dump> dumps)
    {
        var perDump = new List<Page>[dumps.Count];
        Parallel.For(0, dumps.Count, d =>
        {
            var seen = new List<(List<StorySegmenter.Section>, List<double[]?>, List<IReadOnlyList<string>>)>();
            PageAssembler.SegmentSink = (sections, cues, heads) => seen.Add(([.. sections], [.. cues], [.. heads]));
            try
            {
                var (gold, _, _, _) = Harness.Parse(dumps[d]);
                var headings = new HashSet<string>();
                var paragraphs = new HashSet<string>();
                foreach (var a in gold.Articles)
                {
                    foreach (var h in new[] { a.Kicker, a.Title, a.Subtitle }) if (h is not null) headings.Add(Key(h));
                    foreach (var p in a.Paragraphs) paragraphs.Add(Key(p));
                }
                perDump[d] = seen.Select(page =>
                {
                    var (sections, cues, heads) = page;
                    var first = sections.Count - heads.Count;
                    var labels = new int[sections.Count];
                    for (var s = 0; s < sections.Count; s++)
                    {
                        var key = s < first || cues[s] is null ? null : Key(heads[s - first][0]);
                        labels[s] = key is null ? -1 : headings.Contains(key) ? 1 : paragraphs.Contains(key) ? 0 : -1;
                    }
                    return new Page(sections, cues, labels);
                }).ToList();
            }
            finally { PageAssembler.SegmentSink = null; }
        });
        return perDump.SelectMany(p => p).ToList();
    }

    private static string Key(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
