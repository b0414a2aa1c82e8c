using System.Diagnostics;
using System.Globalization;
using JiebaNet.Segmenter;

namespace Broadsheet.Enrichment.Lexicon;

/// <summary>A token of jieba's plain cut, with its offset in the text it came from.</summary>
public readonly record struct Token(int Start, string Word)
{
    public int End => Start + Word.Length;
}

/// <summary>Frequency and part-of-speech tag of a word in jieba's main dictionary, and its IDF (0 when idf.txt lacks it).</summary>
public readonly record struct WordInfo(int Freq, string Tag, double Idf = 0);

/// <summary>
/// Everything the extractors look words up in: jieba.NET's segmenter and dictionaries, the administrative
/// divisions, official titles, organisation abbreviations and stop words. Loaded once per process
/// (<see cref="Shared"/>) and read-only afterwards, so one instance serves every thread.
/// </summary>
public sealed class NewsroomLexicon
{
    private static readonly Lazy<NewsroomLexicon> _shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process-wide lexicon, loaded on first use.</summary>
    public static NewsroomLexicon Shared => _shared.Value;

    private readonly JiebaSegmenter _segmenter;
    private readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _words;

    public Divisions Divisions { get; }
    /// <summary>Titles longest first, so 副局长 is tried before 局长.</summary>
    public IReadOnlyList<string> Titles { get; }
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _titleLookup;
    /// <summary>(short, full) pairs such as (人社局, 人力资源社会保障局).</summary>
    public IReadOnlyList<(string Short, string Full)> OrganizationAbbreviations { get; }
    public IReadOnlySet<string> StopWords { get; }
    /// <summary>IDF given to words jieba's idf.txt doesn't know (its median, as jieba does).</summary>
    public double MedianIdf { get; }
    /// <summary>How long <see cref="Load"/> took.</summary>
    public TimeSpan LoadTime { get; private init; }
    /// <summary>How long each part of the load took (the parts run in parallel).</summary>
    public string LoadParts { get; private set; } = "";

    private NewsroomLexicon(JiebaSegmenter segmenter, Dictionary<string, WordInfo> words, double medianIdf,
        Divisions divisions, List<string> titles, List<(string, string)> abbreviations, HashSet<string> stopWords)
    {
        _segmenter = segmenter;
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Divisions = divisions;
        Titles = titles;
        _titleLookup = titles.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        OrganizationAbbreviations = abbreviations;
        StopWords = stopWords;
        MedianIdf = medianIdf;
    }

    /// <summary>Loads jieba and our dictionaries, in parallel where the files are independent.</summary>
    public static NewsroomLexicon Load()
    {
        var clock = Stopwatch.StartNew();
        var resources = ResourceDirectory();
        ConfigManager.ConfigFileBaseDir = resources;
        // jieba loads its main dictionary on first use; do it now, beside our own reads of the same folder.
        var parts = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>();
        T Timed<T>(string part, Func<T> load)
        {
            var c = Stopwatch.StartNew();
            var result = load();
            parts[part] = c.Elapsed;
            return result;
        }
        var jieba = Task.Run(() => Timed("jieba", () =>
        {
            var s = new JiebaSegmenter();
            _ = s.Cut("济宁", hmm: false).Count();
            return s;
        }));
        // One table for dict.txt (frequency, tag) and idf.txt: half the strings of two tables.
        var words = Timed("words", () => ReadWords(Path.Combine(resources, "dict.txt")));
        var medianIdf = Timed("idf", () => ReadIdf(Path.Combine(resources, "idf.txt"), words));
        var divisions = new Divisions(Divisions.ReadEmbedded(), s =>
            words.TryGetValue(s, out var w) && w.Tag != "ns" && w.Freq >= 1000);
        var titles = EmbeddedData.Lines("titles.txt").Distinct().OrderByDescending(t => t.Length).ToList();
        var abbreviations = EmbeddedData.Lines("organization-abbreviations.tsv")
            .Select(l => l.Split('\t')).Where(f => f.Length == 2).Select(f => (f[0], f[1])).ToList();
        var stop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(resources, "stopwords.txt"))) if (line.Trim() is { Length: > 0 } w) stop.Add(w);
        foreach (var w in EmbeddedData.Lines("news-stopwords.txt")) stop.Add(w);
        var lexicon = new NewsroomLexicon(jieba.GetAwaiter().GetResult(), words, medianIdf,
            divisions, titles, abbreviations, stop) { LoadTime = clock.Elapsed };
        lexicon.LoadParts = string.Join(", ", parts.Select(p => $"{p.Key} {p.Value.TotalMilliseconds:F0} ms"));
        return lexicon;
    }

    /// <summary>jieba.NET's Resources/ folder, copied beside our assembly by the build.</summary>
    private static string ResourceDirectory()
    {
        foreach (var dir in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NewsroomLexicon).Assembly.Location) ?? "" })
        {
            var candidate = Path.Combine(dir, "Resources");
            if (File.Exists(Path.Combine(candidate, "dict.txt"))) return candidate;
        }
        throw new FileNotFoundException("jieba.NET dictionaries (Resources/dict.txt) are not beside the application; build copies them from the jieba.NET package");
    }

    private static Dictionary<string, WordInfo> ReadWords(string path)
    {
        var words = new Dictionary<string, WordInfo>(420_000, StringComparer.Ordinal);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var tagLookup = tags.GetAlternateLookup<ReadOnlySpan<char>>();
        // Whole file, sliced: one string per word rather than one per line as well.
        foreach (var raw in File.ReadAllText(path).AsSpan().EnumerateLines())
        {
            var line = raw.TrimEnd();
            var a = line.IndexOf(' ');
            if (a <= 0) continue;
            var rest = line[(a + 1)..];
            var b = rest.IndexOf(' ');
            var freqSpan = b < 0 ? rest : rest[..b];
            var tagSpan = b < 0 ? ReadOnlySpan<char>.Empty : rest[(b + 1)..];
            if (!tagLookup.TryGetValue(tagSpan, out var tag)) tagLookup[tagSpan] = tag = tagSpan.ToString();
            int.TryParse(freqSpan, NumberStyles.Integer, CultureInfo.InvariantCulture, out var freq);
            words[line[..a].ToString()] = new WordInfo(freq, tag);
        }
        return words;
    }

    /// <summary>Adds idf.txt's values to the word table (words only idf.txt knows get frequency 0); returns the median IDF.</summary>
    private static double ReadIdf(string path, Dictionary<string, WordInfo> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var values = new List<double>(280_000);
        foreach (var raw in File.ReadAllText(path).AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            var a = line.LastIndexOf(' ');
            if (a <= 0 || !double.TryParse(line[(a + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var idf)) continue;
            var word = line[..a];
            lookup[word] = lookup.TryGetValue(word, out var info) ? info with { Idf = idf } : new WordInfo(0, "", idf);
            values.Add(idf);
        }
        values.Sort();
        return values.Count == 0 ? 10 : values[values.Count / 2];
    }

    /// <summary>jieba's plain (dictionary, no HMM) cut, with offsets. Whitespace and punctuation come back as tokens too.</summary>
    public List<Token> Cut(string text)
    {
        var tokens = new List<Token>(text.Length / 2 + 1);
        var pos = 0;
        foreach (var word in _segmenter.Cut(text, cutAll: false, hmm: false))
        {
            // Cut returns the text in order; find each piece to recover its offset (robust to any normalisation).
            var at = text.AsSpan(pos).StartsWith(word, StringComparison.Ordinal) ? pos : text.IndexOf(word, pos, StringComparison.Ordinal);
            if (at < 0) continue;
            tokens.Add(new Token(at, word));
            pos = at + word.Length;
        }
        return tokens;
    }

    /// <summary>A word of jieba's main dictionary (not one only idf.txt lists).</summary>
    public bool TryGetWord(ReadOnlySpan<char> word, out WordInfo info) => _words.TryGetValue(word, out info) && info.Freq > 0;

    public double Idf(ReadOnlySpan<char> word) => _words.TryGetValue(word, out var info) && info.Idf > 0 ? info.Idf : MedianIdf;

    public bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Exactly one of <see cref="Titles"/>.</summary>
    public bool IsTitle(ReadOnlySpan<char> word) => _titleLookup.Contains(word);
}
