using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ReportFunctions.Benchmarks;

namespace ReportFunctions.IntegrationTests.Api;

public sealed class HttpLatencyBenchmarkTests
{
    [Fact]
    public async Task Benchmark_measures_a_local_kestrel()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        var n = 0;
        app.MapGet("/ok", () => Interlocked.Increment(ref n) % 10 == 0 ? Results.StatusCode(500) : Results.Text("ok"));
        await app.StartAsync();
        var url = new Uri(app.Urls.First());

        using var http = new HttpClient();
        var output = new StringWriter();
        var result = await new HttpLatencyBenchmark(http).RunAsync(url, "/ok", requests: 200, concurrency: 4, warmup: 0, output: output);
        Assert.Equal(200, result.Requests);
        Assert.Equal(20, result.Errors);
        Assert.True(result.P50Ms > 0 && result.P50Ms <= result.P99Ms && result.P99Ms <= result.MaxMs);
        Assert.True(result.RequestsPerSecond > 0);
        Assert.Contains("p99=", output.ToString());
    }

    [Fact]
    public void Percentile_is_nearest_rank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal(50, HttpLatencyBenchmark.Percentile(values, 0.5));
        Assert.Equal(99, HttpLatencyBenchmark.Percentile(values, 0.99));
    }
}
