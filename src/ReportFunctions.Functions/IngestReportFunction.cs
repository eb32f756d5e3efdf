using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Ingestion;

namespace ReportFunctions.Functions;

/// <summary>Where the blob trigger's events come from (docs/deploy.md).</summary>
internal static class IngestTrigger
{
#if BLOB_TRIGGER_POLLING
    /// <summary>Debug builds (func start on Azurite): the host scans the container.</summary>
    public const BlobTriggerSource Source = BlobTriggerSource.LogsAndContainerScan;
#else
    /// <summary>Release builds (azd deploy to Flex Consumption): Event Grid BlobCreated events.</summary>
    public const BlobTriggerSource Source = BlobTriggerSource.EventGrid;
#endif
}

/// <summary>A report uploaded to <c>reports/{name}</c> is parsed into facts (the one ingestion path in Core).</summary>
public sealed class IngestReportFunction(ReportIngestor ingestor, ILogger<IngestReportFunction> logger)
{
    public const string Name = "IngestReport";

    [Function(Name)]
    public async Task Run(
        [BlobTrigger(StorageNames.ReportsBlobPath, Source = IngestTrigger.Source, Connection = AppSettingNames.Storage)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestBlobAsync(name, cancellationToken);
        logger.LogInformation("{Blob}: {Outcome}", name, outcome);
    }
}
