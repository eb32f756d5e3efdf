using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Ingestion;

namespace ReportFunctions.LocalHost.Jobs;

/// <summary>The WebJobs SDK's blob trigger on <c>reports/{name}</c>: LocalHost's IngestReport, over the same Core path.</summary>
public sealed class IngestReportJob(ReportIngestor ingestor, ILogger<IngestReportJob> logger)
{
    [FunctionName("IngestReport")]
    public async Task Run(
        [BlobTrigger(StorageNames.ReportsBlobPath, Connection = AppSettingNames.Storage)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestBlobAsync(name, cancellationToken);
        logger.LogInformation("{Blob}: {Outcome}", name, outcome);
    }
}
