using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Ingestion;

namespace ReportFunctions.Functions;

/// <summary>
/// Ingests every blob in <c>reports</c> whose content has no Succeeded or Failed report row: the safety
/// net for blob events that were missed (at start-up and on <c>RECONCILE_SCHEDULE</c>).
/// </summary>
public sealed class ReconcileReportsFunction(ReportIngestor ingestor, ILogger<ReconcileReportsFunction> logger)
{
    public const string Name = "ReconcileReports";

    [Function(Name)]
    public async Task Run([TimerTrigger("%RECONCILE_SCHEDULE%", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await ingestor.ReconcileAsync(cancellationToken);
        logger.LogInformation("Reconciled reports: {Summary}", summary);
    }
}
