using System.Text.Json;
using ReportFunctions.Core.Api;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Api;

/// <summary>Regions answer to their Chinese names and carry <c>name_zh</c>; CSV answers start with a UTF-8 byte-order mark.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChineseGazetteerApiTests(AzuriteFixture azurite)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private static Dictionary<string, string?> Q(params (string, string?)[] kv) => kv.ToDictionary(x => x.Item1, x => x.Item2);
    private static JsonElement J(ApiResponse r) => JsonDocument.Parse(r.Body).RootElement;

    private async Task<StorageTestEnv> SeededAsync()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        await env.IngestTextAsync("Zhejiang 2024.txt", StorageTestEnv.Report("Zhejiang", 2024,
            ("gdp", "2023", "actual", 8.2553e12), ("gdp_growth", "2023", "actual", 6), ("gdp_growth", "2024", "target", 5.5)));
        await env.IngestTextAsync("jiaxing-2024.txt", StorageTestEnv.Report("Jiaxing", 2024, ("gdp", "2023", "actual", 7.06e11), ("gdp_growth", "2023", "actual", 6.3)));
        await env.IngestTextAsync("suzhou-anhui-2024.txt", StorageTestEnv.Report("宿州市", 2024, ("gdp_growth", "2023", "actual", 5.1)));
        return env;
    }

    [Theory]
    [InlineData("嘉兴", "Jiaxing", "嘉兴市", 2)]
    [InlineData("嘉兴市", "Jiaxing", "嘉兴市", 2)]
    [InlineData("Jiaxing", "Jiaxing", "嘉兴市", 2)]
    [InlineData("浙江", "Zhejiang", "浙江省", 3)]
    [InlineData("浙江省", "Zhejiang", "浙江省", 3)]
    public async Task Region_facts_answer_to_Chinese_names_and_carry_name_zh(string name, string region, string nameZh, int facts)
    {
        var env = await SeededAsync();
        var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", name)));
        Assert.Equal(200, r.StatusCode);
        var body = J(r);
        Assert.Equal(region, body.GetProperty("region").GetString());
        Assert.Equal(nameZh, body.GetProperty("name_zh").GetString());
        Assert.Equal(facts, body.GetProperty("facts").GetArrayLength());
        Assert.Contains($"\"name_zh\":\"{nameZh}\"", r.BodyText); // not \u-escaped
    }

    [Fact]
    public async Task Unknown_Chinese_names_are_404_with_the_regions_available()
    {
        var env = await SeededAsync();
        var r = await env.CallAsync(ApiEndpointNames.GetRegionFacts, Q(("region", "亚特兰蒂斯")));
        Assert.Equal(404, r.StatusCode);
        Assert.Contains("亚特兰蒂斯", r.BodyText);
        Assert.Contains("Jiaxing", J(r).GetProperty("available").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Regions_list_carries_name_zh_in_json_and_csv()
    {
        var env = await SeededAsync();
        var regions = J(await env.CallAsync(ApiEndpointNames.ListRegions)).GetProperty("regions").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("name").GetString()!, r.TryGetProperty("province", out var p) ? p.GetString() : null), r => r.GetProperty("name_zh").GetString());
        Assert.Equal("嘉兴市", regions[("Jiaxing", "Zhejiang")]);
        Assert.Equal("浙江省", regions[("Zhejiang", null)]);
        // Suzhou of Anhui, reported under its Chinese name, is labelled 宿州市, not Jiangsu's 苏州市.
        Assert.Equal("宿州市", regions[("Suzhou", "Anhui")]);

        var csv = await env.CallAsync(ApiEndpointNames.ListRegions, query: Q(("format", "csv")));
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Equal(Bom, csv.Body[..3]);
        Assert.StartsWith("name,level,province,report_years,reports,name_zh\r\n", csv.BodyText);
        Assert.Contains("Jiaxing,city,Zhejiang,2024,1,嘉兴市\r\n", csv.BodyText);
    }

    [Fact]
    public async Task Csv_answers_start_with_a_utf8_byte_order_mark_and_carry_Chinese_text_intact()
    {
        var env = await SeededAsync();
        foreach (var (endpoint, route) in new[]
                 {
                     (ApiEndpointNames.GetRegionFacts, Q(("region", "嘉兴"))),
                     (ApiEndpointNames.ListIndicators, Q()),
                     (ApiEndpointNames.ListReports, Q()),
                 })
        {
            var csv = await env.CallAsync(endpoint, route, Q(("format", "csv")));
            Assert.Equal(200, csv.StatusCode);
            Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
            Assert.Equal(Bom, csv.Body[..3]);
            Assert.NotEqual('\uFEFF', csv.BodyText[0]); // BodyText is the text after the mark
            Assert.Equal(csv.BodyText, System.Text.Encoding.UTF8.GetString(csv.Body.AsSpan(3)));
        }
        // JSON has no byte-order mark.
        Assert.Equal((byte)'{', (await env.CallAsync(ApiEndpointNames.ListIndicators)).Body[0]);

        // Chinese text in a cell survives as UTF-8.
        var rows = ApiResponse.Csv(["region", "evidence"], [["Jiaxing", "地区生产总值增长6%左右"]]);
        Assert.Equal("region,evidence\r\nJiaxing,地区生产总值增长6%左右\r\n", System.Text.Encoding.UTF8.GetString(rows.Body.AsSpan(3)));
    }
}
