using System.Diagnostics;
using System.Globalization;

namespace ReportFunctions.Benchmarks;

/// <summary>Latency figures of one benchmark run (milliseconds).</summary>
public sealed record LatencyResult(int Requests, int Errors, double P50Ms, double P99Ms, double MeanMs, double MaxMs, double RequestsPerSecond, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"requests={Requests} errors={Errors} p50={P50Ms:F2}ms p99={P99Ms:F2}ms mean={MeanMs:F2}ms max={MaxMs:F2}ms rps={RequestsPerSecond:F1} elapsed={Elapsed.TotalSeconds:F2}s");

    /// <summary>One line per route: req/s, p50, p99 and errors first.</summary>
    public string Summary(string route) => string.Create(CultureInfo.InvariantCulture,
        $"{route}: {RequestsPerSecond:F1} req/s, p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms, {Errors} errors ({Requests} requests in {Elapsed.TotalSeconds:F1} s, mean {MeanMs:F2} ms, max {MaxMs:F2} ms)");
}

/// <summary>
/// Sends N GET requests (default 2,000) to one URL with a fixed concurrency and reports p50, p99, mean, requests per
/// second and errors (non-2xx or exceptions). For the CLI: <c>bench --url http://127.0.0.1:7071 --path /api/regions/Zhejiang/facts</c>.
/// </summary>
public sealed class HttpLatencyBenchmark
{
    private readonly HttpClient _http;

    public HttpLatencyBenchmark(HttpClient http) => _http = http;

    public async Task<LatencyResult> RunAsync(Uri baseUrl, string path, int requests = 2000, int concurrency = 16, int warmup = 20,
        TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        var url = new Uri(baseUrl, path);
        for (var i = 0; i < warmup; i++) await SendAsync(url, cancellationToken).ConfigureAwait(false);
        var result = await LoadAsync([url], Math.Min(concurrency, requests), maxRequests: requests, duration: null, cancellationToken).ConfigureAwait(false);
        output?.WriteLine($"GET {url} x{requests} (concurrency {concurrency})");
        output?.WriteLine(result.ToString());
        output?.WriteLine(result.Summary(path));
        return result;
    }

    /// <summary>
    /// Sends GET requests for <paramref name="duration"/> at a fixed concurrency, each worker taking the next of
    /// <paramref name="paths"/> in turn, and reports the same figures (the load part of the <c>bench</c> command).
    /// </summary>
    public async Task<LatencyResult> RunForAsync(Uri baseUrl, IReadOnlyList<string> paths, TimeSpan duration, int concurrency = 8,
        TextWriter? output = null, CancellationToken cancellationToken = default, string? label = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths.Count, 1);
        var urls = paths.Select(p => new Uri(baseUrl, p)).ToArray();
        foreach (var u in urls) await SendAsync(u, cancellationToken).ConfigureAwait(false);
        var result = await LoadAsync(urls, concurrency, maxRequests: int.MaxValue, duration, cancellationToken).ConfigureAwait(false);
        output?.WriteLine($"GET {string.Join(", ", paths.Take(3))}{(paths.Count > 3 ? $" (+{paths.Count - 3} more)" : "")} for {duration.TotalSeconds:F0} s (concurrency {concurrency})");
        output?.WriteLine(label is null ? result.ToString() : result.Summary(label));
        return result;
    }

    /// <summary>
    /// The load both runs share: <paramref name="concurrency"/> workers send GETs to <paramref name="urls"/> in turn until
    /// <paramref name="maxRequests"/> are sent or <paramref name="duration"/> is up, timing each.
    /// </summary>
    private async Task<LatencyResult> LoadAsync(Uri[] urls, int concurrency, int maxRequests, TimeSpan? duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var errors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            int i;
            while ((duration is null || total.Elapsed < duration) && !cancellationToken.IsCancellationRequested
                   && (i = Interlocked.Increment(ref next)) < maxRequests)
            {
                var sw = Stopwatch.StartNew();
                var ok = await SendAsync(urls[i % urls.Length], cancellationToken).ConfigureAwait(false);
                mine.Add(sw.Elapsed.TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
            return mine;
        })).ConfigureAwait(false);
        total.Stop();

        var latencies = perWorker.SelectMany(l => l).ToArray();
        Array.Sort(latencies);
        return new LatencyResult(latencies.Length, errors, Percentile(latencies, 0.50), Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies.Average(), latencies.Length == 0 ? 0 : latencies[^1],
            latencies.Length / total.Elapsed.TotalSeconds, total.Elapsed);
    }

    private async Task<bool> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { return false; } // timeout
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
