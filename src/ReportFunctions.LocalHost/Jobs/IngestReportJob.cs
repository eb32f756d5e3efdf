using Microsoft.Azure.WebJobs;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.LocalHost.Jobs;

/// <summary>The WebJobs SDK's blob trigger on <c>reports/{name}</c>: LocalHost's IngestReport.</summary>
public sealed class IngestReportJob(ILogger<IngestReportJob> logger)
{
    [FunctionName("IngestReport")]
    public Task Run([BlobTrigger(StorageNames.ReportsBlobPath, Connection = AppSettingNames.Storage)] Stream blob, string name, CancellationToken cancellationToken)
    {
        logger.LogInformation("blob {Name} ({Length} bytes)", name, blob.Length);
        return Task.CompletedTask;
    }
}
