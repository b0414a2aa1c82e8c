using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Broadsheet.Search;

/// <summary>A request the caller got wrong (bad parameter, forged token): the message is the one line they see.</summary>
public sealed class QueryException(string message) : Exception(message);

/// <summary>
/// Opaque continuation tokens: base64url(JSON {query fingerprint, position}) + "." + an HMAC-SHA256 tag. A token
/// only resumes the query it came from; an edited, forged or foreign token is refused, never interpreted.
/// </summary>
public sealed class ContinuationTokens(byte[] key)
{
    public static ContinuationTokens FromSecret(string secret) => new(SHA256.HashData(Encoding.UTF8.GetBytes("broadsheet-continuation|" + secret)));

    public string Create(string fingerprint, string position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(fingerprint, position));
        return Base64Url(payload) + "." + Base64Url(Tag(payload));
    }

    /// <summary>The position stored in <paramref name="token"/>; throws <see cref="QueryException"/> unless it is ours and for this query.</summary>
    public string Read(string token, string fingerprint)
    {
        const string invalid = "continuationToken is not valid for this query: pass the token from the previous page unchanged, with the same filters";
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 4096) throw new QueryException(invalid);
        byte[] payload, tag;
        try
        {
            payload = FromBase64Url(token[..dot]);
            tag = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            throw new QueryException(invalid);
        }
        // Only the one canonical spelling is ours (base64 leaves slack bits in the last character).
        if (Base64Url(payload) + "." + Base64Url(tag) != token) throw new QueryException(invalid);
        if (!CryptographicOperations.FixedTimeEquals(tag, Tag(payload))) throw new QueryException(invalid);
        var p = JsonSerializer.Deserialize<Payload>(payload);
        if (p is null || p.F != fingerprint) throw new QueryException(invalid);
        return p.P;
    }

    /// <summary>Stable short hash of a query's filters (its identity for tokens).</summary>
    public static string Fingerprint(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts.Select(p => p ?? "\u0000")))))[..24];

    private byte[] Tag(byte[] payload) => HMACSHA256.HashData(key, payload)[..16];

    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private sealed record Payload(string F, string P);
}
