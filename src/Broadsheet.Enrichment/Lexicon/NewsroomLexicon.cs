using System.Diagnostics;

namespace Broadsheet.Enrichment.Lexicon;

/// <summary>A token of jieba's plain cut, with its offset in the text it came from.</summary>
public readonly record struct Token(int Start, string Word)
{
    public int End => Start + Word.Length;
}

/// <summary>Frequency and part-of-speech tag of a word in jieba's main dictionary, and its IDF (0 when idf.txt lacks it).</summary>
public readonly record struct WordInfo(int Freq, string Tag, double Idf = 0);

/// <summary>
/// Everything the extractors look words up in: jieba's segmentation and dictionaries, the administrative
/// divisions, official titles, organisation abbreviations and stop words. Loaded once per process
/// (<see cref="Shared"/>) and read-only afterwards, so one instance serves every thread.
/// </summary>
public sealed class NewsroomLexicon
{
    private static readonly Lazy<NewsroomLexicon> _shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process-wide lexicon, loaded on first use.</summary>
    public static NewsroomLexicon Shared => _shared.Value;

    private readonly WordTable _words;
    private readonly Segmenter _segmenter;

    public Divisions Divisions { get; }
    /// <summary>Titles longest first, so 副局长 is tried before 局长.</summary>
    public IReadOnlyList<string> Titles { get; }
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _titleLookup;
    private readonly NameLengths _titleLengths;
    /// <summary>Most words are no stop word: their first characters and length say so before the set is asked.</summary>
    private readonly NameLengths _stopWordLengths;
    /// <summary>(short, full) pairs such as (人社局, 人力资源社会保障局).</summary>
    public IReadOnlyList<(string Short, string Full)> OrganizationAbbreviations { get; }
    public IReadOnlySet<string> StopWords { get; }
    /// <summary>Well-known bodies named without a suffix (Data/organizations.txt: 新华社, 联合国, 欧盟).</summary>
    public IReadOnlySet<string> KnownOrganizations { get; }
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _organizationLookup;
    private readonly NameLengths _organizationLengths;
    /// <summary>Countries, world regions and cities by their Chinese names (Data/world-places.tsv, from Unicode CLDR: 印度, 拉丁美洲, 开罗; Data/world-cities.txt: 法兰克福).</summary>
    public IReadOnlySet<string> WorldPlaces { get; }
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _worldPlaceLookup;
    /// <summary>Lengths of the world places starting with each character: most characters start none.</summary>
    private readonly NameLengths _worldPlaceLengths;
    /// <summary>Longest title, in characters.</summary>
    public int MaxTitleLength { get; }
    /// <summary>IDF given to words jieba's idf.txt doesn't know (its median, as jieba does).</summary>
    public double MedianIdf { get; }
    /// <summary>How long <see cref="Load"/> took.</summary>
    public TimeSpan LoadTime { get; private init; }
    /// <summary>How long each part of the load took (the parts run in parallel).</summary>
    public string LoadParts { get; private set; } = "";

    private NewsroomLexicon(WordTable words, double medianIdf,
        Divisions divisions, List<string> titles, List<(string, string)> abbreviations, HashSet<string> stopWords, HashSet<string> organizations, HashSet<string> worldPlaces)
    {
        _words = words;
        _segmenter = new Segmenter(words);
        Divisions = divisions;
        Titles = titles;
        _titleLookup = titles.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _titleLengths = new NameLengths(titles);
        OrganizationAbbreviations = abbreviations;
        StopWords = stopWords;
        _stopWordLengths = new NameLengths(stopWords);
        KnownOrganizations = organizations;
        _organizationLookup = organizations.GetAlternateLookup<ReadOnlySpan<char>>();
        _organizationLengths = new NameLengths(organizations);
        WorldPlaces = worldPlaces;
        _worldPlaceLookup = worldPlaces.GetAlternateLookup<ReadOnlySpan<char>>();
        _worldPlaceLengths = new NameLengths(worldPlaces);
        MaxTitleLength = titles.Count == 0 ? 0 : titles.Max(t => t.Length);
        MedianIdf = medianIdf;
    }

    /// <summary>Loads jieba's dictionaries (from the jieba.NET package's Resources/ folder) and ours.</summary>
    public static NewsroomLexicon Load()
    {
        var clock = Stopwatch.StartNew();
        var resources = ResourceDirectory();
        var parts = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>();
        T Timed<T>(string part, Func<T> load)
        {
            var c = Stopwatch.StartNew();
            var result = load();
            parts[part] = c.Elapsed;
            return result;
        }
        // The word table is most of the work; our small files are read beside it.
        var table = Task.Run(() => Timed("words", () => WordTable.Read(
            File.ReadAllText(Path.Combine(resources, "dict.txt")), File.ReadAllText(Path.Combine(resources, "idf.txt")))));
        var (divisionList, titles, abbreviations, stop, organizations, worldPlaces) = Timed("ours", () =>
        {
            var divisionList = Divisions.ReadEmbedded().ToList();
            var titles = EmbeddedData.Lines("titles.txt").Distinct().OrderByDescending(t => t.Length).ToList();
            var abbreviations = EmbeddedData.Lines("organization-abbreviations.tsv")
                .Select(l => l.Split('\t')).Where(f => f.Length == 2).Select(f => (f[0], f[1])).ToList();
            var stop = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(Path.Combine(resources, "stopwords.txt"))) if (line.Trim() is { Length: > 0 } w) stop.Add(w);
            foreach (var w in EmbeddedData.Lines("news-stopwords.txt")) stop.Add(w);
            var organizations = EmbeddedData.Lines("organizations.txt").ToHashSet(StringComparer.Ordinal);
            var worldPlaces = EmbeddedData.Lines("world-places.tsv").Select(l => l.Split('\t')[0])
                .Concat(EmbeddedData.Lines("world-cities.txt")).ToHashSet(StringComparer.Ordinal);
            return (divisionList, titles, abbreviations, stop, organizations, worldPlaces);
        });
        var (words, medianIdf) = table.GetAwaiter().GetResult();
        var divisions = new Divisions(divisionList, s =>
            words.TryGet(s, out var w) && w.Tag != "ns" && w.Freq >= 1000);
        var lexicon = new NewsroomLexicon(words, medianIdf, divisions, titles, abbreviations, stop, organizations, worldPlaces) { LoadTime = clock.Elapsed };
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

    /// <summary>jieba's plain (dictionary, no HMM) cut, with offsets. Whitespace and punctuation come back as tokens too.</summary>
    public List<Token> Cut(string text) => _segmenter.Cut(text);

    /// <summary>The cut, with each token's word id (-1 for a token that is no word of jieba's dictionary) for <see cref="WordAt"/>.</summary>
    internal List<Token> Cut(string text, List<int> wordIds) => _segmenter.Cut(text, wordIds);

    /// <summary>The dictionary word of a word id the cut gave, as <see cref="TryGetWord"/> finds it.</summary>
    internal WordInfo WordAt(int wordId) => _words.InfoOf(wordId);

    /// <summary>A word of jieba's main dictionary (not one only idf.txt lists).</summary>
    public bool TryGetWord(ReadOnlySpan<char> word, out WordInfo info) => _words.TryGet(word, out info) && info.Freq > 0;

    public double Idf(ReadOnlySpan<char> word) => _words.TryGet(word, out var info) && info.Idf > 0 ? info.Idf : MedianIdf;

    /// <summary><see cref="Idf"/> of the dictionary word of a word id the cut gave, without looking it up by its text.</summary>
    internal double IdfAt(int wordId) => _words.InfoOf(wordId).Idf is > 0 and var idf ? idf : MedianIdf;

    public bool IsStopWord(string word) => _stopWordLengths.MayBe(word) && StopWords.Contains(word);

    /// <summary>Exactly one of <see cref="KnownOrganizations"/>.</summary>
    public bool IsKnownOrganization(ReadOnlySpan<char> name) => _organizationLengths.MayBe(name) && _organizationLookup.Contains(name);

    /// <summary>Length of the longest world place that may start with <paramref name="first"/>; 0 when none does.</summary>
    public int LongestWorldPlaceFrom(char first) => _worldPlaceLengths.LongestFrom(first);

    /// <summary>Exactly one of <see cref="WorldPlaces"/>.</summary>
    public bool IsWorldPlace(ReadOnlySpan<char> name) => _worldPlaceLengths.MayBe(name) && _worldPlaceLookup.Contains(name);

    /// <summary>Exactly one of <see cref="Titles"/>.</summary>
    public bool IsTitle(ReadOnlySpan<char> word) => _titleLengths.MayBe(word) && _titleLookup.Contains(word);
}
