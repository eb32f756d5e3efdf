namespace ReportFunctions.Core.Configuration;

/// <summary>Every container and table the app uses, named once for all hosts.</summary>
public static class StorageNames
{
    /// <summary>Reports are uploaded here; each blob is one report.</summary>
    public const string ReportsContainer = "reports";
    /// <summary>Blob trigger path used by the Functions app and LocalHost.</summary>
    public const string ReportsBlobPath = ReportsContainer + "/{name}";

    /// <summary>
    /// The plain text read from each report (whatever its format), which evidence offsets refer to: blob
    /// <see cref="TextBlobName"/> of this container. Not the reports container, so the blob trigger never sees it.
    /// </summary>
    public const string TextsContainer = "report-texts";

    /// <summary>The name of a report's text blob in <see cref="TextsContainer"/>: <c>{id}.txt</c>.</summary>
    public static string TextBlobName(string reportId) => reportId + ".txt";

    /// <summary>One row per report: status, region, year, hash, statistics, error.</summary>
    public const string ReportsTable = "Reports";
    /// <summary>Facts partitioned by region, for "everything about one region".</summary>
    public const string FactsByRegionTable = "FactsByRegion";
    /// <summary>Facts partitioned by indicator, for "one indicator across regions".</summary>
    public const string FactsByIndicatorTable = "FactsByIndicator";
    /// <summary>Computed rankings and their heads.</summary>
    public const string RankingsTable = "Rankings";
    /// <summary>Computed target attainment.</summary>
    public const string AttainmentTable = "Attainment";
    /// <summary>One row: when the facts and the rankings last changed (<see cref="Storage.DataChangeStamp"/>), which every instance polls to drop cached answers.</summary>
    public const string DataStampTable = "DataStamps";
    /// <summary>Which (indicator, period) groups changed since the last ranking refresh (written by ingestion), and the refresh's baseline row.</summary>
    public const string RankingChangesTable = "RankingChanges";
    /// <summary>The facts each (indicator, period) group's rankings were last computed from (the incremental refresh's input cache).</summary>
    public const string RankingInputsTable = "RankingInputs";
    /// <summary>Leases and small bookkeeping rows (ranking runs).</summary>
    public const string LeasesContainer = "reportfunctions-leases";

    public static readonly IReadOnlyList<string> AllTables =
        [ReportsTable, FactsByRegionTable, FactsByIndicatorTable, RankingsTable, AttainmentTable, DataStampTable, RankingChangesTable, RankingInputsTable];
}
