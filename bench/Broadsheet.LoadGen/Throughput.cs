using System.Diagnostics;
using System.Text;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment;
using Broadsheet.Enrichment.Lexicon;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Broadsheet.LoadGen;

/// <summary>
/// Parse and parse + enrich throughput on one thread over generated issues, with jieba.NET's plain cut and POS tagger
/// over the same stories' text in the same run as baselines. Rates are per CPU-second of this process (on a shared
/// machine wall time mostly measures the wait for a core); BenchmarkDotNet's figures are in bench/Broadsheet.Bench.
/// </summary>
public static class Throughput
{
    public static void Run(IssueGenerator generator, bool quick, Action<string, string, string, bool?> report)
    {
        var issues = Enumerable.Range(500_000, quick ? 2 : 4).Select(n => generator.Generate(n)).ToList();
        var dumps = issues.Select(i => Encoding.UTF8.GetBytes(i.Text)).ToList();
        var contexts = issues.Select(i => new IssueContext(i.Paper, i.Date)).ToList();
        long dumpBytes = dumps.Sum(d => d.Length);
        var minCpu = TimeSpan.FromSeconds(quick ? 1 : 3);

        var parsed = dumps.Select((d, i) => IssueParser.Parse(d, contexts[i])).ToList();
        var articleText = string.Join("\n", parsed.SelectMany(p => p.Articles).Select(a => a.Title + "\n" + string.Join("\n", a.Paragraphs)));
        long textBytes = Encoding.UTF8.GetByteCount(articleText);
        var enricher = new ArticleEnricher();
        _ = enricher.Enrich(parsed[0].Articles[0], parsed[0].Issue);

        // Ours first, before jieba.NET's baselines load: their ~150 MB of dictionaries would make every full GC in this
        // process dearer than it is in the service, which never loads them.
        var parse = Rate(dumpBytes, minCpu, () =>
        {
            for (var i = 0; i < dumps.Count; i++) IssueParser.Parse(dumps[i], contexts[i]);
        });
        var parseEnrich = Rate(dumpBytes, minCpu, () =>
        {
            for (var i = 0; i < dumps.Count; i++)
            {
                var issue = IssueParser.Parse(dumps[i], contexts[i]);
                foreach (var a in issue.Articles) a.Enrichment = enricher.Enrich(a, issue.Issue);
            }
        });
        var ours = Rate(textBytes, minCpu, () => _ = NewsroomLexicon.Shared.Cut(articleText).Count);

        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        var jieba = new JiebaSegmenter();
        var tagger = new PosSegmenter(jieba);
        _ = tagger.Cut("预热词性标注").Count();
        var cut = Rate(textBytes, minCpu, () => jieba.Cut(articleText, hmm: false).Count());
        var pos = Rate(textBytes, minCpu, () => tagger.Cut(articleText).Count());

        var stories = parsed.Sum(p => p.Articles.Count);
        Console.WriteLine($"  throughput corpus: {issues.Count} generated issues, {dumpBytes / 1e6:F2} MB of dumps, {stories} stories, {textBytes / 1e6:F2} MB of story text");
        report("parse alone, per core", "≥ 20 MB/s", $"{parse:F1} MB/s", parse >= 20);
        report("parse + enrich, per core", "≥ 1 MB/s", $"{parseEnrich:F2} MB/s ({parseEnrich / pos:F1}× POS tagger, {parseEnrich / cut:F2}× plain cut)", parseEnrich >= 1);
        report("  baseline: jieba plain cut (no HMM)", "—", $"{cut:F2} MB/s", null);
        report("  baseline: jieba POS tagger", "—", $"{pos:F2} MB/s", null);
        report("  our cut (jieba's tokens, own table)", "—", $"{ours:F2} MB/s", null);
    }

    /// <summary>MB per CPU-second: repeats the work until it has used at least <paramref name="minCpu"/>.</summary>
    private static double Rate(long bytes, TimeSpan minCpu, Action work)
    {
        // Warm up as long as we measure: the JIT only recompiles hot code optimised after it has run a while, and
        // a service runs the optimised code (one warm-up call measured tier-0 code: 10 MB/s for parse instead of 30).
        var process = Process.GetCurrentProcess();
        var warm = process.TotalProcessorTime;
        do { work(); process.Refresh(); } while (process.TotalProcessorTime - warm < minCpu + TimeSpan.FromSeconds(1));
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var rounds = 0;
        TimeSpan used;
        do
        {
            work();
            rounds++;
            process.Refresh();
            used = process.TotalProcessorTime - cpu0;
        } while (used < minCpu);
        return bytes * (double)rounds / used.TotalSeconds / 1e6;
    }
}
