using System.Text;
using ReportFunctions.Core.Documents;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Benchmarks;
using ReportFunctions.Tests.Documents;

namespace ReportFunctions.Core.Tests.Documents;

/// <summary>The format readers on generated documents: what is kept, what is dropped, how the format is recognised.</summary>
public sealed class DocumentReaderTests
{
    static DocumentReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string SeedPath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "seeds", name);
    private static string Seed(string name) => File.ReadAllText(SeedPath(name));
    private static string Read(byte[] bytes, DocumentLimits? limits = null, string? name = null)
    {
        var r = ReportTextReader.Read(bytes, limits ?? DocumentLimits.Default, name);
        Assert.True(r.Ok, r.Error);
        return r.Text!;
    }

    private static string Words(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Pdf_text_is_read_in_order_without_running_header_or_page_numbers_and_with_hyphenation_undone()
    {
        var seed = Seed("004_307afd3bdd958b57.txt");
        var pdf = ReportDocuments.Pdf(seed, out var hyphenated);
        Assert.NotEmpty(hyphenated);
        var text = Read(pdf, name: "report.txt");

        Assert.DoesNotContain(ReportDocuments.RunningHeader, text);
        Assert.DoesNotContain(text.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^-\s*\d+\s*-$"));
        foreach (var (left, right) in hyphenated)
        {
            Assert.Contains(left + right, text);
            Assert.DoesNotContain(left + "- " + right, text);
            Assert.DoesNotContain(left + "-" + right, text);
        }
        // Every paragraph of the report is one line of the text, words in order.
        var expected = ReportDocuments.Paragraphs(ReportDocuments.WinAnsi(seed)).Select(Words).ToList();
        Assert.Equal(expected, text.Split('\n').Select(Words).ToList());
    }

    [Fact]
    public void Html_keeps_the_article_and_drops_scripts_navigation_menus_and_footer()
    {
        var seed = Seed("001_2d092d3b8f9d1fb1.txt");
        foreach (var article in new[] { true, false })
        {
            var text = Read(ReportDocuments.Html(seed, article));
            foreach (var furniture in new[] { ReportDocuments.NavigationText, ReportDocuments.ScriptText, ReportDocuments.FooterText, "77.7%", "66.6%", "55.5%", "44.4%", "Previous report", "Home > Government", "Site header" })
                Assert.DoesNotContain(furniture, text);
            // Paragraphs and headings as lines; entities (&nbsp; &#37; &amp;) decoded.
            Assert.Equal(ReportDocuments.Paragraphs(seed).Select(Words).ToList(), text.Split('\n').Select(Words).ToList());
        }
    }

    [Theory]
    [InlineData("<meta charset=\"gb2312\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">")]
    [InlineData("")]
    public void Html_in_gb2312_or_gbk_is_decoded_and_list_items_are_lines(string declaration)
    {
        var page = $"<html><head>{declaration}<title>政府工作报告</title></head><body><div class=\"menu\">首页 | 新闻</div>" +
                            "<main><h1>政府工作报告</h1><p>全市生产总值增长 6.5%&nbsp;左右。</p><ul><li>一般公共预算收入增长 5%</li><li>城镇新增就业 3 万人</li></ul></main></body></html>";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(page);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var text = Read(bytes);
        Assert.Equal(["政府工作报告", "全市生产总值增长 6.5% 左右。", "一般公共预算收入增长 5%", "城镇新增就业 3 万人"], text.Split('\n'));
    }

    [Fact]
    public void Docx_paragraphs_and_table_cells_are_read_in_order_and_the_header_part_is_not()
    {
        var text = Read(ReportDocuments.Docx("Main targets for 2024\nRegional GDP will grow by about 5 percent.",
            [["Indicator", "Target"], ["Urban unemployment rate", "within 5.5%"]]));
        Assert.Equal(["Main targets for 2024", "Regional GDP will grow by about 5 percent.", "Indicator", "Target", "Urban unemployment rate", "within 5.5%"], text.Split('\n'));
        Assert.DoesNotContain(ReportDocuments.RunningHeader, text);
    }

    [Theory]
    [InlineData("pdf", "report.txt", ReportFormat.Pdf)]
    [InlineData("html", "report.txt", ReportFormat.Html)]
    [InlineData("html", "report", ReportFormat.Html)]
    [InlineData("docx", "report.bin", ReportFormat.Docx)]
    [InlineData("docx", "report.pdf", ReportFormat.Docx)]
    [InlineData("txt", "report.html", ReportFormat.Text)]
    [InlineData("txt", "report.pdf", ReportFormat.Text)]
    public void Format_is_recognised_by_content_not_by_name(string kind, string name, ReportFormat expected)
    {
        const string report = "Jiaxing government work report\nGDP grew by 6.5 percent.";
        var bytes = kind switch
        {
            "pdf" => ReportDocuments.PdfPages(1),
            "html" => Encoding.UTF8.GetBytes("  <!doctype HTML><html><body><p>GDP grew by 6.5 percent.</p></body></html>"),
            "docx" => ReportDocuments.Docx(report),
            _ => Encoding.UTF8.GetBytes(report),
        };
        Assert.Equal(expected, DocumentSniffer.Detect(bytes, name));
        var r = ReportTextReader.Read(bytes, DocumentLimits.Default, name);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(expected, r.Format);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_and_an_old_doc_are_not_text()
    {
        var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry("report.txt").Open())) entry.Write("GDP grew by 6.5 percent.");
        var zip = stream.ToArray();
        Assert.StartsWith("not text: looks like a zip archive", ReportDecoder.Decode(zip).Error);
        Assert.StartsWith("not text: looks like an old Word", ReportDecoder.Decode([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).Error);
    }
}
