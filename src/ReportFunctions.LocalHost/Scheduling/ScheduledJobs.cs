using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.LocalHost.Scheduling;

/// <summary>LocalHost's timers: the same schedules (app settings) and Core calls as the Functions app's timer triggers.</summary>
public static class ScheduledJobs
{
    public static IServiceCollection AddReportFunctionsSchedules(this IServiceCollection services)
    {
        services.AddHostedService(sp => Create(sp, "ReconcileReports", o => o.ReconcileSchedule, runOnStartup: true,
            async (s, ct) => s.GetRequiredService<ILogger<ScheduledJob>>().LogInformation("Reconciled reports: {Summary}",
                await s.GetRequiredService<ReportIngestor>().ReconcileAsync(ct))));
        services.AddHostedService(sp => Create(sp, "RefreshRankings", o => o.RankingSchedule, runOnStartup: false,
            async (s, ct) => s.GetRequiredService<ILogger<ScheduledJob>>().LogInformation("Rankings refreshed: {Summary}",
                await s.GetRequiredService<RankingRefresher>().RefreshAsync(ct))));
        return services;
    }

    private static ScheduledJob Create(IServiceProvider sp, string name, Func<ReportFunctionsOptions, string> schedule, bool runOnStartup,
        Func<IServiceProvider, CancellationToken, Task> run) =>
        new(name, schedule(sp.GetRequiredService<IOptions<ReportFunctionsOptions>>().Value), run, sp,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ScheduledJob>>(), runOnStartup);
}
