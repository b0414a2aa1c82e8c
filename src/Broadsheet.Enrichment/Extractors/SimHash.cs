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

        // Count set bits per position; a bit is on when more than half the trigrams vote for it. Eight positions at a time:
        // each byte of a hash spreads to eight byte-wide counters in one ulong (Spread), flushed before a counter can pass 255.
        Span<int> ones = stackalloc int[64];
        Span<ulong> counters = stackalloc ulong[8];
        var gram = Math.Min(3, chars.Length);
        var total = 0;
        var pending = 0;
        for (var i = 0; i + gram <= chars.Length; i++, total++)
        {
            var h = Fnv1a(chars.Slice(i, gram));
            for (var b = 0; b < 8; b++) counters[b] += Spread[(int)(h >> (8 * b)) & 0xFF];
            if (++pending == 255) { Flush(counters, ones); pending = 0; }
        }
        Flush(counters, ones);
        ulong hash = 0;
        for (var b = 0; b < 64; b++) if (2 * ones[b] > total) hash |= 1UL << b;
        return hash;
    }

    /// <summary>Bit i of a byte moved to byte i of a ulong.</summary>
    private static readonly ulong[] Spread = Enumerable.Range(0, 256)
        .Select(v => Enumerable.Range(0, 8).Aggregate(0UL, (acc, bit) => acc | ((ulong)((v >> bit) & 1) << (8 * bit)))).ToArray();

    /// <summary>Adds the byte-wide counters into the per-bit totals and clears them.</summary>
    private static void Flush(Span<ulong> counters, Span<int> ones)
    {
        for (var b = 0; b < 8; b++)
        {
            for (var bit = 0; bit < 8; bit++) ones[8 * b + bit] += (int)((counters[b] >> (8 * bit)) & 0xFF);
            counters[b] = 0;
        }
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
