using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>Identifies one ranking: an indicator, period and kind, ranked among the regions of one level, overall or within one province.</summary>
/// <param name="Scope"><see cref="RankingScopes.All"/> for every region of the level, or the canonical name of a province (cities of that province).</param>
public sealed record RankingKey(string Indicator, string Period, string Kind, string Level, string Scope)
{
    public string? Province => Scope == RankingScopes.All ? null : Scope;
    public override string ToString() => $"{Indicator}/{Period}/{Kind}/{Level}/{Scope}";
}

public static class RankingScopes
{
    /// <summary>Every region of the level (the overall ranking).</summary>
    public const string All = "all";
}

/// <summary>One ranked region.</summary>
/// <param name="Percentile">
/// Share, in percent, of the <em>other</em> ranked regions that rank at or below this one (a region tied with
/// this one counts as at or below): <c>100 * (Ranked - Rank) / (Ranked - 1)</c>, rounded to two decimals.
/// 100 for the leader, 0 for the sole last; with ranks 1, 2, 2, 4 the percentiles are 100, 66.67, 66.67, 0.
/// </param>
public sealed record RankingEntry(
    int Rank,
    string Region,
    double Value,
    string Unit,
    string Qualifier,
    int Ranked,
    double Percentile,
    string ReportId,
    int? ReportYear,
    string? Province);

/// <summary>A computed ranking: its key, how it orders, when and from which facts it was computed, and its entries in rank order.</summary>
/// <param name="Fingerprint">SHA-256 (hex) of the facts used and their report ids (and the engine's version); equal fingerprints mean equal rankings.</param>
public sealed record Ranking(
    RankingKey Key,
    RankDirection Direction,
    string Unit,
    string Fingerprint,
    DateTimeOffset ComputedAt,
    IReadOnlyList<RankingEntry> Entries)
{
    public int Count => Entries.Count;
}

/// <summary>A region's target for a period set against its actual for the same period.</summary>
/// <param name="Gap">Actual minus target, in <see cref="Unit"/>.</param>
/// <param name="Met">Whether the target was met under its qualifier (see <see cref="AttainmentEngine.IsMet"/>).</param>
/// <param name="Outcome"><c>met</c>, <c>beaten</c> (an about/exact target missed on the better side: growth well above "about 6%", unemployment well under it) or <c>missed</c>.</param>
/// <param name="Rank">Rank by gap among the regions of the same level with an attainment for the code and period (ties share a rank).</param>
public sealed record AttainmentEntry(
    string Region,
    string Level,
    string? Province,
    string Indicator,
    string Period,
    string Unit,
    double Target,
    string TargetQualifier,
    string TargetReportId,
    double Actual,
    string ActualQualifier,
    string ActualReportId,
    double Gap,
    bool Met,
    string Outcome,
    int Rank,
    int Ranked);

/// <summary>The attainment of every region of one level for one code and period, ranked by gap.</summary>
/// <param name="GapOrder"><see cref="AttainmentEngine.LargerGapFirst"/> or <see cref="AttainmentEngine.SmallerGapFirst"/>.</param>
public sealed record AttainmentSet(
    string Indicator,
    string Period,
    string Level,
    RankDirection Direction,
    string GapOrder,
    string Unit,
    string Fingerprint,
    DateTimeOffset ComputedAt,
    IReadOnlyList<AttainmentEntry> Entries);

/// <summary>What one <see cref="RankingRefresher.RefreshAsync"/> did.</summary>
public sealed record RankingRefreshSummary
{
    public int RankingsComputed { get; init; }
    public int RankingsWritten { get; init; }
    public int RankingsUnchanged { get; init; }
    /// <summary>Rankings stored earlier whose inputs are gone (fewer than two regions now), deleted.</summary>
    public int RankingsRemoved { get; init; }
    /// <summary>Rankings another run published first (this run left the winner's).</summary>
    public int RankingsLostRace { get; init; }
    public int AttainmentSetsComputed { get; init; }
    public int AttainmentSetsWritten { get; init; }
    public int AttainmentSetsUnchanged { get; init; }
    public int AttainmentSetsRemoved { get; init; }
    /// <summary>Facts the computed groups hold (every current fact in a full refresh).</summary>
    public int FactsRead { get; init; }
    /// <summary>Whether every group was recomputed from the fact tables (asked for, or due: first run, new engine, age).</summary>
    public bool Full { get; init; }
    /// <summary>Whether the caller asked for a full refresh.</summary>
    public bool FullRequested { get; init; }
    /// <summary>Change markers read (each names a group and a report that changed in it).</summary>
    public int ChangesRead { get; init; }
    /// <summary>(indicator, period) groups recomputed.</summary>
    public int GroupsRefreshed { get; init; }
    /// <summary>Table rows read (facts, report rows, group inputs, heads, markers) and written (rankings, sets, region rows, inputs, markers cleared).</summary>
    public long RowsRead { get; init; }
    public long RowsWritten { get; init; }
    /// <summary>Queries of the Rankings and of the Attainment table (a full refresh: 1 each; an incremental one: one per group whose published names were not known, and for sets, none for groups without sets before or after).</summary>
    public int RankingListings { get; init; }
    public int AttainmentListings { get; init; }
    /// <summary>Full refresh: reports whose facts were read from the fact tables rather than their current-facts row, and whether every FactsByIndicator row was read.</summary>
    public int ReportsFromFactTables { get; init; }
    public bool FactTablesScanned { get; init; }
    /// <summary>Whether this run held the refresh lease (runs proceed without it when it cannot be had in time).</summary>
    public bool HeldLease { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }
}
