using System.Text;

namespace Broadsheet.Core.Decoding;

/// <summary>
/// Bytes → text. Honours BOMs (UTF-8, UTF-16 LE/BE, UTF-32 LE), recognises UTF-16 without one by its NUL bytes,
/// otherwise tries strict UTF-8 and then GB18030 (a superset of GBK/GB2312, how many Chinese dumps arrive). Line ends
/// come out as \n.
/// Input that is not text is refused with a one-line <see cref="IssueFormatException"/>.
/// </summary>
public static class IssueDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        // Code pages beyond the defaults live in a provider that ships with the framework.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Which decoding was used, for logs and tests.</summary>
    public enum Detected { Empty, Utf8, Utf8Bom, Utf16LeBom, Utf16BeBom, Utf32LeBom, Gb18030, Utf16Le, Utf16Be }

    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    public static string Decode(ReadOnlySpan<byte> bytes, out Detected detected)
    {
        detected = Detected.Empty;
        if (bytes.IsEmpty) return "";

        string text;
        if (bytes.StartsWith([(byte)0xFF, (byte)0xFE, (byte)0, (byte)0]))
            (text, detected) = (Strict(new UTF32Encoding(false, true, true), bytes[4..], "UTF-32"), Detected.Utf32LeBom);
        else if (bytes.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF]))
            (text, detected) = (Strict(StrictUtf8, bytes[3..], "UTF-8"), Detected.Utf8Bom);
        else if (bytes.StartsWith([(byte)0xFF, (byte)0xFE]))
            (text, detected) = (Strict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16"), Detected.Utf16LeBom);
        else if (bytes.StartsWith([(byte)0xFE, (byte)0xFF]))
            (text, detected) = (Strict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16"), Detected.Utf16BeBom);
        else
        {
            // NUL bytes never occur in UTF-8 or GB18030 text; without a BOM they mean UTF-16 (the high bytes of ASCII
            // and line ends, all on one side of each pair) or binary.
            if (bytes.IndexOf((byte)0) >= 0)
            {
                if (Utf16WithoutBom(bytes) is { } utf16)
                {
                    (text, detected) = (Strict(new UnicodeEncoding(utf16 == Detected.Utf16Be, false, true), bytes, "UTF-16"), utf16);
                    RefuseBinary(text);
                    return NormaliseLineEnds(text);
                }
                throw new IssueFormatException("input looks binary (it contains NUL bytes), not a text dump");
            }
            if (TryDecode(StrictUtf8, bytes, out text)) detected = Detected.Utf8;
            else if (TryDecode(StrictGb18030.Value, bytes, out text)) detected = Detected.Gb18030;
            else if (TryLenientUtf8(bytes, out text)) detected = Detected.Utf8;
            else throw new IssueFormatException("input is neither UTF-8, UTF-16 nor GB18030/GBK text");
        }

        RefuseBinary(text);
        return NormaliseLineEnds(text);
    }

    /// <summary>
    /// UTF-16 without a BOM: an even length, and every NUL byte on the same side of its pair — odd offsets for
    /// little-endian ('\n' is 0A 00), even for big-endian; binary has NULs anywhere. Null when it is not that.
    /// </summary>
    private static Detected? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0) return null;
        int even = 0, odd = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == 0) { if (i % 2 == 0) even++; else odd++; }
        return even == 0 && odd > 0 ? Detected.Utf16Le : odd == 0 && even > 0 ? Detected.Utf16Be : null;
    }

    /// <summary>
    /// UTF-8 with a handful of bad sequences (a dump cut off mid-character, a stray byte) is still that dump:
    /// the bad bytes become U+FFFD, as long as they are rare.
    /// </summary>
    private static bool TryLenientUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        text = Encoding.UTF8.GetString(bytes);
        var bad = text.AsSpan().Count('\uFFFD');
        return bad <= Math.Max(2, bytes.Length / 2000);
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name) =>
        TryDecode(encoding, bytes, out var text) ? text
            : throw new IssueFormatException($"input has a {name} byte-order mark but is not valid {name}");

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try { text = encoding.GetString(bytes); return true; }
        catch (DecoderFallbackException) { text = ""; return false; }
        catch (ArgumentException) { text = ""; return false; }
    }

    /// <summary>Text dumps hold almost no control characters besides line ends, tabs and form feeds.</summary>
    private static void RefuseBinary(string text)
    {
        int control = 0, privateUse = 0;
        foreach (var c in text)
        {
            if (c == '\0') throw new IssueFormatException("input looks binary (it contains NUL characters), not a text dump");
            if (c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f' or '\v')) control++;
            else if (c is >= '\u0080' and < '\u00A0') control++;
            else if (c is >= '\uE000' and <= '\uF8FF') privateUse++;
        }
        var n = Math.Max(text.Length, 1);
        if (control * 50 > n || control > 64) throw new IssueFormatException("input looks binary (too many control characters), not a text dump");
        if (privateUse * 10 > n && privateUse > 8) throw new IssueFormatException("input does not decode to readable text (mostly unassigned characters)");
    }

    /// <summary>CRLF and lone CR become LF; everything else is kept.</summary>
    public static string NormaliseLineEnds(string text)
    {
        if (text.IndexOf('\r') < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
