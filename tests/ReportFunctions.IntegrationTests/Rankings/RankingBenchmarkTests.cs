using ReportFunctions.Benchmarks;
using ReportFunctions.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// The ranking benchmark, small by default; <c>RANKING_BENCH_FULL=1</c> runs the full size (300 cities x 31 indicators
/// x 10 years) and prints its timings; <c>RANKING_BENCH_INGESTION=1</c> writes the facts through the ingestion and reads
/// them with the real reader instead of from memory; <c>RANKING_BENCH_YEARS</c> overrides the 10 years.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingBenchmarkTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Rankings_benchmark_runs_and_an_unchanged_run_writes_nothing()
    {
        var full = Environment.GetEnvironmentVariable("RANKING_BENCH_FULL") == "1";
        var years = int.TryParse(Environment.GetEnvironmentVariable("RANKING_BENCH_YEARS"), out var y) && y > 0 ? y : 10;
        var options = full
            ? new RankingBenchmarkOptions { Years = years }
            : new RankingBenchmarkOptions { Cities = 20, Provinces = 4, Indicators = 3, Years = 2, Targets = true };
        var writer = new StringWriter();
        var bench = new RankingBenchmark(azurite.TableService(), azurite.BlobService(), TimeProvider.System);
        options = options with { TablePrefix = "bf" + Guid.NewGuid().ToString("N")[..10] };
        var (reader, seed) = Environment.GetEnvironmentVariable("RANKING_BENCH_INGESTION") == "1" ? bench.ThroughIngestion(options.TablePrefix) : (null, null);
        var result = await bench.RunAsync(options, reader, seed, writer);
        output.WriteLine(writer.ToString());
        output.WriteLine(result.ToString());

        // Per code and year: all cities, cities of each province, provinces.
        Assert.Equal(options.Indicators * options.Years * (1 + options.Provinces + 1) * (options.Targets ? 2 : 1), result.Full.RankingsComputed);
        Assert.Equal(result.Full.RankingsComputed, result.Full.RankingsWritten);
        Assert.Equal(0, result.Unchanged.RankingsWritten);
        Assert.Equal(0, result.Unchanged.RankingsComputed);
        Assert.True(result.Unchanged.RowsRead <= 2);
        // Each revised value changes the city's overall and province rankings, and nothing else.
        Assert.Equal(2 * result.ChangedReportFacts, result.OneReportChanged.RankingsWritten);
        Assert.Equal(0, result.OneReportChanged.RankingsRemoved);
    }

    [Fact]
    public async Task Rankings_benchmark_command_line_entry_runs_and_rejects_bad_options()
    {
        var writer = new StringWriter();
        var code = await RankingBenchmark.RunFromCommandLineAsync(azurite.ConnectionString,
            ["--cities", "10", "--provinces", "2", "--indicators", "2", "--years", "2", "--targets"], writer);
        output.WriteLine(writer.ToString());
        Assert.Equal(0, code);
        Assert.Contains("full refresh:", writer.ToString());
        Assert.Contains("one report changed", writer.ToString());
        Assert.Contains("nothing changed:", writer.ToString());
        Assert.Equal(2, await RankingBenchmark.RunFromCommandLineAsync(azurite.ConnectionString, ["--cities", "x"], new StringWriter()));
        Assert.Equal(2, await RankingBenchmark.RunFromCommandLineAsync(azurite.ConnectionString, ["--bogus"], new StringWriter()));
    }

    [Fact]
    public async Task Rankings_benchmark_through_the_ingestion_reads_the_facts_it_wrote()
    {
        var options = new RankingBenchmarkOptions { Cities = 12, Provinces = 3, Indicators = 2, Years = 2, TablePrefix = "bi" + Guid.NewGuid().ToString("N")[..10] };
        var bench = new RankingBenchmark(azurite.TableService(), azurite.BlobService(), TimeProvider.System);
        var (reader, seed) = bench.ThroughIngestion(options.TablePrefix!);
        var writer = new StringWriter();
        var result = await bench.RunAsync(options, reader, seed, writer);
        output.WriteLine(writer.ToString());
        Assert.Equal((12 + 3) * 2 * 2, result.Facts);
        Assert.Equal(result.Facts, result.Full.FactsRead);
        Assert.Equal(2 * 2 * (1 + 3 + 1), result.Full.RankingsComputed);
        Assert.Equal(0, result.Unchanged.RankingsWritten);
        Assert.Equal(2 * result.ChangedReportFacts, result.OneReportChanged.RankingsWritten);
    }
}
