using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Functions;
using ReportFunctions.IntegrationTests.Support;
using ReportFunctions.LocalHost;

namespace ReportFunctions.IntegrationTests.Hosts;

/// <summary>Both hosts keep the Azure SDK's request/response logs (categories <c>Azure.*</c>) to Warning and above.</summary>
public sealed class HostLoggingTests
{
    private static void AssertAzureSdkFiltered(ILoggerFactory factory)
    {
        foreach (var category in new[] { "Azure.Core", "Azure.Storage.Blobs", "Azure.Identity", "Azure.Data.Tables" })
        {
            var logger = factory.CreateLogger(category);
            Assert.False(logger.IsEnabled(LogLevel.Information), $"{category} Information is enabled");
            Assert.True(logger.IsEnabled(LogLevel.Warning), $"{category} Warning is disabled");
        }
        // The app's own categories still log Information.
        Assert.True(factory.CreateLogger("ReportFunctions.Core.Ingestion.ReportIngestor").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Functions_app_filters_Azure_sdk_categories_to_warning()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSettingNames.Storage] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider()));
        services.AddReportFunctionsApp(configuration);
        using var provider = services.BuildServiceProvider();
        AssertAzureSdkFiltered(provider.GetRequiredService<ILoggerFactory>());
    }

    [Fact]
    public async Task LocalHost_filters_Azure_sdk_categories_to_warning_with_its_appsettings()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "ReportFunctions.LocalHost"),
            EnvironmentName = "Development",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddReportFunctionsLocalHost(builder.Configuration);
        await using var app = builder.Build();
        AssertAzureSdkFiltered(app.Services.GetRequiredService<ILoggerFactory>());
    }

    [Fact]
    public void Without_the_filter_Azure_core_information_would_be_enabled()
    {
        // The filter is what disables it (not the default level).
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Information).AddProvider(new CapturingLoggerProvider()));
        using var provider = services.BuildServiceProvider();
        Assert.True(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
    }
}
