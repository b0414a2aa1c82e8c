using System.Text;
using System.Text.Json;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>The same page in every encoding and line-end style parses to the same articles.</summary>
public class EncodingEquivalenceTests
{
    static EncodingEquivalenceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly IssueContext Context = new("jining-daily", new DateOnly(2022, 8, 8));
    private static string Json(ParsedIssue i) => JsonSerializer.Serialize(i, ArticleJson.Compact);
    private static readonly string Expected = Json(IssueParser.Parse(Encoding.UTF8.GetBytes(TestSupport.ReferencePage), Context));

    public static TheoryData<string> Encodings() => ["utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk-crlf", "utf8-crlf", "utf8-cr"];

    [Theory, MemberData(nameof(Encodings))]
    public void Same_articles_as_utf8(string variant)
    {
        var text = TestSupport.ReferencePage;
        byte[] bytes = variant switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "gbk-crlf" => Encoding.GetEncoding(936).GetBytes(text.Replace("\n", "\r\n")),
            "utf8-crlf" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")),
            "utf8-cr" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r")),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        Assert.Equal(Expected, Json(IssueParser.Parse(bytes, Context)));
    }

    [Fact]
    public void The_reference_parse_has_articles() => Assert.Contains("\"articles\":[{", Expected);
}
