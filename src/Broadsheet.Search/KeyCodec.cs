using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Layout;

namespace Broadsheet.Search;

/// <summary>
/// Makes free text safe inside table keys and blob paths. Keys may not hold / \ # ? or control characters, and
/// Broadsheet uses | as its own separator, so those (and % itself) become %XX of their UTF-8 bytes. The result
/// sorts like the input for ordinary text, so key ranges keep working.
/// </summary>
public static class KeyCodec
{
    /// <summary>
    /// Values longer than this keep a prefix and a hash of the whole value (keys are limited to 1 KiB), so two values
    /// that share their first 120 characters are still two keys.
    /// </summary>
    public const int MaxValueLength = 120;

    private const int HashLength = 16;

    public static string Encode(string value) =>
        value.Length <= MaxValueLength
            ? Escape(value)
            // '~' never comes out of Escape, so it marks the hash unambiguously: the encoding stays injective.
            : Escape(Chars.Clip(value, MaxValueLength - HashLength - 1)) + "~" + Sha256Hex(value)[..HashLength];

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is '/' or '\\' or '#' or '?' or '|' or '%' or '}' or '~' || v < 0x20 || (v >= 0x7F && v <= 0x9F))
            {
                var n = rune.EncodeToUtf8(utf8);
                for (var i = 0; i < n; i++) sb.Append('%').Append(utf8[i].ToString("X2"));
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }
        return sb.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Exclusive upper bound of all keys that start with <paramref name="prefix"/>, which ends with '|'.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + "}";
}
