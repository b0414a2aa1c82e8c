using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Api;
using Broadsheet.Ingestion;
using Broadsheet.Search;
using Broadsheet.Storage;
using DevHostCommand = Broadsheet.DevHost.DevHost;
using IssueWatcher = Broadsheet.DevHost.IssueWatcher;

namespace Broadsheet.Docs.Tests;

/// <summary>
/// The README and docs/ state no figure the code doesn't define. A figure that is a code constant is marked in the
/// markdown source right after it — <c>100&lt;!--code:EnrichBatchSize--&gt;</c>, invisible when rendered — and must be the
/// code's value; every other mention of those figures in the phrases they drifted in before ("batches of 200 stories",
/// "4 attempts in all", "at most 200,000 postings") must agree too; and each figure is stated somewhere.
/// </summary>
public sealed partial class DocFiguresTests
{
    private sealed record Fact(string Name, string Value, params string[] Mentions);

    private static string N(long n) => n >= 1000 ? n.ToString("N0", CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture);

    private static readonly IngestionOptions Ingestion = new();
    private static readonly StorageOptions Storage = new();

    /// <summary>Every figure the docs may state, from the code; with the phrases that mention it without a mark (group n).</summary>
    private static readonly Fact[] Facts =
    [
        new("EnrichBatchSize", N(Ingestion.EnrichBatchSize),
            @"batch(?:es)?\s+(?:of|hold|holds)\s+(?:up\s+to\s+|at\s+most\s+)?(?<n>\d[\d,]*)\s+(?:stories|articles)",
            @"(?<n>\d[\d,]*)\s+stories\s+(?:a|per)\s+batch"),
        new("EnrichBatchChars", N(Ingestion.EnrichBatchChars)),
        new("MaxUploadBytes", $"{Ingestion.MaxUploadBytes / 1024 / 1024} MB", @"larger\s+than\s+(?<n>\d+)\s+MB"),
        new("MaxPagesPerIssue", N(Ingestion.MaxPagesPerIssue), @"more\s+than\s+the\s+(?<n>\d[\d,]*)\s+an\s+issue\s+may\s+have"),
        new("MaxStoriesPerIssue", N(Ingestion.MaxStoriesPerIssue)),
        new("MaxPaperLength", N(IssueKey.MaxPaperLength), @"longer\s+than\s+(?<n>\d+)\s+characters"),
        new("IssueTopDefault", N(IssueRequest.DefaultTop)),
        new("IssueTopMax", N(IssueRequest.MaxTop)),
        new("ActivityAttempts", N(IngestOrchestrator.ActivityAttempts),
            @"every\s+activity\s+(?:has\s+)?(?<n>\d+)\b", @"Durable\s+retry\s+policy\s+\((?<n>\d+)", @"activity\s+retries:?\s+(?<n>\d+)"),
        new("StorageAttempts", N(Storage.MaxAttempts), @"(?<n>\d+)\s+attempts\s+in\s+all", @"every\s+storage\s+call\s+(?:has\s+)?(?<n>\d+)\s+attempts"),
        new("StorageAttemptTimeout", $"{Storage.AttemptTimeout.TotalSeconds:0} s"),
        new("IndexBuckets", N(Storage.IndexBuckets), @"into\s+(?<n>\d+)\s+buckets"),
        new("GenerationCheck", $"{IndexGeneration.Check.TotalMilliseconds:0} ms", @"at\s+most\s+every\s+(?<n>\d+)\s+ms"),
        new("MaxCachedPostings", N(PostingPages.MaxCachedPostings), @"at\s+most\s+(?<n>\d[\d,]*)\s+postings"),
        new("ArticleJsonCacheChars", N(ArticleJsonCache.GenerationChars), @"two\s+generations\s+of\s+at\s+most\s+(?<n>\d[\d,]*)"),
        new("WholeListEntities", N(IndexStore.WholeListEntities)),
        new("MaxPackedChars", N(PackedPosting.MaxPackedChars)),
        new("KeywordGroups", N(PostingKeys.KeywordGroups)),
        new("MaxRanked", N(QueryEngine.MaxRanked), @"capped\s+at\s+(?<n>\d[\d,]*)"),
        new("MaxRankings", N(QueryEngine.MaxRankings)),
        new("ArticleChunkChars", N(ArticleStore.ChunkChars)),
        new("ArticleMaxChunks", N(ArticleStore.MaxChunks)),
        new("EnginePartitions", N(Broadsheet.DevHost.LocalEngine.PartitionCount)),
        new("EngineActivities", N(Broadsheet.DevHost.LocalEngine.MaxActivities)),
        new("DefaultPort", DevHostCommand.DefaultPort.ToString(CultureInfo.InvariantCulture)),
        new("UploadWaitSeconds", N(Broadsheet.Cli.Commands.UploadCommand.DefaultWaitSeconds), @"--timeout\s+N`?\s+gives\s+up\s+after\s+N\s+seconds,\s+default\s+(?<n>\d+)"),
        new("WatcherParallelism", N(IssueWatcher.DefaultParallelism), @"up\s+to\s+(?<n>\d+)\s+blobs\s+at\s+a\s+time"),
        new("ArticlesTopDefault", N(ArticleSearchRequest.DefaultTop)),
        new("ArticlesTopMax", N(ArticleSearchRequest.MaxTop)),
        new("IssuesTopDefault", N(IssueListRequest.DefaultTop)),
        new("IssuesTopMax", N(IssueListRequest.MaxTop)),
        new("SweepEveryMinutes", $"{SweepEveryMinutes()} minutes", @"SweepStuckUploads\s+\(every\s+(?<n>\d+)\s+minutes"),
        new("DevSweepStuckAfterMinutes", $"{IssueWatcher.SweepStuckAfter.TotalMinutes:0} minutes"),
        new("SweepStuckAfterMinutes", $"{StuckUploadSweep.DefaultStuckAfter.TotalMinutes:0} minutes", @"not\s+changed\s+for\s+(?<n>\d+)\s+minutes"),
        new("SweepStaleAfterMinutes", $"{StuckUploadSweep.DefaultStaleAfter.TotalMinutes:0} minutes"),
        new("DevSweepStaleAfterMinutes", $"{IssueWatcher.SweepStaleAfter.TotalMinutes:0} minutes"),
        new("SweepTerminateWait", $"{StuckUploadSweep.TerminateWait.TotalSeconds:0} s"),
        new("HubRetentionDays", $"{StuckUploadSweep.DefaultRetention.TotalDays:0} days"),
        new("HubPurgeTimeout", $"{StuckUploadSweep.PurgeTimeout.TotalMinutes:0} minute"),
    ];

    /// <summary>The sweep's interval, from its NCRONTAB schedule ("0 */N * * * *").</summary>
    private static int SweepEveryMinutes()
    {
        var m = Regex.Match(StuckUploadSweep.Schedule, @"^0 \*/(\d+) \* \* \* \*$");
        Assert.True(m.Success, $"the sweep's schedule {StuckUploadSweep.Schedule} is no longer every N minutes: say here how to read it");
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static readonly string Root = FindRoot();

    /// <summary>The README, docs/ and the libraries' own notes: every markdown file a reader is pointed to.</summary>
    private static List<string> DocumentPaths() =>
        new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Select(f => Path.GetRelativePath(Root, f)))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)))
            .Select(f => f.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Documents() => new(DocumentPaths());

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_marked_figure_is_the_codes(string document)
    {
        var text = File.ReadAllText(Path.Combine(Root, document));
        var wrong = new List<string>();
        foreach (Match m in Marker().Matches(text))
        {
            var fact = Facts.FirstOrDefault(f => f.Name == m.Groups["name"].Value);
            if (fact is null)
            {
                wrong.Add($"{Where(document, text, m.Index)}: no fact named {m.Groups["name"].Value}");
                continue;
            }
            var before = text[..m.Index].TrimEnd('*', '`');
            if (!before.EndsWith(fact.Value, StringComparison.Ordinal))
                wrong.Add($"{Where(document, text, m.Index)}: {fact.Name} is {fact.Value} in the code, the text says …{before[^Math.Min(24, before.Length)..]}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_mention_of_a_coded_figure_agrees_with_the_code(string document)
    {
        var raw = File.ReadAllText(Path.Combine(Root, document));
        var text = Marker().Replace(raw, "").Replace("**", "").Replace("`", "");
        var wrong = new List<string>();
        foreach (var fact in Facts)
            foreach (var pattern in fact.Mentions)
                foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase))
                    if (m.Groups["n"].Value.Replace(",", "") != Digits(fact.Value))
                        wrong.Add($"{document}: \"{m.Value.ReplaceLineEndings(" ")}\" — {fact.Name} is {fact.Value} in the code");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_figure_that_matters_is_stated_and_marked_somewhere()
    {
        var marked = DocumentPaths().Select(d => File.ReadAllText(Path.Combine(Root, d)))
            .SelectMany(t => Marker().Matches(t).Select(m => m.Groups["name"].Value)).ToHashSet();
        foreach (var name in new[] { "EnrichBatchSize", "ActivityAttempts", "StorageAttempts", "MaxCachedPostings", "ArticleJsonCacheChars", "MaxUploadBytes", "IndexBuckets", "MaxPagesPerIssue", "MaxStoriesPerIssue", "MaxPaperLength" })
            Assert.Contains(name, marked);
    }

    [Fact]
    public void Every_doc_the_code_cites_exists()
    {
        var cited = new List<(string File, string Doc)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".ts", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            cited.AddRange(DocPath().Matches(text).Select(m => (file, m.Value)));
            if (text.Contains("contract §", StringComparison.Ordinal)) cited.Add((file, "docs/contract.md"));
        }
        Assert.Contains(cited, c => c.Doc == "docs/contract.md");
        var missing = cited.Where(c => !File.Exists(Path.Combine(Root, c.Doc))).Select(c => $"{Path.GetRelativePath(Root, c.File)} cites {c.Doc}").ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        var contract = File.ReadAllText(Path.Combine(Root, "docs", "contract.md"));
        Assert.Matches(@"(?m)^## 3\. ", contract);
    }

    [Fact]
    public void A_wrong_figure_is_caught()
    {
        // The checks above read real files; this one shows they fail on drift, on text made to drift.
        var fact = Facts.Single(f => f.Name == "EnrichBatchSize");
        var drifted = $"Enrichment runs in batches of {Digits(fact.Value)}0 stories.";
        Assert.Contains(fact.Mentions, p => Regex.Match(drifted, p, RegexOptions.IgnoreCase) is { Success: true } m && m.Groups["n"].Value != Digits(fact.Value));
    }

    private static string Digits(string value) => new(value.TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit).ToArray());

    private static string Where(string document, string text, int index) => $"{document}:{text[..index].Count(c => c == '\n') + 1}";

    [GeneratedRegex(@"<!--code:(?<name>\w+)-->")]
    private static partial Regex Marker();

    [GeneratedRegex(@"docs/[\w.-]+\.md")]
    private static partial Regex DocPath();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "docs")))
                return dir.FullName;
        throw new InvalidOperationException($"no README.md with docs/ above {AppContext.BaseDirectory}");
    }
}
