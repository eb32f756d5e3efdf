using System.Net;
using System.Text.Json;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests;

/// <summary>
/// The whole path on a running LocalHost: the seeds uploaded to the <c>reports</c> container of a real
/// Azurite, ingested by the blob trigger (or the reconciliation pass), read back over HTTP.
/// Uses its own Azurite so that other tests' data cannot interfere.
/// </summary>
public sealed class LocalHostEndToEndTests : LocalHostOnAzurite
{
    [Fact]
    public async Task Seeds_uploaded_to_the_reports_container_are_served_over_http()
    {
        var container = new Azure.Storage.Blobs.BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient("reports");
        await container.CreateIfNotExistsAsync();
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt");
        Assert.Equal(5, seeds.Length);
        foreach (var seed in seeds)
            await container.GetBlobClient(Path.GetFileName(seed)).UploadAsync(seed, overwrite: true);

        // Every report ends Succeeded (the blob trigger or the reconciliation pass ingests it).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement reports;
        while (true)
        {
            reports = await GetJson("api/reports");
            var statuses = reports.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
            if (statuses.Count == seeds.Length && statuses.All(s => s == "Succeeded")) break;
            Assert.True(DateTime.UtcNow < deadline, $"not all reports ingested: {reports}\n{Host.Log}");
            await Task.Delay(500);
        }
        Assert.All(reports.GetProperty("reports").EnumerateArray(), r => Assert.True(r.GetProperty("fact_count").GetInt32() > 0, r.ToString()));

        var jiaxing = await GetJson("api/regions/Jiaxing/facts");
        var facts = jiaxing.GetProperty("facts").EnumerateArray().ToList();
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Equal("Jiaxing", f.GetProperty("region").GetString()));
        Assert.Contains(facts, f => f.GetProperty("indicator").GetString() == "gdp" && f.GetProperty("kind").GetString() == "actual");
        Assert.All(facts, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("evidence").GetString())));

        // The same region by a variant, and as CSV.
        var variant = await GetJson("api/regions/jiaxing%20city/facts");
        Assert.Equal(facts.Count, variant.GetProperty("facts").GetArrayLength());
        using var csv = await Host.Http.GetAsync("api/regions/Jiaxing/facts?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("region,indicator,period,kind,value,unit,qualifier,evidence", lines[0]);
        Assert.Equal(facts.Count, lines.Length - 1);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await Host.Http.GetByteArrayAsync("api/regions/Jiaxing/facts?format=csv"))[..3]); // UTF-8 BOM for Excel

        // The same region by its Chinese name, URL-encoded in the path: 嘉兴 is %E5%98%89%E5%85%B4.
        var chinese = await GetJson("api/regions/%E5%98%89%E5%85%B4/facts");
        Assert.Equal(facts.Count, chinese.GetProperty("facts").GetArrayLength());
        Assert.Equal("嘉兴市", chinese.GetProperty("name_zh").GetString());

        // Uploading the same content again changes nothing (no duplicate facts).
        await container.GetBlobClient(Path.GetFileName(seeds[0])).UploadAsync(seeds[0], overwrite: true);
        await Task.Delay(4000);
        var again = await GetJson("api/regions/Jiaxing/facts");
        Assert.Equal(facts.Count, again.GetProperty("facts").GetArrayLength());
        Assert.False(Host.HasExited, Host.Log);
        Assert.DoesNotContain("TypeLoadException", Host.Log);
    }

    [Fact]
    public async Task LocalHost_refuses_to_listen_beyond_loopback()
    {
        // LocalHost has no function keys, so it must not listen on other interfaces.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(Azurite.ConnectionString,
            new Dictionary<string, string> { ["Urls"] = "http://0.0.0.0:0" }));
        Assert.Contains("loopback only", error.Message);
        // And the running one answers problem details without internals for a route that fails.
        using var response = await Host.Http.GetAsync("api/regions/atlantis/facts");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }
}
