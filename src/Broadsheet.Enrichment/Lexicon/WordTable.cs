using System.Globalization;
using System.Runtime.CompilerServices;

namespace Broadsheet.Enrichment.Lexicon;

/// <summary>
/// jieba's main dictionary (dict.txt: word, frequency, tag) and IDF table (idf.txt) in one open-addressing hash table
/// over a single character buffer: no string or dictionary node per word, so it loads in a fraction of the time and
/// memory a Dictionary&lt;string, …&gt; of 600,000 keys takes, and looks words up from spans without allocating.
/// Like jieba's own table it also holds every prefix of every word (frequency 0), which is how the segmenter knows a
/// longer word may still follow.
/// </summary>
public sealed class WordTable
{
    private char[] _chars;
    private int _charCount;
    private int[] _offsets;
    private byte[] _lengths;
    private int[] _freqs;
    private byte[] _tags;
    private double[] _idfs;
    private int _count;
    /// <summary>Entry index + 1 per slot; 0 is empty. Power-of-two size, at most half full.</summary>
    private int[] _slots;
    private readonly List<string> _tagNames = [""];
    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _tagIds;

    /// <summary>Sum of dict.txt's frequencies (duplicates included, as jieba counts them).</summary>
    public double TotalFrequency { get; private set; }
    /// <summary>Words in the table with a frequency above 0.</summary>
    public int WordCount { get; private set; }
    /// <summary>Entries: words, their prefixes and words only idf.txt lists.</summary>
    public int EntryCount => _count;
    /// <summary>Longest entry, in characters.</summary>
    public int MaxWordLength { get; private set; }

    private WordTable(int capacity)
    {
        _chars = new char[capacity * 3];
        _offsets = new int[capacity];
        _lengths = new byte[capacity];
        _freqs = new int[capacity];
        _tags = new byte[capacity];
        _idfs = new double[capacity];
        _slots = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        _tagIds = new Dictionary<string, byte>(StringComparer.Ordinal) { [""] = 0 }.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads dict.txt ("word freq tag" a line) and idf.txt ("word idf" a line); returns the table and idf.txt's median IDF.</summary>
    // Loops that run once, over 600,000 lines: compiled optimised at once rather than first in tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (WordTable Table, double MedianIdf) Read(string dictText, string idfText)
    {
        var table = new WordTable(520_000);
        foreach (var raw in dictText.AsSpan().EnumerateLines())
        {
            // jieba splits on ' ' and takes the first two fields; a line without a frequency is skipped.
            var line = raw.TrimEnd();
            var a = line.IndexOf(' ');
            if (a <= 0 || a > byte.MaxValue) continue;
            var rest = line[(a + 1)..];
            var b = rest.IndexOf(' ');
            var freqSpan = b < 0 ? rest : rest[..b];
            if (!int.TryParse(freqSpan, NumberStyles.Integer, CultureInfo.InvariantCulture, out var freq)) continue;
            var tag = b < 0 ? ReadOnlySpan<char>.Empty : rest[(b + 1)..];
            table.AddWord(line[..a], freq, table.TagId(tag));
        }
        var idfs = new List<double>(280_000);
        foreach (var raw in idfText.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            var a = line.LastIndexOf(' ');
            if (a <= 0 || a > byte.MaxValue
                || !double.TryParse(line[(a + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var idf)) continue;
            table._idfs[table.GetOrAdd(line[..a])] = idf;
            idfs.Add(idf);
        }
        idfs.Sort();
        return (table, idfs.Count == 0 ? 10 : idfs[idfs.Count / 2]);
    }

    /// <summary>Frequency in dict.txt; 0 for a prefix or a word only idf.txt lists; -1 when the table lacks it altogether.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var i = Find(word);
        return i < 0 ? -1 : _freqs[i];
    }

    public bool TryGet(ReadOnlySpan<char> word, out WordInfo info)
    {
        var i = Find(word);
        if (i < 0) { info = default; return false; }
        info = new WordInfo(_freqs[i], _tagNames[_tags[i]], _idfs[i]);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWord(ReadOnlySpan<char> word, int freq, byte tag)
    {
        var i = GetOrAdd(word);
        if (_freqs[i] <= 0 && freq > 0) WordCount++;
        else if (_freqs[i] > 0 && freq <= 0) WordCount--;
        _freqs[i] = freq; // a repeated word: the last line wins, as in jieba
        _tags[i] = tag;
        TotalFrequency += freq;
        for (var len = 1; len < word.Length; len++) GetOrAdd(word[..len]);
    }

    private byte TagId(ReadOnlySpan<char> tag)
    {
        if (_tagIds.TryGetValue(tag, out var id)) return id;
        if (_tagNames.Count > byte.MaxValue) return 0;
        id = (byte)_tagNames.Count;
        var name = tag.ToString();
        _tagNames.Add(name);
        _tagIds[name] = id;
        return id;
    }

    private int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength) return -1;
        var mask = _slots.Length - 1;
        for (var slot = Hash(word) & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0) return -1;
            if (_lengths[entry] == word.Length && _chars.AsSpan(_offsets[entry], word.Length).SequenceEqual(word)) return entry;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GetOrAdd(ReadOnlySpan<char> word)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(word) & mask;
        for (; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0) break;
            if (_lengths[entry] == word.Length && _chars.AsSpan(_offsets[entry], word.Length).SequenceEqual(word)) return entry;
        }
        if (_count == _offsets.Length || (_count + 1) * 2 > _slots.Length) { Grow(); return GetOrAdd(word); }
        if (_charCount + word.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + word.Length));
        var index = _count++;
        word.CopyTo(_chars.AsSpan(_charCount));
        _offsets[index] = _charCount;
        _lengths[index] = (byte)word.Length;
        _charCount += word.Length;
        _slots[slot] = index + 1;
        MaxWordLength = Math.Max(MaxWordLength, word.Length);
        return index;
    }

    private void Grow()
    {
        var capacity = _offsets.Length * 2;
        Array.Resize(ref _offsets, capacity);
        Array.Resize(ref _lengths, capacity);
        Array.Resize(ref _freqs, capacity);
        Array.Resize(ref _tags, capacity);
        Array.Resize(ref _idfs, capacity);
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = Hash(_chars.AsSpan(_offsets[i], _lengths[i])) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = i + 1;
        }
    }

    // FNV-1a over UTF-16 code units, finished with a multiply-shift mix: cheap for the short keys a dictionary of words holds.
    private static int Hash(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }
}
