using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Api;

[Collection(AzuriteCollection.Name)]
public sealed class FactsApiTests(AzuriteFixture azurite)
{
    private static Dictionary<string, string?> Q(params (string, string?)[] kv) => kv.ToDictionary(x => x.Item1, x => x.Item2);
    private static JsonElement J(ApiResponse r) => JsonDocument.Parse(r.Body).RootElement;

    /// <summary>Zhejiang 2023 and 2024 reports (revising gdp 2022), a Jiaxing and a Guangdong report.</summary>
    private async Task<(StorageTestEnv Env, string Zj2023, string Zj2024)> SeededAsync()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var a = await env.IngestTextAsync("Zhejiang 2023.txt", StorageTestEnv.Report("Zhejiang", 2023,
            ("gdp", "2022", "actual", 7.77e12), ("gdp_growth", "2022", "actual", 3.1), ("gdp_growth", "2023", "target", 5)));
        var b = await env.IngestTextAsync("Zhejiang 2024.txt", StorageTestEnv.Report("Zhejiang", 2024,
            ("gdp", "2022", "actual", 7.7715e12), ("gdp", "2023", "actual", 8.2553e12), ("gdp_growth", "2023", "actual", 6), ("gdp_growth", "2024", "target", 5.5)));
        await env.IngestTextAsync("jiaxing-2024.txt", StorageTestEnv.Report("Jiaxing", 2024, ("gdp", "2023", "actual", 7.06e11), ("gdp_growth", "2023", "actual", 6.3)));
        await env.IngestTextAsync("guangdong-2024.txt", StorageTestEnv.Report("Guangdong", 2024, ("gdp", "2023", "actual", 1.357e13), ("gdp_growth", "2023", "actual", 4.8)));
        return (env, a.ReportId, b.ReportId);
    }

    [Fact]
    public async Task Health_is_200_when_storage_is_reachable_and_503_when_not()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var ok = await env.CallAsync(ApiEndpointNames.Health);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("reachable", J(ok).GetProperty("storage").GetString());

        // Nothing listens on port 9: unreachable storage.
        const string dead = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var storage = new ReportStorage(new TableServiceClient(dead), new BlobServiceClient(dead), "tdead");
        var store = new ReportStore(storage);
        var api = new FactsApi(store, new FactQueries(store), new ReportExtractor(), Microsoft.Extensions.Options.Options.Create(new ReportFunctionsOptions()), TimeProvider.System, NullLogger<FactsApi>.Instance);
        var started = DateTime.UtcNow;
        var down = await new ApiDispatcher([api]).HandleAsync(ApiEndpointNames.Health, new ApiRequest(), default);
        Assert.Equal(503, down.StatusCode);
        Assert.Equal("unreachable", J(down).GetProperty("storage").GetString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
        Assert.DoesNotContain("   at ", down.BodyText);
    }

    [Fact]
    public async Task Indicators_lists_the_catalog_in_json_and_csv()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var json = J(await env.CallAsync(ApiEndpointNames.ListIndicators)).GetProperty("indicators");
        Assert.Equal(31, json.GetArrayLength());
        var unemployment = json.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "unemployment_rate");
        Assert.False(unemployment.GetProperty("higher_is_better").GetBoolean());
        Assert.Equal("lower_is_better", unemployment.GetProperty("direction").GetString());
        Assert.Equal("%", unemployment.GetProperty("unit").GetString());

        var csv = await env.CallAsync(ApiEndpointNames.ListIndicators, query: Q(("format", "csv")));
        Assert.StartsWith("text/csv", csv.ContentType);
        var lines = csv.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,unit,description,higher_is_better,direction", lines[0]);
        Assert.Equal(32, lines.Length);
        Assert.Equal(csv.BodyText, (await env.CallAsync(ApiEndpointNames.ListIndicators, accept: "text/csv")).BodyText);
    }

    [Fact]
    public async Task Regions_lists_regions_with_reports_and_their_years()
    {
        var (env, _, _) = await SeededAsync();
        var regions = J(await env.CallAsync(ApiEndpointNames.ListRegions)).GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(["Guangdong", "Jiaxing", "Zhejiang"], regions.Select(r => r.GetProperty("name").GetString()));
        var zj = regions.Single(r => r.GetProperty("name").GetString() == "Zhejiang");
        Assert.Equal([2023, 2024], zj.GetProperty("report_years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal("province", zj.GetProperty("level").GetString());
        var jx = regions.Single(r => r.GetProperty("name").GetString() == "Jiaxing");
        Assert.Equal("city", jx.GetProperty("level").GetString());
        Assert.Equal("Zhejiang", jx.GetProperty("province").GetString());

        var csv = await env.CallAsync(ApiEndpointNames.ListRegions, query: Q(("format", "csv")));
        Assert.StartsWith("name,level,province,report_years,reports,name_zh\r\n", csv.BodyText);
        Assert.Contains("Zhejiang,province,,2023;2024,2", csv.BodyText);
    }

    [Theory]
    [InlineData("Zhejiang")]
    [InlineData("zhejiang")]
    [InlineData("Zhejiang Province")]
    [InlineData("ZHEJIANG")]
    public async Task Region_facts_match_names_and_variants_and_show_the_latest_report(string name)
    {
        var (env, zj2023, zj2024) = await SeededAsync();
        var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", name)));
        Assert.Equal(200, r.StatusCode);
        var body = J(r);
        Assert.Equal("Zhejiang", body.GetProperty("region").GetString());
        var facts = body.GetProperty("facts").EnumerateArray().ToList();
        // 7 facts in two reports, gdp 2022 stated by both: 6 keys.
        Assert.Equal(6, facts.Count);
        var gdp2022 = facts.Single(f => f.GetProperty("indicator").GetString() == "gdp" && f.GetProperty("period").GetString() == "2022");
        Assert.Equal(7.7715e12, gdp2022.GetProperty("value").GetDouble());
        Assert.Equal(zj2024, gdp2022.GetProperty("report").GetString());
        Assert.Equal(2024, gdp2022.GetProperty("report_year").GetInt32());
        foreach (var field in new[] { "region", "indicator", "period", "kind", "value", "unit", "qualifier", "evidence", "evidence_start", "report" })
            Assert.True(gdp2022.TryGetProperty(field, out _), field);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("continuation").ValueKind);

        var all = J(await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", name)), Q(("all", "true")))).GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(7, all.Count);
        var both = all.Where(f => f.GetProperty("indicator").GetString() == "gdp" && f.GetProperty("period").GetString() == "2022").ToList();
        Assert.Equal([zj2024, zj2023], both.Select(f => f.GetProperty("report").GetString()));
    }

    [Fact]
    public async Task City_variants_resolve()
    {
        var (env, _, _) = await SeededAsync();
        foreach (var name in new[] { "jiaxing", "Jiaxing City", "JIAXING" })
        {
            var body = J(await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", name))));
            Assert.Equal("Jiaxing", body.GetProperty("region").GetString());
            Assert.Equal(2, body.GetProperty("facts").GetArrayLength());
        }
    }

    [Theory]
    [InlineData("gdp", null, null, 2)]
    [InlineData("gdp", "2022", null, 1)]
    [InlineData("gdp_growth", "2023", "target", 1)]
    [InlineData("gdp_growth", null, "actual", 2)]
    [InlineData(null, "2023", null, 3)]
    [InlineData(null, null, "target", 2)]
    [InlineData(null, "2023", "actual", 2)]
    public async Task Region_facts_filter_by_indicator_period_and_kind(string? indicator, string? period, string? kind, int expected)
    {
        var (env, _, _) = await SeededAsync();
        var q = Q(("indicator", indicator), ("period", period), ("kind", kind));
        var facts = J(await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Zhejiang")), q)).GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(expected, facts.Count);
        Assert.All(facts, f =>
        {
            if (indicator is not null) Assert.Equal(indicator, f.GetProperty("indicator").GetString());
            if (period is not null) Assert.Equal(period, f.GetProperty("period").GetString());
            if (kind is not null) Assert.Equal(kind, f.GetProperty("kind").GetString());
        });
    }

    [Fact]
    public async Task Indicator_facts_across_regions_with_level_province_period_and_kind()
    {
        var (env, _, zj2024) = await SeededAsync();
        var all = J(await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp")))).GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(4, all.Count); // Zhejiang 2022 (latest), Zhejiang 2023, Jiaxing 2023, Guangdong 2023
        Assert.Equal(zj2024, all.Single(f => f.GetProperty("period").GetString() == "2022").GetProperty("report").GetString());

        var body = J(await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp")), Q(("period", "2023"), ("kind", "actual"), ("level", "province"))));
        Assert.Equal("CNY", body.GetProperty("unit").GetString());
        Assert.Equal(["Guangdong", "Zhejiang"], body.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("region").GetString()).Order());

        var cities = J(await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp_growth")), Q(("province", "zhejiang")))).GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal("Jiaxing", Assert.Single(cities).GetProperty("region").GetString());

        var targets = J(await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp_growth")), Q(("kind", "target")))).GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(targets, f => Assert.Equal("target", f.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Paging_with_continuation_returns_every_fact_once_in_json_and_csv()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var codes = new[] { "gdp", "retail_sales", "exports", "gdp_growth" };
        var facts = Enumerable.Range(0, 60).Select(i => (codes[i % 4], (1990 + i / 4).ToString(), i % 2 == 0 ? "actual" : "target", (double)i)).ToArray();
        await env.IngestTextAsync("big-2021.txt", StorageTestEnv.Report("Hangzhou", 2021, facts));
        // A second report restating 10 of them, so keys have two rows.
        await env.IngestTextAsync("big-2022.txt", StorageTestEnv.Report("Hangzhou", 2022, facts.Take(10).Select(f => (f.Item1, f.Item2, f.Item3, f.Item4 + 1000)).ToArray()));

        async Task<List<JsonElement>> Collect(string? all, int pageSize, int expectedPagesAtLeast)
        {
            var got = new List<JsonElement>();
            string? token = null;
            var pages = 0;
            do
            {
                var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "hangzhou")), Q(("page_size", pageSize.ToString()), ("continuation", token), ("all", all)));
                Assert.Equal(200, r.StatusCode);
                var body = J(r);
                var page = body.GetProperty("facts").EnumerateArray().ToList();
                if (all is null) Assert.True(page.Count <= pageSize);
                got.AddRange(page);
                token = body.TryGetProperty("continuation", out var c) ? c.GetString() : null;
                pages++;
            } while (token is not null);
            Assert.True(pages >= expectedPagesAtLeast, $"{pages} pages");
            return got;
        }

        var latest = await Collect(null, 7, 9);
        Assert.Equal(60, latest.Count);
        Assert.Equal(60, latest.Select(f => (f.GetProperty("indicator").GetString(), f.GetProperty("period").GetString(), f.GetProperty("kind").GetString())).Distinct().Count());
        Assert.Equal(10, latest.Count(f => f.GetProperty("value").GetDouble() >= 1000));

        var every = await Collect("true", 7, 9);
        Assert.Equal(70, every.Count);

        // CSV: same rows, continuation in a header.
        var rows = new List<string>();
        string? csvToken = null;
        do
        {
            var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Hangzhou")), Q(("page_size", "25"), ("continuation", csvToken)), accept: "text/csv");
            var lines = r.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', FactsApi.FactCsvHeader), lines[0]);
            rows.AddRange(lines.Skip(1));
            csvToken = r.Headers.TryGetValue("X-Continuation-Token", out var t) ? t : null;
        } while (csvToken is not null);
        Assert.Equal(60, rows.Count);
    }

    [Fact]
    public async Task Tampered_or_foreign_continuation_tokens_are_400()
    {
        var (env, _, _) = await SeededAsync();
        var first = J(await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Zhejiang")), Q(("page_size", "2"))));
        var token = first.GetProperty("continuation").GetString()!;

        var tampered = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];
        foreach (var bad in new[] { tampered, "garbage", "a.b", token + "x", "' or true", new string('A', 3000) })
        {
            var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Zhejiang")), Q(("page_size", "2"), ("continuation", bad)));
            Assert.Equal(400, r.StatusCode);
            Assert.Equal("continuation", J(r).GetProperty("parameter").GetString());
        }
        // A token of Zhejiang's query does not continue Guangdong's, nor another filter's.
        Assert.Equal(400, (await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Guangdong")), Q(("page_size", "2"), ("continuation", token)))).StatusCode);
        Assert.Equal(400, (await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Zhejiang")), Q(("kind", "actual"), ("continuation", token)))).StatusCode);
        Assert.Equal(400, (await env.CallAsync(ApiEndpointNames.ListReports, query: Q(("continuation", token)))).StatusCode);
    }

    [Fact]
    public async Task Bad_parameters_are_400_naming_the_parameter_and_unknown_names_are_404()
    {
        var (env, _, _) = await SeededAsync();
        async Task Expect(int status, string endpoint, Dictionary<string, string?> route, Dictionary<string, string?> query, string? parameter = null)
        {
            var r = await env.CallAsync(endpoint, route, query);
            Assert.Equal(status, r.StatusCode);
            Assert.StartsWith("application/problem+json", r.ContentType);
            if (parameter is not null) Assert.Equal(parameter, J(r).GetProperty("parameter").GetString());
            Assert.DoesNotContain("   at ", r.BodyText);
        }
        var zj = Q(("region", "Zhejiang"));
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("period", "20x0")), "period");
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("period", "2020-2019")), "period");
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("kind", "forecast")), "kind");
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("page_size", "0")), "page_size");
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("page_size", "1001")), "page_size");
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("all", "maybe")), "all");
        await Expect(400, ApiEndpointNames.GetRegionFacts, zj, Q(("format", "xml")), "format");
        await Expect(400, ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp")), Q(("level", "county")), "level");
        await Expect(400, ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp")), Q(("period", "1")), "period");
        await Expect(400, ApiEndpointNames.GetReport, Q(("id", "Not An Id")), Q(), "id");

        var region = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Atlantis")));
        Assert.Equal(404, region.StatusCode);
        Assert.Contains("Atlantis", J(region).GetProperty("detail").GetString());
        Assert.Contains("Zhejiang", J(region).GetProperty("available").EnumerateArray().Select(e => e.GetString()));
        var indicator = await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gpd")));
        Assert.Equal(404, indicator.StatusCode);
        Assert.Contains("gdp", J(indicator).GetProperty("available").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(404, (await env.CallAsync(ApiEndpointNames.GetRegionFacts, zj, Q(("indicator", "gpd")))).StatusCode);
        Assert.Equal(404, (await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp")), Q(("province", "Atlantis")))).StatusCode);
        Assert.Equal(404, (await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp")), Q(("province", "Jiaxing")))).StatusCode);
        Assert.Equal(404, (await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", "nothing-here-0123456789")))).StatusCode);
    }

    public static readonly string[] Injections =
    [
        "' or true", "' or '1' eq '1", "%27", "%27 or true", "eq", "Zhejiang' or PartitionKey ne '", "gdp' or PartitionKey ne 'x",
        "2023' or RowKey ne '", "actual') or (true", "x\u0001y", "\u0000", "a\r\nb", new string('a', 5000), "*", "Guangdong", "gdp|2023|actual|",
    ];

    [Fact]
    public async Task Filter_injection_on_every_parameter_never_returns_other_partitions_data()
    {
        var (env, _, _) = await SeededAsync();
        foreach (var bad in Injections)
        {
            // Region facts: every query parameter, then the route value.
            foreach (var p in new[] { "indicator", "period", "kind", "page_size", "all", "continuation", "format" })
            {
                var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "Zhejiang")), Q((p, bad)));
                AssertSafe(r, f => Assert.Equal("Zhejiang", f.GetProperty("region").GetString()), $"region facts {p}={bad}");
            }
            // (Guangdong is a real region: as a route value it rightly answers Guangdong's facts, and only those.)
            AssertSafe(await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", bad))),
                f => Assert.Equal(bad == "Guangdong" ? "Guangdong" : "no facts expected", f.GetProperty("region").GetString()), $"region route {bad}");

            foreach (var p in new[] { "period", "kind", "level", "province", "page_size", "all", "continuation", "format" })
            {
                var r = await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", "gdp_growth")), p == "level" ? Q((p, bad)) : Q((p, bad), ("level", "city")));
                AssertSafe(r, f =>
                {
                    Assert.Equal("gdp_growth", f.GetProperty("indicator").GetString());
                    Assert.Equal("Jiaxing", f.GetProperty("region").GetString());
                }, $"indicator facts {p}={bad}");
            }
            AssertSafe(await env.CallAsync(ApiEndpointNames.GetIndicatorFacts, Q(("code", bad))), _ => Assert.Fail("code " + bad), $"code route {bad}");
            AssertSafe(await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", bad))), _ => Assert.Fail("id " + bad), $"report id {bad}");
            var reports = await env.CallAsync(ApiEndpointNames.ListReports, query: Q(("continuation", bad)));
            Assert.Equal(400, reports.StatusCode);
        }
    }

    /// <summary>400 or 404 problem details, or 200 whose every fact passes <paramref name="check"/>.</summary>
    private static void AssertSafe(ApiResponse r, Action<JsonElement> check, string what)
    {
        Assert.True(r.StatusCode is 200 or 400 or 404, $"{what}: {r.StatusCode} {r.BodyText}");
        Assert.DoesNotContain("   at ", r.BodyText);
        if (r.StatusCode != 200) return;
        if (r.ContentType.StartsWith("text/csv")) return;
        foreach (var f in J(r).GetProperty("facts").EnumerateArray()) check(f);
    }

    [Fact]
    public async Task Reports_list_pages_and_report_shows_status_statistics_and_facts_with_evidence()
    {
        var (env, zj2023, _) = await SeededAsync();
        await env.IngestTextAsync("broken.pdf", "%PDF-1.5");

        var ids = new List<string>();
        string? token = null;
        do
        {
            var body = J(await env.CallAsync(ApiEndpointNames.ListReports, query: Q(("page_size", "2"), ("continuation", token))));
            ids.AddRange(body.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            token = body.TryGetProperty("continuation", out var c) ? c.GetString() : null;
        } while (token is not null);
        Assert.Equal(5, ids.Count);
        Assert.Equal(5, ids.Distinct().Count());

        var r = await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", zj2023)));
        Assert.Equal(200, r.StatusCode);
        var report = J(r);
        Assert.Equal("Succeeded", report.GetProperty("status").GetString());
        Assert.Equal("Zhejiang 2023.txt", report.GetProperty("name").GetString());
        Assert.Equal(3, report.GetProperty("fact_count").GetInt32());
        Assert.Equal($"http://localhost:7071/api/reports/{zj2023}", report.GetProperty("url").GetString());
        var facts = report.GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(3, facts.Count);
        var text = StorageTestEnv.Report("Zhejiang", 2023, ("gdp", "2022", "actual", 7.77e12), ("gdp_growth", "2022", "actual", 3.1), ("gdp_growth", "2023", "target", 5));
        Assert.All(facts, f => Assert.Equal(f.GetProperty("evidence").GetString(),
            text.Substring(f.GetProperty("evidence_start").GetInt32(), f.GetProperty("evidence_length").GetInt32())));

        var failed = J(await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", ReportIds.FromBlobName("broken.pdf")))));
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.StartsWith("corrupt PDF: ", failed.GetProperty("error").GetString());
        Assert.Equal(0, failed.GetProperty("facts").GetArrayLength());

        var csv = await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", zj2023)), Q(("format", "csv")));
        Assert.Equal(4, csv.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var listCsv = await env.CallAsync(ApiEndpointNames.ListReports, query: Q(("format", "csv")));
        Assert.StartsWith("id,name,status,", listCsv.BodyText);
        Assert.Equal(6, listCsv.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Upload_stores_the_blob_and_answers_202_with_the_report_url()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var text = StorageTestEnv.Report("Zhejiang", 2021, ("gdp", "2020", "actual", 6.4613e12));
        var r = await env.CallAsync(ApiEndpointNames.UploadReport, query: Q(("name", "Zhejiang 2021.txt")), method: "POST", body: Encoding.UTF8.GetBytes(text));
        Assert.Equal(202, r.StatusCode);
        var id = ReportIds.FromBlobName("Zhejiang 2021.txt");
        Assert.Equal($"http://localhost:7071/api/reports/{id}", r.Headers["Location"]);
        Assert.Equal(r.Headers["Location"], J(r).GetProperty("url").GetString());
        Assert.Equal(text, (await env.Storage.Container.GetBlobClient("Zhejiang 2021.txt").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("Processing", J(await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", id)))).GetProperty("status").GetString());

        // What the blob trigger then does.
        Assert.Equal(IngestResult.Succeeded, (await env.Ingestor.IngestBlobAsync("Zhejiang 2021.txt", default)).Result);
        var report = J(await env.CallAsync(ApiEndpointNames.GetReport, Q(("id", id))));
        Assert.Equal("Succeeded", report.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("facts").GetArrayLength());
    }

    [Fact]
    public async Task Upload_rejects_oversize_non_text_and_bad_names()
    {
        var env = await StorageTestEnv.CreateAsync(azurite, new ReportFunctionsOptions { MaxReportBytes = 1024 });
        var ok = Encoding.UTF8.GetBytes("REGION: Zhejiang\n");
        Assert.Equal(413, (await env.CallAsync(ApiEndpointNames.UploadReport, query: Q(("name", "a.txt")), method: "POST", body: ok, contentLength: 50L * 1024 * 1024)).StatusCode);
        var big = await env.CallAsync(ApiEndpointNames.UploadReport, query: Q(("name", "a.txt")), method: "POST", body: new byte[2048].Select(_ => (byte)'a').ToArray(), contentLength: -1);
        Assert.Equal(413, big.StatusCode);
        Assert.Contains("larger than", J(big).GetProperty("detail").GetString());
        var png = await env.CallAsync(ApiEndpointNames.UploadReport, query: Q(("name", "a.txt")), method: "POST", body: [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2]);
        Assert.Equal(415, png.StatusCode);
        Assert.Contains("PNG", J(png).GetProperty("detail").GetString());
        var declaredDoc = await env.Dispatcher.HandleAsync(ApiEndpointNames.UploadReport, new ApiRequest
        {
            Method = "POST", Query = Q(("name", "a.txt")), ContentType = "application/msword", Body = new MemoryStream(ok), ContentLength = ok.Length,
        }, default);
        Assert.Equal(415, declaredDoc.StatusCode);
        foreach (var name in new[] { "", "  ", "../x.txt", "a/../b.txt", "a\u0001.txt", "a\\b.txt", "/abs.txt", "dir/", new string('n', 300) })
        {
            var r = await env.CallAsync(ApiEndpointNames.UploadReport, query: Q(("name", name)), method: "POST", body: ok);
            Assert.Equal(400, r.StatusCode);
            Assert.Equal("name", J(r).GetProperty("parameter").GetString());
        }
        Assert.Equal(400, (await env.CallAsync(ApiEndpointNames.UploadReport, method: "POST", body: ok)).StatusCode);
        // Nothing was stored.
        await foreach (var _ in env.Storage.Container.GetBlobsAsync()) Assert.Fail("a blob was stored");
    }

    [Fact]
    public async Task Extract_returns_facts_without_storing_them()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var r = await env.CallAsync(ApiEndpointNames.ExtractText, method: "POST", body: Encoding.UTF8.GetBytes("The province's GDP reached 6461.3 billion yuan"));
        Assert.Equal(200, r.StatusCode);
        var body = J(r);
        Assert.True(body.TryGetProperty("facts", out var facts));
        Assert.Equal(JsonValueKind.Array, facts.ValueKind);
        Assert.True(body.TryGetProperty("region", out _));
        Assert.Empty(await env.RawRowsAsync(env.Storage.FactsByRegion));

        var csv = await env.CallAsync(ApiEndpointNames.ExtractText, query: Q(("format", "csv")), method: "POST", body: Encoding.UTF8.GetBytes("text"));
        Assert.StartsWith(string.Join(',', FactsApi.FactCsvHeader), csv.BodyText);
        Assert.Equal(415, (await env.CallAsync(ApiEndpointNames.ExtractText, method: "POST", body: [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0])).StatusCode);
        Assert.Equal(413, (await env.CallAsync(ApiEndpointNames.ExtractText, method: "POST", body: [0x41], contentLength: 20L * 1024 * 1024)).StatusCode);
    }

    [Fact]
    public void OpenApi_describes_every_route_and_endpoint()
    {
        var doc = OpenApiDocument.Build("http://localhost:7071");
        var json = JsonDocument.Parse(doc.ToJsonString()).RootElement;
        Assert.StartsWith("3.", json.GetProperty("openapi").GetString());
        var paths = json.GetProperty("paths");
        // Every route but the dashboard's static files (not an API operation; DashboardFunctionTests).
        var routes = typeof(ApiRoutes).GetFields().Where(f => f.IsLiteral && f.Name is not (nameof(ApiRoutes.Prefix) or nameof(ApiRoutes.Dashboard))).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(15, routes.Count);
        foreach (var route in routes) Assert.True(paths.TryGetProperty("/" + route, out _), route);

        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        var names = typeof(ApiEndpointNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(names.Order(), operations.Select(o => o.Value.GetProperty("operationId").GetString()!).Order());
        Assert.All(operations, o => Assert.True(o.Value.GetProperty("responses").EnumerateObject().Any()));
        var regionFacts = paths.GetProperty("/regions/{region}/facts").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["region", "indicator", "period", "kind", "all", "continuation", "page_size", "format", "If-None-Match"], regionFacts);
        var cachedGet = paths.GetProperty("/regions/{region}/facts").GetProperty("get").GetProperty("responses");
        Assert.True(cachedGet.GetProperty("304").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(cachedGet.GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(paths.GetProperty("/reports").GetProperty("post").TryGetProperty("requestBody", out _));
        Assert.True(paths.GetProperty("/reports").GetProperty("post").GetProperty("responses").TryGetProperty("413", out _));
    }

    [Fact]
    public async Task Api_module_exposes_its_endpoints_with_the_shared_names_and_routes()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var endpoints = env.Api.Endpoints.ToDictionary(e => e.Name);
        Assert.Equal((ApiRoutes.RegionFacts, "GET"), (endpoints[ApiEndpointNames.GetRegionFacts].Route, endpoints[ApiEndpointNames.GetRegionFacts].Method));
        Assert.Equal((ApiRoutes.Reports, "POST"), (endpoints[ApiEndpointNames.UploadReport].Route, endpoints[ApiEndpointNames.UploadReport].Method));
        Assert.Equal(10, endpoints.Count);
        var openapi = await env.CallAsync(ApiEndpointNames.OpenApi);
        Assert.Equal(200, openapi.StatusCode);
        Assert.Contains("\"/rankings/{code}\"", openapi.BodyText);
    }
}
