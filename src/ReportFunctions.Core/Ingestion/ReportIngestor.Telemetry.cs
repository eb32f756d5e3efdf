using Microsoft.Extensions.Logging;

namespace ReportFunctions.Core.Ingestion;

/// <summary>One structured log entry per ingestion (its fields reach Application Insights as custom dimensions).</summary>
public sealed partial class ReportIngestor
{
    /// <summary>The event of the per-ingestion entry.</summary>
    public const string IngestionEventName = "ReportIngestion";

    [LoggerMessage(EventId = 1100, EventName = IngestionEventName, Level = LogLevel.Information,
        Message = "Ingestion of report {ReportId} ({BlobName}): {Status}, {Facts} facts in {DurationMs} ms, engine {EngineVersion}")]
    private static partial void LogIngestion(ILogger logger, string reportId, string blobName, string status, int facts, long durationMs, string engineVersion);

    [LoggerMessage(EventId = 1101, EventName = IngestionEventName + "Error", Level = LogLevel.Warning,
        Message = "Ingestion of report {ReportId} ({BlobName}): {Status} after {DurationMs} ms, engine {EngineVersion}; it is retried")]
    private static partial void LogIngestionError(ILogger logger, string reportId, string blobName, string status, long durationMs, string engineVersion, Exception exception);
}
