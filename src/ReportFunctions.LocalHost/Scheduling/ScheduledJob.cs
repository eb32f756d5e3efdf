using Cronos;

namespace ReportFunctions.LocalHost.Scheduling;

/// <summary>
/// LocalHost's stand-in for a Functions timer trigger: runs a job on an NCRONTAB schedule (six fields,
/// with seconds, as Azure Functions reads it) parsed by Cronos. A run that fails is logged and the
/// schedule goes on; runs never overlap.
/// </summary>
public sealed class ScheduledJob(
    string name,
    string schedule,
    Func<IServiceProvider, CancellationToken, Task> run,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ScheduledJob> logger,
    bool runOnStartup = false) : BackgroundService
{
    public static CronExpression Parse(string schedule) =>
        CronExpression.Parse(schedule, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cron = Parse(schedule);
        logger.LogInformation("{Job} scheduled by '{Schedule}'", name, schedule);
        if (runOnStartup) await RunOnceAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = cron.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc);
            if (next is null) return;
            try { await Task.Delay(next.Value - now.UtcDateTime, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await run(services, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Job} failed; it runs again at its next occurrence", name);
        }
    }
}
