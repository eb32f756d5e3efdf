using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using ReportFunctions.Functions;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Hosts;

/// <summary>
/// The Functions app registers worker telemetry (Application Insights) when APPLICATIONINSIGHTS_CONNECTION_STRING is
/// set, and each ingestion logs one entry with report id, status, facts, duration and engine version as fields.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private static ServiceProvider BuildFunctionsServices(string? appInsights)
    {
        var settings = new Dictionary<string, string?> { [AppSettingNames.Storage] = "UseDevelopmentStorage=true" };
        if (appInsights is not null) settings[AppSettingNames.AppInsightsConnectionString] = appInsights;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReportFunctionsApp(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Worker_telemetry_is_registered_when_the_connection_string_is_set()
    {
        // An ingestion endpoint nothing listens on: nothing leaves this machine.
        await using var provider = BuildFunctionsServices("InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/");

        Assert.NotNull(provider.GetService<TelemetryClient>());
        var loggerProviders = provider.GetServices<ILoggerProvider>().Select(p => p.GetType().FullName).ToList();
        Assert.Contains(FunctionsAppServices.AppInsightsLoggerProvider, loggerProviders);

        // Its default Warning-only rule is removed, so the per-ingestion Information entry reaches it; Azure.* stays at Warning.
        var rules = provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;
        Assert.DoesNotContain(rules, r => r.ProviderName == FunctionsAppServices.AppInsightsLoggerProvider && r.CategoryName is null);
        var factory = provider.GetRequiredService<ILoggerFactory>();
        Assert.True(factory.CreateLogger<ReportIngestor>().IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task Worker_telemetry_is_not_registered_without_the_connection_string()
    {
        await using var provider = BuildFunctionsServices(null);
        Assert.Null(provider.GetService<TelemetryClient>());
        Assert.DoesNotContain(provider.GetServices<ILoggerProvider>(), p => p.GetType().FullName == FunctionsAppServices.AppInsightsLoggerProvider);
    }

    [Fact]
    public async Task Each_ingestion_logs_report_id_status_facts_duration_and_engine_version_as_fields()
    {
        var capture = new CapturingLoggerProvider();
        var storage = new ReportStorage(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString),
            "tel" + Guid.NewGuid().ToString("N")[..8]);
        await storage.EnsureCreatedAsync();
        var ingestor = new ReportIngestor(new ReportStore(storage, NullLogger<ReportStore>.Instance), new ReportExtractor(),
            Options.Create(new ReportFunctionsOptions()), TimeProvider.System, capture.CreateLogger<ReportIngestor>());
        var seed = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order().First();
        var name = Path.GetFileName(seed);

        var first = await ingestor.IngestAsync(name, File.OpenRead(seed), CancellationToken.None);
        var second = await ingestor.IngestAsync(name, File.OpenRead(seed), CancellationToken.None);
        var failed = await ingestor.IngestAsync("empty.txt", new MemoryStream(Encoding.UTF8.GetBytes("   ")), CancellationToken.None);

        var entries = capture.Entries.Where(e => e.EventId.Name == ReportIngestor.IngestionEventName).ToList();
        Assert.Equal(3, entries.Count);
        AssertFields(entries[0], first, "Succeeded");
        Assert.True(first.FactCount > 0);
        AssertFields(entries[1], second, "Skipped");
        AssertFields(entries[2], failed, "Failed");
        Assert.All(entries, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.All(entries, e => Assert.Equal(typeof(ReportIngestor).FullName, e.Category));
    }

    private static void AssertFields(CapturedLog entry, IngestOutcome outcome, string status)
    {
        Assert.Equal(status, outcome.Result.ToString());
        Assert.Equal(outcome.ReportId, entry.Fields["ReportId"]);
        Assert.Equal(status, entry.Fields["Status"]);
        Assert.Equal(outcome.FactCount, entry.Fields["Facts"]);
        Assert.IsType<long>(entry.Fields["DurationMs"]);
        Assert.InRange((long)entry.Fields["DurationMs"]!, 0, 60_000);
        Assert.Equal(ReportExtractor.EngineVersion, entry.Fields["EngineVersion"]);
        Assert.Contains(outcome.ReportId, entry.Message);
    }
}
