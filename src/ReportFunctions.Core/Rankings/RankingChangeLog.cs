using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>An (indicator, period) group: the unit an incremental refresh recomputes.</summary>
public readonly record struct FactGroup(string Indicator, string Period)
{
    public static FactGroup Of(StoredFact f) => new(f.Fact.Indicator, f.Fact.Period);
    public override string ToString() => Indicator + "|" + Period;
}

/// <summary>
/// A change marker as read: report <see cref="ReportId"/> (or <see cref="AnyReport"/>: re-read the groups whole) changed
/// its facts in <see cref="Groups"/> (those of its facts before and after); <see cref="Hash"/> is the report's active
/// hash after the change and <see cref="FactsJson"/> its facts under that hash (<see cref="CompactFacts"/> with groups;
/// null when not kept). <see cref="ETag"/> is the row's as read: the marker is cleared only if unchanged since.
/// </summary>
internal sealed record ChangeMarker(string RowKey, string ReportId, IReadOnlyList<FactGroup> Groups, string? Hash, string? FactsJson, ETag ETag)
{
    public const string AnyReport = "*";
}

/// <summary>
/// The change log of the incremental refresh, in the RankingChanges table (<see cref="StorageNames.RankingChangesTable"/>):
/// <list type="bullet">
/// <item>markers: PartitionKey <c>m</c>, RowKey <c>{reportId}|{activeHash}</c> (one per version of a report delivered
/// since the last refresh), columns Hash, G (the groups changed: of the facts before and after, one per line) and F (the
/// facts under Hash), long text split as <see cref="EntityText"/>. Written before and after the report row switches
/// (the second write gives the row a new ETag); a refresh reads them all and deletes each with the ETag it read, so a
/// marker rewritten meanwhile stays for the next refresh;</item>
/// <item>the baseline row (PartitionKey <c>b</c>, RowKey <c>baseline</c>): engine version and time of the last full rebuild.</item>
/// </list>
/// </summary>
public sealed partial class RankingChangeLog
{
    private const string MarkerPartition = "m";
    private const string BaselinePartition = "b";
    private const string BaselineRow = "baseline";

    private readonly TableClient _table;
    private readonly Storage.CreateOnce _created;

    public RankingChangeLog(TableClient table)
    {
        _table = table;
        _created = new Storage.CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
    }

    /// <summary>The change log of the facts in <paramref name="storage"/> (same name prefix; created with them).</summary>
    public RankingChangeLog(Storage.ReportStorage storage)
    {
        _table = storage.RankingChanges;
        _created = new Storage.CreateOnce(storage.EnsureCreatedAsync);
    }

    public TableClient Table => _table;

    public Task EnsureCreatedAsync(CancellationToken ct = default) => _created.EnsureAsync(ct);

    /// <summary>
    /// Records that report <paramref name="reportId"/> now has active hash <paramref name="activeHash"/> and the facts
    /// <paramref name="facts"/>, and that its facts changed in each of <paramref name="groups"/> (those of its old and new facts).
    /// </summary>
    public async Task RecordAsync(string reportId, string? activeHash, IEnumerable<FactGroup> groups, IReadOnlyList<StoredFact> facts, CancellationToken ct)
    {
        var all = groups.Concat(facts.Select(FactGroup.Of)).Distinct().ToList();
        if (all.Count == 0) return;
        var e = new TableEntity(MarkerPartition, reportId + "|" + (activeHash ?? "none")) { ["Hash"] = activeHash };
        EntityText.Write(e, "G", string.Join('\n', all));
        var json = CompactFacts.Write(facts, withGroup: true);
        if (EntityText.Fits(json)) EntityText.Write(e, "F", json); // else the refresh reads the report's facts from the fact tables
        await UpsertSharedAsync(e, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Upserts one row, in an entity-group transaction that concurrent ingestions' rows of the same partition may share
    /// (<see cref="Storage.PartitionBatcher"/>): every report's marker and current-facts row go to one of two partitions, so
    /// at 16 ingestions at once this is a fraction of a request per row. Returns once the row is written.
    /// </summary>
    private Task UpsertSharedAsync(TableEntity e, CancellationToken ct) =>
        TableRetry.RunAsync(() => Storage.PartitionBatcher.Shared.SubmitAsync(_table, e.PartitionKey,
            [new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)], ct), ct);

    /// <summary>Records that the facts of <paramref name="groups"/> changed in a way only a re-read of each group can tell (test and tool seam).</summary>
    public async Task RecordGroupsAsync(IEnumerable<FactGroup> groups, CancellationToken ct = default)
    {
        var list = groups.Distinct().ToList();
        if (list.Count == 0) return;
        var e = new TableEntity(MarkerPartition, ChangeMarker.AnyReport + "|" + Guid.NewGuid().ToString("N"));
        EntityText.Write(e, "G", string.Join('\n', list));
        await TableRetry.RunAsync(() => _table.UpsertEntityAsync(e, TableUpdateMode.Replace, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Every marker (one partition: as many rows as report versions delivered since the last refresh); only keys and ETags with <paramref name="keysOnly"/>.</summary>
    internal async Task<List<ChangeMarker>> ReadAsync(bool keysOnly, CancellationToken ct)
    {
        var list = new List<ChangeMarker>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MarkerPartition}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: keysOnly ? ["PartitionKey", "RowKey"] : null, cancellationToken: ct).ConfigureAwait(false))
        {
            var bar = e.RowKey.IndexOf('|');
            if (bar <= 0) continue;
            List<FactGroup> groups = keysOnly ? [] : EntityText.Read(e, "G").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(g => g.Split('|')).Where(p => p.Length == 2).Select(p => new FactGroup(p[0], p[1])).ToList();
            list.Add(new ChangeMarker(e.RowKey, e.RowKey[..bar], groups, e.GetString("Hash"), e.ContainsKey("FChunks") ? EntityText.Read(e, "F") : null, e.ETag));
        }
        return list;
    }

    /// <summary>Deletes the markers that are unchanged since read; returns how many were deleted.</summary>
    internal Task<int> ClearAsync(IEnumerable<ChangeMarker> markers, int parallelism, CancellationToken ct) =>
        TableWriter.DeleteAsync(_table, markers.Select(m => (ITableEntity)new TableEntity(MarkerPartition, m.RowKey) { ETag = m.ETag }), parallelism, ct);

    /// <summary>The last full rebuild: the engine version it ran and when (null: never).</summary>
    internal async Task<(string EngineVersion, DateTimeOffset At)?> GetBaselineAsync(CancellationToken ct)
    {
        var r = await TableRetry.RunAsync(() => _table.GetEntityIfExistsAsync<TableEntity>(BaselinePartition, BaselineRow, cancellationToken: ct), ct).ConfigureAwait(false);
        if (!r.HasValue) return null;
        return (r.Value!.GetString("EngineVersion") ?? "", r.Value.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
    }

    internal Task SetBaselineAsync(string engineVersion, DateTimeOffset at, CancellationToken ct) =>
        TableRetry.RunAsync(() => _table.UpsertEntityAsync(new TableEntity(BaselinePartition, BaselineRow)
        {
            ["EngineVersion"] = engineVersion, ["At"] = at, ["AtText"] = at.ToString("O", CultureInfo.InvariantCulture),
        }, TableUpdateMode.Replace, ct), ct);
}
