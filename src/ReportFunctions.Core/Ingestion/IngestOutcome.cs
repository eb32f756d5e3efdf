namespace ReportFunctions.Core.Ingestion;

public enum IngestResult
{
    /// <summary>Facts stored and made current.</summary>
    Succeeded,
    /// <summary>Recorded as Failed with a reason (content error, or attempts exhausted).</summary>
    Failed,
    /// <summary>Same content already Succeeded or Failed: nothing done.</summary>
    Skipped,
}

/// <summary>What one ingestion did.</summary>
public sealed record IngestOutcome(string ReportId, string BlobName, IngestResult Result, int FactCount = 0, string? Reason = null, string? ContentHash = null);

/// <summary>What one reconciliation pass did.</summary>
public sealed record ReconcileSummary(int Blobs, int Ingested, int Skipped, int Failed, int Errors);
