using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests.Scoring;

/// <summary>One gold article's result, as score-articles.py prints it per line.</summary>
/// <param name="PredictedIndex">The prediction it was paired with; null when no prediction shares any body character (MISSING).</param>
/// <param name="Found">The pair's shared characters cover ≥ 90% of both bodies.</param>
/// <param name="Score">0..1; 0 for a missing article.</param>
/// <param name="Parts">Component scores 0..1 by weight name (empty when missing).</param>
public sealed record ArticleScore(int GoldIndex, string Headline, int? PredictedIndex, bool Found, double Score,
    IReadOnlyDictionary<string, double> Parts);

/// <param name="Score">The total out of 100 (floored at 0), unrounded; the python scorer prints it with one decimal.</param>
public sealed record ScoreReport(IReadOnlyList<ArticleScore> Articles, int GoldCount, int Found, int Predicted, int Unmatched, double Score)
{
    public IEnumerable<ArticleScore> Missing => Articles.Where(a => a.PredictedIndex is null);

    /// <summary>The python scorer's report (with --verbose), for test failure messages.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var a in Articles)
        {
            if (a.PredictedIndex is null) { sb.AppendLine($"gold {a.GoldIndex}: MISSING  {a.Headline}"); continue; }
            var parts = string.Join(" ", a.Parts.Select(p => $"{p.Key}={p.Value.ToString("F2", CultureInfo.InvariantCulture)}"));
            sb.AppendLine($"gold {a.GoldIndex}: {(a.Found ? "ok " : "SPLIT/MERGED")} {(a.Score * 100).ToString("F1", CultureInfo.InvariantCulture),5}  {a.Headline}  {parts}");
        }
        sb.AppendLine($"articles: {Found}/{GoldCount} found, {Predicted} predicted, {Unmatched} unmatched predictions");
        sb.Append($"score: {Score.ToString("F1", CultureInfo.InvariantCulture)}/100");
        return sb.ToString();
    }
}

/// <summary>
/// A faithful port of tools/score-articles.py: same weights, same pairing (each gold article, in order, takes the
/// unused prediction sharing most body characters by difflib's matching blocks), same 90% coverage rule, same
/// −2 per extra prediction. Both sides are contract JSON ({"articles": [...]}); a gold may give its deck as a
/// "headline" list. Python truthiness and str() of JSON values are mirrored where the script relies on them.
/// </summary>
public static class ArticleScorer
{
    /// <summary>Weights in the script's dict order (the order sums are taken in).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, int>> Weights =
    [
        new("body", 40), new("headline", 20), new("byline", 10), new("column", 8),
        new("dateline", 6), new("jump", 6), new("kind", 5), new("paragraphs", 5),
    ];

    public static ScoreReport Score(ParsedIssue predicted, string goldJson) =>
        Score(JsonSerializer.SerializeToNode(predicted, ArticleJson.Options)!.ToJsonString(), goldJson);

    public static ScoreReport Score(string predictedJson, string goldJson) =>
        Score(Articles(predictedJson), Articles(goldJson));

    private static JsonArray Articles(string json) =>
        JsonNode.Parse(json)?["articles"] as JsonArray ?? throw new ArgumentException("JSON has no \"articles\" list");

    public static ScoreReport Score(JsonArray predicted, JsonArray gold)
    {
        var pred = predicted.Select(p => p as JsonObject ?? []).ToList();
        var pb = pred.Select(p => CodePoints(Body(p))).ToList();
        var used = new HashSet<int>();
        var total = 0.0;
        var found = 0;
        var results = new List<ArticleScore>();
        for (var gi = 0; gi < gold.Count; gi++)
        {
            var g = gold[gi] as JsonObject ?? [];
            var gb = CodePoints(Body(g));
            int best = 0, bj = -1;
            for (var pj = 0; pj < pb.Count; pj++)
            {
                if (used.Contains(pj)) continue;
                var s = Shared(gb, pb[pj]);
                if (s > best) (best, bj) = (s, pj);
            }
            if (bj < 0)
            {
                results.Add(new ArticleScore(gi, Truncate(Headline(g), 30), null, false, 0, new Dictionary<string, double>()));
                continue;
            }
            var p = pred[bj];
            var cover = Math.Min((double)best / Math.Max(gb.Length, 1), (double)best / Math.Max(pb[bj].Length, 1));
            var ok = cover >= 0.9;
            if (ok) { used.Add(bj); found++; }
            var parts = new Dictionary<string, double>
            {
                ["body"] = cover,
                ["headline"] = Ratio(Headline(g), Headline(p)),
                ["byline"] = F1(Names(g), Names(p)),
                ["column"] = Column(g, p),
                ["dateline"] = (Dl(g, "place") == Dl(p, "place") ? 1.0 : 0.0) * 0.5
                             + (Dl(g, "date") == Dl(p, "date") ? 1.0 : 0.0) * 0.5,
                ["jump"] = Equals(Jump(g), Jump(p)) ? 1.0 : 0.0,
                ["kind"] = KindOf(g) == KindOf(p) ? 1.0 : 0.0,
                ["paragraphs"] = F1(ParaBounds(g), ParaBounds(p)),
            };
            var sum = 0.0;
            foreach (var (k, w) in Weights) sum += w * parts[k];
            var score = sum / Weights.Sum(w => w.Value);
            total += score;
            var label = Truncate(Headline(g), 24);
            results.Add(new ArticleScore(gi, label.Length > 0 ? label : Str(g["kind"]) ?? "", bj, ok, score, parts));
        }
        var extra = pred.Count - used.Count;
        var final = 100 * total / Math.Max(gold.Count, 1) - 2 * Math.Max(0, extra - (gold.Count - found));
        return new ScoreReport(results, gold.Count, found, pred.Count, extra, Math.Max(final, 0));
    }

    // ---- the script's helpers, one for one ----

    /// <summary>re.sub(r"\s+", "", s): Python's \s is str.isspace, which .NET's char.IsWhiteSpace misses 0x1C–0x1F of.</summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (!IsPythonSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    public static string Headline(JsonObject a)
    {
        IEnumerable<JsonNode?> parts = a["headline"] is { } h
            ? h as JsonArray ?? (IEnumerable<JsonNode?>)new[] { h }
            : new[] { a["kicker"], a["title"], a["subtitle"] };
        return Norm(string.Concat(parts.Select(Str).Where(s => !string.IsNullOrEmpty(s))));
    }

    public static string Body(JsonObject a) =>
        Norm(string.Concat((a["paragraphs"] as JsonArray ?? []).Select(Str)));

    private static int Shared(int[] x, int[] y) =>
        x.Length == 0 || y.Length == 0 ? 0 : new SequenceMatcher(x, y).Matches();

    private static double Ratio(string x, string y)
    {
        if (x.Length == 0 && y.Length == 0) return 1.0;
        if (x.Length == 0 || y.Length == 0) return 0.0;
        return new SequenceMatcher(x, y).Ratio();
    }

    private static HashSet<string> Names(JsonObject a)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in a["byline"] as JsonArray ?? [])
            if (p is JsonObject o && Str(o["name"]) is { Length: > 0 } name) set.Add(Norm(name));
        return set;
    }

    private static double F1<T>(HashSet<T> g, HashSet<T> p)
    {
        if (g.Count == 0 && p.Count == 0) return 1.0;
        if (g.Count == 0 || p.Count == 0) return 0.0;
        var tp = g.Count(p.Contains);
        return tp == 0 ? 0.0 : 2.0 * tp / (g.Count + p.Count);
    }

    /// <summary>norm(str(d.get(key) or "")).</summary>
    private static string Dl(JsonObject a, string key) =>
        a["dateline"] is JsonObject d ? Norm(PyStr(d[key])) : "";

    /// <summary>(page, norm(section)) or null; page compared as Python compares the JSON value.</summary>
    private static (string? Page, string Section)? Jump(JsonObject a)
    {
        if (a["continuesTo"] is not JsonObject j || j.Count == 0) return null;
        return (PyValue(j["page"]), Norm(PyStr(j["section"])));
    }

    private static double Column(JsonObject g, JsonObject p)
    {
        var gc = Norm(Str(g["column"]));
        var pc = Norm(Str(p["column"]));
        if (gc.Length == 0) return pc.Length == 0 ? 1.0 : 0.5;
        if (pc.Length == 0) return 0.0;
        return pc.Contains(gc, StringComparison.Ordinal) || gc.Contains(pc, StringComparison.Ordinal) ? 1.0 : Ratio(gc, pc);
    }

    private static string KindOf(JsonObject a) => PyStr(a["kind"]) is { Length: > 0 } k ? k : "article";

    private static HashSet<int> ParaBounds(JsonObject a)
    {
        var set = new HashSet<int>();
        var pos = 0;
        foreach (var p in a["paragraphs"] as JsonArray ?? [])
        {
            pos += CodePoints(Norm(Str(p))).Length;
            set.Add(pos);
        }
        return set;
    }

    private static int[] CodePoints(string s) => SequenceMatcher.CodePoints(s);

    private static string Truncate(string s, int n)
    {
        var cps = CodePoints(s);
        return cps.Length <= n ? s : string.Concat(cps.Take(n).Select(char.ConvertFromUtf32));
    }

    private static string? Str(JsonNode? n) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>str(x or ""): falsy JSON (null, "", 0, false, [], {}) → "", otherwise Python's str of the value.</summary>
    private static string PyStr(JsonNode? n)
    {
        switch (n)
        {
            case null: return "";
            case JsonValue v:
                switch (v.GetValueKind())
                {
                    case JsonValueKind.String: return v.GetValue<string>();
                    case JsonValueKind.True: return "True";
                    case JsonValueKind.False: return "";
                    case JsonValueKind.Number:
                        var d = v.GetValue<double>();
                        if (d == 0) return "";
                        var raw = v.ToJsonString();
                        if (!(raw.Contains('.') || raw.Contains('e') || raw.Contains('E'))) return raw;   // an int
                        var r = d.ToString("R", CultureInfo.InvariantCulture);   // a float: Python's repr keeps ".0"
                        return r.Contains('.') || r.Contains('E') ? r : r + ".0";
                    default: return "";
                }
            case JsonArray arr: return arr.Count == 0 ? "" : arr.ToJsonString();
            case JsonObject obj: return obj.Count == 0 ? "" : obj.ToJsonString();
            default: return "";
        }
    }

    /// <summary>A key under which equal Python values (2 == 2.0, "2" != 2) compare equal.</summary>
    private static string? PyValue(JsonNode? n) => n switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => "n:" + v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "s:" + v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "n:1",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "n:0",
        _ => "j:" + n.ToJsonString(),
    };
}
