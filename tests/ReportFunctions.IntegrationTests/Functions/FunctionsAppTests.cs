using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Functions;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Functions;

/// <summary>
/// The Functions app's classes called as the Functions host calls them, over Core registered the way the app's
/// Program.cs registers it, against a real Azurite of their own.
/// </summary>
public sealed class FunctionsAppTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSettingNames.Storage] = _azurite.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReportFunctionsCore(configuration);
        services.AddTransient<HttpApiFunctions>();
        services.AddTransient<IngestReportFunction>();
        services.AddTransient<ReconcileReportsFunction>();
        services.AddTransient<RefreshRankingsFunction>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Blob_trigger_reconcile_timer_ranking_timer_and_http_functions_work_over_core()
    {
        var container = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(StorageNames.ReportsContainer);
        await container.CreateIfNotExistsAsync();
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order().ToList();

        // IngestReport, as the blob trigger calls it.
        var jiaxing = seeds.Single(s => s.EndsWith("004_307afd3bdd958b57.txt"));
        var blob = container.GetBlobClient(Path.GetFileName(jiaxing));
        await blob.UploadAsync(jiaxing, overwrite: true);
        await _services.GetRequiredService<IngestReportFunction>().Run(blob, blob.Name, CancellationToken.None);

        // ReconcileReports ingests what no trigger delivered.
        foreach (var seed in seeds.Where(s => s != jiaxing))
            await container.GetBlobClient(Path.GetFileName(seed)).UploadAsync(seed, overwrite: true);
        await _services.GetRequiredService<ReconcileReportsFunction>().Run(new TimerInfo(), CancellationToken.None);

        // RefreshRankings computes the rankings the HTTP API serves.
        await _services.GetRequiredService<RefreshRankingsFunction>().Run(new TimerInfo(), CancellationToken.None);

        var http = _services.GetRequiredService<HttpApiFunctions>();
        var (status, body) = await Execute(await http.ListReports(Request("/api/reports"), CancellationToken.None));
        Assert.Equal(200, status);
        var reports = body.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(5, reports.Count);
        Assert.All(reports, r => Assert.Equal("Succeeded", r.GetProperty("status").GetString()));

        (status, body) = await Execute(await http.GetRegionFacts(Request("/api/regions/jiaxing/facts"), "jiaxing", CancellationToken.None));
        Assert.Equal(200, status);
        Assert.Equal("Jiaxing", body.GetProperty("region").GetString());
        Assert.True(body.GetProperty("facts").GetArrayLength() >= 10);

        // The Functions host hands the function the decoded route value of /api/regions/%E5%98%89%E5%85%B4/facts: 嘉兴.
        var (zhStatus, zh) = await Execute(await http.GetRegionFacts(Request("/api/regions/%E5%98%89%E5%85%B4/facts"), "嘉兴", CancellationToken.None));
        Assert.Equal(200, zhStatus);
        Assert.Equal(("Jiaxing", "嘉兴市"), (zh.GetProperty("region").GetString(), zh.GetProperty("name_zh").GetString()));
        Assert.Equal(body.GetProperty("facts").GetArrayLength(), zh.GetProperty("facts").GetArrayLength());

        // gdp_growth actual is stated by several cities' reports for different years; the ranking exists for at least one.
        (status, body) = await Execute(await http.GetRanking(Request("/api/rankings/gdp_growth", "?kind=target"), "gdp_growth", CancellationToken.None));
        Assert.True(status is 200 or 404, body.ToString());

        (status, body) = await Execute(await http.GetRegionFacts(Request("/api/regions/atlantis/facts"), "atlantis", CancellationToken.None));
        Assert.Equal(404, status);
        Assert.Contains("atlantis", body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        (status, _) = await Execute(await http.Health(Request("/api/health"), CancellationToken.None));
        Assert.Equal(200, status);
    }

    [Fact]
    public void Blob_trigger_source_follows_the_build()
    {
        var attribute = typeof(IngestReportFunction).GetMethod(nameof(IngestReportFunction.Run))!.GetParameters()[0]
            .GetCustomAttributes(typeof(BlobTriggerAttribute), false).Cast<BlobTriggerAttribute>().Single();
        Assert.Equal(StorageNames.ReportsBlobPath, attribute.BlobPath);
        Assert.Equal(AppSettingNames.Storage, attribute.Connection);
#if DEBUG
        Assert.Equal(BlobTriggerSource.LogsAndContainerScan, attribute.Source); // func start on Azurite polls
#else
        Assert.Equal(BlobTriggerSource.EventGrid, attribute.Source); // Flex Consumption takes Event Grid events
#endif
    }

    [Fact]
    public void Every_http_function_uses_function_keys_and_a_shared_route()
    {
        var triggers = typeof(HttpApiFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Trigger: m.GetParameters().SelectMany(p => p.GetCustomAttributes(typeof(HttpTriggerAttribute), false)).Cast<HttpTriggerAttribute>().SingleOrDefault()))
            .Where(x => x.Trigger is not null).ToList();
        var routes = typeof(ApiRoutes).GetFields().Where(f => f.IsLiteral && f.Name != nameof(ApiRoutes.Prefix)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal(17, triggers.Count);
        // Every API route takes a function key; only the dashboard's static files (no data) are anonymous (DashboardFunctionTests).
        Assert.All(triggers.Where(t => t.Method.DeclaringType != typeof(DashboardFunction)), t => Assert.Equal(AuthorizationLevel.Function, t.Trigger!.AuthLevel));
        Assert.Equal(ApiRoutes.Dashboard, triggers.Single(t => t.Trigger!.AuthLevel != AuthorizationLevel.Function).Trigger!.Route);
        Assert.All(triggers, t => Assert.Contains(t.Trigger!.Route!, routes));
        Assert.Equal(routes, triggers.Select(t => t.Trigger!.Route!).ToHashSet());
    }

    private static HttpRequest Request(string path, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private static async Task<(int Status, JsonElement Body)> Execute(IActionResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        body.Position = 0;
        var json = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        return (context.Response.StatusCode, json);
    }
}
