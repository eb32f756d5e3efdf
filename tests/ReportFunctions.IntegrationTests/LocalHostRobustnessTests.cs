using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using ReportFunctions.Benchmarks;
using ReportFunctions.IntegrationTests.Documents;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests;

/// <summary>
/// Issue 6 on a running LocalHost with its own Azurite: every upload is read or clearly rejected, exactly
/// once, whatever the file, and the host never goes down.
/// </summary>
public sealed class LocalHostRobustnessTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private LocalHostProcess _host = null!;
    private BlobContainerClient _reports = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _host = await LocalHostProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string>
        {
            ["RECONCILE_SCHEDULE"] = "*/3 * * * * *",
        });
        _reports = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("reports");
        await _reports.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Two_hundred_reports_uploaded_at_once_each_end_succeeded_or_failed_exactly_once()
    {
        var synthetic = SyntheticReports.FromSeedFolder(RepoPaths.Seeds);
        var uploads = Enumerable.Range(0, 200).Select(i => synthetic.Create(i)).ToList();
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (u, ct) => await _reports.GetBlobClient(u.Name).UploadAsync(BinaryData.FromString(u.Text), ct));

        var reports = await WaitForFinalAsync(uploads.Select(u => u.Name).ToHashSet(), TimeSpan.FromSeconds(240));

        // One row per blob, each final, ingested once (one attempt, as nothing failed transiently).
        Assert.Equal(200, reports.Count);
        Assert.All(reports.Values, r => Assert.Contains(r.GetProperty("status").GetString(), new[] { "Succeeded", "Failed" }));
        Assert.All(reports.Values, r => Assert.Equal(1, r.GetProperty("attempts").GetInt32()));
        Assert.True(reports.Values.Count(r => r.GetProperty("status").GetString() == "Succeeded") >= 190, "most synthetic reports parse");

        // No duplicate facts: each report's facts, read back, are as many as it says and unique per key.
        foreach (var (name, report) in reports.Take(40))
        {
            var id = report.GetProperty("id").GetString()!;
            var detail = await GetJson($"api/reports/{Uri.EscapeDataString(id)}");
            var facts = detail.GetProperty("facts").EnumerateArray().ToList();
            Assert.Equal(report.GetProperty("fact_count").GetInt32(), facts.Count);
            var keys = facts.Select(f => (f.GetProperty("indicator").GetString(), f.GetProperty("period").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("value").GetDouble())).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }
        Assert.False(_host.HasExited, _host.Log);
    }

    [Fact]
    public async Task Hostile_files_end_failed_with_a_reason_or_succeeded_with_zero_facts_and_never_crash_the_host()
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.TestData, "hostile")))
            files["hostile/" + Path.GetFileName(path)] = File.ReadAllBytes(path);
        files["hostile/50-mib.txt"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("GDP grew 5%. ", 50 * 1024 * 1024 / 13 + 1)));
        files["hostile/one-2mb-line.txt"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The GDP reached 673.95 billion yuan, a growth of 2.5% ", 2_000_000 / 54)));
        files["hostile/percent-signs.txt"] = Encoding.UTF8.GetBytes(new string('%', 100_000));
        files["hostile/repeated-numbers.txt"] = Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Repeat("1", 500_000)));
        var seed = File.ReadAllText(Path.Combine(RepoPaths.Seeds, "004_307afd3bdd958b57.txt"));
        var fiveMiB = new StringBuilder(seed);
        var filler = "The city will continue to deepen reform and opening up and improve people's wellbeing.\n";
        while (fiveMiB.Length < 5 * 1024 * 1024) fiveMiB.Append(filler);
        files["hostile/five mib report Jiaxing.txt"] = Encoding.UTF8.GetBytes(fiveMiB.ToString());
        files["hostile/../escape attempt.txt"] = Encoding.UTF8.GetBytes(seed);
        // Issue 12: hostile documents beside the same report as a PDF, a web page and a Word document.
        var hostileDocuments = HostileDocumentIngestionTests.HostileFiles();
        foreach (var (name, (bytes, _)) in hostileDocuments) files["hostile/" + name] = bytes;
        files["hostile/good report.pdf"] = ReportDocuments.Pdf(seed, out _);
        files["hostile/good report.html"] = ReportDocuments.Html(seed);
        files["hostile/good report.docx"] = ReportDocuments.Docx(seed);
        files["hostile/名字 with spaces ü.txt"] = Encoding.UTF8.GetBytes(seed);

        foreach (var (name, bytes) in files)
            await _reports.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes));

        var expectedNames = files.Keys.Select(n => _reports.GetBlobClient(n).Name).ToHashSet();
        var reports = await WaitForFinalAsync(expectedNames, TimeSpan.FromSeconds(180));
        foreach (var (name, r) in reports)
        {
            var status = r.GetProperty("status").GetString();
            var facts = r.GetProperty("fact_count").GetInt32();
            var error = r.TryGetProperty("error", out var e) ? e.GetString() : null;
            Assert.True(status == "Failed" ? !string.IsNullOrWhiteSpace(error) : status == "Succeeded", $"{name}: {r}");
            if (name.Contains("five mib") || name.Contains("escape") || name.Contains("名字") || name.Contains("good report"))
            {
                Assert.Equal("Succeeded", status);
                Assert.True(facts >= 10, $"{name}: {r}");
            }
            else if (status == "Succeeded" && !name.Contains("utf16") && !name.Contains("gb18030") && !name.Contains("2mb"))
                Assert.True(facts == 0, $"{name} should yield no facts: {r}");
        }
        Assert.Equal("file is larger than the 10 MiB limit", reports["hostile/50-mib.txt"].GetProperty("error").GetString());
        Assert.StartsWith("not text", reports["hostile/image.png"].GetProperty("error").GetString());
        Assert.StartsWith("not valid UTF-8 or GB18030", reports["hostile/invalid-utf8.txt"].GetProperty("error").GetString());
        Assert.Equal("Succeeded", reports["hostile/utf16-bom.txt"].GetProperty("status").GetString());
        Assert.Equal("Succeeded", reports["hostile/gb18030.txt"].GetProperty("status").GetString());
        foreach (var (name, (_, reason)) in hostileDocuments)
            Assert.StartsWith(reason, reports["hostile/" + name].GetProperty("error").GetString());
        // The text a PDF was read as, served by LocalHost: each fact's evidence is the span its offset names.
        var pdfId = reports["hostile/good report.pdf"].GetProperty("id").GetString()!;
        var pdfFacts = (await GetJson($"api/reports/{Uri.EscapeDataString(pdfId)}")).GetProperty("facts").EnumerateArray().ToList();
        using (var textResponse = await _host.Http.GetAsync($"api/reports/{Uri.EscapeDataString(pdfId)}/text"))
        {
            Assert.Equal(HttpStatusCode.OK, textResponse.StatusCode);
            Assert.Equal("text/plain", textResponse.Content.Headers.ContentType?.MediaType);
            var text = await textResponse.Content.ReadAsStringAsync();
            Assert.NotEmpty(pdfFacts);
            Assert.All(pdfFacts, f => Assert.Equal(f.GetProperty("evidence").GetString(),
                text.Substring(f.GetProperty("evidence_start").GetInt32(), f.GetProperty("evidence_length").GetInt32())));
        }
        using (var bad = await _host.Http.GetAsync($"api/reports/{Uri.EscapeDataString(pdfId)}/text?start=x"))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // The host is still up and serving.
        Assert.False(_host.HasExited, _host.Log);
        using var health = await _host.Http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Waits until every named blob has a Succeeded or Failed report; returns them by blob name.</summary>
    private async Task<Dictionary<string, JsonElement>> WaitForFinalAsync(HashSet<string> names, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var all = new Dictionary<string, JsonElement>();
            string? continuation = null;
            do
            {
                var page = await GetJson("api/reports?page_size=1000" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
                foreach (var r in page.GetProperty("reports").EnumerateArray())
                {
                    var name = r.GetProperty("name").GetString()!;
                    Assert.False(all.ContainsKey(name), $"two report rows for {name}");
                    all[name] = r;
                }
                continuation = page.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            } while (continuation is not null);

            var done = all.Where(kv => names.Contains(kv.Key) && ReportStatus.IsFinal(kv.Value.GetProperty("status").GetString())).ToDictionary();
            if (done.Count == names.Count) return done;
            Assert.True(DateTime.UtcNow < deadline,
                $"{names.Count - done.Count} of {names.Count} not final after {timeout}: {string.Join(", ", names.Except(done.Keys).Take(10))}\n{_host.Log[^Math.Min(_host.Log.Length, 4000)..]}");
            await Task.Delay(1000);
        }
    }

    private async Task<JsonElement> GetJson(string path)
    {
        using var response = await _host.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
