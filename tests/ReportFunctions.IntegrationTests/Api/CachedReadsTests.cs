using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;
using ReportFunctions.Functions;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Api;

/// <summary>
/// The read endpoints' answer cache on the Functions app's own services over a real Azurite of this test's own: ETag and
/// 304, a repeated read that issues no storage request (counted by a pipeline policy on the app's clients, the stamp poll
/// aside), continuation pages and CSV as entries of their own, and a change seen within the stated bound.
/// </summary>
public sealed class CachedReadsTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private ServiceProvider _provider = null!;
    private readonly StorageRequestRecorder _requests = new();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _provider = _requests.AppServices(_azurite.ConnectionString);
        foreach (var h in _provider.GetServices<IHostedService>()) await h.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var h in _provider.GetServices<IHostedService>()) await h.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private ApiDispatcher Api => _provider.GetRequiredService<ApiDispatcher>();

    private async Task<string> IngestAsync(string seedFile)
    {
        var name = Path.GetFileName(seedFile);
        await _provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.ReportsContainer).GetBlobClient(name).UploadAsync(seedFile, overwrite: true);
        var outcome = await _provider.GetRequiredService<ReportIngestor>().IngestBlobAsync(name, CancellationToken.None);
        Assert.Equal(IngestResult.Succeeded, outcome.Result);
        return (await _provider.GetRequiredService<ReportIngestor>().Store.GetAsync(outcome.ReportId, CancellationToken.None))!.Region!;
    }

    private Task<ApiResponse> GetAsync(string endpoint, (string, string)[] route, (string, string)[]? query = null, string? ifNoneMatch = null, string? accept = null) =>
        Api.HandleAsync(endpoint, new ApiRequest
        {
            RouteValues = route.ToDictionary(r => r.Item1, r => (string?)r.Item2),
            Query = (query ?? []).ToDictionary(q => q.Item1, q => (string?)q.Item2, StringComparer.OrdinalIgnoreCase),
            IfNoneMatch = ifNoneMatch,
            Accept = accept,
        }, CancellationToken.None);

    /// <summary>Requests of the app's clients since <paramref name="mark"/>, the data-change stamp's poll aside.</summary>
    private List<string> DataRequestsSince(int mark) =>
        _requests.All.Skip(mark).Where(u => !u.Contains("/" + StorageNames.DataStampTable, StringComparison.Ordinal)).ToList();

    /// <summary>Until the watcher has read the stamps as they are now (every change so far seen, so nothing cached after this is dropped for it).</summary>
    private async Task WaitSeenAsync()
    {
        var cache = _provider.GetRequiredService<ReadCache>();
        var now = await _provider.GetRequiredService<DataChangeStamp>().ReadAsync(CancellationToken.None);
        bool Seen() => cache.IsTrusted(DateTimeOffset.UtcNow) && Enum.GetValues<DataArea>().All(a => cache.Observed(a) == (now?.GetValueOrDefault(a) ?? ""));
        for (var i = 0; i < 100 && !Seen(); i++) await Task.Delay(100);
        Assert.True(Seen(), "the watcher did not read the data-change stamp");
    }

    [Fact]
    public async Task Repeated_reads_come_from_memory_with_an_etag_and_304_and_a_change_is_seen_within_the_bound()
    {
        var synthetic = Path.Combine(RepoPaths.Seeds, "synthetic");
        var region = await IngestAsync(Path.Combine(synthetic, "jiaxing-2023.txt"));
        await WaitSeenAsync();

        (string, string)[] route = [("region", region)];
        var first = await GetAsync(ApiEndpointNames.GetRegionFacts, route);
        Assert.Equal(200, first.StatusCode);
        var etag = first.Headers["ETag"];
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag);
        Assert.Equal("no-cache", first.Headers["Cache-Control"]);

        var mark = _requests.All.Count;
        var second = await GetAsync(ApiEndpointNames.GetRegionFacts, route);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(etag, second.Headers["ETag"]);
        var notModified = await GetAsync(ApiEndpointNames.GetRegionFacts, route, ifNoneMatch: "\"other\", " + etag);
        Assert.Equal(304, notModified.StatusCode);
        Assert.Empty(notModified.Body);
        Assert.Equal(etag, notModified.Headers["ETag"]);
        Assert.Empty(DataRequestsSince(mark));
        Assert.Equal(200, (await GetAsync(ApiEndpointNames.GetRegionFacts, route, ifNoneMatch: "\"other\"")).StatusCode);

        // CSV and each continuation page are answers of their own (own entry, own tag).
        var csv = await GetAsync(ApiEndpointNames.GetRegionFacts, route, accept: "text/csv");
        Assert.StartsWith("text/csv", csv.ContentType);
        Assert.NotEqual(etag, csv.Headers["ETag"]);
        var page1 = await GetAsync(ApiEndpointNames.GetRegionFacts, route, [("page_size", "1")]);
        var token = JsonDocument.Parse(page1.Body).RootElement.GetProperty("continuation").GetString()!;
        var page2 = await GetAsync(ApiEndpointNames.GetRegionFacts, route, [("page_size", "1"), ("continuation", token)]);
        Assert.NotEqual(page1.Headers["ETag"], page2.Headers["ETag"]);
        var fact1 = JsonDocument.Parse(page1.Body).RootElement.GetProperty("facts")[0].GetRawText();
        var fact2 = JsonDocument.Parse(page2.Body).RootElement.GetProperty("facts")[0].GetRawText();
        Assert.NotEqual(fact1, fact2);
        var facts = JsonDocument.Parse(first.Body).RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetRawText()).ToList();
        Assert.Equal(facts.Take(2), new[] { fact1, fact2 });
        mark = _requests.All.Count;
        Assert.Equal(page2.Body, (await GetAsync(ApiEndpointNames.GetRegionFacts, route, [("page_size", "1"), ("continuation", token)])).Body);
        Assert.Empty(DataRequestsSince(mark));

        // Rankings: cached too; the ages shown move on, the weak tag stays while the ranking does.
        foreach (var city in new[] { "hangzhou", "ningbo", "guangzhou", "zhanjiang", "zhaoqing" })
            await IngestAsync(Path.Combine(synthetic, city + "-2023.txt"));
        var refresh = await _provider.GetRequiredService<RankingRefresher>().RefreshAsync(CancellationToken.None);
        Assert.True(refresh.RankingsWritten > 0);
        // The ingestions and the refresh touched the stamp: once the watcher has seen that, cached answers stay.
        await WaitSeenAsync();
        const string code = "gdp_growth";
        var ranking = await GetAsync(ApiEndpointNames.GetRanking, [("code", code)]);
        Assert.Equal(200, ranking.StatusCode);
        Assert.StartsWith("W/\"", ranking.Headers["ETag"]);
        mark = _requests.All.Count;
        await Task.Delay(1200);
        var later = await GetAsync(ApiEndpointNames.GetRanking, [("code", code)]);
        Assert.Equal(ranking.Headers["ETag"], later.Headers["ETag"]);
        Assert.True(Age(later) >= Age(ranking) + 1, $"age {Age(ranking)} then {Age(later)}: a cached ranking must show its current age");
        Assert.Equal(304, (await GetAsync(ApiEndpointNames.GetRanking, [("code", code)], ifNoneMatch: ranking.Headers["ETag"])).StatusCode);
        Assert.Empty(DataRequestsSince(mark));

        // A change: the region's next report -> a new answer within the bound; the old tag is no longer current.
        var before = facts.Count;
        await IngestAsync(Path.Combine(synthetic, "jiaxing-2024.txt"));
        var changedAt = DateTimeOffset.UtcNow;
        ApiResponse now;
        do
        {
            now = await GetAsync(ApiEndpointNames.GetRegionFacts, route, ifNoneMatch: etag);
            if (now.StatusCode == 200) break;
            await Task.Delay(50);
        }
        while (DateTimeOffset.UtcNow - changedAt < TimeSpan.FromSeconds(10));
        var seenAfter = DateTimeOffset.UtcNow - changedAt;
        Assert.Equal(200, now.StatusCode);
        Assert.NotEqual(etag, now.Headers["ETag"]);
        Assert.True(JsonDocument.Parse(now.Body).RootElement.GetProperty("facts").GetArrayLength() > before);
        var bound = _provider.GetRequiredService<ReadCache>().Settings.TrustFor;
        Assert.True(seenAfter <= bound + TimeSpan.FromSeconds(1), $"the change was seen after {seenAfter.TotalSeconds:F1} s (bound {bound.TotalSeconds} s)");
    }

    [Fact]
    public async Task The_regions_list_and_amplification_are_cached_and_a_new_region_is_listed_within_the_bound()
    {
        var synthetic = Path.Combine(RepoPaths.Seeds, "synthetic");
        await IngestAsync(Path.Combine(synthetic, "jiaxing-2024.txt"));
        await IngestAsync(Path.Combine(synthetic, "hangzhou-2024.txt"));
        await WaitSeenAsync();

        var regions = await GetAsync(ApiEndpointNames.ListRegions, []);
        var amplification = await GetAsync(ApiEndpointNames.GetAmplification, [("code", "gdp_growth")]);
        Assert.Equal(200, regions.StatusCode);
        Assert.Equal(200, amplification.StatusCode);
        var mark = _requests.All.Count;
        Assert.Equal(304, (await GetAsync(ApiEndpointNames.ListRegions, [], ifNoneMatch: regions.Headers["ETag"])).StatusCode);
        Assert.Equal(amplification.Body, (await GetAsync(ApiEndpointNames.GetAmplification, [("code", "gdp_growth")])).Body);
        Assert.Empty(DataRequestsSince(mark));
        Assert.DoesNotContain("Ningbo", Encoding.UTF8.GetString(regions.Body));

        await IngestAsync(Path.Combine(synthetic, "ningbo-2024.txt"));
        var changedAt = DateTimeOffset.UtcNow;
        ApiResponse now;
        do
        {
            now = await GetAsync(ApiEndpointNames.ListRegions, [], ifNoneMatch: regions.Headers["ETag"]);
            if (now.StatusCode == 200) break;
            await Task.Delay(50);
        }
        while (DateTimeOffset.UtcNow - changedAt < TimeSpan.FromSeconds(10));
        Assert.Equal(200, now.StatusCode);
        Assert.Contains("Ningbo", Encoding.UTF8.GetString(now.Body));
        var bound = _provider.GetRequiredService<ReadCache>().Settings.TrustFor;
        Assert.True(DateTimeOffset.UtcNow - changedAt <= bound + TimeSpan.FromSeconds(1), "the new region was listed after the bound");
    }

    private static double Age(ApiResponse r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("age_seconds").GetDouble();
}
