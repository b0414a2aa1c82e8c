using System.Diagnostics;
using BenchmarkDotNet.Running;
using Broadsheet.Enrichment.Lexicon;

// `-- load`: cold dictionary load time and memory, in a fresh process (jieba's dictionary is a per-process singleton,
// so BenchmarkDotNet's repeated invocations can't measure it).
if (args is ["load"])
{
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var lexicon = NewsroomLexicon.Shared;
    var elapsed = clock.Elapsed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    GC.KeepAlive(lexicon);
    // CPU time too: on a busy shared machine the wall clock mostly measures the queue for a core.
    Console.WriteLine($"lexicon load: {elapsed.TotalMilliseconds:F0} ms wall, {cpu.TotalMilliseconds:F0} ms CPU ({lexicon.LoadParts}); managed heap +{(after - before) / 1e6:F0} MB; working set {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB");
    return;
}

// `-- dump DIR [FILE…]` and `-- cpu [ROUNDS]`: see Verify (output before/after a speed change, and CPU per round).
if (args is ["dump", var dumpDir, ..]) { Broadsheet.Bench.Verify.Dump(dumpDir, args.Skip(2)); return; }
if (args is ["cpu", ..]) { Broadsheet.Bench.Verify.Cpu(args.Length > 1 ? int.Parse(args[1]) : 20); return; }

// `-- quick`: the same workloads timed by wall clock and by this process's CPU time, median of 5 rounds. On a busy shared
// machine the CPU figure is the honest "one core" throughput (BenchmarkDotNet's wall clock then mostly measures the
// queue for a core); `-- quick stages` adds where enrichment time goes.
if (args.Length > 0 && args[0] == "quick")
{
    var bench = new Broadsheet.Bench.EnrichBenchmark();
    bench.Setup();
    var corpus = Broadsheet.Bench.EnrichBenchmark.Corpus;
    var workloads = new (string Name, Func<int> Run, int Bytes)[]
    {
        ("enrich", bench.Enrich, corpus.ArticleBytes),
        ("parse + enrich", bench.ParseAndEnrich, corpus.DumpBytes),
        ("jieba cut (HMM)", bench.JiebaCut, corpus.ArticleBytes),
        ("jieba cut (no HMM)", bench.JiebaCutNoHmm, corpus.ArticleBytes),
        ("our cut (same tokens)", bench.OurCut, corpus.ArticleBytes),
        ("jieba POS tagger", bench.JiebaPosTagger, corpus.ArticleBytes),
    };
    foreach (var (name, run, bytes) in workloads)
    {
        run(); // warm up
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run();
            wall.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"{name,-20} wall {bytes / Median(wall) / 1e6,5:F2} MB/s   CPU {bytes / Median(cpu) / 1e6,5:F2} MB/s");
    }
    if (args is [_, "stages"]) Broadsheet.Bench.StageTimes.Print(corpus);
    return;
}

// Each benchmark is a class in this assembly: `dotnet run -c Release --project bench/Broadsheet.Bench -- --filter '*'`.
// `-- --quick` times one parse of the benchmark issue without BenchmarkDotNet (a smoke check, not a measurement).
if (args is ["--quick"])
{
    var bytes = Broadsheet.Bench.ParseBenchmark.Issue;
    var ctx = new Broadsheet.Core.Model.IssueContext("bench", new DateOnly(2022, 8, 8));
    for (var i = 0; i < 3; i++) Broadsheet.Core.IssueParser.Parse(bytes, ctx);
    var g0 = GC.CollectionCount(0); var g1 = GC.CollectionCount(1); var g2 = GC.CollectionCount(2);
    var alloc = GC.GetAllocatedBytesForCurrentThread();
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    const int n = 10;
    for (var i = 0; i < n; i++) Broadsheet.Core.IssueParser.Parse(bytes, ctx);
    var s = sw.Elapsed.TotalSeconds / n;
    // On a shared machine wall time overstates the cost; CPU time of this process is what one core spent.
    var c = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / n;
    Console.WriteLine($"per parse: {(GC.GetAllocatedBytesForCurrentThread() - alloc) / n / 1e6:F1} MB allocated, GCs gen0/1/2 {(GC.CollectionCount(0) - g0) / (double)n:F1}/{(GC.CollectionCount(1) - g1) / (double)n:F1}/{(GC.CollectionCount(2) - g2) / (double)n:F1}");
    Console.WriteLine($"{bytes.Length / 1e6:F2} MB: wall {s * 1000:F0} ms = {bytes.Length / 1e6 / s:F1} MB/s; cpu {c * 1000:F0} ms = {bytes.Length / 1e6 / c:F1} MB/s per CPU-second");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
