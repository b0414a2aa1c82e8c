namespace Broadsheet.Enrichment.Lexicon;

/// <summary>
/// The lengths of a set of names, by first character: most text positions start no name of a given length, and one
/// array read says so before any span is hashed. It never turns away a name of the set.
/// </summary>
internal sealed class NameLengths
{
    /// <summary>Bit n: some name of length n starts with the character; bit 31 stands for every length from 31 up.</summary>
    private readonly uint[] _masks = new uint[char.MaxValue + 1];
    private readonly ushort[] _longest = new ushort[char.MaxValue + 1];
    /// <summary>The same by first two characters, for names of two or more: most pairs a first character allows start none.</summary>
    private readonly Dictionary<int, uint> _pairMasks = [];

    public NameLengths(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (name.Length == 0) continue;
            _masks[name[0]] |= 1u << Math.Min(name.Length, 31);
            _longest[name[0]] = (ushort)Math.Max(_longest[name[0]], Math.Min(name.Length, ushort.MaxValue));
            if (name.Length > Longest) Longest = name.Length;
            if (name.Length >= 2) _pairMasks[Pair(name[0], name[1])] = _pairMasks.GetValueOrDefault(Pair(name[0], name[1])) | 1u << Math.Min(name.Length, 31);
        }
    }

    /// <summary>The longest name's length.</summary>
    public int Longest { get; }

    /// <summary>Length of the longest name starting with <paramref name="first"/>; 0 when none does.</summary>
    public int LongestFrom(char first) => _longest[first];

    /// <summary>False when no name of the set can be <paramref name="s"/>: none of its length starts with its first character.</summary>
    public bool MayBe(ReadOnlySpan<char> s) =>
        s.Length > 0 && (_masks[s[0]] >> Math.Min(s.Length, 31) & 1) != 0 && (s.Length < 2 || Has(PairLengths(s[0], s[1]), s.Length));

    /// <summary>Bit n (n ≥ 2): some name of length n (31: 31 or more) starts with <paramref name="first"/> then <paramref name="second"/>.</summary>
    public uint PairLengths(char first, char second) => _pairMasks.GetValueOrDefault(Pair(first, second));

    /// <summary>Whether <paramref name="lengths"/> (a mask as <see cref="PairLengths"/> gives) holds <paramref name="length"/>.</summary>
    public static bool Has(uint lengths, int length) => (lengths >> Math.Min(length, 31) & 1) != 0;

    private static int Pair(char first, char second) => first << 16 | second;
}
