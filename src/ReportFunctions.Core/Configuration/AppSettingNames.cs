namespace ReportFunctions.Core.Configuration;

/// <summary>
/// Names of every app setting, the same in local.settings.sample.json, the Bicep app settings
/// and LocalHost's appsettings.json (a test asserts the three lists agree).
/// </summary>
public static class AppSettingNames
{
    /// <summary>The storage connection (connection string, or identity-based <c>__blobServiceUri</c> etc.).</summary>
    public const string Storage = "AzureWebJobsStorage";
    /// <summary>NCRONTAB (six fields, with seconds) schedule of the ranking refresh.</summary>
    public const string RankingSchedule = "RANKING_SCHEDULE";
    /// <summary>NCRONTAB schedule of the reconciliation pass that ingests blobs the trigger missed.</summary>
    public const string ReconcileSchedule = "RECONCILE_SCHEDULE";
    /// <summary>Largest report accepted, in bytes.</summary>
    public const string MaxReportBytes = "MAX_REPORT_BYTES";
    /// <summary>How many times a report that keeps failing is tried before it is marked Failed.</summary>
    public const string MaxIngestAttempts = "MAX_INGEST_ATTEMPTS";

    /// <summary>Application Insights (set by the platform, infra/): the Functions app registers worker telemetry only when it is set.</summary>
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
}
