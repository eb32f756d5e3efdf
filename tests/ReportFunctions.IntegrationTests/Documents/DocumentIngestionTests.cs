using System.Text;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Extraction.Evaluation;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;
using ReportFunctions.Benchmarks;
using ReportFunctions.Tests.Documents;
using Xunit.Abstractions;

namespace ReportFunctions.IntegrationTests.Documents;

/// <summary>
/// Issue 12 through ingestion on Azurite with the real extraction engine: each seed rendered as a PDF, a web page and a
/// Word document gives the facts of its .txt; the text read is stored and served, and evidence offsets refer to it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DocumentIngestionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly ReportExtractor Extractor = new();

    public static TheoryData<string, string> SeedsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            foreach (var format in new[] { "pdf", "html", "docx" })
                data.Add(seed!, format);
        return data;
    }

    internal static async Task<StorageTestEnv> EnvAsync(AzuriteFixture azurite, ReportFunctionsOptions? options = null)
    {
        var env = await StorageTestEnv.CreateAsync(azurite, options);
        env.Ingestor.Extract = (text, name) => Extractor.Extract(text, name);
        return env;
    }

    internal static byte[] Render(string text, string format, int variant = 0) => format switch
    {
        "pdf" => ReportDocuments.Pdf(text, out _),
        "html" => ReportDocuments.Html(text, article: variant % 2 == 0),
        "docx" => ReportDocuments.Docx(text),
        _ => Encoding.UTF8.GetBytes(text),
    };

    private static async Task<(ReportRecord Row, List<GoldScorer.Item> Items, List<Core.Domain.StoredFact> Facts)> IngestAsync(StorageTestEnv env, string blobName, byte[] bytes, string doc)
    {
        await env.Storage.Container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        var outcome = await env.Ingestor.IngestBlobAsync(blobName, default);
        Assert.True(outcome.Result == IngestResult.Succeeded, $"{blobName}: {outcome.Result} {outcome.Reason}");
        var row = (await env.Store.GetAsync(outcome.ReportId, default))!;
        var facts = (await env.Queries.GetReportFactsAsync(row, default)).ToList();
        return (row, facts.Select(f => GoldScorer.FromFact(doc, f.Fact)).ToList(), facts);
    }

    [Theory]
    [MemberData(nameof(SeedsAndFormats))]
    public async Task A_seed_as_pdf_web_page_or_word_document_gives_the_facts_of_its_text(string seed, string format)
    {
        var env = await EnvAsync(azurite);
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, seed));
        var stem = Path.GetFileNameWithoutExtension(seed);
        var (_, fromText, _) = await IngestAsync(env, seed, Encoding.UTF8.GetBytes(text), seed);
        var variant = int.Parse(stem[..3]);
        var (row, fromDocument, facts) = await IngestAsync(env, $"{stem}.{format}", Render(text, format, variant), seed);
        Assert.NotEmpty(fromText);

        // The same facts as the .txt, within the gold's tolerance (the .txt's facts taken as the gold).
        var same = GoldScorer.Score(fromText, fromDocument);
        foreach (var line in same.Errors) output.WriteLine(line);
        Assert.Equal((fromText.Count, 0, 0), (same.Overall.Tp, same.Overall.Fp, same.Overall.Fn));
        // And as good against the real gold.
        var goldFile = Path.Combine(RepoPaths.Root, "tests", "ReportFunctions.Core.Tests", "Data", "gold", stem + ".jsonl");
        var gold = File.ReadAllLines(goldFile).Where(l => l.Trim().Length > 0).Select(GoldScorer.FromJson).ToList();
        Assert.Equal(GoldScorer.Score(gold, fromText).Overall, GoldScorer.Score(gold, fromDocument).Overall);

        // The text the document was read as is stored and served; every evidence is the span its offset names.
        var response = await env.CallAsync(ApiEndpointNames.GetReportText, new Dictionary<string, string?> { ["id"] = row.Id });
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType);
        Assert.Equal(format, response.Headers["X-Report-Format"]);
        var stored = response.BodyText;
        Assert.All(facts, f => Assert.Equal(f.Fact.Evidence, stored.Substring(f.Fact.EvidenceStart, f.Fact.Evidence.Length)));
    }

    [Fact]
    public async Task Text_route_serves_spans_and_answers_clear_errors()
    {
        var env = await EnvAsync(azurite);
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "000_12db5167dbe9cf47.txt"));
        var upload = await env.CallAsync(ApiEndpointNames.UploadReport, query: Q(("name", "zhanjiang.pdf")), method: "POST", body: ReportDocuments.Pdf(text, out _));
        Assert.Equal(202, upload.StatusCode);
        var blob = await env.Storage.Container.GetBlobClient("zhanjiang.pdf").GetPropertiesAsync();
        Assert.Equal("application/pdf", blob.Value.ContentType);
        var (row, _, facts) = await IngestAsync(env, "zhanjiang.pdf", (await env.Storage.Container.GetBlobClient("zhanjiang.pdf").DownloadContentAsync()).Value.Content.ToArray(), "x");
        Assert.NotEmpty(facts);
        var id = row.Id;
        var whole = (await Text(env, id)).BodyText;
        Assert.Equal(whole.Length.ToString(), (await Text(env, id)).Headers["X-Text-Length"]);

        foreach (var f in facts)
        {
            var span = await Text(env, id, ("start", f.Fact.EvidenceStart.ToString()), ("length", f.Fact.Evidence.Length.ToString()));
            Assert.Equal(200, span.StatusCode);
            Assert.Equal(f.Fact.Evidence, span.BodyText);
        }
        Assert.Equal(whole[10..], (await Text(env, id, ("start", "10"))).BodyText);
        Assert.Equal(whole[..5], (await Text(env, id, ("length", "5"))).BodyText);
        Assert.Equal("", (await Text(env, id, ("start", whole.Length.ToString()))).BodyText);

        foreach (var (name, value) in new[] { ("start", "-1"), ("start", "x"), ("start", "1.5"), ("length", "-3"), ("length", "99999999999"), ("start", (whole.Length + 1).ToString()), ("length", (whole.Length + 1).ToString()) })
        {
            var bad = await Text(env, id, (name, value));
            Assert.Equal(400, bad.StatusCode);
            Assert.Contains($"\"parameter\":\"{name}\"", bad.BodyText);
        }
        var past = await Text(env, id, ("start", "10"), ("length", whole.Length.ToString()));
        Assert.Equal(400, past.StatusCode);
        Assert.Contains("at most the text's length", past.BodyText);

        Assert.Equal(400, (await Text(env, "../etc")).StatusCode);
        Assert.Equal(404, (await Text(env, ReportIds.FromBlobName("never-uploaded.pdf"))).StatusCode);
        await env.IngestTextAsync("broken.pdf", "%PDF-1.5");
        var failed = await Text(env, ReportIds.FromBlobName("broken.pdf"));
        Assert.Equal(404, failed.StatusCode);
        Assert.Contains("corrupt PDF", failed.BodyText);
    }

    [Fact]
    public async Task Upload_accepts_documents_by_content_and_sets_their_content_type()
    {
        var env = await EnvAsync(azurite);
        const string report = "Jiaxing government work report 2024\nThe city's GDP grew by 6.5 percent in 2023.";
        foreach (var (name, bytes, type) in new[]
                 {
                     ("a.pdf", ReportDocuments.Pdf(report, out _), "application/pdf"),
                     ("b.htm", ReportDocuments.Html(report), "text/html"),
                     ("c.bin", ReportDocuments.Docx(report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                     ("d.html", Encoding.UTF8.GetBytes(report), "text/plain"),
                 })
        {
            var r = await env.Dispatcher.HandleAsync(ApiEndpointNames.UploadReport, new ApiRequest
            {
                Method = "POST", Query = Q(("name", name)), ContentType = type == "text/plain" ? null : type, Body = new MemoryStream(bytes), ContentLength = bytes.Length,
            }, default);
            Assert.Equal(202, r.StatusCode);
            Assert.Equal(type, (await env.Storage.Container.GetBlobClient(name).GetPropertiesAsync()).Value.ContentType);
        }
        // Extract reads documents too; an unreadable one is 422, a format not accepted 415.
        var extracted = await env.CallAsync(ApiEndpointNames.ExtractText, query: Q(("name", "jiaxing.docx")), method: "POST", body: ReportDocuments.Docx(report));
        Assert.Equal(200, extracted.StatusCode);
        Assert.Contains("\"indicator\":\"gdp_growth\"", extracted.BodyText);
        var encrypted = await env.CallAsync(ApiEndpointNames.ExtractText, method: "POST", body: HostileDocuments.EncryptedPdf());
        Assert.Equal(422, encrypted.StatusCode);
        Assert.Contains("encrypted PDF", encrypted.BodyText);
        Assert.Equal(415, (await env.CallAsync(ApiEndpointNames.ExtractText, method: "POST", body: [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0])).StatusCode);
    }

    private static Task<ApiResponse> Text(StorageTestEnv env, string id, params (string Name, string Value)[] query) =>
        env.CallAsync(ApiEndpointNames.GetReportText, new Dictionary<string, string?> { ["id"] = id }, query.ToDictionary(q => q.Name, q => (string?)q.Value));

    private static Dictionary<string, string?> Q(params (string Name, string? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);
}
