using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment;
using Broadsheet.Enrichment.Lexicon;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Broadsheet.Bench;

/// <summary>
/// Enrichment throughput on one core over ~250 KB of varied article text, with jieba.NET's plain cut and its POS tagger
/// over the same text as baselines. `dotnet run -c Release --project bench/Broadsheet.Bench -- --filter '*Enrich*'`.
/// The MB/s column is UTF-8 input bytes per second (article text; the dump's bytes for parse + enrich).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class EnrichBenchmark
{
    internal static readonly NewsCorpus Corpus = new();
    private static readonly string AllText = string.Join("\n", Corpus.Articles.Select(a => a.Title + "\n" + string.Join("\n", a.Paragraphs)));

    private ArticleEnricher _enricher = null!;
    private JiebaSegmenter _jieba = null!;
    private PosSegmenter _tagger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _enricher = new ArticleEnricher(NewsroomLexicon.Shared);
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        _jieba = new JiebaSegmenter();
        _tagger = new PosSegmenter(_jieba);
        _ = _tagger.Cut("预热词性标注").Count();
        Console.WriteLine($"// corpus: {Corpus.Articles.Count} articles, {Corpus.ArticleBytes:N0} bytes of article text, {Corpus.DumpBytes:N0} bytes as a dump");
    }

    [Benchmark(Description = "enrich")]
    public int Enrich()
    {
        var n = 0;
        foreach (var a in Corpus.Articles) n += _enricher.Enrich(a, Corpus.Issue).Keywords.Count;
        return n;
    }

    [Benchmark(Description = "parse + enrich")]
    public int ParseAndEnrich()
    {
        var issue = IssueParser.Parse(Corpus.Dump, new IssueContext("济宁日报", new DateOnly(2022, 8, 8)));
        var n = 0;
        foreach (var a in issue.Articles) n += _enricher.Enrich(a, issue.Issue).Keywords.Count;
        return n;
    }

    [Benchmark(Description = "jieba cut (HMM)", Baseline = true)]
    public int JiebaCut() => _jieba.Cut(AllText).Count();

    [Benchmark(Description = "jieba cut (no HMM)")]
    public int JiebaCutNoHmm() => _jieba.Cut(AllText, hmm: false).Count();

    [Benchmark(Description = "our cut (= jieba, no HMM)")]
    public int OurCut() => NewsroomLexicon.Shared.Cut(AllText).Count;

    [Benchmark(Description = "jieba POS tagger")]
    public int JiebaPosTagger() => _tagger.Cut(AllText).Count();

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            // In process (jieba's Resources/ sit beside this assembly), one launch, a few iterations: each op is 0.1–1 s.
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(8));
            AddColumn(new MegabytesPerSecondColumn(c =>
                c.Descriptor.WorkloadMethod.Name == nameof(ParseAndEnrich) ? Corpus.DumpBytes : Corpus.ArticleBytes));
        }
    }
}
