using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;
using RegionInfo = ReportFunctions.Core.Domain.RegionInfo;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// The incremental refresh (only the (indicator, period) groups ingestion marked as changed) leaves exactly the
/// rankings, attainment sets and region attainment rows a full rebuild from the same facts gives: on the synthetic
/// cities, and after every step of seeded random sequences of new, replaced and failed (facts deleted) reports.
/// A report ingested while a refresh runs is picked up by the next one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsIncrementalRefreshTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task On_the_synthetic_cities_incremental_refreshes_equal_a_full_rebuild()
    {
        var h = await RankingHarness.FromReportsAsync(azurite);
        var first = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.True(first.Full); // no baseline yet: the first refresh is a full one
        RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, h.Facts), await RankingStateDump.DumpAsync(azurite, h), "after the first refresh");

        // Corrections: a value revised, a fact dropped (a province ranking disappears), a report that no longer reads (its facts go).
        var p = h.Pipeline!;
        await p.IngestAsync("hangzhou-2023.txt", SyntheticReportPipeline.ReportText("hangzhou-2023.txt").Replace("an increase of 1.5%", "an increase of 3.5%", StringComparison.Ordinal));
        await p.IngestAsync("zhejiang-2023.txt", SyntheticReportPipeline.ReportText("zhejiang-2023.txt").Replace(", and consumer prices rose by 2.2%", "", StringComparison.Ordinal));
        var step = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.False(step.Full);
        Assert.True(step.GroupsRefreshed > 0 && step.RankingsWritten > 0 && step.RankingsRemoved == 1);
        RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, h.Facts), await RankingStateDump.DumpAsync(azurite, h), "after two corrections");

        var name = SyntheticReportPipeline.ReportNames.First(n => n.StartsWith("ningbo", StringComparison.Ordinal));
        var failed = await p.Ingestor.IngestAsync(name, new MemoryStream(Encoding.UTF8.GetBytes("nothing to see here")), CancellationToken.None);
        Assert.Equal(IngestResult.Failed, failed.Result);
        Assert.False((await h.NewRefresher().RefreshAsync(CancellationToken.None)).Full);
        RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, h.Facts), await RankingStateDump.DumpAsync(azurite, h), "after a report's facts were deleted");

        // A full rebuild over the incremental state finds nothing to change.
        var full = await h.NewRefresher().RefreshAsync(full: true, CancellationToken.None);
        Assert.True(full.Full && full.FullRequested);
        Assert.Equal(0, full.RankingsWritten + full.RankingsRemoved + full.AttainmentSetsWritten + full.AttainmentSetsRemoved);
        var unchanged = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.Equal(0, unchanged.ChangesRead);
        Assert.True(unchanged.RowsRead <= 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20241204)]
    public async Task After_every_step_of_a_random_change_sequence_incremental_equals_full(int seed)
    {
        var world = new RandomReports(azurite, seed);
        var h = new RankingHarness(azurite, world.Reader, world.Prefix);
        await world.StepAsync(6); // a first few reports
        Assert.True((await h.NewRefresher().RefreshAsync(CancellationToken.None)).Full);
        for (var step = 0; step < 8; step++)
        {
            var done = await world.StepAsync(1 + step % 3); // one to three changes between refreshes
            var summary = await h.NewRefresher().RefreshAsync(CancellationToken.None);
            Assert.False(summary.Full);
            RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, world.Reader), await RankingStateDump.DumpAsync(azurite, h),
                $"seed {seed}, step {step} ({done})");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_report_ingested_while_a_refresh_runs_is_picked_up_by_the_next_refresh(bool full)
    {
        var h = await RankingHarness.FromReportsAsync(azurite);
        await h.NewRefresher().RefreshAsync(CancellationToken.None);
        var text = SyntheticReportPipeline.ReportText("hangzhou-2023.txt");
        await h.Pipeline!.IngestAsync("hangzhou-2023.txt", text.Replace("an increase of 1.5%", "an increase of 3.5%", StringComparison.Ordinal));

        // Once this run has read the facts (and the change markers), the report is corrected again.
        var refresher = h.NewRefresher();
        refresher.AfterFactsRead = _ => h.Pipeline!.IngestAsync("hangzhou-2023.txt", text.Replace("an increase of 1.5%", "an increase of 9.5%", StringComparison.Ordinal));
        await refresher.RefreshAsync(full, CancellationToken.None);

        var next = await h.NewRefresher().RefreshAsync(CancellationToken.None);
        Assert.False(next.Full);
        Assert.True(next.ChangesRead > 0, "the change made during the refresh was lost");
        var ranking = JsonDocument.Parse((await h.GetRankingAsync("gdp_growth", period: "2022")).Body).RootElement;
        Assert.Equal("Hangzhou", ranking.GetProperty("entries")[0].GetProperty("region").GetString());
        Assert.Equal(9.5, ranking.GetProperty("entries")[0].GetProperty("value").GetDouble());
        RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, h.Facts), await RankingStateDump.DumpAsync(azurite, h), "after the next refresh");
    }

    [Fact]
    public async Task Refresh_endpoint_takes_full_true_or_false_and_rejects_anything_else()
    {
        var h = await RankingHarness.FromReportsAsync(azurite);
        async Task<ApiResponse> PostAsync(string? full) => await h.Dispatcher.HandleAsync(ApiEndpointNames.RefreshRankings, new ApiRequest
        {
            Method = "POST",
            RouteValues = new Dictionary<string, string?>(),
            Query = new Dictionary<string, string?>(full is null ? [] : new Dictionary<string, string?> { ["full"] = full }, StringComparer.OrdinalIgnoreCase),
        }, CancellationToken.None);

        var first = JsonDocument.Parse((await PostAsync(null)).Body).RootElement;
        Assert.True(first.GetProperty("full").GetBoolean()); // nothing computed yet: a full rebuild
        Assert.False(JsonDocument.Parse((await PostAsync("false")).Body).RootElement.GetProperty("full").GetBoolean());
        var forced = JsonDocument.Parse((await PostAsync("true")).Body).RootElement;
        Assert.True(forced.GetProperty("full").GetBoolean());
        Assert.Equal(0, forced.GetProperty("rankings_written").GetInt32());
        var bad = await PostAsync("yes");
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("full", Encoding.UTF8.GetString(bad.Body));
    }
}

/// <summary>
/// A seeded random world of reports ingested through the real <see cref="ReportIngestor"/> (extraction replaced by a
/// table of results): 8 cities in 2 provinces and the 2 provinces, 3 codes, reports of 2023 and 2024 stating actuals
/// of the year before and targets of the year, in random subsets, with small values (ties happen).
/// </summary>
public sealed class RandomReports
{
    private static readonly string[] Codes = ["gdp_growth", "unemployment_rate", "cpi_growth"];
    private readonly Random _random;
    private readonly ReportIngestor _ingestor;
    private readonly Dictionary<string, ExtractionResult> _results = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ingested = new(StringComparer.Ordinal);
    private int _round;

    public RandomReports(AzuriteFixture azurite, int seed)
    {
        _random = new Random(seed);
        Prefix = "rr" + Guid.NewGuid().ToString("N")[..10];
        var store = new ReportStore(new ReportStorage(azurite.TableService(), azurite.BlobService(), Prefix), NullLogger<ReportStore>.Instance);
        _ingestor = new ReportIngestor(store, new ReportExtractor(), Options.Create(new ReportFunctionsOptions()), TimeProvider.System, NullLogger<ReportIngestor>.Instance)
        {
            Extract = (text, _) => _results[text.Trim()],
        };
        Reader = new FactQueries(store);
    }

    public string Prefix { get; }
    public IFactReader Reader { get; }

    private static readonly RegionInfo[] Regions =
    [
        .. Enumerable.Range(0, 8).Select(i => new RegionInfo("Testcity" + (char)('a' + i), RegionLevels.City, i < 4 ? "Testprovincea" : "Testprovinceb")),
        new RegionInfo("Testprovincea", RegionLevels.Province, null), new RegionInfo("Testprovinceb", RegionLevels.Province, null),
    ];

    /// <summary>Makes <paramref name="changes"/> random changes (new or replaced report, or a report that fails and loses its facts); describes them.</summary>
    public async Task<string> StepAsync(int changes)
    {
        await _ingestor.EnsureCreatedAsync();
        var done = new List<string>();
        for (var i = 0; i < changes; i++)
        {
            var region = Regions[_random.Next(Regions.Length)];
            var year = 2023 + _random.Next(2);
            var name = $"{region.Name.ToLowerInvariant()}-{year}.txt";
            var text = $"random report {name} round {++_round}";
            if (_ingested.Contains(name) && _random.Next(4) == 0)
            {
                _results[text] = new ExtractionResult { Region = RegionInfo.Unknown, NotAReportReason = "withdrawn" };
                done.Add("failed " + name);
            }
            else
            {
                var facts = new List<Fact>();
                foreach (var code in Codes)
                {
                    var unit = IndicatorCatalog.Get(code).Unit;
                    if (_random.Next(3) > 0) facts.Add(new Fact { Region = region.Name, Indicator = code, Period = (year - 1).ToString(), Kind = FactKinds.Actual, Value = _random.Next(1, 6), Unit = unit, Evidence = "e" });
                    if (_random.Next(2) > 0) facts.Add(new Fact { Region = region.Name, Indicator = code, Period = year.ToString(), Kind = FactKinds.Target, Value = _random.Next(1, 6), Unit = unit, Qualifier = Qualifiers.About, Evidence = "e" });
                }
                _results[text] = new ExtractionResult { Region = region, Year = year, RegionSource = "title", YearSource = "title", Facts = facts };
                done.Add($"{(_ingested.Contains(name) ? "replaced" : "new")} {name} ({facts.Count} facts)");
            }
            await _ingestor.IngestAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);
            _ingested.Add(name);
        }
        return string.Join(", ", done);
    }
}
