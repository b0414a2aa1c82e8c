using System.Text;
using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy;

/// <summary>The harness's output: the table per style, and the per-story failures that explain it.</summary>
public static class Report
{
    private static readonly string[] Columns =
        ["style", "pages", "stories", "articles out", "segmented exactly", "titles exact", "headlines exact", "kickers exact",
         "subtitles exact", "bylines found", "datelines found", "Han conserved"];

    private static string[] Row(StyleScore s) =>
    [
        s.Style, s.Pages.ToString(), s.Stories.ToString(), s.Predicted.ToString(),
        Pct(s.Segmented.Percent), Pct(s.Titles.Percent), Pct(s.Headlines.Percent),
        WithCount(s.Kickers), WithCount(s.Subtitles), WithCount(s.Bylines), WithCount(s.Datelines),
        s.HanConserved.ToString("0.000"),
    ];

    private static string Pct(double v) => v.ToString("0.0");
    private static string WithCount(Ratio r) => r.Total == 0 ? "— (0)" : $"{r.Percent:0.0} ({r.Total})";

    /// <summary>An aligned plain-text table, then each style's segmentation errors by kind.</summary>
    public static void Table(TextWriter w, IEnumerable<StyleScore> scores)
    {
        var rows = new List<string[]> { Columns };
        var list = scores.ToList();
        rows.AddRange(list.Select(Row));
        var widths = Columns.Select((_, c) => rows.Max(r => Width(r[c]))).ToArray();
        foreach (var r in rows)
            w.WriteLine(string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : Pad(cell, widths[c]))).TrimEnd());
        w.WriteLine();
        foreach (var s in list)
        {
            w.WriteLine($"{s.Style}: {Breakdown(s)}" + (s.Errors > 0 ? $" · {s.Errors} dumps refused by the parser" : ""));
            if (s.GoldMismatches.Count > 0)
                w.WriteLine($"  warning: the gold of {s.GoldMismatches.Count} dumps does not match the Han text printed: {string.Join(", ", s.GoldMismatches.Take(5))}");
        }
    }

    /// <summary>The same table in Markdown, for docs/parser-accuracy.md.</summary>
    public static void Markdown(TextWriter w, IEnumerable<StyleScore> scores)
    {
        w.WriteLine("| " + string.Join(" | ", Columns) + " |");
        w.WriteLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", Columns.Length - 1)));
        foreach (var s in scores) w.WriteLine("| " + string.Join(" | ", Row(s)) + " |");
    }

    private static string Breakdown(StyleScore s) =>
        $"{s.Segments[Segmentation.Exact]} exact, {s.Segments[Segmentation.Merged]} merged, {s.Segments[Segmentation.Split]} split, "
        + $"{s.Segments[Segmentation.Mixed]} mixed, {s.Segments[Segmentation.Missing]} missing";

    /// <summary>
    /// Each story that is not right, compactly: how it was cut, gold deck against predicted deck, and where every
    /// field of the predicted article came from (this story's body, another story's title, text of no story).
    /// </summary>
    public static void Failures(TextWriter w, string style, IEnumerable<DumpResult> results, int limit, bool headingsToo)
    {
        var list = results.ToList();
        w.WriteLine($"== {style}: why stories go wrong (stories showing each cause)");
        foreach (var (cause, n) in Causes.Tally(list.SelectMany(d => d.Stories))) w.WriteLine($"{n,6}  {cause}");
        w.WriteLine();
        var shown = 0;
        foreach (var d in list)
        {
            if (d.Error is not null) { w.WriteLine($"── {style}/{d.Name}: refused by the parser: {d.Error}"); continue; }
            foreach (var s in d.Stories)
            {
                var headingWrong = !s.HeadlineExact || !s.TitleExact || s.BylineFound == false || s.DatelineFound == false;
                if (s.Segmentation == Segmentation.Exact && !(headingsToo && headingWrong)) continue;
                if (shown++ >= limit) { w.WriteLine($"… more (raise --failures N)"); w.WriteLine(); return; }
                Story(w, style, d, s);
            }
        }
    }

    private static void Story(TextWriter w, string style, DumpResult d, StoryResult s)
    {
        var g = s.Gold;
        var head = new StringBuilder($"── {style}/{d.Name} · page {g.Page} · story {s.Index + 1}/{d.Stories.Count} · {s.Segmentation.ToString().ToUpperInvariant()}");
        if (s.Intruders.Count > 0)
            head.Append(" with " + string.Join(", ", s.Intruders.Take(4).Select(x => $"story {x.Index + 1} ({x.Chars} chars)")));
        if (s.ExtraChars > 0) head.Append($" + {s.ExtraChars} chars of no story");
        w.WriteLine(head);
        if (Causes.Of(s) is { Count: > 0 } causes) w.WriteLine($"   why   {string.Join("; ", causes)}");
        w.WriteLine($"   gold  {Deck(g)}  · {StoryText.Of(g).Length} chars{Credits(g)}");
        if (s.Predicted is { } p)
        {
            w.WriteLine($"   pred  {p.Id} {p.Kind}: {Deck(p)}  · {StoryText.Of(p).Length} chars{Credits(p)}");
            var checks = new List<string>
            {
                Mark("title", s.TitleExact), Mark("deck", s.HeadlineExact),
            };
            if (s.KickerExact is { } k) checks.Add(Mark("kicker", k));
            if (s.SubtitleExact is { } st) checks.Add(Mark("subtitle", st));
            if (s.BylineFound is { } b) checks.Add(Mark("byline", b));
            if (s.DatelineFound is { } dl) checks.Add(Mark("dateline", dl));
            w.WriteLine("   " + string.Join("  ", checks));
            w.WriteLine("   from  " + Origins(s.Origins, s.Index));
        }
        else w.WriteLine("   pred  (no article holds a tenth of it)");
        if (s.Pieces.Count > 1 || (s.Pieces.Count == 1 && s.Predicted != s.Pieces[0].Article))
            w.WriteLine("   cut   " + string.Join(" | ", s.Pieces.Take(6).Select(x => $"{x.Article.Id} {(x.Share < 0.005 ? "<1 %" : x.Share.ToString("P0"))} {Opening(x.Article)}")));
        var lost = StoryText.Of(g).Length - s.Pieces.Sum(x => (int)Math.Round(x.Share * StoryText.Of(g).Length));
        if (s.Segmentation != Segmentation.Exact && lost > 0) w.WriteLine($"   lost  {lost} chars in no article (unassigned, furniture, banner)");
    }

    /// <summary>An article as one can find it in the parse: its title, else the start of its body.</summary>
    private static string Opening(Article a) =>
        a.Title is { Length: > 0 } t ? $"\"{Short(t, 16)}\"" : $"¶\"{Short(a.Paragraphs.FirstOrDefault(), 12)}\"";

    private static string Mark(string name, bool ok) => ok ? $"{name} ok" : $"{name} WRONG";

    private static string Deck(Article a)
    {
        var parts = new List<string>();
        if (a.Column is { } c) parts.Add($"[column] {Short(c, 24)}");
        if (a.Kicker is { } k) parts.Add($"[kicker] {Short(k, 30)}");
        parts.Add($"[title] {Short(a.Title, 40) ?? "—"}");
        if (a.Subtitle is { } s) parts.Add($"[subtitle] {Short(s, 30)}");
        return string.Join(" ", parts);
    }

    private static string Credits(Article a)
    {
        var parts = new List<string>();
        if (a.Dateline is { } d) parts.Add($"dateline {d.Raw}");
        if (a.Byline.Count > 0) parts.Add("byline " + string.Join(",", a.Byline.Select(b => b.Name)));
        return parts.Count == 0 ? "" : " · " + string.Join(" · ", parts);
    }

    /// <summary>`title ← story 4 title "…"; ¶1–¶12 ← body; ¶13 ← no story "…"`: runs of fields with one origin.</summary>
    private static string Origins(IReadOnlyList<Origin> origins, int self)
    {
        var runs = new List<string>();
        for (var i = 0; i < origins.Count;)
        {
            var o = origins[i];
            var j = i;
            while (j + 1 < origins.Count && origins[j + 1].Owner == o.Owner && origins[j + 1].OwnerField == o.OwnerField
                   && origins[j + 1].Field.StartsWith('¶') && o.Field.StartsWith('¶')) j++;
            var fields = j == i ? o.Field : $"{o.Field}–{origins[j].Field}";
            var from = o.Owner < 0 ? (o.OwnerField == "furniture" ? "furniture" : "no story") : o.Owner == self ? $"{o.OwnerField}" : $"story {o.Owner + 1} {o.OwnerField}";
            var quote = o.Owner == self && o.OwnerField == "body" ? "" : $" \"{Short(o.Text, 24)}\"";
            runs.Add($"{fields} ← {from}{quote}");
            i = j + 1;
        }
        return runs.Count <= 12 ? string.Join("; ", runs) : string.Join("; ", runs.Take(12)) + $"; … {runs.Count - 12} more";
    }

    private static int Width(string s) => s.Sum(c => Broadsheet.Core.Layout.Chars.IsWide(c) ? 2 : 1);
    private static string Pad(string s, int width) => new string(' ', Math.Max(0, width - Width(s))) + s;

    private static string? Short(string? s, int n)
    {
        if (s is null) return null;
        s = s.ReplaceLineEndings(" ");
        return s.Length <= n ? s : s[..n] + "…";
    }
}
