using Broadsheet.Core.Model;
using Broadsheet.Enrichment;
using Broadsheet.EntityEval;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

// Entity accuracy: people, places and organisations of our enrichment and of jieba's POS tagger, scored in one run
// against a BIO file (one character and its tag a line, a blank line between sentences). See scripts/measure-entities.sh.
//   Broadsheet.EntityEval FILE [--split look|look-a|look-b|held-out|all] [--errors N] [--markdown] [--no-jieba]
// --no-jieba skips the (slow) jieba POS baseline while iterating; reported numbers come from runs with it.
// Articles: groups of 8 consecutive sentences. Even-numbered articles are the "look" half (tune on it, read its errors),
// odd-numbered ones the "held-out" half (report only; --errors refuses it). To estimate how a new rule generalises
// before spending a held-out run, the look half splits in two quarters: "look-a" (articles 0, 4, 8 …: tune, read
// errors) and "look-b" (2, 6, 10 …: scored only, like the held-out half).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: Broadsheet.EntityEval FILE.bio[.gz] [--split look|look-a|look-b|held-out|all] [--errors N] [--markdown] [--no-jieba]\n       Broadsheet.EntityEval --people-check FILE.tsv [--errors N] [--corpus FILE.jsonl.gz]\n       Broadsheet.EntityEval --people-sample|--places-sample|--orgs-sample FILE.jsonl.gz N");
    return args.Length == 0 ? 2 : 0;
}
// --text STRING: what enrichment finds in one text and how it was cut (for looking at a case by hand).
if (args is ["--text", var sample])
{
    var lexicon = Broadsheet.Enrichment.Lexicon.NewsroomLexicon.Shared;
    Console.WriteLine(string.Join(" ", lexicon.Cut(sample).Select(t => lexicon.TryGetWord(t.Word, out var w) ? $"{t.Word}/{w.Tag}{w.Freq}" : t.Word)));
    var found = new ArticleEnricher().Enrich(new Article { Paragraphs = [sample] }, new IssueInfo());
    Console.WriteLine($"people: {string.Join(", ", found.People.Select(p => p.Name))}\nplaces: {string.Join(", ", found.Places.Select(p => p.Name))}\norganisations: {string.Join(", ", found.Organizations.Select(o => o.Name))}");
    return 0;
}
// --people-sample FILE.jsonl.gz N: the people found in every Nth article of the parser corpus (../shared/corpus/people-daily,
// no gold), each with its context, to check by eye on text the rules were never tuned on. --places-sample: the places;
// --orgs-sample: the organisations.
if (args is [var sampleMode and ("--people-sample" or "--places-sample" or "--orgs-sample"), var jsonl, var every] && int.TryParse(every, out var step))
{
    using var gz = new System.IO.Compression.GZipStream(File.OpenRead(jsonl), System.IO.Compression.CompressionMode.Decompress);
    using var reader = new StreamReader(gz);
    var sampleEnricher = new ArticleEnricher();
    var n = 0;
    for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine(), n++)
    {
        if (n % step != 0) continue;
        var paragraphs = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString() ?? "").ToList();
        var joined = string.Join('\n', paragraphs);
        var enriched = sampleEnricher.Enrich(new Article { Paragraphs = paragraphs }, new IssueInfo());
        var names = sampleMode switch
        {
            "--people-sample" => enriched.People.Select(p => p.Name),
            "--places-sample" => enriched.Places.Select(p => p.Name),
            _ => enriched.Organizations.Select(o => o.Name),
        };
        foreach (var name in names)
        {
            var i = joined.IndexOf(name, StringComparison.Ordinal);
            var context = i < 0 ? "" : joined[Math.Max(0, i - 8)..i] + "[" + name + "]" + joined[(i + name.Length)..Math.Min(joined.Length, i + name.Length + 8)];
            Console.WriteLine($"{n}\t{name}\t{context.Replace('\n', ' ')}");
        }
    }
    return 0;
}
// --people-check FILE.tsv [--errors N] [--corpus FILE.jsonl.gz]: people against our own hand annotation of parser-corpus
// articles (tests/data/people-check), text the people rules were not written from: P/R/F1, then misses and extras.
// The corpus is found beside the repository (../shared, or BROADSHEET_SHARED); without it this says so and exits 0.
if (args.Length >= 2 && args[0] == "--people-check")
{
    var checkPath = args[1];
    var show = int.MaxValue;
    string? corpusPath = null;
    for (var i = 2; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--errors" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n): show = n; i++; break;
            case "--corpus" when i + 1 < args.Length: corpusPath = args[++i]; break;
            default: Console.Error.WriteLine($"entity-eval: unknown option {args[i]}"); return 2;
        }
    }
    if (!File.Exists(checkPath)) { Console.Error.WriteLine($"entity-eval: no file {checkPath}"); return 1; }
    var check = PeopleCheck.Load(checkPath);
    corpusPath ??= PeopleCheck.FindShared(Path.GetDirectoryName(Path.GetFullPath(checkPath))!) is { } shared ? PeopleCheck.CorpusFileFor(checkPath, shared) : null;
    if (corpusPath is null || !File.Exists(corpusPath))
    {
        Console.WriteLine($"No corpus for {checkPath} (set BROADSHEET_SHARED to the folder holding corpus/people-daily); nothing measured.");
        return 0;
    }
    var checkArticles = PeopleCheck.ReadArticles(corpusPath, check.Articles).ToDictionary(a => a.Id);
    var checkEnricher = new ArticleEnricher();
    var people = checkArticles.Values.ToDictionary(a => a.Id,
        a => checkEnricher.Enrich(new Article { Paragraphs = [.. a.Paragraphs] }, new IssueInfo { Paper = "人民日报", Date = a.Id[..10] }).People.Select(p => p.Name).ToList());
    var s = check.Score(id => people[id]);
    Console.WriteLine($"{checkPath}: {check.Articles.Count} articles of {corpusPath}, our own annotation; one-character names dropped");
    Console.WriteLine($"people         gold {s.Gold,5}   ours P {s.P:F3} R {s.R:F3} F1 {s.F1:F3}   ({s.Correct} right, {s.Misses.Count} missed, {s.Extras.Count} extra)");
    string Around(string id, string name)
    {
        var text = checkArticles[id].Text;
        var at = text.IndexOf(name, StringComparison.Ordinal);
        return at < 0 ? "" : (text[Math.Max(0, at - 10)..at] + "[" + name + "]" + text[(at + name.Length)..Math.Min(text.Length, at + name.Length + 10)]).Replace('\n', ' ');
    }
    if (show > 0)
    {
        Console.WriteLine($"\n## missed: {s.Misses.Count}");
        foreach (var (id, name) in s.Misses.Take(show)) Console.WriteLine($"  {id}\t{name}\t{Around(id, name)}");
        Console.WriteLine($"\n## extra: {s.Extras.Count}");
        foreach (var (id, name) in s.Extras.Take(show)) Console.WriteLine($"  {id}\t{name}\t{Around(id, name)}");
    }
    return 0;
}
var file = args[0];
var split = "held-out";
var errors = 0;
var markdown = false;
var withJieba = true;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--split" when i + 1 < args.Length: split = args[++i]; break;
        case "--errors" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n): errors = n; i++; break;
        case "--markdown": markdown = true; break;
        case "--no-jieba": withJieba = false; break;
        default: Console.Error.WriteLine($"entity-eval: unknown option {args[i]}"); return 2;
    }
}
if (split is not ("look" or "look-a" or "look-b" or "held-out" or "all")) { Console.Error.WriteLine("entity-eval: --split is look, look-a, look-b, held-out or all"); return 2; }
if (errors > 0 && split is not ("look" or "look-a")) { Console.Error.WriteLine("entity-eval: --errors only on the look half or its look-a quarter (the others are not looked at)"); return 2; }
if (!File.Exists(file)) { Console.Error.WriteLine($"entity-eval: no file {file}"); return 1; }

var sentences = Bio.Read(file);
var articles = Bio.Articles(sentences, Bio.SentencesPerArticle)
    .Where((_, k) => split switch { "all" => true, "look" => k % 2 == 0, "look-a" => k % 4 == 0, "look-b" => k % 4 == 2, _ => k % 2 == 1 }).ToList();

var enricher = new ArticleEnricher();
ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
var tagger = new PosSegmenter(new JiebaSegmenter());
var issue = new IssueInfo { Paper = "人民日报", Date = "1998-01-15" };

var ours = new Score();
var jieba = new Score();
foreach (var article in articles)
{
    var gold = article.Gold();
    var text = string.Join('\n', article.Sentences.Select(s => s.Text));
    var e = enricher.Enrich(new Article { Paragraphs = article.Sentences.Select(s => s.Text).ToList() }, issue);
    ours.Add(article, gold, new Entities(
        e.People.Select(p => p.Name), e.Places.Select(p => p.Name), e.Organizations.Select(o => o.Name)));
    if (!withJieba) continue;
    var tags = tagger.Cut(text).ToList();
    jieba.Add(article, gold, new Entities(
        tags.Where(t => t.Flag == "nr").Select(t => t.Word), tags.Where(t => t.Flag == "ns").Select(t => t.Word),
        tags.Where(t => t.Flag == "nt").Select(t => t.Word)));
}

Console.WriteLine($"{file}: {sentences.Count:N0} sentences, {articles.Count} articles of {Bio.SentencesPerArticle} sentences in the {split} half" +
    (split switch { "all" => "", "look" => " (even-numbered)", "look-a" => " (numbered 0 mod 4)", "look-b" => " (numbered 2 mod 4)", _ => " (odd-numbered)" }) + "; one-character spans dropped on both sides");
Console.WriteLine(markdown ? "\n| type | gold | Broadsheet P | R | F1 | jieba POS P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|" : "");
foreach (var type in Entities.Types)
{
    var (o, j) = (ours.Of(type), jieba.Of(type));
    Console.WriteLine(markdown
        ? $"| {type} | {o.Gold} | {o.P:F3} | {o.R:F3} | **{o.F1:F3}** | {j.P:F3} | {j.R:F3} | {j.F1:F3} |"
        : $"{type,-14} gold {o.Gold,5}   ours P {o.P:F3} R {o.R:F3} F1 {o.F1:F3}   jieba POS P {j.P:F3} R {j.R:F3} F1 {j.F1:F3}");
}
if (errors > 0) ours.PrintErrors(errors);
return 0;

