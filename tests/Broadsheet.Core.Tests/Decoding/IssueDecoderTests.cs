using System.Text;
using Broadsheet.Core.Decoding;

namespace Broadsheet.Core.Tests.Decoding;

public class IssueDecoderTests
{
    private const string Sample = "本报嘉祥8月7日讯（通讯员 刘丁 李超）今天，\n中国（济宁）先进碳材料产业发展高峰论坛在嘉祥举行。\f第二页";

    static IssueDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_without_bom_decodes()
    {
        Assert.Equal(Sample, IssueDecoder.Decode(Encoding.UTF8.GetBytes(Sample), out var d));
        Assert.Equal(IssueDecoder.Detected.Utf8, d);
    }

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();
        Assert.Equal(Sample, IssueDecoder.Decode(bytes, out var d));
        Assert.Equal(IssueDecoder.Detected.Utf8Bom, d);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_bom_decodes(bool bigEndian)
    {
        var enc = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = enc.GetPreamble().Concat(enc.GetBytes(Sample)).ToArray();
        Assert.Equal(Sample, IssueDecoder.Decode(bytes, out var d));
        Assert.Equal(bigEndian ? IssueDecoder.Detected.Utf16BeBom : IssueDecoder.Detected.Utf16LeBom, d);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_bom_is_recognised_by_where_its_nul_bytes_fall(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Sample + "\n第2版\n");
        Assert.Equal(Sample + "\n第2版\n", IssueDecoder.Decode(bytes, out var d));
        Assert.Equal(bigEndian ? IssueDecoder.Detected.Utf16Be : IssueDecoder.Detected.Utf16Le, d);
    }

    [Fact]
    public void Gb18030_is_detected_when_bytes_are_not_utf8()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Sample);
        Assert.Equal(Sample, IssueDecoder.Decode(bytes, out var d));
        Assert.Equal(IssueDecoder.Detected.Gb18030, d);
    }

    [Fact]
    public void Gbk_text_decodes_through_gb18030()
    {
        var bytes = Encoding.GetEncoding(936).GetBytes("编者按：本报自今日起陆续开设专栏。");
        Assert.Equal("编者按：本报自今日起陆续开设专栏。", IssueDecoder.Decode(bytes));
    }

    [Theory]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\rb\r", "a\nb\n")]
    [InlineData("a\r\n\r\nb", "a\n\nb")]
    [InlineData("a\n\fb", "a\n\fb")]
    public void Line_ends_become_lf(string input, string expected) =>
        Assert.Equal(expected, IssueDecoder.Decode(Encoding.UTF8.GetBytes(input)));

    [Fact]
    public void Nul_bytes_are_refused_with_one_line()
    {
        var e = Assert.Throws<IssueFormatException>(() => IssueDecoder.Decode(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08 }));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("binary", e.Message);
    }

    [Fact]
    public void Control_character_soup_is_refused()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 2 == 0 ? 0x01 + i % 7 : 0x41)).ToArray();
        Assert.Throws<IssueFormatException>(() => IssueDecoder.Decode(bytes));
    }

    [Fact]
    public void Bytes_valid_in_no_supported_encoding_are_refused()
    {
        // 0xFF is never valid in UTF-8 nor a GB18030 lead byte; four of them in six bytes is not a damaged dump.
        var e = Assert.Throws<IssueFormatException>(() => IssueDecoder.Decode(new byte[] { 0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x42 }));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Utf8_cut_off_mid_character_still_decodes()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample + "\n本报讯");
        var text = IssueDecoder.Decode(bytes.AsSpan(0, bytes.Length - 1), out var d);
        Assert.StartsWith(Sample, text);
        Assert.Equal(IssueDecoder.Detected.Utf8, d);
    }

    [Fact]
    public void Empty_input_is_empty_text() => Assert.Equal("", IssueDecoder.Decode([]));
}
