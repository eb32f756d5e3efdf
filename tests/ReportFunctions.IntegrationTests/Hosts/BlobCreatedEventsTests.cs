using System.Text.Json;
using Azure.Storage.Blobs;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Hosts;

/// <summary>
/// LocalHost's stand-in for Event Grid (<c>Jobs/BlobCreatedEvents.cs</c>): a blob uploaded or replaced while LocalHost
/// runs is ingested by the blob-triggered function within seconds, with the reconciliation pass scheduled too far
/// away to be the one that ingests it (it runs once, at start-up, before the upload).
/// </summary>
public sealed class BlobCreatedEventsTests : IAsyncLifetime
{
    /// <summary>A listing a second, then the ingestion: well under the 10 s between two scans of the SDK's own polling trigger.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    /// <summary>Time for the first listing (the baseline), also taken at start-up, to be done before the upload.</summary>
    private static readonly TimeSpan BaselineSettle = TimeSpan.FromSeconds(1.5);

    private AzuriteProcess _azurite = null!;
    private LocalHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _host = await LocalHostProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string>
        {
            ["RECONCILE_SCHEDULE"] = "0 0 0 1 1 *", // once a year: only the pass at start-up runs
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_blob_uploaded_or_replaced_while_LocalHost_runs_is_ingested_by_the_trigger_within_seconds()
    {
        var container = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("reports");
        await container.CreateIfNotExistsAsync();
        await WaitForStartupReconciliationAsync();

        var seed = Path.Combine(RepoPaths.Seeds, "004_307afd3bdd958b57.txt"); // Jiaxing's report of 2023
        await container.GetBlobClient("jiaxing.txt").UploadAsync(seed, overwrite: true);
        var first = await WaitForReportAsync(ReportIds.FromBlobName("jiaxing.txt"), r => r.GetProperty("status").GetString() == "Succeeded");
        Assert.True(first.GetProperty("fact_count").GetInt32() > 0, first.ToString());
        Assert.Contains("Executing 'IngestReport' (Reason='This function was programmatically called via the host APIs.'", _host.Log);

        // Replaced with other content under the same name: a new ETag, a new event, the new content's facts.
        var text = await File.ReadAllTextAsync(seed);
        await container.GetBlobClient("jiaxing.txt").UploadAsync(BinaryData.FromString(text.Replace("673.95 billion yuan", "700.01 billion yuan")), overwrite: true);
        await WaitForReportAsync(ReportIds.FromBlobName("jiaxing.txt"), r => r.GetProperty("content_hash").GetString() != first.GetProperty("content_hash").GetString()
            && r.GetProperty("status").GetString() == "Succeeded");
        var facts = await GetJsonAsync("api/regions/Jiaxing/facts");
        Assert.Contains(facts.GetProperty("facts").EnumerateArray(), f => f.GetProperty("indicator").GetString() == "gdp" && f.GetProperty("value").GetDouble() == 700_010_000_000);
    }

    private async Task WaitForStartupReconciliationAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_host.Log.Contains("Reconciled reports"))
        {
            Assert.True(DateTime.UtcNow < deadline, "no reconciliation at start-up:\n" + _host.Log);
            await Task.Delay(100);
        }
        await Task.Delay(BaselineSettle);
    }

    private async Task<JsonElement> WaitForReportAsync(string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            using var response = await _host.Http.GetAsync($"api/reports/{id}");
            if (response.IsSuccessStatusCode)
            {
                var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                if (done(report)) return report;
            }
            Assert.True(DateTime.UtcNow < deadline, $"report {id} not ingested within {Bound.TotalSeconds} s:\n{_host.Log}");
            await Task.Delay(200);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _host.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
