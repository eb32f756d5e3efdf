using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// The hosts' start-up step: creates every container and table the app uses (names in
/// <see cref="Configuration.StorageNames"/>) once per process, so that ingestion, reconciliation and the ranking
/// refresh issue no create-if-not-exists request (each of which logs a 409 when the resource exists).
/// If storage cannot be reached now, the first use creates them instead (the once-per-instance step is retried).
/// </summary>
public sealed partial class StorageStartup(ReportStorage storage, RankingRefresher refresher, DataChangeStamp stamp, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await refresher.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await stamp.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            LogCreated(logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotCreated(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage containers and tables are in place")]
    private static partial void LogCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create the storage containers and tables at start-up; their first use will")]
    private static partial void LogNotCreated(ILogger logger, Exception exception);
}
