using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Ingestion;

namespace ReportFunctions.Functions;

/// <summary>Whether the reconciliation pass also runs when the host starts.</summary>
public static class ReconcileTrigger
{
#if DEBUG
    /// <summary>Debug builds (func start on Azurite): a pass at start-up picks up what was uploaded while the host was down.</summary>
    public const bool RunOnStartup = true;
#else
    /// <summary>Release builds (Azure, Flex Consumption): not at start-up, or every new instance of a scale-out would run a pass;
    /// the schedule alone reconciles.</summary>
    public const bool RunOnStartup = false;
#endif
}

/// <summary>
/// Ingests every blob in <c>reports</c> whose content has no Succeeded or Failed report row: the safety
/// net for blob events that were missed (on <c>RECONCILE_SCHEDULE</c>, and at start-up in Debug builds; LocalHost always at start-up).
/// </summary>
public sealed class ReconcileReportsFunction(ReportIngestor ingestor, ILogger<ReconcileReportsFunction> logger)
{
    public const string Name = "ReconcileReports";

    [Function(Name)]
    public async Task Run([TimerTrigger("%RECONCILE_SCHEDULE%", RunOnStartup = ReconcileTrigger.RunOnStartup)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await ingestor.ReconcileAsync(cancellationToken);
        logger.LogInformation("Reconciled reports: {Summary}", summary);
    }
}
