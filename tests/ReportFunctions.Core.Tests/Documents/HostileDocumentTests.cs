using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using System.Text;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Documents;
using ReportFunctions.Benchmarks;
using ReportFunctions.Tests.Documents;

namespace ReportFunctions.Core.Tests.Documents;

/// <summary>Bad files end with a clear reason, within each limit, and never throw.</summary>
public sealed class HostileDocumentTests
{
    private static string Fail(byte[] bytes, DocumentLimits? limits = null)
    {
        var r = ReportTextReader.Read(bytes, limits ?? DocumentLimits.Default);
        Assert.False(r.Ok, "read: " + r.Text?[..Math.Min(200, r.Text.Length)]);
        return r.Error!;
    }

    [Fact]
    public void Encrypted_pdf() => Assert.StartsWith("encrypted PDF: ", Fail(HostileDocuments.EncryptedPdf()));

    [Fact]
    public void Scanned_pdf_without_text_layer() => Assert.StartsWith("no text layer: scanned image?", Fail(ReportDocuments.PdfPages(3, withText: false)));

    [Fact]
    public void Corrupt_pdf() => Assert.StartsWith("corrupt PDF: ", Fail(HostileDocuments.CorruptPdf()));

    [Fact]
    public void Truncated_pdf_is_corrupt()
    {
        var pdf = ReportDocuments.PdfPages(2);
        Assert.StartsWith("corrupt PDF", Fail(pdf[..(pdf.Length / 3)]));
    }

    [Fact]
    public void Thousand_page_pdf_is_refused_by_the_default_page_limit_before_reading_pages()
    {
        var pdf = ReportDocuments.PdfPages(1000);
        var watch = Stopwatch.StartNew();
        Assert.Equal($"PDF has 1000 pages, more than the {DocumentLimits.DefaultMaxPdfPages}-page limit", Fail(pdf));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public void Page_limit_is_a_setting()
    {
        var pdf = ReportDocuments.PdfPages(5);
        Assert.True(ReportTextReader.Read(pdf, DocumentLimits.Default with { MaxPdfPages = 5 }).Ok);
        Assert.Equal("PDF has 5 pages, more than the 4-page limit", Fail(pdf, DocumentLimits.Default with { MaxPdfPages = 4 }));
    }

    [Fact]
    public void Docx_zip_bomb_stops_at_the_default_decompression_limit()
    {
        var bomb = HostileDocuments.DocxZipBomb(DocumentLimits.DefaultMaxDecompressedBytes + (16 << 20));
        Assert.True(bomb.Length < 1 << 20, $"{bomb.Length} bytes");
        Assert.StartsWith("Word document decompresses to more than the 64 MiB limit: a zip bomb?", Fail(bomb));
    }

    [Fact]
    public void Decompression_limit_is_a_setting()
    {
        var docx = ReportDocuments.Docx(string.Join('\n', Enumerable.Repeat("GDP grew by 6.5 percent in the year.", 200)));
        Assert.True(ReportTextReader.Read(docx, DocumentLimits.Default).Ok);
        Assert.Contains("a zip bomb?", Fail(docx, DocumentLimits.Default with { MaxDecompressedBytes = 4096 }));
    }

    [Fact]
    public void Docx_with_100000_nested_content_controls_is_read_without_recursion()
    {
        var r = ReportTextReader.Read(HostileDocuments.DeepDocx(100_000), DocumentLimits.Default);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(["Deep inside, GDP grew 5 percent.", "Zhanjiang GDP grew 5 percent."], r.Text!.Split('\n'));
    }

    [Fact]
    public void Pdf_flate_bomb_stops_at_the_decompression_limit()
    {
        var small = HostileDocuments.PdfFlateBomb(1 << 20);
        var read = ReportTextReader.Read(small, DocumentLimits.Default);
        Assert.True(read.Ok, read.Error);
        Assert.Equal("GDP grew by 5 percent.", read.Text);
        Assert.StartsWith("PDF streams decompress to more than the 0.5 MiB limit: a zip bomb?", Fail(small, DocumentLimits.Default with { MaxDecompressedBytes = 512 * 1024 }));

        var bomb = HostileDocuments.PdfFlateBomb(DocumentLimits.DefaultMaxDecompressedBytes + (16 << 20));
        Assert.True(bomb.Length < 1 << 20, $"{bomb.Length} bytes");
        Assert.StartsWith("PDF streams decompress to more than the 64 MiB limit: a zip bomb?", Fail(bomb));
    }

    [Fact]
    public void Corrupt_docx()
    {
        var docx = ReportDocuments.Docx("GDP grew by 6.5 percent.");
        Assert.StartsWith("corrupt Word document", Fail([.. docx[..(docx.Length - 40)], .. new byte[40]]));
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("b")]
    [InlineData("table")]
    public void Html_with_100000_nested_tags_is_refused_quickly_without_overflowing_the_stack(string tag)
    {
        var watch = Stopwatch.StartNew();
        Assert.StartsWith($"HTML nested deeper than the {DocumentLimits.DefaultMaxHtmlDepth}-level limit", Fail(HostileDocuments.DeepHtml(100_000, tag)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void Html_unclosed_paragraphs_and_list_items_do_not_count_as_nesting()
    {
        var page = "<html><body><ul>" + string.Concat(Enumerable.Repeat("<li>item<p>GDP grew by 6.5 percent.", 5000)) + "</ul></body></html>";
        var r = ReportTextReader.Read(Encoding.UTF8.GetBytes(page), DocumentLimits.Default);
        Assert.True(r.Ok, r.Error);
    }

    [Fact]
    public void Html_depth_limit_is_a_setting()
    {
        var page = HostileDocuments.DeepHtml(20);
        Assert.True(ReportTextReader.Read(page, DocumentLimits.Default with { MaxHtmlDepth = 21 }).Ok);
        Assert.StartsWith("HTML nested deeper than the 19-level limit", Fail(page, DocumentLimits.Default with { MaxHtmlDepth = 19 }));
    }

    [Fact]
    public void Reading_time_limit_applies_to_every_format()
    {
        var limits = DocumentLimits.Default with { ReadTimeout = TimeSpan.Zero };
        const string report = "Jiaxing government work report\nGDP grew by 6.5 percent.";
        Assert.Contains("took longer than the 0 s reading limit", Fail(ReportDocuments.PdfPages(3), limits));
        Assert.Contains("took longer than the 0 s reading limit", Fail(ReportDocuments.Html(report), limits));
        Assert.Contains("took longer than the 0 s reading limit", Fail(ReportDocuments.Docx(report), limits));
    }

    [Fact]
    public void Size_limit_applies_to_documents()
    {
        var pdf = ReportDocuments.PdfPages(2);
        Assert.Equal($"file is larger than the {pdf.Length - 1} bytes limit", Fail(pdf, DocumentLimits.Default with { MaxBytes = pdf.Length - 1 }));
    }

    [Fact]
    public void Limits_are_bound_from_the_settings()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettingNames.MaxReportBytes] = "2048", [AppSettingNames.MaxPdfPages] = "7", [AppSettingNames.MaxDecompressedBytes] = "9999",
            [AppSettingNames.MaxHtmlDepth] = "33", [AppSettingNames.DocumentReadTimeoutSeconds] = "5",
        }).Build();
        var options = new ReportFunctionsOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration, options);
        Assert.Equal(new DocumentLimits { MaxBytes = 2048, MaxPdfPages = 7, MaxDecompressedBytes = 9999, MaxHtmlDepth = 33, ReadTimeout = TimeSpan.FromSeconds(5) },
            options.ToDocumentLimits());
    }
}
