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
    /// <summary>A PDF with more pages is Failed before any page is read.</summary>
    public const string MaxPdfPages = "MAX_PDF_PAGES";
    /// <summary>Total bytes a document may decompress to: the XML parts of a .docx, the Flate streams of a PDF (zip bombs stop here).</summary>
    public const string MaxDecompressedBytes = "MAX_DECOMPRESSED_BYTES";
    /// <summary>Deepest element nesting of a web page accepted.</summary>
    public const string MaxHtmlDepth = "MAX_HTML_DEPTH";
    /// <summary>Seconds reading one document's text (PDF, web page, Word) may take.</summary>
    public const string DocumentReadTimeoutSeconds = "DOCUMENT_READ_TIMEOUT_SECONDS";
}
