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
    int Facts, TimeSpan Seeding, RankingRefreshSummary Full, RankingRefreshSummary Unchanged, RankingRefreshSummary OneReportChanged, int ChangedReportFacts)
{
    public static string Line(string phase, RankingRefreshSummary s) =>
        $"{phase}: {s.Duration.TotalSeconds:F2} s ({(s.Full ? "full" : "incremental")}), rows read {s.RowsRead}, rows written {s.RowsWritten}, "
        + $"{s.GroupsRefreshed} groups, {s.FactsRead} facts, rankings {s.RankingsComputed} computed / {s.RankingsWritten} written / {s.RankingsRemoved} removed, "
        + $"attainment sets {s.AttainmentSetsComputed} computed / {s.AttainmentSetsWritten} written; listings: {s.RankingListings} of rankings, {s.AttainmentListings} of sets"
        + (s.Full ? $"; facts from current-facts rows{(s.FactTablesScanned ? ": NO, every FactsByIndicator row read" : "")}, {s.ReportsFromFactTables} reports from the fact tables" : "");

    public override string ToString() => string.Join(Environment.NewLine,
        $"seeding: {Facts} facts in {Seeding.TotalSeconds:F1} s",
        Line("full refresh", Full),
        Line("nothing changed", Unchanged),
        Line($"one report changed ({ChangedReportFacts} facts)", OneReportChanged));
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
    /// <param name="seed">Writes facts where <paramref name="reader"/> reads them: called with all facts, then with the
    /// new facts of one report (which replace that report's).</param>
    public async Task<RankingBenchmarkResult> RunAsync(RankingBenchmarkOptions options, IFactReader? reader = null,
        Func<IReadOnlyList<StoredFact>, CancellationToken, Task>? seed = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var facts = RankingBenchmarkData.SyntheticFacts(options);
        var prefix = options.TablePrefix ?? "bench" + Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var memory = reader is null ? new SyntheticFactReader(facts) : null;
        if (seed is not null) await seed(facts, cancellationToken).ConfigureAwait(false);
        var seeding = clock.Elapsed;
        output?.WriteLine($"seeding: {facts.Count} facts {(seed is null ? "in memory" : "written")} in {seeding.TotalSeconds:F1} s; tables {prefix}*");

        var refresher = new RankingRefresher(reader ?? memory!, new RankingStore(_tables, prefix), new AttainmentStore(_tables, prefix), _blobs,
            _time, NullLogger<RankingRefresher>.Instance, new RankingRefresherSettings { LeaseBlobName = prefix + "-rankings-refresh" });
        await refresher.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false); // the hosts do this at start-up
        var full = await refresher.RefreshAsync(full: true, cancellationToken).ConfigureAwait(false);
        output?.WriteLine(RankingBenchmarkResult.Line("full refresh", full));
        var unchanged = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        output?.WriteLine(RankingBenchmarkResult.Line("nothing changed", unchanged));

        // A city's report delivered again, corrected: every value it states is revised.
        var reportId = facts.First(f => f.Level == RegionLevels.City && f.Fact.Kind == FactKinds.Actual).ReportId;
        var revised = facts.Where(f => f.ReportId == reportId).Select(f => f with { Fact = f.Fact with { Value = f.Fact.Value * 1.5 + 1 } }).ToList();
        if (memory is not null)
        {
            memory.ReplaceReport(reportId, revised);
            await refresher.Changes.RecordGroupsAsync(revised.Select(FactGroup.Of), cancellationToken).ConfigureAwait(false);
        }
        if (seed is not null) await seed(revised, cancellationToken).ConfigureAwait(false);
        var one = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        output?.WriteLine(RankingBenchmarkResult.Line($"one report changed ({revised.Count} facts)", one));
        return new RankingBenchmarkResult(facts.Count, seeding, full, unchanged, one, revised.Count);
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
        var rounds = 0;
        async Task Seed(IReadOnlyList<StoredFact> facts, CancellationToken ct)
        {
            await ingestor.EnsureCreatedAsync(ct).ConfigureAwait(false);
            // Each call is a new delivery: a report seeded again gets new content (and replaces its facts).
            var round = Interlocked.Increment(ref rounds);
            var reports = facts.GroupBy(f => f.ReportId).ToList();
            foreach (var report in reports)
            {
                var first = report.First();
                results[$"synthetic report {report.Key} round {round}"] = new ExtractionResult
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
                var outcome = await ingestor.IngestAsync(report.Key + ".txt", new MemoryStream(Encoding.UTF8.GetBytes($"synthetic report {report.Key} round {round}")), token).ConfigureAwait(false);
                if (outcome.Result != IngestResult.Succeeded)
                    throw new InvalidOperationException($"seeding {report.Key}: {outcome.Result} {outcome.Reason}");
            }).ConfigureAwait(false);
        }
        return (new FactQueries(store), Seed);
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
