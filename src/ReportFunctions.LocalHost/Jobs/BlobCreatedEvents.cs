using System.Threading.Channels;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Azure.WebJobs;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.LocalHost.Jobs;

/// <summary>
/// What Event Grid does for the Functions app in Azure, for Azurite, which has no Event Grid: finds each blob created or
/// replaced in <c>reports</c> and runs the WebJobs SDK's blob-triggered function (<see cref="IngestReportJob"/>) for it
/// through the SDK (<see cref="IJobHost.CallAsync(string, IDictionary{string, object}, CancellationToken)"/>),
/// <see cref="Workers"/> at a time. The SDK's own container scan, which LocalHost no longer uses (the trigger's source is
/// Event Grid), looks every 10 s and then hands blobs over one by one through a queue, with a receipt and a lease per blob:
/// 1,000 uploads took 38 s to be queryable (issue 14), most of it waiting and bookkeeping.
/// <para>
/// Changes are found by listing the container every <see cref="Interval"/> (longer when a listing takes long) and
/// comparing ETags with the previous listing. The first listing is the baseline: what was uploaded while LocalHost was down
/// is the start-up reconciliation pass's, and a blob whose ingestion threw is retried by the next pass, as in Azure.
/// </para>
/// </summary>
public sealed class BlobCreatedEvents(IJobHost host, ReportStorage storage, ILogger<BlobCreatedEvents> logger) : BackgroundService
{
    /// <summary>The listing interval when a listing is quick; a listing that takes d waits 4·d before the next.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Blobs ingested at once. Ingestion waits on storage; the more at once, the more of their rows share transactions
    /// (<c>reports bench-ingest</c> on Azurite: 71 and 66 reports/s at 32, 51 and 49 at 16, 11.4 against 13.2 requests per report).
    /// </summary>
    public const int Workers = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var created = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        var workers = Enumerable.Range(0, Workers).Select(_ => RunWorkerAsync(created.Reader, stoppingToken)).ToList();
        try
        {
            await WatchAsync(created.Writer, stoppingToken);
        }
        finally
        {
            created.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }

    private async Task WatchAsync(ChannelWriter<string> created, CancellationToken stoppingToken)
    {
        Dictionary<string, string>? known = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var listing = TimeSpan.Zero;
            try
            {
                var started = TimeProvider.System.GetTimestamp();
                var current = new Dictionary<string, string>(known?.Count ?? 0, StringComparer.Ordinal);
                var found = new List<string>();
                await foreach (var blob in storage.Container.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    var etag = blob.Properties.ETag?.ToString() ?? "";
                    current[blob.Name] = etag;
                    if (known is not null && (!known.TryGetValue(blob.Name, out var before) || before != etag)) found.Add(blob.Name);
                }
                listing = TimeProvider.System.GetElapsedTime(started);
                known = current;
                foreach (var name in found) await created.WriteAsync(name, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Listing {Container} for new blobs failed; trying again", storage.Container.Name);
            }
            try { await Task.Delay(listing * 4 > Interval ? listing * 4 : Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task RunWorkerAsync(ChannelReader<string> created, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var name in created.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await host.CallAsync(IngestReportJob.Name, new Dictionary<string, object?> { ["blob"] = storage.Container.GetBlockBlobClient(name) }, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The function logs its own failures; the reconciliation pass tries the blob again.
                    logger.LogWarning(ex, "Blob {Blob} was not ingested; the reconciliation pass tries it again", name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
