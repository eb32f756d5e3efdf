using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

/// <summary>A real outage: Azurite (persisting to disk) is killed in the middle of writing a report's facts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Storage_killed_mid_write_leaves_old_facts_and_retry_after_restart_switches_to_new()
    {
        var location = Path.Combine(Path.GetTempPath(), "azurite-outage-" + Guid.NewGuid().ToString("N")[..8]);
        await using var own = await AzuriteProcess.StartAsync(location);
        try
        {
            var env = await StorageTestEnv.CreateAsync(azurite, connectionString: own.ConnectionString);
            var v1 = await env.IngestTextAsync("zj.txt", StorageTestEnv.Report("Zhejiang", 2021, ("gdp", "2020", "actual", 1), ("gdp_growth", "2020", "actual", 2)));
            Assert.Equal(IngestResult.Succeeded, v1.Result);
            await Task.Delay(TimeSpan.FromSeconds(6)); // let Azurite persist v1 to disk before it is killed

            var codes = new[] { "gdp", "retail_sales", "exports", "gdp_growth" };
            var v2Text = StorageTestEnv.Report("Zhejiang", 2022, Enumerable.Range(0, 120).Select(i => (codes[i % 4], (1900 + i / 4).ToString(), "actual", (double)i + 100)).ToArray());
            var killed = false;
            env.Store.AfterFactTransaction = async () =>
            {
                if (killed) return;
                killed = true;
                await own.StopAsync();
            };
            await Assert.ThrowsAnyAsync<Exception>(() => env.IngestTextAsync("zj.txt", v2Text));
            Assert.True(killed);

            await own.StartAsync();
            env.Store.AfterFactTransaction = null;
            await AssertFacts(env, v1.ReportId, [1, 2]);

            var v2 = await env.IngestTextAsync("zj.txt", v2Text);
            Assert.Equal(IngestResult.Succeeded, v2.Result);
            await AssertFacts(env, v1.ReportId, Enumerable.Range(100, 120).Select(i => (double)i).ToArray());
            Assert.Equal(120, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);
            Assert.Equal(120, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count);
        }
        finally
        {
            await own.DisposeAsync();
            try { Directory.Delete(location, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task AssertFacts(StorageTestEnv env, string reportId, double[] values)
    {
        var region = new List<StoredFact>();
        await foreach (var f in env.Queries.GetRegionFactsAsync("Zhejiang")) region.Add(f);
        Assert.Equal(values.Order(), region.Select(f => f.Fact.Value).Order());
        var byIndicator = new List<StoredFact>();
        foreach (var code in new[] { "gdp", "retail_sales", "exports", "gdp_growth" })
            await foreach (var f in env.Queries.GetIndicatorFactsAsync(code)) byIndicator.Add(f);
        Assert.Equal(values.Order(), byIndicator.Select(f => f.Fact.Value).Order());
        var report = await env.Store.GetAsync(reportId, default);
        Assert.Equal(values.Length, (await env.Queries.GetReportFactsAsync(report!, default)).Count);
        var api = await env.CallAsync(ApiEndpointNames.GetRegionFacts, new Dictionary<string, string?> { ["region"] = "Zhejiang" }, new Dictionary<string, string?> { ["page_size"] = "1000" });
        Assert.Equal(200, api.StatusCode);
    }
}
