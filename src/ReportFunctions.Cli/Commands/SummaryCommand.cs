using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Cli.Commands;

/// <summary><c>reports summary [--ranking CODE]</c>: what is loaded: reports with their status and facts, regions, and one ranking (the first that exists unless CODE is given).</summary>
public static class SummaryCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = CliOptions.Parse(args);
        await using var services = cli.BuildServices();
        var api = services.GetRequiredService<ApiDispatcher>();

        var reports = await GetJson(api, ApiEndpointNames.ListReports, query: new() { ["page_size"] = "1000" });
        Console.WriteLine("Reports:");
        foreach (var r in reports.GetProperty("reports").EnumerateArray())
        {
            var error = r.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? "  (" + e.GetString() + ")" : "";
            Console.WriteLine($"  {Str(r, "name"),-36} {Str(r, "status"),-10} {Str(r, "region"),-12} {Num(r, "year"),-5} {Num(r, "fact_count"),4} facts{error}");
        }

        var regions = await GetJson(api, ApiEndpointNames.ListRegions);
        Console.WriteLine("Regions:");
        foreach (var r in regions.GetProperty("regions").EnumerateArray())
            Console.WriteLine($"  {Str(r, "name"),-12} {Str(r, "level"),-9} {Str(r, "province"),-12} reports for {string.Join(", ", r.GetProperty("report_years").EnumerateArray().Select(y => y.ToString()))}");

        // The ranking asked for, or else the first one that exists (catalog order; actual before target, cities before provinces).
        var candidates = cli.Get("ranking") is { } asked
            ? [(asked, FactKinds.Actual, RegionLevels.City)]
            : from i in IndicatorCatalog.All from k in FactKinds.All from l in new[] { RegionLevels.City, RegionLevels.Province } select (i.Code, k, l);
        foreach (var (code, kind, level) in candidates)
        {
            var ranking = await api.HandleAsync(ApiEndpointNames.GetRanking, new ApiRequest
            {
                RouteValues = new Dictionary<string, string?> { ["code"] = code },
                Query = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["format"] = "csv", ["kind"] = kind, ["level"] = level },
            }, CancellationToken.None);
            if (ranking.StatusCode != 200) continue;
            Console.WriteLine($"Ranking of {code} ({level} level, {kind}, latest period):");
            foreach (var line in ranking.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine("  " + line);
            return 0;
        }
        Console.WriteLine("Rankings: none yet (a ranking needs at least two regions stating the same indicator, period and kind).");
        return 0;
    }

    private static async Task<JsonElement> GetJson(ApiDispatcher api, string endpoint, Dictionary<string, string?>? query = null)
    {
        var response = await api.HandleAsync(endpoint, new ApiRequest
        {
            Query = query ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase),
        }, CancellationToken.None);
        if (response.StatusCode != 200) throw new InvalidOperationException($"{endpoint}: {response.StatusCode} {response.BodyText}");
        return JsonDocument.Parse(response.BodyText).RootElement.Clone();
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.ToString() : "";
}
