using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;

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
        services.TryAddSingleton<ApiDispatcher>();
        return services;
    }
}
