using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment;
using Broadsheet.Enrichment.Lexicon;

namespace Broadsheet.Bench;

/// <summary>
/// Tools for speed work that must not change output: `-- dump DIR [FILE…]` writes every enrichment of the bench corpus,
/// of its parsed dump and of each FILE (an issue dump, parsed then enriched; a .bio/.bio.gz file, its sentences read in
/// groups of eight as articles) as JSON to DIR, to diff before against after. `-- cpu [ROUNDS]` times parse + enrich in
/// process CPU time over many rounds, for comparing two builds run interleaved on a busy machine.
/// </summary>
internal static class Verify
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Dump(string dir, IEnumerable<string> files)
    {
        Directory.CreateDirectory(dir);
        var enricher = new ArticleEnricher(NewsroomLexicon.Shared);
        var corpus = EnrichBenchmark.Corpus;
        Write(Path.Combine(dir, "corpus-articles.json"), enricher, corpus.Articles, corpus.Issue);
        var parsed = IssueParser.Parse(corpus.Dump, new IssueContext("济宁日报", new DateOnly(2022, 8, 8)));
        Write(Path.Combine(dir, "corpus-dump.json"), enricher, parsed.Articles, parsed.Issue);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".bio.gz") || name.EndsWith(".bio"))
            {
                Write(Path.Combine(dir, name + ".json"), enricher, BioArticles(file), new IssueInfo { Paper = "人民日报", Date = "1998-01-01" });
                continue;
            }
            var issue = IssueParser.Parse(File.ReadAllText(file), new IssueContext("济宁日报", new DateOnly(2022, 8, 8)));
            Write(Path.Combine(dir, name + ".json"), enricher, issue.Articles, issue.Issue);
        }
        return 0;
    }

    private static void Write(string path, ArticleEnricher enricher, IEnumerable<Article> articles, IssueInfo issue)
    {
        var all = articles.Select(a => new { a.Id, a.Title, Enrichment = enricher.Enrich(a, issue) }).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(all, Json));
        Console.WriteLine($"{path}: {all.Count} articles");
    }

    /// <summary>"char tag" a line, a blank line between sentences; eight sentences an article.</summary>
    private static IEnumerable<Article> BioArticles(string file)
    {
        using var raw = File.OpenRead(file);
        using var stream = file.EndsWith(".gz") ? new GZipStream(raw, CompressionMode.Decompress) : (Stream)raw;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sentences = new List<string>();
        var sentence = new StringBuilder();
        var number = 0;
        for (var line = reader.ReadLine(); ; line = reader.ReadLine())
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (sentence.Length > 0) { sentences.Add(sentence.ToString()); sentence.Clear(); }
                if ((sentences.Count == 8 || line is null) && sentences.Count > 0)
                {
                    yield return new Article { Id = $"bio-{++number:0000}", Title = "", Paragraphs = sentences.ToList() };
                    sentences.Clear();
                }
                if (line is null) yield break;
                continue;
            }
            sentence.Append(line[0]);
        }
    }

    /// <summary>Process CPU time of parse + enrich of the bench dump, per round, over many rounds (median and min).</summary>
    public static int Cpu(int rounds)
    {
        var bench = new EnrichBenchmark();
        bench.Setup();
        for (var i = 0; i < 3; i++) bench.ParseAndEnrich();
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            bench.ParseAndEnrich();
            process.Refresh();
            times.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }
        Console.WriteLine($"allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / rounds / 1e6:F1} MB a round, {(GC.CollectionCount(0) - gcs) / (double)rounds:F1} gen0 GCs");
        times.Sort();
        var bytes = EnrichBenchmark.Corpus.DumpBytes;
        Console.WriteLine($"parse + enrich CPU per round over {rounds}: median {times[rounds / 2]:F0} ms = {bytes / times[rounds / 2] / 1e3:F2} MB/s, min {times[0]:F0} ms = {bytes / times[0] / 1e3:F2} MB/s");
        StageCpu(rounds);
        return 0;
    }

    /// <summary>CPU per stage over the parsed bench dump's articles: each stage alone, all articles, many rounds (median ms a round).</summary>
    private static void StageCpu(int rounds)
    {
        var corpus = EnrichBenchmark.Corpus;
        var lexicon = NewsroomLexicon.Shared;
        var parsed = IssueParser.Parse(corpus.Dump, new IssueContext("济宁日报", new DateOnly(2022, 8, 8)));
        var texts = parsed.Articles.Select(a => new Broadsheet.Enrichment.Text.ArticleText(a, parsed.Issue, lexicon)).ToList();
        var people = new Broadsheet.Enrichment.Extractors.PersonExtractor(lexicon);
        var places = new Broadsheet.Enrichment.Extractors.PlaceExtractor(lexicon);
        var orgs = new Broadsheet.Enrichment.Extractors.OrganizationExtractor(lexicon);
        var keywords = new Broadsheet.Enrichment.Extractors.KeywordExtractor(lexicon);
        var stages = new (string Name, Action Run)[]
        {
            ("parse", () => IssueParser.Parse(corpus.Dump, new IssueContext("济宁日报", new DateOnly(2022, 8, 8)))),
            ("text+cut", () => { foreach (var a in parsed.Articles) _ = new Broadsheet.Enrichment.Text.ArticleText(a, parsed.Issue, lexicon); }),
            ("people", () => { foreach (var t in texts) people.Extract(t); }),
            ("places", () => { foreach (var t in texts) places.Extract(t, "济宁日报"); }),
            ("orgs", () => { foreach (var t in texts) orgs.Extract(t); }),
            ("keywords", () => { foreach (var t in texts) keywords.Extract(t); }),
            ("summary", () => { foreach (var t in texts) Broadsheet.Enrichment.Extractors.Summarizer.Summarize(t); }),
            ("simhash", () => { foreach (var t in texts) Broadsheet.Enrichment.Extractors.SimHash.Compute(t.Body); }),
        };
        var process = Process.GetCurrentProcess();
        var line = new StringBuilder("stage CPU ms a round (median) and MB allocated:");
        foreach (var (name, run) in stages)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            run();
            var allocatedMb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1e6;
            var times = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                run();
                process.Refresh();
                times.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            }
            times.Sort();
            line.Append($" {name} {times[rounds / 2]:F1} ({allocatedMb:F1} MB)");
        }
        Console.WriteLine(line);
    }
}
