using System.Text.Json;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Api;

/// <summary>
/// <c>GET /api/amplification/{code}</c> over the synthetic reports (6 cities, 2 provinces, 2023 and 2024) and the national
/// sample report (seeds/national), all ingested through the real pipeline into Azurite: JSON and CSV, filters, errors.
/// Expected values are computed from the facts the pipeline stored, not written down.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AmplificationApiTests(AzuriteFixture azurite)
{
    private static async Task<(SyntheticReportPipeline Pipeline, ApiDispatcher Api)> LoadedAsync(AzuriteFixture azurite)
    {
        var pipeline = await SyntheticReportPipeline.CreateAsync(azurite, "amp" + Guid.NewGuid().ToString("N")[..10]);
        await pipeline.IngestAsync("china-2023.txt", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "national", "china-2023.txt")));
        return (pipeline, new ApiDispatcher([new AmplificationApi(pipeline.Reader, Gazetteer.Default)]));
    }

    private static Task<ApiResponse> Get(ApiDispatcher api, string code, params (string Name, string Value)[] query) =>
        api.HandleAsync(ApiEndpointNames.GetAmplification, new ApiRequest
        {
            RouteValues = new Dictionary<string, string?> { ["code"] = code },
            Query = query.ToDictionary(q => q.Name, q => (string?)q.Value, StringComparer.OrdinalIgnoreCase),
        }, CancellationToken.None);

    /// <summary>Each region's gdp_growth target of a period as stored (the latest report's).</summary>
    private static async Task<Dictionary<string, double>> StoredTargetsAsync(SyntheticReportPipeline pipeline, string period)
    {
        var facts = new List<StoredFact>();
        await foreach (var f in pipeline.Reader.GetIndicatorFactsAsync("gdp_growth", period, FactKinds.Target)) facts.Add(f);
        return FactSelection.LatestPerKey(facts).ToDictionary(f => f.Fact.Region, f => f.Fact.Value);
    }

    [Fact]
    public async Task Json_sets_each_city_beside_its_province_and_the_nation()
    {
        var (pipeline, api) = await LoadedAsync(azurite);
        var response = await Get(api, "gdp_growth", ("period", "2023"));
        Assert.Equal(200, response.StatusCode);
        var json = JsonDocument.Parse(response.Body).RootElement;
        var stored = await StoredTargetsAsync(pipeline, "2023");

        Assert.Equal("2023", json.GetProperty("period").GetString());
        Assert.Equal(["2024", "2023"], json.GetProperty("available_periods").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(("China", stored["China"]), (json.GetProperty("national").GetProperty("region").GetString(), json.GetProperty("national").GetProperty("value").GetDouble()));
        var entries = json.GetProperty("entries").EnumerateArray().ToList();
        var cities = stored.Keys.Where(r => Gazetteer.Default.TryResolve(r, out var g) && g.Level == RegionLevels.City).Order().ToList();
        Assert.Equal(6, cities.Count);
        Assert.Equal(cities, entries.Select(e => e.GetProperty("city").GetString()).Order());
        foreach (var e in entries)
        {
            var city = e.GetProperty("city").GetString()!;
            Gazetteer.Default.TryResolve(city, out var region);
            Assert.Equal(region.Province, e.GetProperty("province").GetString());
            Assert.Equal(stored[city], e.GetProperty("target").GetProperty("value").GetDouble());
            Assert.Equal(stored[region.Province!], e.GetProperty("province_target").GetProperty("value").GetDouble());
            Assert.Equal(Math.Round(stored[city] - stored[region.Province!], 6), e.GetProperty("city_minus_province").GetDouble());
            Assert.Equal(Math.Round(stored[region.Province!] - stored["China"], 6), e.GetProperty("province_minus_nation").GetDouble());
            Assert.Equal(SyntheticReportPipeline.ReportId(city.ToLowerInvariant() + "-2023"), e.GetProperty("target").GetProperty("report_id").GetString());
        }
        Assert.Equal(["Guangdong", "Zhejiang"], json.GetProperty("provinces").EnumerateArray().Select(p => p.GetProperty("province").GetString()));
    }

    [Fact]
    public async Task Csv_has_one_row_per_city_with_the_same_numbers_and_the_province_filter_keeps_its_cities()
    {
        var (_, api) = await LoadedAsync(azurite);
        var json = JsonDocument.Parse((await Get(api, "gdp_growth", ("period", "2023"), ("province", "zhejiang"))).Body).RootElement;
        Assert.Equal("Zhejiang", json.GetProperty("province").GetString());
        var entries = json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("Zhejiang", e.GetProperty("province").GetString()));

        var csv = await Get(api, "gdp_growth", ("period", "2023"), ("province", "Zhejiang"), ("format", "csv"));
        Assert.Equal(200, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.ContentType);
        var lines = csv.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AmplificationApi.CsvHeader), lines[0]);
        Assert.Equal(entries.Count, lines.Length - 1);
        foreach (var (line, e) in lines.Skip(1).Zip(entries))
        {
            var cells = line.Split(',');
            Assert.Equal(e.GetProperty("city").GetString(), cells[0]);
            Assert.Equal(e.GetProperty("target").GetProperty("value").GetDouble(), double.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(e.GetProperty("city_minus_province").GetDouble(), double.Parse(cells[14], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(e.GetProperty("province_minus_nation").GetDouble(), double.Parse(cells[15], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Without_a_period_the_latest_with_targets_is_answered_and_bad_input_gets_a_clear_error()
    {
        var (pipeline, api) = await LoadedAsync(azurite);
        Assert.Equal("2024", JsonDocument.Parse((await Get(api, "gdp_growth")).Body).RootElement.GetProperty("period").GetString());
        var y2024 = JsonDocument.Parse((await Get(api, "gdp_growth", ("period", "2024"))).Body).RootElement;
        Assert.False(y2024.TryGetProperty("national", out _)); // the national report sets 2023 targets only
        Assert.All(y2024.GetProperty("entries").EnumerateArray(), e => Assert.False(e.TryGetProperty("province_minus_nation", out _)));

        Assert.Equal(404, (await Get(api, "no_such_code")).StatusCode);
        var withoutTargets = IndicatorCatalog.All.First(i => !pipeline.Reader.GetIndicatorFactsAsync(i.Code, null, FactKinds.Target).ToBlockingEnumerable().Any());
        Assert.Equal(404, (await Get(api, withoutTargets.Code)).StatusCode);
        var badPeriod = await Get(api, "gdp_growth", ("period", "last year"));
        Assert.Equal((400, "period"), (badPeriod.StatusCode, JsonDocument.Parse(badPeriod.Body).RootElement.GetProperty("parameter").GetString()));
        var badProvince = await Get(api, "gdp_growth", ("province", "Ningbo"));
        Assert.Equal((400, "province"), (badProvince.StatusCode, JsonDocument.Parse(badProvince.Body).RootElement.GetProperty("parameter").GetString()));
        Assert.Equal(400, (await Get(api, "gdp_growth", ("format", "xml"))).StatusCode);
    }
}
