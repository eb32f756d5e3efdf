using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using RegionInfo = ReportFunctions.Core.Domain.RegionInfo;

namespace ReportFunctions.Benchmarks;

/// <summary>Size of the dashboard's load measurement: 300 cities of the gazetteer (and their provinces), every catalog code, 5 years.</summary>
public sealed record DashboardDatasetOptions
{
    public int Cities { get; init; } = 300;
    public int Years { get; init; } = 5;
    public int FirstYear { get; init; } = 2020;
    public int Seed { get; init; } = 20240501;
    public int Parallelism { get; init; } = 8;
}

/// <summary>What was stored.</summary>
public sealed record DashboardDatasetSummary(int Regions, int Reports, int Facts, TimeSpan Seeding);

/// <summary>
/// Fills a storage account (its production table names, as a host reads them) with real regions of the gazetteer, an actual
/// and a target per region, code and year, one report per region and year, written by the real <see cref="ReportIngestor"/>
/// (its extraction seam hands it each report's facts). The dashboard's load time is measured over it (browser tests).
/// </summary>
public static class DashboardDataset
{
    public static async Task<DashboardDatasetSummary> SeedAsync(string connectionString, DashboardDatasetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new DashboardDatasetOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Cities whose name means them (not a province of the same name, such as Jilin), as the API resolves names.
        var cities = Gazetteer.Default.All.Where(r => r.Level == RegionLevels.City && r.Province is not null
                                                      && Gazetteer.Default.TryResolve(r.Name, out var same) && same.Equals(r)).Take(o.Cities).ToList();
        if (cities.Count < o.Cities) throw new InvalidOperationException($"the gazetteer has {cities.Count} cities, fewer than {o.Cities}");
        var provinces = cities.Select(c => c.Province!).Distinct().Select(p => Gazetteer.Default.All.First(r => r.Name == p && r.Level == RegionLevels.Province)).ToList();
        var random = new Random(o.Seed);
        var reports = new List<(string Name, ExtractionResult Result)>();
        foreach (var region in provinces.Concat(cities))
        {
            for (var y = 0; y <= o.Years; y++)
            {
                // The report of year Y states the outcomes of Y-1 and the targets of Y.
                var reportYear = o.FirstYear + y;
                var facts = new List<Fact>();
                foreach (var indicator in IndicatorCatalog.All)
                {
                    if (y > 0) facts.Add(NewFact(region, indicator, reportYear - 1, FactKinds.Actual, random));
                    if (y < o.Years) facts.Add(NewFact(region, indicator, reportYear, FactKinds.Target, random));
                }
                reports.Add(($"dash-{region.Level}-{region.Name.ToLowerInvariant().Replace(' ', '-').Replace('\'', '-')}-{reportYear}.txt", new ExtractionResult
                {
                    Region = region, Year = reportYear, RegionSource = "title", YearSource = "title", Facts = facts,
                }));
            }
        }

        var storage = new ReportStorage(new TableServiceClient(connectionString), new BlobServiceClient(connectionString));
        var store = new ReportStore(storage, NullLogger<ReportStore>.Instance);
        var ingestor = new ReportIngestor(store, new ReportExtractor(), Options.Create(new ReportFunctionsOptions()), TimeProvider.System, NullLogger<ReportIngestor>.Instance);
        var results = new ConcurrentDictionary<string, ExtractionResult>(reports.ToDictionary(r => "dashboard dataset report " + r.Name, r => r.Result), StringComparer.Ordinal);
        ingestor.Extract = (text, _) => results[text.Trim()];
        await ingestor.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = cancellationToken }, async (report, ct) =>
        {
            var outcome = await ingestor.IngestAsync(report.Name, new MemoryStream(Encoding.UTF8.GetBytes("dashboard dataset report " + report.Name)), ct).ConfigureAwait(false);
            if (outcome.Result != IngestResult.Succeeded) throw new InvalidOperationException($"seeding {report.Name}: {outcome.Result} {outcome.Reason}");
        }).ConfigureAwait(false);
        return new DashboardDatasetSummary(provinces.Count + cities.Count, reports.Count, reports.Sum(r => r.Result.Facts.Count), clock.Elapsed);
    }

    private static Fact NewFact(RegionInfo region, Indicator indicator, int year, string kind, Random random)
    {
        var value = indicator.Unit == Units.Percent ? Math.Round(random.NextDouble() * 10, 1) : Math.Round(random.NextDouble() * 1e12);
        var text = $"{indicator.Code} {kind} {value.ToString(CultureInfo.InvariantCulture)}";
        return new Fact
        {
            Region = region.Name, Indicator = indicator.Code, Period = year.ToString(CultureInfo.InvariantCulture), Kind = kind,
            Value = value, Unit = indicator.Unit, Qualifier = kind == FactKinds.Target ? Qualifiers.About : Qualifiers.Exact, Evidence = text,
        };
    }
}
