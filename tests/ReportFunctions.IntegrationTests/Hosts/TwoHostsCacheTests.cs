using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ReportFunctions.Core.Api;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Hosts;

/// <summary>
/// Two LocalHost processes (separate answer caches) on one Azurite: a report uploaded through one host is ingested,
/// and the other host, whose answer for that region was cached (same ETag, 304), shows the new facts within the bound
/// both state (<see cref="ReadCacheSettings.TrustFor"/>, plus a second for the requests themselves on a loaded machine).
/// </summary>
public sealed class TwoHostsCacheTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private LocalHostProcess _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var settings = new Dictionary<string, string> { ["RECONCILE_SCHEDULE"] = "*/2 * * * * *" };
        _a = await LocalHostProcess.StartAsync(_azurite.ConnectionString, settings);
        _b = await LocalHostProcess.StartAsync(_azurite.ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static async Task UploadAsync(LocalHostProcess host, string file)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await host.Http.PostAsync($"api/reports?name={Path.GetFileName(file)}", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, string? ETag, int Facts)> RegionFactsAsync(LocalHostProcess host, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/regions/Jiaxing/facts");
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var facts = response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement.GetProperty("facts").GetArrayLength() : 0;
        return (response.StatusCode, response.Headers.ETag?.ToString(), facts);
    }

    private static async Task WaitSucceededAsync(LocalHostProcess host, string reportId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            using var response = await host.Http.GetAsync($"api/reports/{reportId}");
            if (response.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() == "Succeeded") return;
            await Task.Delay(50);
        }
        Assert.Fail($"report {reportId} was not ingested in 90 s:\n{host.Log}");
    }

    private static string ReportId(string file) => Core.Storage.ReportIds.FromBlobName(Path.GetFileName(file));

    [Fact]
    public async Task A_report_ingested_through_one_host_is_seen_by_the_other_within_the_bound()
    {
        var synthetic = Path.Combine(RepoPaths.Seeds, "synthetic");
        var first = Path.Combine(synthetic, "jiaxing-2023.txt");
        var second = Path.Combine(synthetic, "jiaxing-2024.txt");

        await UploadAsync(_a, first);
        await WaitSucceededAsync(_a, ReportId(first));
        (HttpStatusCode Status, string? ETag, int Facts) cached;
        var clock = Stopwatch.StartNew();
        do cached = await RegionFactsAsync(_b);
        while (cached.Status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, cached.Status);
        Assert.NotNull(cached.ETag);
        // B answers from its cache: the same tag, and 304 for it.
        Assert.Equal(cached.ETag, (await RegionFactsAsync(_b)).ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await RegionFactsAsync(_b, cached.ETag)).Status);

        await UploadAsync(_a, second);
        await WaitSucceededAsync(_a, ReportId(second));
        var visible = Stopwatch.StartNew();
        (HttpStatusCode Status, string? ETag, int Facts) seen;
        do seen = await RegionFactsAsync(_b, cached.ETag);
        while (seen.Status == HttpStatusCode.NotModified && visible.Elapsed < TimeSpan.FromSeconds(15));
        var after = visible.Elapsed;

        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.NotEqual(cached.ETag, seen.ETag);
        Assert.True(seen.Facts > cached.Facts, $"{seen.Facts} facts after the second report, {cached.Facts} before");
        var bound = new ReadCacheSettings().TrustFor + TimeSpan.FromSeconds(1);
        Assert.True(after <= bound, $"host B showed the change {after.TotalSeconds:F2} s after host A did (bound {bound.TotalSeconds} s)");
    }
}
