using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Api;

/// <summary>
/// Each instance's poll of the <see cref="DataChangeStamp"/> row: one point read every
/// <see cref="ReadCacheSettings.PollInterval"/> (not per request), handed to <see cref="ReadCache.Observe"/>, which drops
/// the answers of an area that changed. While reads fail, the cache stops serving after <see cref="ReadCacheSettings.TrustFor"/>.
/// Both hosts run it (registered with the start-up step, <see cref="Configuration.ReportFunctionsServices.AddReportStorageStartup"/>).
/// </summary>
public sealed partial class DataChangeWatcher(DataChangeStamp stamp, ReadCache cache, TimeProvider time, ILogger<DataChangeWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(cache.Settings.PollInterval, time);
        var lastWarning = DateTimeOffset.MinValue;
        do
        {
            var started = time.GetUtcNow();
            try
            {
                var stamps = await stamp.ReadAsync(stoppingToken).ConfigureAwait(false);
                cache.Observe(stamps, started);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                cache.Observe(null, started); // the table does not exist yet: nothing was touched
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                if (started - lastWarning >= WarnEvery)
                {
                    lastWarning = started;
                    LogReadFailed(logger, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the data-change stamp; cached answers are not served until it can be read")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
