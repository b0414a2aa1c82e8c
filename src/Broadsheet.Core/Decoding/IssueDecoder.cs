using System.Text;

namespace Broadsheet.Core.Decoding;

/// <summary>Bytes → text. PLACEHOLDER until the parser work lands: UTF-8 only.</summary>
public static class IssueDecoder
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0) throw new IssueFormatException("input looks binary (it contains NUL bytes), not a text dump");
        return Encoding.UTF8.GetString(bytes);
    }
}
