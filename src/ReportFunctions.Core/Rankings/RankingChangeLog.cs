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
/// A change marker as read: report <see cref="ReportId"/> (or <see cref="AnyReport"/>: re-read the whole group) changed
/// its facts in <see cref="Group"/>; <see cref="Hash"/> is the report's active hash after the change and
/// <see cref="Facts"/> its facts in the group under that hash. <see cref="ETag"/> is the row's as read: the marker is
/// cleared only if unchanged since.
/// </summary>
internal sealed record ChangeMarker(FactGroup Group, string ReportId, string? Hash, string FactsJson, ETag ETag)
{
    public const string AnyReport = "*";
}

/// <summary>
/// The change log of the incremental refresh, in the RankingChanges table (<see cref="StorageNames.RankingChangesTable"/>):
/// <list type="bullet">
/// <item>markers: PartitionKey <c>m</c>, RowKey <c>{indicator}|{period}|{reportId}</c>, columns Hash, Facts (compact JSON,
/// <see cref="CompactFacts"/>, split as <see cref="EntityText"/>). Ingestion upserts one per group its old and new facts
/// fall in (every upsert gives the row a new ETag); a refresh reads them all, then deletes each with the ETag it read,
/// so a marker rewritten meanwhile stays for the next refresh;</item>
/// <item>the baseline row (PartitionKey <c>b</c>, RowKey <c>baseline</c>): engine version and time of the last full rebuild.</item>
/// </list>
/// </summary>
public sealed class RankingChangeLog
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
        var byGroup = facts.GroupBy(FactGroup.Of).ToDictionary(g => g.Key, g => (IEnumerable<StoredFact>)g);
        var actions = groups.Concat(byGroup.Keys).Distinct().Select(g =>
        {
            var e = new TableEntity(MarkerPartition, g + "|" + reportId) { ["Hash"] = activeHash };
            EntityText.Write(e, "Facts", CompactFacts.Write(byGroup.GetValueOrDefault(g) ?? []));
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, e);
        }).ToList();
        if (actions.Count == 0) return;
        foreach (var failed in await TableWriter.SubmitAsync(_table, actions, 4, null, ct).ConfigureAwait(false)) throw failed.Error;
    }

    /// <summary>Records that the facts of <paramref name="groups"/> changed in a way only a re-read of each group can tell (test and tool seam).</summary>
    public async Task RecordGroupsAsync(IEnumerable<FactGroup> groups, CancellationToken ct = default)
    {
        var actions = groups.Distinct().Select(g => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(MarkerPartition, g + "|" + ChangeMarker.AnyReport) { ["At"] = DateTimeOffset.UtcNow })).ToList();
        foreach (var failed in await TableWriter.SubmitAsync(_table, actions, 4, null, ct).ConfigureAwait(false)) throw failed.Error;
    }

    /// <summary>Every marker (one query of one partition: as many rows as changes since the last refresh).</summary>
    internal async Task<List<ChangeMarker>> ReadAsync(CancellationToken ct)
    {
        var list = new List<ChangeMarker>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {MarkerPartition}"), cancellationToken: ct).ConfigureAwait(false))
        {
            var parts = e.RowKey.Split('|');
            if (parts.Length != 3) continue;
            list.Add(new ChangeMarker(new FactGroup(parts[0], parts[1]), parts[2], e.GetString("Hash"), EntityText.Read(e, "Facts"), e.ETag));
        }
        return list;
    }

    /// <summary>Deletes the markers that are unchanged since read; returns how many were deleted.</summary>
    internal Task<int> ClearAsync(IEnumerable<ChangeMarker> markers, int parallelism, CancellationToken ct) =>
        TableWriter.DeleteAsync(_table, markers.Select(m => (ITableEntity)new TableEntity(MarkerPartition, m.Group + "|" + m.ReportId) { ETag = m.ETag }), parallelism, ct);

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
