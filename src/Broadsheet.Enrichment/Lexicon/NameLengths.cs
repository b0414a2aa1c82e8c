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

    public NameLengths(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (name.Length == 0) continue;
            _masks[name[0]] |= 1u << Math.Min(name.Length, 31);
            _longest[name[0]] = (ushort)Math.Max(_longest[name[0]], Math.Min(name.Length, ushort.MaxValue));
            if (name.Length > Longest) Longest = name.Length;
        }
    }

    /// <summary>The longest name's length.</summary>
    public int Longest { get; }

    /// <summary>Length of the longest name starting with <paramref name="first"/>; 0 when none does.</summary>
    public int LongestFrom(char first) => _longest[first];

    /// <summary>False when no name of the set can be <paramref name="s"/>: none of its length starts with its first character.</summary>
    public bool MayBe(ReadOnlySpan<char> s) => s.Length > 0 && (_masks[s[0]] >> Math.Min(s.Length, 31) & 1) != 0;
}
