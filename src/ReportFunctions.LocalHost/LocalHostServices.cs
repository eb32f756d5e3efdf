using ReportFunctions.Core.Configuration;
using ReportFunctions.LocalHost.Scheduling;

namespace ReportFunctions.LocalHost;

/// <summary>LocalHost's services besides the WebJobs SDK, as Program.cs registers them (tests build the same).</summary>
public static class LocalHostServices
{
    public static IServiceCollection AddReportFunctionsLocalHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.AddReportFunctionsLogFilters());
        services.AddReportFunctionsCore(configuration);
        services.AddReportStorageStartup();
        services.AddReportFunctionsSchedules();
        return services;
    }
}
