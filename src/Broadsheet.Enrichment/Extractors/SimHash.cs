using System.Numerics;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// 64-bit SimHash over character trigrams of the text (letters, digits and Han only), so a reprint with light edits lands a
/// few bits away and an unrelated story about 32. Hex, 16 digits; compare with <see cref="Distance(string, string)"/>.
/// </summary>
public static class SimHash
{
    public static ulong Compute(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 4096 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text) if (Chars.IsHan(c) || char.IsLetterOrDigit(c)) buffer[n++] = c;
        var chars = buffer[..n];
        if (chars.Length == 0) return 0;

        // Count set bits per position (branch-free); a bit is on when more than half the trigrams vote for it.
        Span<int> ones = stackalloc int[64];
        var gram = Math.Min(3, chars.Length);
        var total = 0;
        for (var i = 0; i + gram <= chars.Length; i++, total++)
        {
            var h = Fnv1a(chars.Slice(i, gram));
            for (var b = 0; b < 64; b++) ones[b] += (int)((h >> b) & 1);
        }
        ulong hash = 0;
        for (var b = 0; b < 64; b++) if (2 * ones[b] > total) hash |= 1UL << b;
        return hash;
    }

    public static string ToHex(ulong hash) => hash.ToString("x16");

    /// <summary>Bits that differ between two fingerprints; ≤ 10 means the same story, lightly edited.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Distance between two hex fingerprints as <see cref="ToHex"/> writes them; 64 when either is unreadable.</summary>
    public static int Distance(string a, string b) =>
        ulong.TryParse(a, System.Globalization.NumberStyles.HexNumber, null, out var x) &&
        ulong.TryParse(b, System.Globalization.NumberStyles.HexNumber, null, out var y) ? Distance(x, y) : 64;

    /// <summary>FNV-1a: stable across processes and machines, unlike string.GetHashCode.</summary>
    private static ulong Fnv1a(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        // FNV's low bits mix poorly for short inputs; a final avalanche (splitmix64) spreads them.
        h ^= h >> 30; h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 27; h *= 0x94d049bb133111ebUL;
        h ^= h >> 31;
        return h;
    }
}
