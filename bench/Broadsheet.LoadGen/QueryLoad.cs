using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Broadsheet.LoadGen;

/// <summary>
/// Concurrent clients, each looping over person, place, keyword and date-range searches for a fixed time. Query values
/// come from stored stories (their enrichment), so every query has hits; latency is the whole HTTP round trip.
/// </summary>
public static class QueryLoad
{
    private const string Paper = "济宁日报";

    public static async Task RunAsync(HttpClient http, string api, int storedStories, List<DateOnly> dates, int clients, TimeSpan duration,
        TimeSpan warmUp, Action<string, string, string, bool?> report)
    {
        var people = new Dictionary<string, int>();
        var places = new Dictionary<string, int>();
        var keywords = new Dictionary<string, int>();
        foreach (var date in dates.Where((_, i) => i % Math.Max(1, dates.Count / 12) == 0).Take(12))
        {
            var doc = await http.GetFromJsonAsync<JsonElement>($"{api}/articles?paper={Uri.EscapeDataString(Paper)}&date={date:yyyy-MM-dd}&top=100");
            foreach (var a in doc.GetProperty("items").EnumerateArray())
            {
                if (!a.TryGetProperty("enrichment", out var e) || e.ValueKind != JsonValueKind.Object) continue;
                foreach (var p in e.GetProperty("people").EnumerateArray())
                    if (!p.GetProperty("isAuthor").GetBoolean()) Count(people, p.GetProperty("name").GetString());
                foreach (var p in e.GetProperty("places").EnumerateArray()) Count(places, p.GetProperty("name").GetString());
                foreach (var k in e.GetProperty("keywords").EnumerateArray()) Count(keywords, k.GetProperty("term").GetString());
            }
        }
        static string[] Top(Dictionary<string, int> d) => d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(40).Select(kv => kv.Key).ToArray();
        var (topPeople, topPlaces, topKeywords) = (Top(people), Top(places), Top(keywords));
        var kinds = new (string Name, Func<Random, string> Url)[]
        {
            ("person", r => $"{api}/articles?person={Uri.EscapeDataString(Pick(r, topPeople))}"),
            ("place", r => $"{api}/articles?place={Uri.EscapeDataString(Pick(r, topPlaces))}"),
            ("keyword", r => $"{api}/articles?q={Uri.EscapeDataString(Pick(r, topKeywords))}"),
            ("date range", r =>
            {
                var from = dates[r.Next(dates.Count)];
                return $"{api}/articles?from={from:yyyy-MM-dd}&to={from.AddDays(r.Next(0, 7)):yyyy-MM-dd}";
            }),
        };
        if (people.Count == 0 || places.Count == 0 || keywords.Count == 0)
            throw new BenchException($"stored stories give no query values (people {people.Count}, places {places.Count}, keywords {keywords.Count})");

        // Warm-up, not timed: every client for a while, so the JIT and the host's caches (posting pages, rankings, the
        // JSON of the stories the searches return) reach their steady state — a newsroom's searches run all day.
        var warmUntil = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(1 + c);
            for (var i = c; warmUntil.Elapsed < warmUp; i++)
            {
                try { (await http.GetAsync(kinds[i % kinds.Length].Url(rng))).Dispose(); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            }
        })));

        var samples = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        var hits = kinds.ToDictionary(k => k.Name, _ => 0L);
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(1000 + c);
            var i = c;
            while (deadline.Elapsed < duration)
            {
                var kind = kinds[i++ % kinds.Length];
                var url = kind.Url(rng);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    var ms = clock.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                    var items = JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
                    lock (samples) { samples[kind.Name].Add(ms); hits[kind.Name] += items; }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));

        var all = samples.Values.SelectMany(v => v).ToList();
        Console.WriteLine($"  queries: {all.Count} in {duration.TotalSeconds:F0} s from {clients} clients ({all.Count / duration.TotalSeconds:F0}/s), {errors} errors");
        foreach (var (name, list) in samples)
        {
            var p95 = Percentile(list, 0.95);
            report($"{name} query p95, {clients} clients, {storedStories:N0} stories", "≤ 50 ms",
                $"{p95:F0} ms (p50 {Percentile(list, 0.5):F0}, p99 {Percentile(list, 0.99):F0}; {list.Count} queries, {(list.Count == 0 ? 0 : hits[name] / (double)list.Count):F0} hits each)",
                list.Count > 0 && p95 <= 50 && errors == 0);
        }
        if (errors > 0) report("query errors", "0", errors.ToString(), false);
    }

    private static void Count(Dictionary<string, int> d, string? v)
    {
        if (!string.IsNullOrWhiteSpace(v)) d[v] = d.GetValueOrDefault(v) + 1;
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var s = values.Order().ToList();
        return s[Math.Min(s.Count - 1, (int)Math.Ceiling(p * s.Count) - 1)];
    }
}
