using System.Text;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Documents;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;
using ReportFunctions.Benchmarks;
using ReportFunctions.Tests.Documents;

namespace ReportFunctions.IntegrationTests.Documents;

/// <summary>Hostile documents uploaded beside good reports: each ends Failed with its reason, the others are ingested.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileDocumentIngestionTests(AzuriteFixture azurite)
{
    public static Dictionary<string, (byte[] Bytes, string Reason)> HostileFiles() => new()
    {
        ["encrypted.pdf"] = (HostileDocuments.EncryptedPdf(), "encrypted PDF: "),
        ["scanned.pdf"] = (ReportDocuments.PdfPages(3, withText: false), "no text layer: scanned image?"),
        ["corrupt.pdf"] = (HostileDocuments.CorruptPdf(), "corrupt PDF: "),
        ["bomb.pdf"] = (HostileDocuments.PdfFlateBomb(DocumentLimits.DefaultMaxDecompressedBytes + (8 << 20)), "PDF streams decompress to more than the 64 MiB limit: a zip bomb?"),
        ["thousand-pages.pdf"] = (ReportDocuments.PdfPages(1000), $"PDF has 1000 pages, more than the {DocumentLimits.DefaultMaxPdfPages}-page limit"),
        ["bomb.docx"] = (HostileDocuments.DocxZipBomb(DocumentLimits.DefaultMaxDecompressedBytes + (8 << 20)), "Word document decompresses to more than the 64 MiB limit: a zip bomb?"),
        ["deep.html"] = (HostileDocuments.DeepHtml(100_000), $"HTML nested deeper than the {DocumentLimits.DefaultMaxHtmlDepth}-level limit"),
    };

    [Fact]
    public async Task Hostile_documents_end_failed_with_their_reason_while_good_reports_are_ingested()
    {
        var env = await DocumentIngestionTests.EnvAsync(azurite);
        var seed = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "002_81e2931158ff2398.txt"));
        var hostile = HostileFiles();
        foreach (var (name, (bytes, _)) in hostile) await env.Storage.Container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes));
        var good = new Dictionary<string, byte[]>
        {
            ["good.txt"] = Encoding.UTF8.GetBytes(seed),
            ["good.pdf"] = DocumentIngestionTests.Render(seed, "pdf"),
            ["good.html"] = DocumentIngestionTests.Render(seed, "html"),
            ["good.docx"] = DocumentIngestionTests.Render(seed, "docx"),
        };
        foreach (var (name, bytes) in good) await env.Storage.Container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes));

        var summary = await env.Ingestor.ReconcileAsync();
        Assert.Equal((hostile.Count + good.Count, good.Count, hostile.Count, 0), (summary.Blobs, summary.Ingested, summary.Failed, summary.Errors));
        foreach (var (name, (_, reason)) in hostile)
        {
            var row = await env.Store.GetAsync(ReportIds.FromBlobName(name), default);
            Assert.Equal(ReportStatus.Failed, row!.Status);
            Assert.StartsWith(reason, row.Error);
            Assert.Equal(1, row.Attempts); // a content failure, recorded at once, not an exception retried
        }
        var fromText = (await env.Store.GetAsync(ReportIds.FromBlobName("good.txt"), default))!.FactCount;
        Assert.True(fromText > 0);
        foreach (var name in good.Keys)
        {
            var row = await env.Store.GetAsync(ReportIds.FromBlobName(name), default);
            Assert.Equal(ReportStatus.Succeeded, row!.Status);
            Assert.Equal(fromText, row.FactCount);
        }
    }

    [Fact]
    public async Task Limits_come_from_the_settings()
    {
        var env = await DocumentIngestionTests.EnvAsync(azurite, new ReportFunctionsOptions { MaxPdfPages = 2, MaxHtmlDepth = 8, MaxDecompressedBytes = 2000 });
        var seed = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "002_81e2931158ff2398.txt"));
        var pdf = await env.Ingestor.IngestAsync("three.pdf", new MemoryStream(ReportDocuments.PdfPages(3)), default);
        Assert.Equal("PDF has 3 pages, more than the 2-page limit", pdf.Reason);
        var html = await env.Ingestor.IngestAsync("nine.html", new MemoryStream(HostileDocuments.DeepHtml(9)), default);
        Assert.StartsWith("HTML nested deeper than the 8-level limit", html.Reason);
        var docx = await env.Ingestor.IngestAsync("long.docx", new MemoryStream(ReportDocuments.Docx(seed)), default);
        Assert.Equal("Word document decompresses to more than the 0 MiB limit: a zip bomb?", docx.Reason);
        var text = await env.Ingestor.IngestAsync("text.txt", new MemoryStream(Encoding.UTF8.GetBytes(seed)), default);
        Assert.Equal(IngestResult.Succeeded, text.Result);
    }
}
