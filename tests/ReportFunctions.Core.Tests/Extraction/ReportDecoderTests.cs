using System.Text;
using ReportFunctions.Core.Extraction;
using Xunit;

namespace ReportFunctions.Core.Tests.Extraction;

public sealed class ReportDecoderTests
{
    static ReportDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Empty_file() => Assert.Equal("file is empty", ReportDecoder.Decode([], 100).Error);

    [Fact]
    public void Too_large_names_the_limit()
    {
        var r = ReportDecoder.Decode(new byte[20], 10);
        Assert.False(r.Ok);
        Assert.StartsWith("file is larger than the", r.Error);
        Assert.Equal("file is larger than the 10 MiB limit", ReportDecoder.Decode(new byte[10 * 1024 * 1024 + 1], 10 * 1024 * 1024).Error);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "zip")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "JPEG")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x43, 0x44, 0x45 }, "NUL")]
    public void Binary_formats_are_not_text(byte[] bytes, string what)
    {
        var r = ReportDecoder.Decode(bytes, 1000);
        Assert.False(r.Ok);
        Assert.StartsWith("not text", r.Error);
        Assert.Contains(what, r.Error);
    }

    [Fact]
    public void Utf8_with_and_without_bom()
    {
        Assert.Equal("GDP “grew” 5%", ReportDecoder.Decode(Encoding.UTF8.GetBytes("GDP “grew” 5%"), 1000).Text);
        Assert.Equal("GDP grew", ReportDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("GDP grew")], 1000).Text);
    }

    [Fact]
    public void Utf16_with_bom()
    {
        Assert.Equal("Jiaxing GDP", ReportDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Jiaxing GDP")], 1000).Text);
        Assert.Equal("Jiaxing GDP", ReportDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Jiaxing GDP")], 1000).Text);
    }

    [Fact]
    public void Gb18030()
    {
        var text = "嘉兴市政府工作报告 GDP 6739.5亿元";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(text);
        var r = ReportDecoder.Decode(bytes, 1000);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(text, r.Text);
    }

    [Fact]
    public void Invalid_bytes_are_reported()
    {
        var r = ReportDecoder.Decode([0x41, 0x81, 0x20, 0xFF, 0xFE, 0x7F, 0x80], 1000);
        Assert.False(r.Ok);
        Assert.Equal("not valid UTF-8 or GB18030 text", r.Error);
    }

    [Fact]
    public void Whitespace_only_decodes_to_text_with_no_facts()
    {
        var r = ReportDecoder.Decode(" \r\n\t "u8, 1000);
        Assert.True(r.Ok);
        var x = new ReportExtractor().Extract(r.Text!);
        Assert.Empty(x.Facts);
        Assert.Equal("no text", x.NotAReportReason);
    }

    [Fact]
    public void A_pdf_is_read_as_a_pdf_not_rejected_as_binary()
    {
        var r = ReportDecoder.Decode([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31], 1000);
        Assert.Equal(ReportFunctions.Core.Documents.ReportFormat.Pdf, r.Format);
        Assert.StartsWith("corrupt PDF: ", r.Error);
    }
}
