using System.Globalization;
using System.Runtime.CompilerServices;

namespace Broadsheet.Enrichment.Lexicon;

/// <summary>
/// jieba's main dictionary (dict.txt: word, frequency, tag) and IDF table (idf.txt) as a trie kept in one open-addressing
/// hash table: an entry is its prefix's entry plus one character, so no string or dictionary node per word, it loads in a
/// fraction of the time and memory a Dictionary&lt;string, …&gt; of 600,000 keys takes, and the segmenter extends a word
/// by one character with one look-up (<see cref="Child"/>) instead of hashing and comparing the whole span again.
/// Like jieba's own table it also holds every prefix of every dictionary word (frequency 0), which is how the segmenter
/// knows a longer word may still follow.
/// </summary>
public sealed class WordTable
{
    /// <summary>The trie's root: <see cref="Child"/>(Root, c) is the entry of the one-character word c.</summary>
    public const int Root = -1;
    /// <summary>Frequency of an entry that is only a prefix of a word idf.txt alone lists: not in jieba's table.</summary>
    private const int Hidden = int.MinValue;

    private struct Entry
    {
        public int Parent;
        public char Last;
        public byte Tag;
        public int Freq;
    }

    /// <summary>What a look-up needs of an entry, kept in its slot: a probe reads one array, not the slots and then the entries.</summary>
    private struct Probe
    {
        public int Parent;
        public char Last;
        /// <summary>Entry index + 1; 0 is an empty slot.</summary>
        public int Entry;
        /// <summary>As <see cref="FrequencyOf"/> gives it.</summary>
        public int Freq;
    }

    private Entry[] _entries;
    private double[] _idfs;
    private int _count;
    /// <summary>Entry index + 1 per slot; 0 is empty. Power-of-two size, at most half full. Used while the table is read.</summary>
    private int[] _slots;
    /// <summary>The slots once the table is read (<see cref="Seal"/>), each with its entry's key and frequency.</summary>
    private Probe[] _probes = [];
    /// <summary>Entry index + 1 of each one-character word, by character: every cut position starts with one, so no hashing.</summary>
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];
    /// <summary>Frequency of each one-character entry, by character (as <see cref="FrequencyOf"/> gives it), once sealed.</summary>
    private readonly int[] _rootFrequencies = new int[char.MaxValue + 1];
    private readonly List<string> _tagNames = [""];
    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _tagIds;

    /// <summary>Sum of dict.txt's frequencies (duplicates included, as jieba counts them).</summary>
    public double TotalFrequency { get; private set; }
    /// <summary>Words in the table with a frequency above 0.</summary>
    public int WordCount { get; private set; }
    /// <summary>Entries: words, their prefixes and words only idf.txt lists (and those words' prefixes).</summary>
    public int EntryCount => _count;

    private WordTable(int capacity)
    {
        _entries = new Entry[capacity];
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
            // jieba's table doesn't hold the prefixes of a word only idf.txt lists: they are here, hidden, to reach it.
            var entry = table.Add(line[..a], Hidden);
            ref var e = ref table._entries[entry];
            if (e.Freq == Hidden) e.Freq = 0;
            table._idfs[entry] = idf;
            idfs.Add(idf);
        }
        idfs.Sort();
        table.Seal();
        return (table, idfs.Count == 0 ? 10 : idfs[idfs.Count / 2]);
    }

    /// <summary>Copies each slot's key and frequency beside its entry number, once every word is in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Seal()
    {
        _probes = new Probe[_slots.Length];
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            var index = _slots[slot] - 1;
            if (index < 0) continue;
            ref readonly var e = ref _entries[index];
            _probes[slot] = new Probe { Parent = e.Parent, Last = e.Last, Entry = index + 1, Freq = FrequencyOf(index) };
            if (e.Parent == Root) _rootFrequencies[e.Last] = FrequencyOf(index);
        }
        _slots = [];
    }

    /// <summary>Frequency in dict.txt; 0 for a prefix or a word only idf.txt lists; -1 when the table lacks it altogether.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var i = Find(word);
        return i < 0 ? -1 : FrequencyOf(i);
    }

    /// <summary>The entry of the word <paramref name="entry"/>'s word plus <paramref name="next"/> (<see cref="Root"/>: the word is just that character); -1 when the table lacks it.</summary>
    public int Child(int entry, char next) => Child(entry, next, out _);

    /// <summary><see cref="Child"/>, and that entry's <see cref="FrequencyOf"/> (-1 when there is no such entry), from the same probe.</summary>
    public int Child(int entry, char next, out int frequency)
    {
        if (entry == Root)
        {
            var child = _rootChildren[next] - 1;
            frequency = child < 0 ? -1 : _rootFrequencies[next];
            return child;
        }
        var probes = _probes;
        var mask = probes.Length - 1;
        for (var slot = Hash(entry, next) & mask; ; slot = (slot + 1) & mask)
        {
            ref readonly var p = ref probes[slot];
            if (p.Entry == 0) { frequency = -1; return -1; }
            if (p.Parent == entry && p.Last == next) { frequency = p.Freq; return p.Entry - 1; }
        }
    }

    /// <summary>An entry's frequency, as <see cref="Frequency"/> gives it.</summary>
    public int FrequencyOf(int entry)
    {
        var freq = _entries[entry].Freq;
        return freq == Hidden ? -1 : freq;
    }

    public bool TryGet(ReadOnlySpan<char> word, out WordInfo info)
    {
        var i = Find(word);
        if (i < 0 || _entries[i].Freq == Hidden) { info = default; return false; }
        info = new WordInfo(_entries[i].Freq, _tagNames[_entries[i].Tag], _idfs[i]);
        return true;
    }

    /// <summary>Frequency, tag and IDF of an entry (as <see cref="TryGet"/> gives them).</summary>
    public WordInfo InfoOf(int entry) => new(_entries[entry].Freq, _tagNames[_entries[entry].Tag], _idfs[entry]);

    private int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return -1;
        var entry = Root;
        foreach (var c in word)
        {
            entry = Child(entry, c);
            if (entry < 0) return -1;
        }
        return entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWord(ReadOnlySpan<char> word, int freq, byte tag)
    {
        var i = Add(word, 0);
        ref var e = ref _entries[i];
        if (e.Freq <= 0 && freq > 0) WordCount++;
        else if (e.Freq > 0 && freq <= 0) WordCount--;
        e.Freq = freq; // a repeated word: the last line wins, as in jieba
        e.Tag = tag;
        TotalFrequency += freq;
    }

    /// <summary>The entry of <paramref name="word"/>, added with its prefixes where missing (new ones with frequency <paramref name="newFreq"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Add(ReadOnlySpan<char> word, int newFreq)
    {
        var entry = Root;
        foreach (var c in word) entry = GetOrAddChild(entry, c, newFreq);
        return entry;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GetOrAddChild(int parent, char last, int newFreq)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(parent, last) & mask;
        for (; ; slot = (slot + 1) & mask)
        {
            var found = _slots[slot] - 1;
            if (found < 0) break;
            if (_entries[found].Parent == parent && _entries[found].Last == last) return found;
        }
        if (_count == _entries.Length || (_count + 1) * 2 > _slots.Length) { Grow(); return GetOrAddChild(parent, last, newFreq); }
        var index = _count++;
        _entries[index] = new Entry { Parent = parent, Last = last, Freq = newFreq };
        _slots[slot] = index + 1;
        if (parent == Root) _rootChildren[last] = index + 1;
        return index;
    }

    private void Grow()
    {
        var capacity = _entries.Length * 2;
        Array.Resize(ref _entries, capacity);
        Array.Resize(ref _idfs, capacity);
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = Hash(_entries[i].Parent, _entries[i].Last) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = i + 1;
        }
    }

    // A multiply-xorshift mix of (prefix entry, character): cheap, and spreads the dense entry numbers over the table.
    private static int Hash(int parent, char last)
    {
        var h = (uint)(parent + 1) * 0x9E3779B1u ^ last * 0x85EBCA77u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }
}
