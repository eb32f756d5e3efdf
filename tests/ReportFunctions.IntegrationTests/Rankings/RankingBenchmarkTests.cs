using ReportFunctions.Core.Benchmarks;
using ReportFunctions.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// The ranking benchmark, small by default; <c>RANKING_BENCH_FULL=1</c> runs the full size (300 cities x 31 indicators
/// x 10 years) and prints its timings.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingBenchmarkTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Rankings_benchmark_runs_and_an_unchanged_run_writes_nothing()
    {
        var full = Environment.GetEnvironmentVariable("RANKING_BENCH_FULL") == "1";
        var options = full
            ? new RankingBenchmarkOptions()
            : new RankingBenchmarkOptions { Cities = 20, Provinces = 4, Indicators = 3, Years = 2, Targets = true };
        var writer = new StringWriter();
        var result = await new RankingBenchmark(azurite.TableService(), azurite.BlobService(), TimeProvider.System).RunAsync(options, output: writer);
        output.WriteLine(writer.ToString());
        output.WriteLine(result.ToString());

        // Per code and year: all cities, cities of each province, provinces.
        Assert.Equal(options.Indicators * options.Years * (1 + options.Provinces + 1) * (options.Targets ? 2 : 1), result.Full.RankingsComputed);
        Assert.Equal(result.Full.RankingsComputed, result.Full.RankingsWritten);
        Assert.Equal(0, result.Unchanged.RankingsWritten);
        Assert.Equal(result.Full.RankingsComputed, result.Unchanged.RankingsUnchanged);
        Assert.Equal(2, result.OneFactChanged.RankingsWritten); // the city's overall and province rankings
    }

    [Fact]
    public async Task Rankings_benchmark_command_line_entry_runs_and_rejects_bad_options()
    {
        var writer = new StringWriter();
        var code = await RankingBenchmark.RunFromCommandLineAsync(azurite.ConnectionString,
            ["--cities", "10", "--provinces", "2", "--indicators", "2", "--years", "2", "--targets"], writer);
        output.WriteLine(writer.ToString());
        Assert.Equal(0, code);
        Assert.Contains("full recomputation:", writer.ToString());
        Assert.Contains("nothing changed:", writer.ToString());
        Assert.Equal(2, await RankingBenchmark.RunFromCommandLineAsync(azurite.ConnectionString, ["--cities", "x"], new StringWriter()));
        Assert.Equal(2, await RankingBenchmark.RunFromCommandLineAsync(azurite.ConnectionString, ["--bogus"], new StringWriter()));
    }
}
