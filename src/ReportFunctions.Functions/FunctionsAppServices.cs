using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Functions;

/// <summary>The Functions app's services, as Program.cs registers them (tests build the same).</summary>
public static class FunctionsAppServices
{
    public static IServiceCollection AddReportFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.AddReportFunctionsLogFilters());
        // Storage clients come from the AzureWebJobsStorage connection (Microsoft.Extensions.Azure's AddAzureClients).
        services.AddReportFunctionsCore(configuration);
        services.AddReportStorageStartup();
        return services;
    }
}
