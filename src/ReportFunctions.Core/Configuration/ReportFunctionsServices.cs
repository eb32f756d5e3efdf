using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Configuration;

/// <summary>Everything Core offers, registered once for the Functions app, LocalHost and the CLI.</summary>
public static class ReportFunctionsServices
{
    public static IServiceCollection AddReportFunctionsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportFunctionsOptions>().Bind(configuration);
        services.AddReportStorageClients(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Gazetteer.Default);
        services.TryAddSingleton<ReportExtractor>();
        services.TryAddSingleton<ReportStorage>();
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<DataChangeStamp>();
        services.TryAddSingleton(new ReadCacheSettings());
        services.TryAddSingleton<ReadCache>();
        services.TryAddSingleton<ReportIngestor>();
        services.TryAddSingleton<FactQueries>();
        services.TryAddSingleton<IFactReader>(sp => sp.GetRequiredService<FactQueries>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, FactsApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, ReportTextApi>());
        services.TryAddSingleton<RankingStore>();
        services.TryAddSingleton<AttainmentStore>();
        services.TryAddSingleton<RankingRefresher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, RankingApiModule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, AmplificationApi>());
        services.TryAddSingleton<ApiDispatcher>();
        return services;
    }

    /// <summary>
    /// The hosts' start-up step that creates every container and table once per process (<see cref="StorageStartup"/>), and
    /// the poll of the data-change stamp that keeps the answer cache fresh (<see cref="DataChangeWatcher"/>; without it, as in
    /// the CLI, the cache serves nothing from memory).
    /// </summary>
    public static IServiceCollection AddReportStorageStartup(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StorageStartup>());
        // Each instance polls the data-change stamp, so its cached answers (ReadCache) follow changes made anywhere.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DataChangeWatcher>());
        return services;
    }

    /// <summary>The Azure SDK's log categories (<c>Azure.Core</c>, <c>Azure.Storage.Blobs</c>, <c>Azure.Identity</c>...).</summary>
    public const string AzureSdkLogCategories = "Azure.*";

    /// <summary>The least level of the Azure SDK's logs that reaches the hosts' loggers.</summary>
    public const LogLevel AzureSdkMinimumLevel = LogLevel.Warning;

    /// <summary>
    /// Keeps the Azure SDK's request and response logs (forwarded at Information by <c>AddAzureClients</c>: dozens per
    /// ingestion, billed telemetry in Azure) out of the hosts' logs: <c>Azure.*</c> categories log Warning and above.
    /// Every host calls this.
    /// </summary>
    public static ILoggingBuilder AddReportFunctionsLogFilters(this ILoggingBuilder logging) =>
        logging.AddFilter(AzureSdkLogCategories, AzureSdkMinimumLevel);
}
