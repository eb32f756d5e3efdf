using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Ingestion;

namespace ReportFunctions.LocalHost.Jobs;

/// <summary>
/// The WebJobs SDK's blob trigger on <c>reports/{name}</c>: LocalHost's IngestReport, over the same Core path. Its source is
/// Event Grid, as in the Functions app's Release build; on Azurite the events come from <see cref="BlobCreatedEvents"/>.
/// </summary>
public sealed class IngestReportJob(ReportIngestor ingestor, ILogger<IngestReportJob> logger)
{
    public const string Name = "IngestReport";

    [FunctionName(Name)]
    public async Task Run(
        [BlobTrigger(StorageNames.ReportsBlobPath, Source = BlobTriggerSource.EventGrid, Connection = AppSettingNames.Storage)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestBlobAsync(name, cancellationToken);
        logger.LogInformation("{Blob}: {Outcome}", name, outcome);
    }
}
