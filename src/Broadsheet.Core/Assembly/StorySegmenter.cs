using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// Which heading blocks of a page open a story and which sit inside one (crossheads, a quote's `——` attribution),
/// decided for the whole page at once. The page is cut into sections, each a heading block and the text under it up
/// to the next one. Every section has a start score — the evidence, from its heading and its neighbours, that a new
/// story opens there — and a section kept inside a story scores by how much of its text's Han bigrams the story
/// already holds (a crosshead's section talks about what its story talks about; a new story does not). Dynamic
/// programming over where stories start finds the best cut of the page.
/// </summary>
public static class StorySegmenter
{
    /// <summary>Longest run of sections one story spans (bounds the work per page).</summary>
    public const int MaxSections = 24;

    /// <summary>What sharing words with the story is worth to a section kept inside it (a share of bigrams, 0–1).</summary>
    private const double CohesionWeight = 3, CohesionPivot = 0.25;

    /// <summary>What a title sharing its words with the story it heads is worth (a share of the title's bigrams, 0–1).</summary>
    private const double TitleWeight = 3, TitlePivot = 0.3;

    /// <summary>A section: the evidence that a story starts at it, and its text.</summary>
    public sealed record Section(double StartScore, string Text, bool MustStart = false, string Heading = "");

    /// <summary>For each section, true when a story starts there. The first section always starts one.</summary>
    public static bool[] Segment(IReadOnlyList<Section> sections)
    {
        var n = sections.Count;
        var starts = new bool[n];
        if (n == 0) return starts;
        // Each distinct bigram of the page gets a dense number; a story's bigrams are then marks in one array (marked with
        // the number of the section the story starts at) instead of a set copied and grown for every start.
        var ids = new Dictionary<int, int>();
        var grams = new int[n][];
        var titles = new int[n][];
        for (var i = 0; i < n; i++) { grams[i] = DenseBigrams(sections[i].Text, ids); titles[i] = DenseBigrams(sections[i].Heading, ids); }
        var mark = new int[ids.Count];
        Array.Fill(mark, -1);

        // best[j]: best score of sections 0..j-1 cut into stories, a story starting at j; from[j]: where the last one started.
        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var i = 0; i < n; i++)
        {
            if (double.IsNegativeInfinity(best[i])) continue;
            var storyCount = Add(grams[i], i);
            var score = best[i] + (i == 0 ? 0 : sections[i].StartScore);
            for (var j = i + 1; j <= n && j - i <= MaxSections; j++)
            {
                var total = score + TitleFit(titles[i], i, storyCount);
                if (total > best[j]) { best[j] = total; from[j] = i; }
                if (j == n || sections[j].MustStart) break;
                if (grams[j].Length >= 8) score += CohesionWeight * ((double)Held(grams[j], i) / grams[j].Length - CohesionPivot);
                storyCount += Add(grams[j], i);
            }
        }
        for (var j = n; j > 0; j = from[j]) starts[from[j]] = true;
        return starts;

        // Marks a section's bigrams as the story's (the story starting at section `story`); returns how many were new.
        int Add(int[] section, int story)
        {
            var added = 0;
            foreach (var g in section) if (mark[g] != story) { mark[g] = story; added++; }
            return added;
        }

        // How many of a section's bigrams the story already holds.
        int Held(int[] section, int story)
        {
            var hit = 0;
            foreach (var g in section) if (mark[g] == story) hit++;
            return hit;
        }

        // A title shares words with the story it heads; a crosshead taken for a title heads a story it says nothing of.
        double TitleFit(int[] title, int story, int storyCount) =>
            title.Length < 2 || storyCount < 8 ? 0 : TitleWeight * ((double)Held(title, story) / title.Length - TitlePivot);
    }

    /// <summary>The distinct Han bigrams of a text, numbered densely across the page by <paramref name="ids"/>.</summary>
    private static int[] DenseBigrams(string text, Dictionary<int, int> ids)
    {
        var set = Bigrams(text);
        var dense = new int[set.Count];
        var k = 0;
        foreach (var g in set)
        {
            if (!ids.TryGetValue(g, out var id)) ids[g] = id = ids.Count;
            dense[k++] = id;
        }
        return dense;
    }

    /// <summary>Han bigrams of a text, each as one int.</summary>
    internal static HashSet<int> Bigrams(string text)
    {
        var set = new HashSet<int>(text.Length); // at most one bigram a character: never grown
        var prev = '\0';
        foreach (var c in text)
        {
            if (!Chars.IsHan(c)) { prev = '\0'; continue; }
            if (prev != '\0') set.Add(prev << 16 | c);
            prev = c;
        }
        return set;
    }

    /// <summary>The share of a set of bigrams another set holds (callers leave out sets too short to tell).</summary>
    internal static double Share(HashSet<int> section, HashSet<int> story)
    {
        if (section.Count == 0) return 0;
        var hit = 0;
        foreach (var g in section) if (story.Contains(g)) hit++;
        return (double)hit / section.Count;
    }
}
