using EnrichmentModel = Broadsheet.Core.Model.Enrichment;
using System.Text;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Api.Tests;

/// <summary>
/// A small archive for the HTTP tests, ingested once through the real pipeline (its own Azurite): the reference
/// page as jining-daily 2022-08-08 and as other-paper 2022-08-09, and a corrected copy (刘东利 → 王东来) as
/// jining-daily 2022-08-10. A tagging enricher marks people, places and organisations by name, so what each
/// filter must return can be worked out from the parser's own output.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    /// <summary>The test classes that read the archive (they share one: ingesting it takes a while).</summary>
    public const string Collection = "Archive";

    public static readonly (string Paper, string Date, string Text)[] Issues =
    [
        ("jining-daily", "2022-08-08", Samples.ReferenceText()),
        ("other-paper", "2022-08-09", Samples.ReferenceText()),
        ("jining-daily", "2022-08-10", Samples.ReferenceText().Replace("刘东利", "王东来")),
    ];

    private readonly AzuriteFixture _azurite = new();
    public PipelineHarness Harness { get; private set; } = null!;

    /// <summary>Every stored article: service id → (paper, date, article as parsed, tags).</summary>
    public Dictionary<string, (string Paper, string Date, Article Article, EnrichmentModel Tags)> Articles { get; } = [];

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Harness = await PipelineHarness.StartAsync(_azurite, o => o.EnrichBatchSize = 4,
            s => s.AddSingleton<IArticleEnricher, TaggingEnricher>());
        foreach (var (paper, date, text) in Issues)
        {
            var name = $"{paper}/{date}.txt";
            await Harness.UploadAsync(name, Encoding.UTF8.GetBytes(text));
            var (_, result) = await Harness.IngestAsync(name);
            Assert.True(result?.Status == "complete", $"{name}: {result?.Status} {result?.Error}");
            var parsed = IssueParser.Parse(Encoding.UTF8.GetBytes(text), new IssueContext(paper, DateOnly.Parse(date)));
            foreach (var a in parsed.Articles)
                Articles[$"{paper}_{date}_{a.Id}"] = (paper, date, a, new TaggingEnricher().Enrich(a, parsed.Issue));
        }
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>Test enricher: tags known names found in the text, plus hostile-looking names on the corrected issue.</summary>
public sealed class TaggingEnricher : IArticleEnricher
{
    public static readonly string[] People = ["刘东利", "王东来", "屈耀武", "徐庆刚"];
    public static readonly string[] Places = ["嘉祥", "汶上", "曲阜", "泗水"];
    public static readonly string[] Orgs = ["市人社局", "山东省科学技术厅"];
    public const string Author = "谷常浩";
    /// <summary>Values that would widen a query if they were ever pasted into a filter.</summary>
    public const string QuotedName = "O'Brien";
    public const string ODataName = "' or 1 eq 1 or '";

    public EnrichmentModel Enrich(Article article, IssueInfo issue)
    {
        var text = string.Concat(new[] { article.Kicker, article.Title, article.Subtitle, article.BylineRaw }.Concat(article.Paragraphs));
        var e = new EnrichmentModel
        {
            People = People.Where(text.Contains).Select(p => new Person(p, null, 1)).ToList(),
            Places = Places.Where(text.Contains).Select(p => new Place(p, p + "县", null)).ToList(),
            Organizations = Orgs.Where(text.Contains).Select(o => new Organization(o)).ToList(),
        };
        if (text.Contains(Author)) e.People.Add(new Person(Author, "本报记者", 1, IsAuthor: true));
        if (text.Contains("王东来")) e.People.AddRange([new Person(QuotedName, null, 1), new Person(ODataName, null, 1)]);
        return e;
    }
}

[CollectionDefinition(ArchiveFixture.Collection)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>;
