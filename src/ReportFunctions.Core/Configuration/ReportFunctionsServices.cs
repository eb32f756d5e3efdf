using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<ReportIngestor>();
        services.TryAddSingleton<FactQueries>();
        services.TryAddSingleton<IFactReader>(sp => sp.GetRequiredService<FactQueries>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, FactsApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, ReportTextApi>());
        services.TryAddSingleton<RankingStore>();
        services.TryAddSingleton<AttainmentStore>();
        services.TryAddSingleton<RankingRefresher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, RankingApiModule>());
        services.TryAddSingleton<ApiDispatcher>();
        return services;
    }
}
