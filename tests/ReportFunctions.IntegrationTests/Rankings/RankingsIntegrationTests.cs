using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// Rankings and attainment computed from the synthetic reports in Data/rankings (6 cities in Zhejiang and Guangdong
/// and the 2 provinces, reports of 2023 and 2024) ingested through the real pipeline (see
/// <see cref="SyntheticReportPipeline"/>), stored in Azurite and served by the API module.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsIntegrationTests(AzuriteFixture azurite)
{
    private static JsonElement Json(ApiResponse r) => JsonDocument.Parse(r.Body).RootElement;

    private static List<(int Rank, string Region)> Entries(JsonElement ranking) =>
        ranking.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("rank").GetInt32(), e.GetProperty("region").GetString()!)).ToList();

    private static string Id(string report) => SyntheticReportPipeline.ReportId(report);

    private async Task<RankingHarness> RefreshedAsync()
    {
        var h = await RankingHarness.FromReportsAsync(azurite);
        var summary = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.True(summary.RankingsWritten > 0);
        Assert.Equal(summary.RankingsComputed, summary.RankingsWritten);
        return h;
    }

    [Fact]
    public async Task Serves_exact_ranks_with_ties_for_cities()
    {
        var h = await RefreshedAsync();
        var r = await h.GetRankingAsync("gdp_growth", period: "2022");
        Assert.Equal(200, r.StatusCode);
        var j = Json(r);
        Assert.Equal([(1, "Ningbo"), (2, "Jiaxing"), (2, "Zhanjiang"), (4, "Hangzhou"), (5, "Guangzhou"), (6, "Zhaoqing")], Entries(j));
        Assert.Equal("higher_is_better", j.GetProperty("direction").GetString());
        Assert.Equal("2022", j.GetProperty("period").GetString());
        Assert.Equal("actual", j.GetProperty("kind").GetString());
        Assert.Equal("city", j.GetProperty("level").GetString());
        Assert.Equal(6, j.GetProperty("ranked").GetInt32());
        Assert.Equal(64, j.GetProperty("input_fingerprint").GetString()!.Length);
        Assert.True(j.GetProperty("age_seconds").GetDouble() >= 0);
        Assert.True(j.GetProperty("computed_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var first = j.GetProperty("entries")[0];
        Assert.Equal(3.5, first.GetProperty("value").GetDouble());
        Assert.Equal("%", first.GetProperty("unit").GetString());
        Assert.Equal("exact", first.GetProperty("qualifier").GetString());
        Assert.Equal(100, first.GetProperty("percentile").GetDouble());
        Assert.Equal(Id("ningbo-2023"), first.GetProperty("report_id").GetString());
        Assert.Equal("Zhejiang", first.GetProperty("province").GetString());
        Assert.Equal(80, j.GetProperty("entries")[1].GetProperty("percentile").GetDouble()); // 100 * (6-2)/(6-1)
    }

    [Fact]
    public async Task Groups_cities_by_province_and_ranks_provinces_apart()
    {
        var h = await RefreshedAsync();
        var zj = Json(await h.GetRankingAsync("gdp_growth", period: "2022", province: "zhejiang province"));
        Assert.Equal([(1, "Ningbo"), (2, "Jiaxing"), (3, "Hangzhou")], Entries(zj));
        Assert.Equal("Zhejiang", zj.GetProperty("province").GetString());
        var gd = Json(await h.GetRankingAsync("gdp_growth", period: "2022", province: "Guangdong"));
        Assert.Equal([(1, "Zhanjiang"), (2, "Guangzhou"), (3, "Zhaoqing")], Entries(gd));
        var provinces = Json(await h.GetRankingAsync("gdp_growth", period: "2023", level: "province"));
        Assert.Equal([(1, "Zhejiang"), (2, "Guangdong")], Entries(provinces));
        var gdp = Json(await h.GetRankingAsync("gdp", period: "2023"));
        Assert.Equal([(1, "Guangzhou"), (2, "Hangzhou"), (3, "Ningbo"), (4, "Jiaxing"), (5, "Zhanjiang"), (6, "Zhaoqing")], Entries(gdp));
        Assert.Equal(3035.5e9, gdp.GetProperty("entries")[0].GetProperty("value").GetDouble());
        Assert.Equal("CNY", gdp.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Lower_is_better_neutral_targets_and_default_period()
    {
        var h = await RefreshedAsync();
        // Period omitted: the latest with an actual city ranking (2023).
        var u = Json(await h.GetRankingAsync("unemployment_rate"));
        Assert.Equal("2023", u.GetProperty("period").GetString());
        Assert.Equal("lower_is_better", u.GetProperty("direction").GetString());
        Assert.Equal([(1, "Jiaxing"), (2, "Ningbo"), (3, "Hangzhou"), (4, "Zhaoqing"), (5, "Zhanjiang"), (6, "Guangzhou")], Entries(u));
        Assert.Equal(["2023", "2022"], u.GetProperty("available_periods").EnumerateArray().Select(p => p.GetString()));

        var cpi = Json(await h.GetRankingAsync("cpi_growth", period: "2023"));
        Assert.Equal("neutral", cpi.GetProperty("direction").GetString());
        Assert.Equal([(1, "Guangzhou"), (1, "Zhaoqing"), (3, "Ningbo"), (4, "Hangzhou"), (5, "Zhanjiang"), (6, "Jiaxing")], Entries(cpi));
        var cpiProvinces = Json(await h.GetRankingAsync("cpi_growth", period: "2023", level: "province"));
        Assert.Equal([(1, "Guangdong"), (1, "Zhejiang")], Entries(cpiProvinces));

        var target = Json(await h.GetRankingAsync("gdp_growth", kind: "target"));
        Assert.Equal("2024", target.GetProperty("period").GetString());
        Assert.Equal("target", target.GetProperty("kind").GetString());
        Assert.Equal((1, "Jiaxing"), Entries(target)[0]);
        Assert.Equal("about", target.GetProperty("entries")[0].GetProperty("qualifier").GetString());
    }

    [Fact]
    public async Task Serves_csv_and_problem_details()
    {
        var h = await RefreshedAsync();
        var csv = await h.GetRankingAsync("gdp_growth", period: "2022", format: "csv");
        Assert.Equal(200, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.ContentType);
        var lines = csv.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("rank,region,province,value,unit,qualifier,ranked,percentile,report_id", lines[0]);
        Assert.StartsWith($"1,Ningbo,Zhejiang,3.5,%,exact,6,100,{Id("ningbo-2023")},2023,gdp_growth,2022,actual,city,all,higher_is_better,", lines[1]);
        var accept = await h.GetAsync(ApiEndpointNames.GetRanking, new Dictionary<string, string?> { ["code"] = "gdp" }, accept: "text/csv");
        Assert.StartsWith("text/csv", accept.ContentType);

        var unknown = await h.GetRankingAsync("gdp_growht");
        Assert.Equal(404, unknown.StatusCode);
        Assert.Contains("gdp_growth", Json(unknown).GetProperty("available").EnumerateArray().Select(e => e.GetString()));

        foreach (var (param, response) in new[]
                 {
                     ("period", await h.GetRankingAsync("gdp", period: "22")),
                     ("period", await h.GetRankingAsync("gdp", period: "2022' or 'a' eq 'a")),
                     ("kind", await h.GetRankingAsync("gdp", kind: "forecast")),
                     ("level", await h.GetRankingAsync("gdp", level: "county")),
                     ("province", await h.GetRankingAsync("gdp", level: "province", province: "Zhejiang")),
                     ("province", await h.GetRankingAsync("gdp", province: "Atlantis")),
                 })
        {
            Assert.Equal(400, response.StatusCode);
            Assert.Equal(param, Json(response).GetProperty("parameter").GetString());
        }

        var noPeriod = await h.GetRankingAsync("gdp_growth", period: "2019");
        Assert.Equal(404, noPeriod.StatusCode);
        var problem = Json(noPeriod);
        Assert.Contains("2023, 2022", problem.GetProperty("detail").GetString());
        Assert.Equal(["2023", "2022"], problem.GetProperty("available_periods").EnumerateArray().Select(p => p.GetString()));

        Assert.Equal(404, (await h.GetRankingAsync("gdp", level: "country")).StatusCode);
        var none = await h.GetRankingAsync("life_expectancy");
        Assert.Equal(404, none.StatusCode);
    }

    [Fact]
    public async Task Filter_injection_on_ranking_and_attainment_parameters_never_returns_other_data()
    {
        var h = await RefreshedAsync();
        foreach (var bad in ReportFunctions.IntegrationTests.Api.FactsApiTests.Injections)
        {
            foreach (var p in new[] { "period", "kind", "level", "province", "format" })
            {
                var q = new Dictionary<string, string?> { [p] = bad };
                if (p != "period") q["period"] = "2022";
                var r = await h.GetAsync(ApiEndpointNames.GetRanking, new Dictionary<string, string?> { ["code"] = "gdp_growth" }, q);
                AssertSafe(r, $"ranking {p}={bad}", j =>
                {
                    Assert.Equal("gdp_growth", j.GetProperty("indicator").GetString());
                    if (p == "province") Assert.Equal(bad, j.GetProperty("province").GetString()); // only a real province name answers
                });
                var a = await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "gdp_growth" }, q);
                AssertSafe(a, $"attainment {p}={bad}", j => Assert.Equal("gdp_growth", j.GetProperty("indicator").GetString()));
            }
            AssertSafe(await h.GetAsync(ApiEndpointNames.GetRanking, new Dictionary<string, string?> { ["code"] = bad }), $"ranking code {bad}", _ => Assert.Fail("code " + bad));
            AssertSafe(await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = bad }), $"attainment code {bad}", _ => Assert.Fail("code " + bad));
            AssertSafe(await h.GetAsync(ApiEndpointNames.GetRegionAttainment, new Dictionary<string, string?> { ["region"] = bad }), $"region attainment {bad}",
                j => Assert.Equal(bad == "Guangdong" ? "Guangdong" : "no data expected", j.GetProperty("region").GetString()));
        }

        static void AssertSafe(ApiResponse r, string what, Action<JsonElement> check)
        {
            Assert.True(r.StatusCode is 200 or 400 or 404, $"{what}: {r.StatusCode} {r.BodyText}");
            Assert.DoesNotContain("   at ", r.BodyText);
            if (r.StatusCode == 200 && !r.ContentType.StartsWith("text/csv")) check(Json(r));
        }
    }

    [Fact]
    public async Task Attainment_met_and_missed_by_code_and_by_region()
    {
        var h = await RefreshedAsync();
        var r = await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "gdp_growth" },
            new Dictionary<string, string?> { ["period"] = "2023" });
        Assert.Equal(200, r.StatusCode);
        var j = Json(r);
        Assert.Equal(AttainmentEngine.LargerGapFirst, j.GetProperty("gap_order").GetString());
        var rows = j.GetProperty("entries").EnumerateArray().Select(e => (
            e.GetProperty("rank").GetInt32(), e.GetProperty("region").GetString(), Math.Round(e.GetProperty("gap").GetDouble(), 6), e.GetProperty("met").GetBoolean())).ToList();
        Assert.Equal([(1, "Jiaxing", 0.3, true), (2, "Ningbo", 0.2, true), (3, "Hangzhou", 0.1, true),
                      (4, "Zhanjiang", -1.0, false), (5, "Guangzhou", -1.4, false), (6, "Zhaoqing", -1.5, false)], rows);
        var jiaxing = j.GetProperty("entries")[0];
        Assert.Equal(Id("jiaxing-2023"), jiaxing.GetProperty("target_report_id").GetString());
        Assert.Equal(Id("jiaxing-2024"), jiaxing.GetProperty("actual_report_id").GetString());

        var unemployment = Json(await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "unemployment_rate" }));
        Assert.Equal("2023", unemployment.GetProperty("period").GetString());
        Assert.Equal(AttainmentEngine.SmallerGapFirst, unemployment.GetProperty("gap_order").GetString());
        var u = unemployment.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("region").GetString()!, e => e.GetProperty("met").GetBoolean());
        Assert.False(u["Guangzhou"]); // 5.6 vs "within 5.5"
        Assert.True(u["Zhanjiang"]);
        Assert.Equal("Jiaxing", unemployment.GetProperty("entries")[0].GetProperty("region").GetString());

        var provinces = Json(await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "gdp_growth" },
            new Dictionary<string, string?> { ["period"] = "2023", ["level"] = "province" }));
        var p = provinces.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("region").GetString(), e.GetProperty("met").GetBoolean(), e.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([("Zhejiang", false, "beaten"), ("Guangdong", false, "missed")], p); // about 5 -> 6.0; more than 5 -> 4.8

        var zhejiangCities = Json(await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "gdp_growth" },
            new Dictionary<string, string?> { ["period"] = "2023", ["province"] = "Zhejiang" }));
        Assert.Equal([(1, "Jiaxing"), (2, "Ningbo"), (3, "Hangzhou")], Entries(zhejiangCities));

        var region = await h.GetAsync(ApiEndpointNames.GetRegionAttainment, new Dictionary<string, string?> { ["region"] = "ZHANJIANG city" });
        Assert.Equal(200, region.StatusCode);
        var zj = Json(region);
        Assert.Equal("Zhanjiang", zj.GetProperty("region").GetString());
        var byCode = zj.GetProperty("attainment").EnumerateArray().ToDictionary(e => e.GetProperty("indicator").GetString()!, e => e);
        Assert.Equal(3, byCode.Count); // 2023 targets of gdp_growth, unemployment and cpi; 2024 has no actual yet
        Assert.False(byCode["gdp_growth"].GetProperty("met").GetBoolean()); // at least 5 -> 4.0
        Assert.Equal(4, byCode["gdp_growth"].GetProperty("rank").GetInt32());
        Assert.True(byCode["unemployment_rate"].GetProperty("met").GetBoolean()); // within 5.5 -> 5.2
        Assert.Equal("beaten", byCode["cpi_growth"].GetProperty("outcome").GetString()); // around 3 -> 0.2

        var csv = await h.GetAsync(ApiEndpointNames.GetRegionAttainment, new Dictionary<string, string?> { ["region"] = "jiaxing" },
            new Dictionary<string, string?> { ["format"] = "csv" });
        Assert.StartsWith("text/csv", csv.ContentType);
        Assert.Contains($"Jiaxing,city,Zhejiang,gdp_growth,2023,%,6,about,{Id("jiaxing-2023")},6.3,exact,{Id("jiaxing-2024")},0.3,true,met,1,6", csv.BodyText);

        var onlyGdp = Json(await h.GetAsync(ApiEndpointNames.GetRegionAttainment, new Dictionary<string, string?> { ["region"] = "Zhanjiang" },
            new Dictionary<string, string?> { ["indicator"] = "gdp_growth" }));
        Assert.Single(onlyGdp.GetProperty("attainment").EnumerateArray());
        Assert.Equal(400, (await h.GetAsync(ApiEndpointNames.GetRegionAttainment, new Dictionary<string, string?> { ["region"] = "Zhanjiang" },
            new Dictionary<string, string?> { ["indicator"] = "gdp'" })).StatusCode);
        Assert.Equal(404, (await h.GetAsync(ApiEndpointNames.GetRegionAttainment, new Dictionary<string, string?> { ["region"] = "Atlantis" })).StatusCode);
        Assert.Equal(404, (await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "nope" })).StatusCode);
        Assert.Equal(400, (await h.GetAsync(ApiEndpointNames.GetAttainment, new Dictionary<string, string?> { ["code"] = "gdp" },
            new Dictionary<string, string?> { ["period"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task Refresh_endpoint_runs_a_refresh_and_reports_it()
    {
        var h = await RankingHarness.FromReportsAsync(azurite);
        Assert.Equal(404, (await h.GetRankingAsync("gdp_growth", period: "2022")).StatusCode);
        var r = await h.Dispatcher.HandleAsync(ApiEndpointNames.RefreshRankings, new ApiRequest { Method = "POST" }, CancellationToken.None);
        Assert.Equal(200, r.StatusCode);
        var j = Json(r);
        Assert.Equal(112, j.GetProperty("facts_read").GetInt32());
        Assert.True(j.GetProperty("rankings_computed").GetInt32() > 0);
        Assert.Equal(j.GetProperty("rankings_computed").GetInt32(), j.GetProperty("rankings_written").GetInt32());
        Assert.True(j.GetProperty("duration_ms").GetDouble() > 0);
        Assert.Equal(200, (await h.GetRankingAsync("gdp_growth", period: "2022")).StatusCode);
        var again = Json(await h.Dispatcher.HandleAsync(ApiEndpointNames.RefreshRankings, new ApiRequest { Method = "POST" }, CancellationToken.None));
        Assert.Equal(0, again.GetProperty("rankings_written").GetInt32());
        Assert.False(again.GetProperty("full").GetBoolean()); // nothing changed: nothing recomputed
        Assert.Equal(0, again.GetProperty("groups_refreshed").GetInt32());
        var forced = Json(await h.Dispatcher.HandleAsync(ApiEndpointNames.RefreshRankings, new ApiRequest { Method = "POST", Query = new Dictionary<string, string?> { ["full"] = "true" } }, CancellationToken.None));
        Assert.True(forced.GetProperty("full").GetBoolean());
        Assert.Equal(j.GetProperty("rankings_computed").GetInt32(), forced.GetProperty("rankings_unchanged").GetInt32());
    }

    /// <summary>Hangzhou's 2023 report delivered again, corrected: its 2022 GDP growth is 3.5% (tied first with Ningbo), not 1.5%.</summary>
    private static Task ReviseAsync(SyntheticReportPipeline pipeline) =>
        pipeline.IngestAsync("hangzhou-2023.txt", Replace(SyntheticReportPipeline.ReportText("hangzhou-2023.txt"), "an increase of 1.5%", "an increase of 3.5%"));

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static async Task<TableEntity> HeadAsync(RankingHarness h, string code, string name) =>
        (await h.RankingsTable.GetEntityAsync<TableEntity>("s|" + code, name)).Value;

    /// <summary>The entries of the stored ranking (one entity holds them all).</summary>
    private static async Task<int> EntryRowsAsync(RankingHarness h, string code, string name) =>
        (await h.Rankings.GetAsync(RankingStore.ParseKey(code, name)!))!.Entries.Count;

    [Fact]
    public async Task Unchanged_inputs_are_not_rewritten_and_changed_ones_are()
    {
        var h = await RefreshedAsync();
        const string name = "2022|actual|city|all";
        var before = await HeadAsync(h, "gdp_growth", name);
        var gdpBefore = await HeadAsync(h, "gdp", name);

        var again = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.False(again.Full);
        Assert.Equal(0, again.ChangesRead);
        Assert.Equal(0, again.RankingsWritten);
        Assert.Equal(0, again.RankingsComputed); // nothing changed: nothing recomputed
        Assert.Equal(0, again.AttainmentSetsWritten);
        Assert.True(again.RowsRead <= 2, $"an unchanged refresh read {again.RowsRead} rows"); // the baseline and the (empty) change markers
        var after = await HeadAsync(h, "gdp_growth", name);
        Assert.Equal(before.ETag, after.ETag);

        // A corrected report revises one value: only the rankings it is part of are rewritten.
        await ReviseAsync(h.Pipeline!);
        var revised = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.Equal(2, revised.RankingsWritten); // gdp_growth 2022 actual: all cities, cities of Zhejiang
        Assert.False(revised.Full);
        Assert.Equal(revised.RankingsComputed - 2, revised.RankingsUnchanged);
        Assert.NotEqual(before.ETag, (await HeadAsync(h, "gdp_growth", name)).ETag);
        Assert.Equal(gdpBefore.ETag, (await HeadAsync(h, "gdp", name)).ETag);
        var j = Json(await h.GetRankingAsync("gdp_growth", period: "2022"));
        Assert.Equal([(1, "Hangzhou"), (1, "Ningbo"), (3, "Jiaxing"), (3, "Zhanjiang"), (5, "Guangzhou"), (6, "Zhaoqing")], Entries(j));
        Assert.Equal(3.5, j.GetProperty("entries")[0].GetProperty("value").GetDouble());
        Assert.Equal(Id("hangzhou-2023"), j.GetProperty("entries")[0].GetProperty("report_id").GetString());
        Assert.Equal(6, await EntryRowsAsync(h, "gdp_growth", name));

        // Facts that vanish (fewer than two regions) take their ranking with them.
        // Zhejiang's 2023 report corrected without its CPI: no province ranking of 2022 CPI is left.
        await h.Pipeline!.IngestAsync("zhejiang-2023.txt", Replace(SyntheticReportPipeline.ReportText("zhejiang-2023.txt"), ", and consumer prices rose by 2.2%", ""));
        var removed = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.Equal(1, removed.RankingsRemoved);
        Assert.Equal(404, (await h.GetRankingAsync("cpi_growth", period: "2022", level: "province")).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_runs_give_one_runs_result_and_readers_only_see_complete_rankings(bool useLease)
    {
        var h = await RefreshedAsync();
        var oldRanking = Entries(Json(await h.GetRankingAsync("gdp_growth", period: "2022")));

        // The expected result: one run over the new facts, in tables of its own.
        var single = await RankingHarness.FromReportsAsync(azurite);
        await ReviseAsync(single.Pipeline!);
        await single.NewRefresher().RefreshAsync(CancellationToken.None);
        var expected = Json(await single.GetRankingAsync("gdp_growth", period: "2022"));
        var newRanking = Entries(expected);
        Assert.NotEqual(oldRanking, newRanking);

        await ReviseAsync(h.Pipeline!);
        var seen = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads < 5)
            {
                var r = await h.GetRankingAsync("gdp_growth", period: "2022");
                Assert.Equal(200, r.StatusCode);
                var entries = Entries(Json(r));
                Assert.True(entries.SequenceEqual(oldRanking) || entries.SequenceEqual(newRanking), "a read saw a mix: " + string.Join(", ", entries));
                seen.Add(entries.SequenceEqual(oldRanking) ? "old" : "new");
                reads++;
            }
            return reads;
        });

        var summaries = await Task.WhenAll(
            Task.Run(() => h.NewRefresher(useLease).RefreshAsync(CancellationToken.None)),
            Task.Run(() => h.NewRefresher(useLease).RefreshAsync(CancellationToken.None)));
        await stop.CancelAsync();
        var reads = await reading;
        Assert.True(reads >= 5);

        // Between them the two runs published each changed ranking once (the other found it unchanged or lost the race).
        Assert.Equal(2, summaries.Sum(s => s.RankingsWritten));
        var served = Json(await h.GetRankingAsync("gdp_growth", period: "2022"));
        Assert.Equal(newRanking, Entries(served));
        Assert.Equal(expected.GetProperty("input_fingerprint").GetString(), served.GetProperty("input_fingerprint").GetString());
        Assert.Equal(6, await EntryRowsAsync(h, "gdp_growth", "2022|actual|city|all"));
        if (useLease) Assert.Contains(summaries, s => s.HeldLease);

        // Every other ranking is the same as the single run's.
        foreach (var code in new[] { "gdp", "unemployment_rate", "cpi_growth" })
            Assert.Equal(Entries(Json(await single.GetRankingAsync(code, period: "2023"))), Entries(Json(await h.GetRankingAsync(code, period: "2023"))));
    }
}
