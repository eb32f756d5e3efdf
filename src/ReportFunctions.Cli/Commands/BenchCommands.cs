using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Benchmarks;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Cli.Commands;

/// <summary>Benchmarks against a running host (LocalHost or Functions) and its storage. Figures only; no pass/fail.</summary>
public static class BenchCommands
{
    /// <summary>
    /// <c>reports bench-api [--url http://127.0.0.1:7071] [--path /api/regions/Jiaxing/facts] [--requests 2000] [--concurrency 8]</c>:
    /// latency of one route over N requests (p50, p99, mean, requests/s, errors).
    /// </summary>
    public static async Task<int> ApiAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        var url = new Uri(cli.Get("url") ?? "http://127.0.0.1:7071");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var result = await new HttpLatencyBenchmark(http).RunAsync(url, cli.Get("path") ?? "/api/regions/Jiaxing/facts",
            cli.GetInt("requests", 2000), cli.GetInt("concurrency", 8), output: Console.Out);
        return result.Errors == 0 ? 0 : 1;
    }

    /// <summary><c>reports bench-ingest [--reports 200] [--parallelism 16] [--seeds DIR] [--connection CS]</c>: the ingestion path alone (IngestProfileBenchmark).</summary>
    public static Task<int> IngestAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        return IngestProfileBenchmark.RunAsync(cli.Connection, cli.Get("seeds") ?? "seeds", cli.GetInt("reports", 200), cli.GetInt("parallelism", 16), Console.Out,
            batching: !cli.Has("no-batching"));
    }

    /// <summary>
    /// <c>reports bench [--url U] [--connection CS] [--sizes 100,1000] [--seconds 30] [--concurrency 8] [--seeds DIR]</c>:
    /// 1. uploads N synthetic reports (the seeds' sentences with other regions and numbers) to the reports container
    ///    of the running host and measures reports/s and facts/s until every one is Succeeded or Failed (queryable);
    /// 2. drives GET /api/regions/{region}/facts and GET /api/rankings/{code} for a fixed time at a fixed concurrency;
    /// 3. measures the extraction engine's MB/s beside them.
    /// </summary>
    public static async Task<int> LoadAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        var url = new Uri(cli.Get("url") ?? "http://127.0.0.1:7071");
        var sizes = (cli.Get("sizes") ?? "100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var duration = TimeSpan.FromSeconds(cli.GetInt("seconds", 30));
        var concurrency = cli.GetInt("concurrency", 8);
        var seeds = cli.Get("seeds") ?? "seeds";
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        await using var services = cli.BuildServices();
        var storage = services.GetRequiredService<ReportStorage>();
        var store = services.GetRequiredService<ReportStore>();
        await storage.EnsureCreatedAsync();
        var synthetic = SyntheticReports.FromSeedFolder(seeds);
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var offset = 0;
        var errors = 0;
        foreach (var n in sizes)
        {
            var uploads = Enumerable.Range(offset, n).Select(i => synthetic.Create(i, randomSeed: run.GetHashCode())).ToList();
            offset += n;
            var names = uploads.ToDictionary(u => ReportIds.FromBlobName($"bench-{run}/{u.Name}"), u => $"bench-{run}/{u.Name}");
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (u, ct) =>
                await storage.Container.GetBlobClient($"bench-{run}/{u.Name}").UploadAsync(BinaryData.FromString(u.Text), ct));
            var uploaded = clock.Elapsed;
            var deadline = TimeSpan.FromSeconds(60 + n * 2);
            // A progress bar on a terminal (nothing when the output is redirected), then the figures. Only this run's rows (ids start with its prefix) and the columns needed: the poll is a query of the emulator
            // being measured, so it runs every half second and asks for two columns; the fact count is read once at the end.
            var prefix = ReportIds.FromBlobName($"bench-{run}/x")[..$"bench-{run}-".Length];
            var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {ReportRecord.Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
            await CliProgress.RunAsync(CliProgress.Console, $"ingesting {n} reports", n, async report =>
            {
                while (true)
                {
                    var count = 0;
                    await foreach (var r in storage.Reports.QueryAsync<Azure.Data.Tables.TableEntity>(filter, select: ["RowKey", "Status"]))
                        if (names.ContainsKey(r.RowKey) && ReportStatus.IsFinal(r.GetString("Status"))) count++;
                    report(count, $"{count} of {n} final");
                    if (count == n || clock.Elapsed > deadline) return count;
                    await Task.Delay(500);
                }
            });
            var elapsed = clock.Elapsed.TotalSeconds;
            var (succeeded, failed, facts) = (0, 0, 0L);
            await foreach (var r in storage.Reports.QueryAsync<Azure.Data.Tables.TableEntity>(filter, select: ["RowKey", "Status", "FactCount"]))
            {
                if (!names.ContainsKey(r.RowKey)) continue;
                var status = r.GetString("Status");
                if (status == ReportStatus.Succeeded) { succeeded++; facts += r.GetInt32("FactCount") ?? 0; }
                else if (status == ReportStatus.Failed) failed++;
            }
            if (succeeded + failed < n) { errors++; Console.WriteLine($"ingest N={n}: only {succeeded + failed} of {n} final after {elapsed:F0} s"); }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest N={n}: {elapsed:F1} s upload-to-queryable (uploads took {uploaded.TotalSeconds:F1} s), {n / elapsed:F1} reports/s, {facts / elapsed:F0} facts/s, {succeeded} succeeded, {failed} failed, {facts} facts"));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using (var slow = new HttpClient { Timeout = TimeSpan.FromMinutes(15) })
        {
            // Rankings over everything just ingested, so the rankings route serves real data.
            var refreshClock = Stopwatch.StartNew();
            using var refresh = await slow.PostAsync(new Uri(url, "/api/rankings/refresh"), null);
            Console.WriteLine($"POST /api/rankings/refresh: {(int)refresh.StatusCode} in {refreshClock.Elapsed.TotalSeconds:F1} s");
        }
        var bench = new HttpLatencyBenchmark(http);
        var regions = (await store.AllAsync().Where(r => r.Status == ReportStatus.Succeeded && r.Region is not null && r.Region != "unknown")
            .Select(r => r.Region!).Distinct().Take(200).ToListAsync());
        var regionResult = await bench.RunForAsync(url, regions.Select(r => $"/api/regions/{Uri.EscapeDataString(r)}/facts").ToList(), duration, concurrency, Console.Out, label: "region facts");
        var codes = new[] { "gdp_growth", "gdp", "retail_sales_growth", "fixed_asset_investment_growth", "public_budget_revenue_growth", "disposable_income_growth" };
        var rankingResult = await bench.RunForAsync(url, codes.Select(c => $"/api/rankings/{c}").ToList(), duration, concurrency, Console.Out, label: "rankings");
        errors += regionResult.Errors + rankingResult.Errors;

        Console.WriteLine("extraction:");
        ExtractionBenchmark.Run(["--mb", cli.Get("extract-mb") ?? "20", "--seeds", seeds]);
        return errors == 0 ? 0 : 1;
    }
}
