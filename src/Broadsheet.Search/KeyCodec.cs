using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Search;

/// <summary>
/// Makes free text safe inside table keys and blob paths. Keys may not hold / \ # ? or control characters, and
/// Broadsheet uses | as its own separator, so those (and % itself) become %XX of their UTF-8 bytes. The result
/// sorts like the input for ordinary text, so key ranges keep working.
/// </summary>
public static class KeyCodec
{
    /// <summary>Values longer than this are cut (keys are limited to 1 KiB; names this long are not names).</summary>
    public const int MaxValueLength = 120;

    public static string Encode(string value)
    {
        if (value.Length > MaxValueLength) value = value[..MaxValueLength];
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
