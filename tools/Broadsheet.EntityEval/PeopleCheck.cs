using System.IO.Compression;
using System.Text.Json;

namespace Broadsheet.EntityEval;

/// <summary>One person name of the people check: the article it stands in and where it is first mentioned.</summary>
internal sealed record CheckedName(string Article, string Name, int Offset);

/// <summary>An article of the parser corpus: its id (date-page-seq) and paragraphs.</summary>
internal sealed record CorpusArticle(string Id, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The paragraphs joined by newlines: what the check's offsets count in.</summary>
    public string Text => string.Join('\n', Paragraphs);
}

/// <summary>
/// The independent people check (tests/data/people-check): person names annotated by hand in articles of the parser
/// corpus (../shared/corpus/people-daily), text the people rules were not written from. A TSV of article id, name and
/// offset; an article with no person has one line with name and offset empty, so the file lists every article read.
/// </summary>
internal sealed class PeopleCheck
{
    public required IReadOnlyList<string> Articles { get; init; }
    public required IReadOnlyList<CheckedName> Names { get; init; }

    public static PeopleCheck Parse(IEnumerable<string> lines)
    {
        var articles = new List<string>();
        var names = new List<CheckedName>();
        var n = 0;
        foreach (var line in lines)
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length != 3 || f[0].Length == 0) throw new FormatException($"line {n}: want article, name, offset separated by tabs");
            if (!articles.Contains(f[0])) articles.Add(f[0]);
            if (f[1].Length == 0 && f[2].Length == 0) continue;
            if (!int.TryParse(f[2], out var offset) || offset < 0) throw new FormatException($"line {n}: offset {f[2]} is no number");
            names.Add(new CheckedName(f[0], f[1], offset));
        }
        return new PeopleCheck { Articles = articles, Names = names };
    }

    public static PeopleCheck Load(string path) => Parse(File.ReadLines(path));

    /// <summary>
    /// The shared folder (corpus, fixtures) beside the repository: BROADSHEET_SHARED, else a "shared" folder holding
    /// corpus/ next to any folder above <paramref name="from"/>; null where there is none (the product's machines).
    /// </summary>
    public static string? FindShared(string from)
    {
        if (Environment.GetEnvironmentVariable("BROADSHEET_SHARED") is { Length: > 0 } env) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
        }
        return null;
    }

    /// <summary>The corpus file a check file is drawn from: people-daily-2019-10.jsonl.gz for 2019-10.tsv.</summary>
    public static string CorpusFileFor(string checkPath, string shared) =>
        Path.Combine(shared, "corpus", "people-daily", $"people-daily-{Path.GetFileNameWithoutExtension(checkPath)}.jsonl.gz");

    /// <summary>The articles of <paramref name="ids"/> from a corpus file (JSON Lines, gzipped), in the order asked.</summary>
    public static List<CorpusArticle> ReadArticles(string corpusPath, IReadOnlyCollection<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, CorpusArticle>(StringComparer.Ordinal);
        using var gz = new GZipStream(File.OpenRead(corpusPath), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var root = JsonDocument.Parse(line).RootElement;
            var id = $"{root.GetProperty("date").GetString()}-{root.GetProperty("page").GetInt32()}-{root.GetProperty("seq").GetInt32()}";
            if (!wanted.Contains(id)) continue;
            found[id] = new CorpusArticle(id, root.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString() ?? "").ToList());
        }
        var missing = ids.Where(i => !found.ContainsKey(i)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{corpusPath} has no article {string.Join(", ", missing)}");
        return ids.Select(i => found[i]).ToList();
    }

    /// <summary>Whether <paramref name="name"/> is printed at <paramref name="offset"/>, spaces inside it skipped (熊 琦, a no-break space).</summary>
    public static bool StandsAt(string text, string name, int offset)
    {
        var i = offset;
        for (var k = 0; k < name.Length; k++)
        {
            while (k > 0 && i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != name[k]) return false;
            i++;
        }
        return true;
    }

    /// <summary>Distinct names per article, found against annotated (names of one character dropped, as in the NER score).</summary>
    public CheckScore Score(Func<string, IEnumerable<string>> peopleOf)
    {
        var score = new CheckScore();
        foreach (var article in Articles)
        {
            var gold = Names.Where(n => n.Article == article && n.Name.Length >= 2).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            var found = peopleOf(article).Select(p => p.Trim()).Where(p => p.Length >= 2).ToHashSet(StringComparer.Ordinal);
            score.Gold += gold.Count;
            score.Predicted += found.Count;
            score.Correct += found.Count(gold.Contains);
            score.Misses.AddRange(gold.Where(g => !found.Contains(g)).Select(g => (article, g)));
            score.Extras.AddRange(found.Where(f => !gold.Contains(f)).Select(f => (article, f)));
        }
        return score;
    }
}

internal sealed class CheckScore
{
    public int Gold { get; set; }
    public int Predicted { get; set; }
    public int Correct { get; set; }
    public List<(string Article, string Name)> Misses { get; } = [];
    public List<(string Article, string Name)> Extras { get; } = [];
    public double P => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double R => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
}
