using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;
using RegionInfo = ReportFunctions.Core.Domain.RegionInfo;

namespace ReportFunctions.Benchmarks;

/// <summary>Size of a ranking benchmark: 300 cities x 31 indicators x 10 years by default.</summary>
public sealed record RankingBenchmarkOptions
{
    public int Cities { get; init; } = 300;
    /// <summary>Cities are spread over this many provinces (each also gets a province-level fact).</summary>
    public int Provinces { get; init; } = 30;
    /// <summary>The first this many catalog codes (31 = all).</summary>
    public int Indicators { get; init; } = IndicatorCatalog.All.Count;
    public int Years { get; init; } = 10;
    public int FirstYear { get; init; } = 2014;
    /// <summary>Also a target per region, code and year (doubles the facts; exercises attainment).</summary>
    public bool Targets { get; init; }
    /// <summary>Table prefix of the run (letters and digits); a new one by default, so a run starts from empty tables.</summary>
    public string? TablePrefix { get; init; }
    public int Seed { get; init; } = 20240501;
    /// <summary>Write the facts through the ingestion and read them with the real reader (<see cref="RankingBenchmark.ThroughIngestion"/>), not from memory.</summary>
    public bool ThroughIngestion { get; init; }
}

/// <summary>What a benchmark run measured.</summary>
public sealed record RankingBenchmarkResult(
    int Facts, TimeSpan Seeding, RankingRefreshSummary Full, RankingRefreshSummary Unchanged, RankingRefreshSummary OneFactChanged)
{
    public override string ToString() => string.Join(Environment.NewLine,
        $"facts: {Facts} (seeded in {Seeding.TotalSeconds:F1} s)",
        $"full recomputation: {Full.Duration.TotalSeconds:F1} s, {Full.RankingsComputed} rankings ({Full.RankingsWritten} written), {Full.AttainmentSetsComputed} attainment sets ({Full.AttainmentSetsWritten} written)",
        $"nothing changed: {Unchanged.Duration.TotalSeconds:F1} s, {Unchanged.RankingsWritten} written, {Unchanged.RankingsUnchanged} unchanged",
        $"one fact changed: {OneFactChanged.Duration.TotalSeconds:F1} s, {OneFactChanged.RankingsWritten} written, {OneFactChanged.RankingsUnchanged} unchanged");
}

/// <summary>
/// Times a full ranking recomputation against real storage, a run with nothing changed, and a run with one fact changed.
/// Facts come from an <see cref="IFactReader"/>: by default <see cref="SyntheticFactReader"/> (facts in memory,
/// rankings in storage); to measure the whole path, pass a <c>seed</c> delegate that writes the facts through the
/// ingestion's fact writer and the real reader over the fact tables.
/// Run it from the CLI (<c>reports bench-rank</c> -> <see cref="RunFromCommandLineAsync"/>) or a test.
/// </summary>
public sealed class RankingBenchmark
{
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly TimeProvider _time;

    public RankingBenchmark(TableServiceClient tables, BlobServiceClient blobs, TimeProvider time)
    {
        _tables = tables;
        _blobs = blobs;
        _time = time;
    }

    /// <param name="reader">Where the refresher reads facts; null: a <see cref="SyntheticFactReader"/> over the generated facts.</param>
    /// <param name="seed">Writes the facts where <paramref name="reader"/> reads them (called with all facts, then with the one changed fact).</param>
    public async Task<RankingBenchmarkResult> RunAsync(RankingBenchmarkOptions options, IFactReader? reader = null,
        Func<IReadOnlyList<StoredFact>, CancellationToken, Task>? seed = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var facts = SyntheticFacts(options);
        var prefix = options.TablePrefix ?? "bench" + Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var memory = reader is null ? new SyntheticFactReader(facts) : null;
        if (seed is not null) await seed(facts, cancellationToken).ConfigureAwait(false);
        var seeding = clock.Elapsed;
        output?.WriteLine($"{facts.Count} facts {(seed is null ? "in memory" : "seeded")} in {seeding.TotalSeconds:F1} s; tables {prefix}*");

        var refresher = new RankingRefresher(reader ?? memory!, new RankingStore(_tables, prefix), new AttainmentStore(_tables, prefix), _blobs,
            _time, NullLogger<RankingRefresher>.Instance, new RankingRefresherSettings { LeaseBlobName = prefix + "-rankings-refresh" });
        var full = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        output?.WriteLine($"full recomputation: {full.Duration.TotalSeconds:F1} s ({full.RankingsWritten} rankings written)");
        var unchanged = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        output?.WriteLine($"nothing changed: {unchanged.Duration.TotalSeconds:F1} s ({unchanged.RankingsWritten} written)");

        // A later report revises one value of a city.
        var old = facts.First(f => f.Level == RegionLevels.City && f.Fact.Kind == FactKinds.Actual);
        var revised = old with { Fact = old.Fact with { Value = old.Fact.Value * 1.5 + 1 }, ReportId = old.ReportId + "-rev", ReportYear = old.ReportYear + 1 };
        if (memory is not null) memory.Add(revised);
        if (seed is not null) await seed([revised], cancellationToken).ConfigureAwait(false);
        var one = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        output?.WriteLine($"one fact changed: {one.Duration.TotalSeconds:F1} s ({one.RankingsWritten} written)");
        return new RankingBenchmarkResult(facts.Count, seeding, full, unchanged, one);
    }

    /// <summary>
    /// The whole path: facts written by the real <see cref="ReportIngestor"/> (one small report per synthetic report id,
    /// whose extraction yields that report's facts) into fact tables under <paramref name="prefix"/>, and read back by
    /// the real reader (<see cref="FactQueries"/>). Returns the reader and the seeding delegate for <see cref="RunAsync"/>.
    /// </summary>
    public (IFactReader Reader, Func<IReadOnlyList<StoredFact>, CancellationToken, Task> Seed) ThroughIngestion(string prefix, int parallelism = 8)
    {
        var store = new ReportStore(new ReportStorage(_tables, _blobs, prefix), NullLogger<ReportStore>.Instance);
        var ingestor = new ReportIngestor(store, new ReportExtractor(), Options.Create(new ReportFunctionsOptions()), _time, NullLogger<ReportIngestor>.Instance);
        var results = new ConcurrentDictionary<string, ExtractionResult>(StringComparer.Ordinal);
        ingestor.Extract = (text, _) => results[text.Trim()];
        async Task Seed(IReadOnlyList<StoredFact> facts, CancellationToken ct)
        {
            await ingestor.EnsureCreatedAsync(ct).ConfigureAwait(false);
            var reports = facts.GroupBy(f => f.ReportId).ToList();
            foreach (var report in reports)
            {
                var first = report.First();
                results[$"synthetic report {report.Key}"] = new ExtractionResult
                {
                    Region = new RegionInfo(first.Fact.Region, first.Level, first.Province),
                    Year = first.ReportYear,
                    RegionSource = "title",
                    YearSource = "title",
                    Facts = report.Select(f => f.Fact).ToList(),
                };
            }
            await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (report, token) =>
            {
                var outcome = await ingestor.IngestAsync(report.Key + ".txt", new MemoryStream(Encoding.UTF8.GetBytes($"synthetic report {report.Key}")), token).ConfigureAwait(false);
                if (outcome.Result != IngestResult.Succeeded)
                    throw new InvalidOperationException($"seeding {report.Key}: {outcome.Result} {outcome.Reason}");
            }).ConfigureAwait(false);
        }
        return (new FactQueries(store), Seed);
    }

    /// <summary>Deterministic synthetic facts: every city and province, code and year, from one report per region and year.</summary>
    public static List<StoredFact> SyntheticFacts(RankingBenchmarkOptions o)
    {
        var random = new Random(o.Seed);
        var list = new List<StoredFact>();
        var indicators = IndicatorCatalog.All.Take(o.Indicators).ToList();
        var ingested = new DateTimeOffset(o.FirstYear, 3, 1, 0, 0, 0, TimeSpan.Zero);
        void Add(string region, string level, string? province, Indicator indicator, int year, string kind)
        {
            var value = indicator.Unit == Units.Percent ? Math.Round(random.NextDouble() * 10, 1) : Math.Round(random.NextDouble() * 1e12);
            list.Add(new StoredFact
            {
                Fact = new Fact
                {
                    Region = region, Indicator = indicator.Code, Period = year.ToString(CultureInfo.InvariantCulture), Kind = kind,
                    Value = value, Unit = indicator.Unit, Qualifier = kind == FactKinds.Target ? Qualifiers.About : Qualifiers.Exact, Evidence = "synthetic",
                },
                ReportId = $"{region}-{(kind == FactKinds.Actual ? year + 1 : year)}",
                ReportYear = kind == FactKinds.Actual ? year + 1 : year,
                IngestedAt = ingested.AddYears(year - o.FirstYear + 1),
                Level = level,
                Province = province,
            });
        }
        for (var y = 0; y < o.Years; y++)
        {
            var year = o.FirstYear + y;
            foreach (var indicator in indicators)
            {
                for (var p = 0; p < o.Provinces; p++)
                {
                    Add(ProvinceName(p), RegionLevels.Province, null, indicator, year, FactKinds.Actual);
                    if (o.Targets) Add(ProvinceName(p), RegionLevels.Province, null, indicator, year, FactKinds.Target);
                }
                for (var c = 0; c < o.Cities; c++)
                {
                    var province = ProvinceName(c % Math.Max(1, o.Provinces));
                    Add(CityName(c), RegionLevels.City, province, indicator, year, FactKinds.Actual);
                    if (o.Targets) Add(CityName(c), RegionLevels.City, province, indicator, year, FactKinds.Target);
                }
            }
        }
        return list;
    }

    private static string ProvinceName(int i) => "Province" + Letters(i);
    private static string CityName(int i) => "City" + Letters(i);

    private static string Letters(int i)
    {
        var s = "";
        do { s = (char)('a' + i % 26) + s; i /= 26; } while (i > 0);
        return s;
    }

    /// <summary>
    /// For <c>reports bench-rank [--cities N] [--provinces N] [--indicators N] [--years N] [--targets] [--through-ingestion]</c>: runs the benchmark
    /// against the storage of <paramref name="connectionString"/> and prints the timings. Returns the exit code.
    /// </summary>
    public static async Task<int> RunFromCommandLineAsync(string connectionString, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var o = new RankingBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i]} needs a positive number");
            try
            {
                o = args[i] switch
                {
                    "--cities" => o with { Cities = Next() },
                    "--provinces" => o with { Provinces = Next() },
                    "--indicators" => o with { Indicators = Math.Min(Next(), IndicatorCatalog.All.Count) },
                    "--years" => o with { Years = Next() },
                    "--targets" => o with { Targets = true },
                    "--through-ingestion" => o with { ThroughIngestion = true },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (ArgumentException ex)
            {
                await output.WriteLineAsync("bench-rank: " + ex.Message + "; usage: bench-rank [--cities N] [--provinces N] [--indicators N] [--years N] [--targets] [--through-ingestion]").ConfigureAwait(false);
                return 2;
            }
        }
        var bench = new RankingBenchmark(new TableServiceClient(connectionString), new BlobServiceClient(connectionString), TimeProvider.System);
        await output.WriteLineAsync($"bench-rank: {o.Cities} cities in {o.Provinces} provinces x {o.Indicators} indicators x {o.Years} years{(o.Targets ? " with targets" : "")}{(o.ThroughIngestion ? ", facts through the ingestion" : ", facts in memory")}").ConfigureAwait(false);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var (reader, seed) = o.ThroughIngestion ? bench.ThroughIngestion(prefix) : (null, null);
        var result = await bench.RunAsync(o with { TablePrefix = prefix }, reader, seed, output, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(result.ToString()).ConfigureAwait(false);
        return 0;
    }
}

/// <summary>Facts held in memory, as an <see cref="IFactReader"/> for the benchmark (rankings still go to storage).</summary>
public sealed class SyntheticFactReader : IFactReader
{
    private readonly object _gate = new();
    private Dictionary<string, List<StoredFact>> _byIndicator;

    public SyntheticFactReader(IEnumerable<StoredFact> facts) =>
        _byIndicator = facts.GroupBy(f => f.Fact.Indicator).ToDictionary(g => g.Key, g => g.ToList());

    public void Add(StoredFact fact)
    {
        lock (_gate)
        {
            var copy = _byIndicator.ToDictionary(kv => kv.Key, kv => kv.Value);
            copy[fact.Fact.Indicator] = [.. copy.GetValueOrDefault(fact.Fact.Indicator) ?? [], fact];
            _byIndicator = copy;
        }
    }

    public async IAsyncEnumerable<StoredFact> GetIndicatorFactsAsync(string indicator, string? period = null, string? kind = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var f in _byIndicator.GetValueOrDefault(indicator) ?? [])
            if ((period is null || f.Fact.Period == period) && (kind is null || f.Fact.Kind == kind)) yield return f;
    }

    public async IAsyncEnumerable<StoredFact> GetRegionFactsAsync(string region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var list in _byIndicator.Values)
            foreach (var f in list)
                if (f.Fact.Region == region) yield return f;
    }
}
