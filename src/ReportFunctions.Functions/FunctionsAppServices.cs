using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Functions;

/// <summary>The Functions app's services, as Program.cs registers them (tests build the same).</summary>
public static class FunctionsAppServices
{
    /// <summary>The logger provider of worker telemetry (Microsoft.Extensions.Logging.ApplicationInsights).</summary>
    public const string AppInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static IServiceCollection AddReportFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.AddReportFunctionsLogFilters());
        // Storage clients come from the AzureWebJobsStorage connection (Microsoft.Extensions.Azure's AddAzureClients).
        services.AddReportFunctionsCore(configuration);
        services.AddReportStorageStartup();
        if (!string.IsNullOrWhiteSpace(configuration[AppSettingNames.AppInsightsConnectionString]))
            services.AddWorkerTelemetry();
        return services;
    }

    /// <summary>
    /// Worker telemetry to Application Insights (the host's own logs go there anyway): the worker's logs, among them
    /// one structured entry per ingestion (ReportIngestor), and its dependencies.
    /// </summary>
    private static void AddWorkerTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        // The Application Insights logger provider adds a rule that keeps it to Warning and above; without it, the
        // app's Information logs (one per ingestion) reach Application Insights, and the Azure.* filter still applies.
        services.Configure<LoggerFilterOptions>(options =>
            options.Rules.RemoveAll(r => r.ProviderName == AppInsightsLoggerProvider && r.CategoryName is null));
    }

    private static void RemoveAll(this IList<LoggerFilterRule> rules, Func<LoggerFilterRule, bool> match)
    {
        for (var i = rules.Count - 1; i >= 0; i--)
            if (match(rules[i])) rules.RemoveAt(i);
    }
}
