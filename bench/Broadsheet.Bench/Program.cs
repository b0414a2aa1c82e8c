using System.Diagnostics;
using BenchmarkDotNet.Running;
using Broadsheet.Enrichment.Lexicon;

// `-- load`: cold dictionary load time and memory, in a fresh process (jieba's dictionary is a per-process singleton,
// so BenchmarkDotNet's repeated invocations can't measure it).
if (args is ["load"])
{
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var clock = Stopwatch.StartNew();
    var lexicon = NewsroomLexicon.Shared;
    var elapsed = clock.Elapsed;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    GC.KeepAlive(lexicon);
    Console.WriteLine($"lexicon load: {elapsed.TotalMilliseconds:F0} ms; managed heap +{(after - before) / 1e6:F0} MB; working set {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB");
    return;
}

// `-- quick`: a stopwatch pass over the enrichment corpus, for a fast look while tuning (the figures come from BenchmarkDotNet).
if (args is ["quick"])
{
    var corpus = Broadsheet.Bench.EnrichBenchmark.Corpus;
    var enricher = new Broadsheet.Enrichment.ArticleEnricher();
    for (var round = 0; round < 4; round++)
    {
        var clock = Stopwatch.StartNew();
        foreach (var a in corpus.Articles) enricher.Enrich(a, corpus.Issue);
        Console.WriteLine($"enrich: {corpus.ArticleBytes / clock.Elapsed.TotalSeconds / 1e6:F2} MB/s ({corpus.Articles.Count} articles, {corpus.ArticleBytes:N0} bytes)");
        Broadsheet.Bench.StageTimes.Print(corpus);
    }
    return;
}

// Each benchmark is a class in this assembly: `dotnet run -c Release --project bench/Broadsheet.Bench -- --filter '*'`.
// `-- --quick` times one parse of the benchmark issue without BenchmarkDotNet (a smoke check, not a measurement).
if (args is ["--quick"])
{
    var bytes = Broadsheet.Bench.ParseBenchmark.Issue;
    var ctx = new Broadsheet.Core.Model.IssueContext("bench", new DateOnly(2022, 8, 8));
    for (var i = 0; i < 3; i++) Broadsheet.Core.IssueParser.Parse(bytes, ctx);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    const int n = 10;
    for (var i = 0; i < n; i++) Broadsheet.Core.IssueParser.Parse(bytes, ctx);
    var s = sw.Elapsed.TotalSeconds / n;
    // On a shared machine wall time overstates the cost; CPU time of this process is what one core spent.
    var c = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / n;
    Console.WriteLine($"{bytes.Length / 1e6:F2} MB: wall {s * 1000:F0} ms = {bytes.Length / 1e6 / s:F1} MB/s; cpu {c * 1000:F0} ms = {bytes.Length / 1e6 / c:F1} MB/s per CPU-second");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
