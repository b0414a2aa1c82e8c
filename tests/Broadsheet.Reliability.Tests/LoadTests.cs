using System.Collections.Concurrent;
using System.Diagnostics;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.Reliability.Tests;

/// <summary>100 issues uploaded at once to the dev host while 32 clients query it. Prints throughput and latency.</summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Issues = 100, QueryClients = 32;
    private const string Date = "2022-08-08";

    [Fact]
    public async Task Hundred_issues_at_once_all_complete_while_32_clients_query_without_errors()
    {
        await using var dev = new DevHostStack();
        await dev.InitializeAsync();
        var expected = IssueParser.Parse(Inputs.ReferenceIssue, new IssueContext("load", DateOnly.Parse(Date))).Articles.Count;
        var names = Enumerable.Range(0, Issues).Select(i => $"load-{i:000}/{Date}.txt").ToList();

        // A first issue to query from the start.
        await dev.Issues.GetBlobClient($"seed/{Date}.txt").UploadAsync(new BinaryData(Inputs.ReferenceIssue), overwrite: true);
        await dev.WaitForFinishedAsync([$"seed/{Date}.txt"], TimeSpan.FromMinutes(2));
        var seedIds = (await ArticlesAsync(dev.Host, $"paper=seed&top=100")).Select(a => Str(a, "id")!).ToList();

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        string[] queries =
        [
            "issues?top=50", "articles?top=20", "articles?q=" + Q("技能人才"), "articles?person=" + Q("刘东利"),
            "articles?place=" + Q("嘉祥"), "articles?paper=seed&kind=article", "articles?from=2022-08-01&to=2022-08-31&top=50",
        ];
        var clients = Enumerable.Range(0, QueryClients).Select(c => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = dev.Host.Api, Timeout = TimeSpan.FromSeconds(60) };
            for (var n = c; !stop.IsCancellationRequested; n++)
            {
                var query = n % 8 == 7 ? "articles/" + Q(seedIds[n % seedIds.Count]) : queries[n % queries.Length];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(query);
                    await response.Content.ReadAsStringAsync();
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode) errors.Add($"{query} → {(int)response.StatusCode}");
                }
                catch (Exception e)
                {
                    errors.Add($"{query} → {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();

        // All 100 at once.
        var ingest = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 25 }, async (name, ct) =>
            await dev.Issues.GetBlobClient(name).UploadAsync(new BinaryData(Inputs.ReferenceIssue), overwrite: true, ct));
        var uploaded = ingest.Elapsed;
        var rows = await dev.WaitForFinishedAsync(names, TimeSpan.FromMinutes(6));
        var elapsed = ingest.Elapsed;
        stop.Cancel();
        await Task.WhenAll(clients);

        var sorted = latencies.Order().ToList();
        var report =
            $"{Issues} issues ({Issues * expected} stories, {Inputs.ReferenceIssue.Length / 1024} KB each) uploaded in {uploaded.TotalSeconds:0.0} s, all finished in {elapsed.TotalSeconds:0.0} s: " +
            $"{Issues / elapsed.TotalMinutes:0} issues/min, {Issues * expected / elapsed.TotalSeconds:0.0} stories/s. " +
            $"{QueryClients} query clients meanwhile: {sorted.Count} requests ({sorted.Count / elapsed.TotalSeconds:0} req/s), {errors.Count} errors, " +
            $"latency p50 {Percentiles.Of(sorted, 50):0} ms, p95 {Percentiles.Of(sorted, 95):0} ms, p99 {Percentiles.Of(sorted, 99):0} ms, max {sorted.LastOrDefault():0} ms";
        output.WriteLine(report);
        Console.WriteLine("[reliability] " + report);

        Assert.True(errors.IsEmpty, $"{errors.Count} query errors, e.g. {string.Join("; ", errors.Take(5))}");
        Assert.True(sorted.Count > QueryClients, "the query clients ran");
        Assert.All(names, n => Assert.True(Str(rows[n], "status") == "complete", $"{n}: {Str(rows[n], "status")} {Str(rows[n], "error")}"));
        Assert.All(names, n => Assert.Equal(expected, rows[n].GetProperty("articles").GetInt32()));
        var stories = await ArticlesAsync(dev.Host, $"date={Date}&top=100");
        Assert.Equal((Issues + 1) * expected, stories.Count);
        Assert.Equal(stories.Count, stories.Select(s => Str(s, "id")).Distinct().Count());
    }
}
