using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Cli.Commands;

/// <summary>Commands that work on a storage account: upload, ingest, wait, query.</summary>
public static class StorageCommands
{
    /// <summary><c>reports upload FILE... [--connection CS]</c>: uploads files to the reports container (unchanged ones are skipped).</summary>
    public static async Task<int> UploadAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        if (cli.Positional.Count == 0) return Usage("reports upload FILE... [--connection CS]");
        await using var services = cli.BuildServices();
        var storage = services.GetRequiredService<ReportStorage>();
        await storage.EnsureCreatedAsync();
        var uploaded = await CliProgress.RunAsync(CliProgress.Console, "uploading", cli.Positional.Count, async report =>
        {
            var count = 0;
            for (var i = 0; i < cli.Positional.Count; i++)
            {
                var name = Path.GetFileName(cli.Positional[i]);
                report(i, name);
                var bytes = await File.ReadAllBytesAsync(cli.Positional[i]);
                var md5 = MD5.HashData(bytes);
                var blob = storage.Container.GetBlobClient(name);
                if (await blob.ExistsAsync() && (await blob.GetPropertiesAsync()).Value.ContentHash is { } existing && existing.AsSpan().SequenceEqual(md5))
                    continue;
                await blob.UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = UploadContentType(bytes, name), ContentHash = md5 } });
                count++;
            }
            report(cli.Positional.Count, "");
            return count;
        });
        Console.WriteLine($"{uploaded} uploaded, {cli.Positional.Count - uploaded} unchanged");
        return 0;
    }

    /// <summary><c>reports ingest FILE...</c>: uploads each file and ingests it at once (no trigger needed); idempotent.</summary>
    public static async Task<int> IngestAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        if (cli.Positional.Count == 0) return Usage("reports ingest FILE... [--connection CS]");
        await using var services = cli.BuildServices();
        var storage = services.GetRequiredService<ReportStorage>();
        var ingestor = services.GetRequiredService<ReportIngestor>();
        await ingestor.EnsureCreatedAsync();
        var failed = 0;
        foreach (var path in cli.Positional)
        {
            var name = Path.GetFileName(path);
            await storage.Container.GetBlobClient(name).UploadAsync(path, overwrite: true);
            var outcome = await ingestor.IngestBlobAsync(name, CancellationToken.None);
            if (outcome.Result == IngestResult.Failed) failed++;
            Console.WriteLine($"{outcome.Result,-9} {name}: {outcome.FactCount} facts{(outcome.Reason is null ? "" : " (" + outcome.Reason + ")")} -> report {outcome.ReportId}");
        }
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// <c>reports wait FILE... [--timeout 120]</c>: waits until the report of each file's current content is
    /// Succeeded or Failed. The blob trigger may miss blobs (Azurite's container scan), so after a few
    /// seconds it also runs the reconciliation pass itself, which ingests whatever is still missing.
    /// </summary>
    public static async Task<int> WaitAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        if (cli.Positional.Count == 0) return Usage("reports wait FILE... [--timeout SECONDS] [--connection CS]");
        var timeout = TimeSpan.FromSeconds(cli.GetInt("timeout", 120));
        await using var services = cli.BuildServices();
        var store = services.GetRequiredService<ReportStore>();
        var ingestor = services.GetRequiredService<ReportIngestor>();
        var expected = new Dictionary<string, (string Name, string Hash)>();
        foreach (var path in cli.Positional)
        {
            var name = Path.GetFileName(path);
            expected[ReportIds.FromBlobName(name)] = (name, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        }
        var clock = Stopwatch.StartNew();
        var (exit, message) = await CliProgress.RunAsync(CliProgress.Console, "ingesting", expected.Count, async report =>
        {
            var nextReconcile = TimeSpan.FromSeconds(5);
            var reconciled = 0;
            while (true)
            {
                var pending = new List<string>();
                foreach (var (id, (name, hash)) in expected)
                {
                    var row = await store.GetAsync(id, CancellationToken.None);
                    if (row is null || !ReportStatus.IsFinal(row.Status) || row.ContentHash != hash) pending.Add(name);
                }
                report(expected.Count - pending.Count, pending.FirstOrDefault() ?? "");
                var also = reconciled > 0 ? $" ({reconciled} by reconciliation, which the trigger had not reached)" : "";
                if (pending.Count == 0) return (0, $"all {expected.Count} reports ingested in {clock.Elapsed.TotalSeconds:F1} s{also}");
                if (clock.Elapsed > timeout) return (1, $"timed out after {timeout.TotalSeconds:F0} s; not ingested: {string.Join(", ", pending)}");
                if (clock.Elapsed > nextReconcile)
                {
                    var summary = await ingestor.ReconcileAsync();
                    reconciled += summary.Ingested + summary.Failed;
                    nextReconcile = clock.Elapsed + TimeSpan.FromSeconds(5);
                }
                await Task.Delay(250);
            }
        });
        (exit == 0 ? Console.Out : Console.Error).WriteLine(message);
        return exit;
    }

    /// <summary>
    /// <c>reports query WHAT [ARG] [--format csv] [--name value ...]</c>: the HTTP API's answers, from the
    /// same Core code, without a running host. WHAT: regions, region NAME, indicator CODE, indicators,
    /// reports, report ID, ranking CODE, attainment CODE, region-attainment NAME.
    /// </summary>
    public static async Task<int> QueryAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        const string usage = "reports query regions | region NAME | indicators | indicator CODE | reports | report ID | ranking CODE | attainment CODE | region-attainment NAME  [--period P] [--kind K] [--level L] [--province P] [--format csv]";
        if (cli.Positional.Count == 0) return Usage(usage);
        var arg = cli.Positional.ElementAtOrDefault(1);
        (string Endpoint, string? RouteName) target = cli.Positional[0] switch
        {
            "regions" => (ApiEndpointNames.ListRegions, null),
            "region" => (ApiEndpointNames.GetRegionFacts, "region"),
            "indicators" => (ApiEndpointNames.ListIndicators, null),
            "indicator" => (ApiEndpointNames.GetIndicatorFacts, "code"),
            "reports" => (ApiEndpointNames.ListReports, null),
            "report" => (ApiEndpointNames.GetReport, "id"),
            "ranking" => (ApiEndpointNames.GetRanking, "code"),
            "attainment" => (ApiEndpointNames.GetAttainment, "code"),
            "region-attainment" => (ApiEndpointNames.GetRegionAttainment, "region"),
            _ => ("", null),
        };
        if (target.Endpoint == "" || (target.RouteName is not null && arg is null)) return Usage(usage);
        await using var services = cli.BuildServices();
        var query = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "indicator", "period", "kind", "level", "province", "format", "all", "page_size", "continuation" })
            if (cli.Get(name) is { } v) query[name] = v;
        var response = await services.GetRequiredService<ApiDispatcher>().HandleAsync(target.Endpoint, new ApiRequest
        {
            RouteValues = target.RouteName is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [target.RouteName] = arg },
            Query = query,
        }, CancellationToken.None);
        var text = response.BodyText;
        if (response.ContentType.StartsWith("application/", StringComparison.Ordinal) && text.Length > 0)
            text = JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        (response.StatusCode < 400 ? Console.Out : Console.Error).WriteLine(text);
        return response.StatusCode < 400 ? 0 : 1;
    }

    internal static int Usage(string usage)
    {
        Console.Error.WriteLine("usage: " + usage);
        return 2;
    }

    /// <summary>The blob's content type by its detected format (text is stored as UTF-8 text/plain, as before).</summary>
    private static string UploadContentType(byte[] bytes, string name) =>
        ReportFunctions.Core.Documents.DocumentSniffer.Detect(bytes, name) is var f && f == ReportFunctions.Core.Documents.ReportFormat.Text
            ? "text/plain; charset=utf-8" : ReportFunctions.Core.Documents.ReportFormats.ContentType(f);
}
