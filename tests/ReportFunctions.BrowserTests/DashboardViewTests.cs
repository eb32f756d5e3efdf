using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ReportFunctions.BrowserTests.Support;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.BrowserTests;

/// <summary>
/// Each view of the dashboard in Chromium against LocalHost with the sample reports loaded: its table holds the API's
/// answer row for row, its filters change the chart, no request leaves the host and no console error is logged.
/// Screenshots of each view go to .run/screenshots/.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardViewTests(DashboardSite site) : DashboardPageTest(site)
{
    private HttpClient Http => Site.Host.Http;

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Root_redirects_to_the_dashboard_which_serves_its_files_and_chart_js_from_the_app()
    {
        var response = await Page.GotoAsync(Site.Host.BaseAddress.ToString());
        Assert.NotNull(response);
        Assert.EndsWith("/api/dashboard/", new Uri(Page.Url).AbsolutePath);
        await Dashboard.ReadyAsync();
        Assert.Equal("function", await Page.EvaluateAsync<string>("() => typeof Chart"));
        Assert.StartsWith("4.6.1", await Page.EvaluateAsync<string>("() => Chart.version"));
        Assert.Contains(Dashboard.Requests, r => r.EndsWith("/api/dashboard/vendor/chart.umd.min.js", StringComparison.Ordinal));
        Dashboard.AssertClean();
    }

    [Fact]
    public async Task Ranking_view_shows_the_apis_ranking_and_its_filters_change_the_chart()
    {
        await Dashboard.GoAsync("#ranking?indicator=gdp_growth&kind=actual&level=city");
        var api = await Dashboard.ApiAsync(Http, "api/rankings/gdp_growth?kind=actual&level=city");
        await AssertRankingTableAsync(api);
        var before = await Dashboard.BarChartDataAsync();
        Assert.Equal(api.GetProperty("entries").EnumerateArray().Select(e => (double?)e.GetProperty("value").GetDouble()), before[0]);
        await Dashboard.ScreenshotAsync("ranking");

        // The CSV download holds exactly the rows shown.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#csv-download"));
        var csv = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\ufeff').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(api.GetProperty("entries").GetArrayLength() + 1, csv.Length);
        Assert.StartsWith("rank,region,province,value", csv[0]);
        foreach (var (line, entry) in csv.Skip(1).Zip(api.GetProperty("entries").EnumerateArray()))
            Assert.Contains($",{entry.GetProperty("region").GetString()},", line);

        // Another kind: the chart shows the target ranking's values.
        await Dashboard.NextRenderAsync(() => Page.SelectOptionAsync("#f-kind", "target"));
        var targets = await Dashboard.ApiAsync(Http, "api/rankings/gdp_growth?kind=target&level=city");
        await AssertRankingTableAsync(targets);
        var after = await Dashboard.BarChartDataAsync();
        Assert.Equal(targets.GetProperty("entries").EnumerateArray().Select(e => (double?)e.GetProperty("value").GetDouble()), after[0]);
        Assert.NotEqual(before[0], after[0]);
        Dashboard.AssertClean();
    }

    private async Task AssertRankingTableAsync(JsonElement api)
    {
        var rows = await Dashboard.RowsAsync("#ranking-table");
        var entries = api.GetProperty("entries").EnumerateArray().ToList();
        Assert.True(entries.Count >= 2, api.ToString());
        Assert.Equal(entries.Count, rows.Count);
        foreach (var (row, entry) in rows.Zip(entries))
        {
            Assert.Equal(entry.GetProperty("region").GetString(), row["region"]);
            Assert.Equal(entry.GetProperty("rank").GetInt32(), int.Parse(row["rank"]));
            Assert.Equal(entry.GetProperty("value").GetDouble(), D(row["value"]));
            Assert.Equal(entry.GetProperty("percentile").GetDouble(), D(row["percentile"]));
        }
    }

    [Fact]
    public async Task Region_view_found_by_chinese_name_shows_every_fact_and_a_clicked_point_shows_its_evidence()
    {
        await Dashboard.GoAsync("#region");
        await Page.FillAsync("#region-search", "嘉兴");
        await Dashboard.NextRenderAsync(() => Page.PressAsync("#region-search", "Enter"));
        Assert.Contains("#region?name=Jiaxing", Page.Url);

        var api = await Dashboard.ApiAsync(Http, "api/regions/Jiaxing/facts?page_size=1000");
        var facts = api.GetProperty("facts").EnumerateArray().ToList();
        Assert.True(facts.Count >= 10);
        var rows = await Dashboard.RowsAsync("table[id^='table-']");
        Assert.Equal(
            facts.Select(f => (f.GetProperty("indicator").GetString(), f.GetProperty("period").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("value").GetDouble())).Order(),
            rows.Select(r => ((string?)r["indicator"], (string?)r["period"], (string?)r["kind"], D(r["value"]))).Order());
        // Numbers as analysts read them: money in 亿元 with billions of yuan, percentages with their qualifier.
        var gdp = facts.First(f => f.GetProperty("unit").GetString() == "CNY" && f.GetProperty("value").GetDouble() >= 1e8);
        var growthTarget = facts.First(f => f.GetProperty("unit").GetString() == "%" && f.GetProperty("kind").GetString() == "target" && f.GetProperty("qualifier").GetString() == "about");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{gdp.GetProperty("value").GetDouble() / 1e8:#,0.##}亿元 ({gdp.GetProperty("value").GetDouble() / 1e9:#,0.##} billion yuan)"),
            await ValueCellAsync(gdp));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"about {growthTarget.GetProperty("value").GetDouble():#,0.##}%"), await ValueCellAsync(growthTarget));

        // Every chart has its table.
        Assert.Equal(await Page.Locator(".chart canvas").CountAsync(), await Page.Locator("table[id^='table-']").CountAsync());
        await Dashboard.ScreenshotAsync("region");

        // Click the first actual point of the gdp_growth chart (where Chart.js drew it): its evidence is shown.
        var canvas = Page.Locator(".chart[data-indicator='gdp_growth'] canvas");
        await DashboardPage.WaitForChartAsync(canvas);
        var point = await canvas.EvaluateAsync<JsonElement>(
            "c => { const ch = Chart.getChart(c); for (const [d, ds] of ch.data.datasets.entries()) { const i = ds.data.findIndex(v => v !== null); if (i >= 0) { const p = ch.getDatasetMeta(d).data[i]; return { x: p.x, y: p.y, period: ch.data.labels[i], kind: ds.facts[i].kind }; } } return null; }");
        var box = (await canvas.BoundingBoxAsync())!;
        await Page.Mouse.ClickAsync((float)(box.X + point.GetProperty("x").GetDouble()), (float)(box.Y + point.GetProperty("y").GetDouble()));
        await Page.WaitForSelectorAsync("#evidence-text");
        var fact = facts.Single(f => f.GetProperty("indicator").GetString() == "gdp_growth" && f.GetProperty("period").GetString() == point.GetProperty("period").GetString()
                                     && f.GetProperty("kind").GetString() == point.GetProperty("kind").GetString());
        Assert.Equal(fact.GetProperty("evidence").GetString(), await Page.TextContentAsync("#evidence-text"));
        Assert.Equal($"#report?id={fact.GetProperty("report").GetString()}", await Page.GetAttributeAsync("#evidence-report", "href"));
        await Dashboard.ScreenshotAsync("region-evidence");

        // The report link opens the report with its facts.
        await Dashboard.NextRenderAsync(() => Page.ClickAsync("#evidence-report"));
        var report = await Dashboard.ApiAsync(Http, $"api/reports/{fact.GetProperty("report").GetString()}");
        Assert.Equal(report.GetProperty("facts").GetArrayLength(), (await Dashboard.RowsAsync("#report-facts")).Count);
        Dashboard.AssertClean();
    }

    /// <summary>The value cell of a fact's row in the region view.</summary>
    private Task<string?> ValueCellAsync(JsonElement f) => Page.Locator(
        $"tr[data-indicator='{f.GetProperty("indicator").GetString()}'][data-period='{f.GetProperty("period").GetString()}'][data-kind='{f.GetProperty("kind").GetString()}'] td[data-key='value']").First.TextContentAsync();

    [Fact]
    public async Task Targets_view_shows_each_regions_target_against_its_outcome_and_the_share_met_per_period()
    {
        await Dashboard.GoAsync("#targets?indicator=gdp_growth&level=city");
        var api = await Dashboard.ApiAsync(Http, "api/attainment/gdp_growth?level=city");
        var entries = api.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        var rows = await Dashboard.RowsAsync("#targets-table");
        Assert.Equal(entries.Count, rows.Count);
        foreach (var (row, e) in rows.Zip(entries))
        {
            Assert.Equal(e.GetProperty("region").GetString(), row["region"]);
            Assert.Equal(e.GetProperty("target").GetDouble(), D(row["target"]));
            Assert.Equal(e.GetProperty("actual").GetDouble(), D(row["actual"]));
            Assert.Equal(e.GetProperty("gap").GetDouble(), D(row["gap"]));
            Assert.Equal(e.GetProperty("outcome").GetString(), row["outcome"]);
        }
        // Share met per period, from each period's attainment.
        var shares = await Dashboard.RowsAsync("#share-table");
        Assert.Equal(api.GetProperty("available_periods").GetArrayLength(), shares.Count);
        foreach (var share in shares)
        {
            var set = await Dashboard.ApiAsync(Http, $"api/attainment/gdp_growth?level=city&period={share["period"]}");
            var all = set.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(all.Count, int.Parse(share["regions"]));
            Assert.Equal(all.Count(e => e.GetProperty("met").GetBoolean()), int.Parse(share["met"]));
        }
        Assert.Equal(shares.Select(s => (double?)(100.0 * int.Parse(s["met"]) / int.Parse(s["regions"]))), (await Dashboard.ChartDataAsync("canvas[aria-describedby='share-table']"))[0]);
        await Dashboard.ScreenshotAsync("targets");
        Dashboard.AssertClean();
    }

    [Fact]
    public async Task Amplification_view_shows_the_endpoints_rows_and_the_province_filter_changes_the_chart()
    {
        await Dashboard.GoAsync("#amplification?indicator=gdp_growth");
        var api = await Dashboard.ApiAsync(Http, "api/amplification/gdp_growth");
        var entries = api.GetProperty("entries").EnumerateArray().ToList();
        Assert.True(entries.Select(e => e.GetProperty("province").GetString()).Distinct().Count() >= 2, api.ToString());
        await AssertAmplificationTableAsync(entries);
        await Dashboard.ScreenshotAsync("amplification");

        var province = entries[0].GetProperty("province").GetString()!;
        await Dashboard.NextRenderAsync(() => Page.SelectOptionAsync("#f-province", province));
        var filtered = (await Dashboard.ApiAsync(Http, $"api/amplification/gdp_growth?province={province}")).GetProperty("entries").EnumerateArray().ToList();
        Assert.True(filtered.Count < entries.Count);
        await AssertAmplificationTableAsync(filtered);
        var chart = await Dashboard.BarChartDataAsync();
        Assert.Equal(filtered.Select(e => (double?)e.GetProperty("target").GetProperty("value").GetDouble()), chart[0]);
        Dashboard.AssertClean();
    }

    private async Task AssertAmplificationTableAsync(List<JsonElement> entries)
    {
        var rows = await Dashboard.RowsAsync("#amplification-table");
        Assert.Equal(entries.Count, rows.Count);
        foreach (var (row, e) in rows.Zip(entries))
        {
            Assert.Equal(e.GetProperty("city").GetString(), row["city"]);
            Assert.Equal(e.GetProperty("target").GetProperty("value").GetDouble(), D(row["target"]));
            Assert.Equal(e.TryGetProperty("city_minus_province", out var d) ? d.GetDouble().ToString("R", CultureInfo.InvariantCulture) : "", row["cityMinusProvince"]);
        }
    }

    [Fact]
    public async Task Reports_view_lists_every_report_and_an_uploaded_report_is_followed_until_its_facts_are_shown()
    {
        await Dashboard.GoAsync("#reports");
        var api = await Dashboard.ApiAsync(Http, "api/reports?page_size=1000");
        var reports = api.GetProperty("reports").EnumerateArray().ToList();
        var rows = await Dashboard.RowsAsync("#reports-table");
        Assert.Equal(reports.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString(), r.GetProperty("fact_count").GetInt32())),
            rows.Select(r => ((string?)r["id"], (string?)r["status"], int.Parse(r["facts"]))));

        // Drop a report on the drop zone (a File in a DataTransfer, as a drag from the desktop delivers it).
        var file = Path.Combine(RepoPaths.Seeds, "synthetic", "zhaoqing-2024.txt");
        var text = await File.ReadAllTextAsync(file);
        var transfer = await Page.EvaluateHandleAsync("([text, name]) => { const dt = new DataTransfer(); dt.items.add(new File([text], name, { type: 'text/plain' })); return dt; }",
            new object[] { text, "dropped-zhaoqing-2024.txt" });
        await Page.DispatchEventAsync("#drop-zone", "drop", new { dataTransfer = transfer });
        await Page.WaitForSelectorAsync("#uploads li[data-status='Succeeded']", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await Dashboard.ScreenshotAsync("reports-upload");
        await Dashboard.NextRenderAsync(() => Page.ClickAsync("#uploads li a.uploaded-report"));
        var id = new Uri(Page.Url).Fragment.Split("id=")[1];
        var report = await Dashboard.ApiAsync(Http, $"api/reports/{id}");
        Assert.Equal("dropped-zhaoqing-2024.txt", report.GetProperty("name").GetString());
        var facts = report.GetProperty("facts").EnumerateArray().ToList();
        Assert.NotEmpty(facts);
        Assert.Equal(
            facts.Select(f => (f.GetProperty("indicator").GetString(), f.GetProperty("period").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("value").GetDouble())),
            (await Dashboard.RowsAsync("#report-facts")).Select(r => ((string?)r["indicator"], (string?)r["period"], (string?)r["kind"], D(r["value"]))));
        await Dashboard.ScreenshotAsync("report");

        // Back on the list, the new report is there with its fact count.
        await Dashboard.GoAsync("#reports");
        Assert.Contains(await Dashboard.RowsAsync("#reports-table"), r => r["id"] == id && r["status"] == "Succeeded" && int.Parse(r["facts"]) == facts.Count);
        await Dashboard.ScreenshotAsync("reports");
        Dashboard.AssertClean();
    }
}
