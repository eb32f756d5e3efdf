using System.Net;
using System.Text;
using System.Text.Json;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests;

/// <summary>
/// A Chinese report as users have it (GB18030 bytes) uploaded to the <c>reports</c> container of a real Azurite beside English
/// reports, ingested by LocalHost's blob trigger, read back over HTTP: its facts served with Chinese evidence, ranked beside the
/// English reports' facts, and its outcomes set against a target that an English report stated.
/// </summary>
public sealed class ChineseReportEndToEndTests : LocalHostOnAzurite
{
    [Fact]
    public async Task A_GB18030_Chinese_report_is_ingested_served_ranked_and_attained_beside_English_ones()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030");
        var chineseText = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "zh", "jiaxing-2024-zh.txt"));
        var chineseBytes = gb18030.GetBytes(chineseText);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(chineseBytes)); // really not UTF-8

        var container = new Azure.Storage.Blobs.BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient("reports");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("jiaxing-2024-zh-gb18030.txt").UploadAsync(new BinaryData(chineseBytes), overwrite: true);
        // English: the Jiaxing report of 2023 (its 2023 targets) and a synthetic Ningbo report of 2024 (its 2023 outcomes)
        foreach (var english in new[] { Path.Combine(RepoPaths.Seeds, "004_307afd3bdd958b57.txt"), Path.Combine(RepoPaths.Seeds, "synthetic", "ningbo-2024.txt") })
            await container.GetBlobClient(Path.GetFileName(english)).UploadAsync(english, overwrite: true);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var reports = await GetJson("api/reports");
            var statuses = reports.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
            if (statuses.Count == 3 && statuses.All(s => s == "Succeeded")) break;
            Assert.True(DateTime.UtcNow < deadline, $"not all reports ingested: {reports}\n{Host.Log}");
            await Task.Delay(500);
        }

        // The Chinese report's facts, with their Chinese evidence, by the region's English and Chinese names.
        var facts = (await GetJson("api/regions/Jiaxing/facts?period=2023&kind=actual")).GetProperty("facts").EnumerateArray().ToList();
        var growth = Assert.Single(facts, f => f.GetProperty("indicator").GetString() == "gdp_growth");
        Assert.Equal(6.3, growth.GetProperty("value").GetDouble());
        Assert.Equal("按可比价计算增长6.3%", growth.GetProperty("evidence").GetString());
        var gdp = Assert.Single(facts, f => f.GetProperty("indicator").GetString() == "gdp");
        Assert.Equal(706.25e9, gdp.GetProperty("value").GetDouble());
        var byChineseName = await GetJson("api/regions/%E5%98%89%E5%85%B4%E5%B8%82/facts?period=2023&kind=actual"); // 嘉兴市
        Assert.Equal(facts.Count, byChineseName.GetProperty("facts").GetArrayLength());

        // Ranked beside the English reports' regions: Jiaxing's 2023 growth (from Chinese) above Ningbo's (from English).
        using (var refresh = await Host.Http.PostAsync("api/rankings/refresh", null))
            Assert.True(refresh.IsSuccessStatusCode, await refresh.Content.ReadAsStringAsync());
        var ranking = await GetJson("api/rankings/gdp_growth?period=2023&kind=actual");
        var entries = ranking.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("region").GetString(), e.GetProperty("value").GetDouble())).ToList();
        Assert.Equal([("Jiaxing", 6.3), ("Ningbo", 6.2)], entries);

        // Attained: the English report's 2023 target (around 6%) against the Chinese report's 2023 outcome (6.3%).
        var attainment = await GetJson("api/attainment/gdp_growth?period=2023");
        var jiaxing = Assert.Single(attainment.GetProperty("entries").EnumerateArray(), e => e.GetProperty("region").GetString() == "Jiaxing");
        Assert.True(jiaxing.GetProperty("met").GetBoolean(), jiaxing.ToString());
        Assert.NotEqual(jiaxing.GetProperty("target_report_id").GetString(), jiaxing.GetProperty("actual_report_id").GetString());
        Assert.False(Host.HasExited, Host.Log);
    }
}
