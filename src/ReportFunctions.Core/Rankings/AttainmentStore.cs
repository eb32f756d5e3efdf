using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Target attainment in the Attainment table (<see cref="StorageNames.AttainmentTable"/>, optionally prefixed).
/// <list type="bullet">
/// <item>per code, one entity per set (<see cref="SnapshotTable"/>): PartitionKey <c>s|{code}</c>, RowKey
/// <c>{period}|{level}</c>, entries in rank order as JSON in <c>E0</c>, <c>E1</c>..., the regions in <c>Regions</c>;</item>
/// <item>per region, for <c>GET /api/regions/{region}/attainment</c>: PartitionKey <c>r|{region}</c>, RowKey
/// <c>{code}|{period}|{level}</c>, one self-contained row per attainment, upserted after the code's set is published.</item>
/// </list>
/// </summary>
public sealed class AttainmentStore
{
    private const int MaxRegionsChars = EntityText.ChunkChars;
    private readonly SnapshotTable _snapshots;

    public AttainmentStore(TableServiceClient tables) : this(tables, null) { }

    /// <param name="tablePrefix">Prefix of the table name (letters and digits), to keep tests apart.</param>
    public AttainmentStore(TableServiceClient tables, string? tablePrefix)
    {
        TableName = (tablePrefix ?? "") + StorageNames.AttainmentTable;
        _snapshots = new SnapshotTable(tables.GetTableClient(TableName), "Regions");
    }

    public string TableName { get; }

    /// <summary>Creates the table once per instance (the hosts' start-up step does it; later calls issue no request).</summary>
    public Task EnsureCreatedAsync() => _snapshots.EnsureCreatedAsync();

    internal static string Name(string period, string level) => period + "|" + level;
    internal static string RegionPartition(string region) => "r|" + region;
    internal static string RegionRowKey(string code, string period, string level) => code + "|" + period + "|" + level;

    internal async Task<Dictionary<(string Code, string Period, string Level), SnapshotHead>> GetAllHeadsAsync(CancellationToken ct) =>
        ByKey(await _snapshots.ListAllHeadsAsync(ct).ConfigureAwait(false));

    internal async Task<Dictionary<(string Code, string Period, string Level), SnapshotHead>> GetHeadsAsync(string code, string period, CancellationToken ct) =>
        ByKey(await _snapshots.ListHeadsAsync(code, period + "|", ct).ConfigureAwait(false));

    private static Dictionary<(string, string, string), SnapshotHead> ByKey(IEnumerable<SnapshotHead> heads)
    {
        var result = new Dictionary<(string, string, string), SnapshotHead>();
        foreach (var h in heads)
        {
            var parts = h.Name.Split('|');
            if (parts.Length == 2) result[(h.Group, parts[0], parts[1])] = h;
        }
        return result;
    }

    /// <summary>(period, level, computed at) of every attainment set of a code.</summary>
    public async Task<IReadOnlyList<(string Period, string Level, DateTimeOffset ComputedAt)>> ListAsync(string code, CancellationToken ct = default)
    {
        var list = new List<(string, string, DateTimeOffset)>();
        foreach (var h in await _snapshots.ListHeadsAsync(code, null, ct).ConfigureAwait(false))
        {
            var parts = h.Name.Split('|');
            if (parts.Length == 2) list.Add((parts[0], parts[1], h.ComputedAt));
        }
        return list;
    }

    public async Task<AttainmentSet?> GetAsync(string code, string period, string level, CancellationToken ct = default)
    {
        if (await _snapshots.ReadAsync(code, Name(period, level), ct).ConfigureAwait(false) is not { } h) return null;
        var direction = Enum.TryParse<RankDirection>(h.GetString("Direction"), out var d) ? d : RankDirection.HigherIsBetter;
        return new AttainmentSet(code, period, level, direction, h.GetString("GapOrder") ?? "", h.GetString("Unit") ?? "",
            h.GetString("Fingerprint") ?? "", h.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue, ReadEntries(h));
    }

    /// <summary>Every attainment of one region (canonical name), by code and period.</summary>
    public async Task<IReadOnlyList<(AttainmentEntry Entry, DateTimeOffset ComputedAt)>> GetRegionAsync(string region, CancellationToken ct = default)
    {
        await _snapshots.EnsureCreatedAsync().ConfigureAwait(false);
        var pk = RegionPartition(region);
        var list = new List<(AttainmentEntry, DateTimeOffset)>();
        await foreach (var e in _snapshots.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: ct).ConfigureAwait(false))
            list.Add((ToEntry(e), e.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue));
        return list;
    }

    /// <summary>
    /// Publishes the sets (each unless its known row has the same fingerprint), many at once; then, for each set
    /// written, upserts its regions' rows and deletes the rows of regions that left it.
    /// </summary>
    internal async Task<PublishResult[]> PublishAsync(IReadOnlyList<(AttainmentSet Set, SnapshotHead? Known)> sets, int parallelism, Action<int>? rowsWritten, CancellationToken ct)
    {
        var writes = sets.Select(s => ToWrite(s.Set, s.Known)).ToList();
        var results = await _snapshots.PublishAsync(writes, parallelism, rowsWritten, ct).ConfigureAwait(false);
        var upserts = new List<TableTransactionAction>();
        var deletes = new List<ITableEntity>();
        for (var i = 0; i < sets.Count; i++)
        {
            if (results[i] != PublishResult.Written) continue;
            var (set, known) = sets[i];
            foreach (var e in set.Entries)
            {
                var row = ToEntity(e, set.ComputedAt, set.Fingerprint);
                row.PartitionKey = RegionPartition(e.Region);
                row.RowKey = RegionRowKey(e.Indicator, e.Period, e.Level);
                upserts.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            }
            var kept = set.Entries.Select(e => e.Region).ToHashSet(StringComparer.Ordinal);
            foreach (var region in await RegionsOfAsync(known, ct).ConfigureAwait(false))
                if (!kept.Contains(region)) deletes.Add(new TableEntity(RegionPartition(region), RegionRowKey(set.Indicator, set.Period, set.Level)));
        }
        // Region rows of many sets go to the same region partitions: batched per region.
        foreach (var failed in await TableWriter.SubmitAsync(_snapshots.Table, upserts, parallelism, rowsWritten, ct).ConfigureAwait(false))
            throw failed.Error;
        rowsWritten?.Invoke(await TableWriter.DeleteAsync(_snapshots.Table, deletes, parallelism, ct).ConfigureAwait(false));
        return results;
    }

    /// <summary>Deletes the sets (each only if unchanged since listed) and their region rows; returns how many sets were deleted.</summary>
    internal async Task<int> DeleteAsync(IReadOnlyList<SnapshotHead> heads, int parallelism, CancellationToken ct)
    {
        var regionRows = new List<ITableEntity>();
        foreach (var h in heads)
            foreach (var region in await RegionsOfAsync(h, ct).ConfigureAwait(false))
                regionRows.Add(new TableEntity(RegionPartition(region), h.Group + "|" + h.Name));
        var deleted = await _snapshots.DeleteAsync(heads, parallelism, ct).ConfigureAwait(false);
        await TableWriter.DeleteAsync(_snapshots.Table, regionRows, parallelism, ct).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>The regions of a stored set (its Regions column, or its entries when that was too long to keep).</summary>
    private async Task<IReadOnlyList<string>> RegionsOfAsync(SnapshotHead? head, CancellationToken ct)
    {
        if (head is null || head.Count == 0) return [];
        if (head.Entity.GetString("Regions") is { Length: > 0 } regions) return regions.Split('\n');
        var parts = head.Name.Split('|');
        return parts.Length == 2 && await GetAsync(head.Group, parts[0], parts[1], ct).ConfigureAwait(false) is { } set
            ? set.Entries.Select(e => e.Region).ToList() : [];
    }

    private static SnapshotWrite ToWrite(AttainmentSet set, SnapshotHead? known)
    {
        var regions = string.Join('\n', set.Entries.Select(e => e.Region));
        var columns = new Dictionary<string, object?>
        {
            ["Indicator"] = set.Indicator, ["Period"] = set.Period, ["Level"] = set.Level, ["Direction"] = set.Direction.ToString(),
            ["GapOrder"] = set.GapOrder, ["Unit"] = set.Unit, ["Regions"] = regions.Length <= MaxRegionsChars ? regions : null,
        };
        var json = JsonSerializer.Serialize(set.Entries.Select(e => new object?[]
        {
            e.Region, e.Level, e.Province, e.Unit, e.Target, e.TargetQualifier, e.TargetReportId, e.Actual, e.ActualQualifier,
            e.ActualReportId, e.Gap, e.Met, e.Outcome, e.Rank, e.Ranked,
        }));
        return new SnapshotWrite(set.Indicator, Name(set.Period, set.Level), set.Fingerprint, set.ComputedAt, set.Entries.Count, columns, json, known);
    }

    private static List<AttainmentEntry> ReadEntries(TableEntity h)
    {
        var code = h.GetString("Indicator") ?? "";
        var period = h.GetString("Period") ?? "";
        var list = new List<AttainmentEntry>();
        using var doc = JsonDocument.Parse(EntityText.Read(h, SnapshotTable.EntriesProperty) is { Length: > 0 } json ? json : "[]");
        foreach (var a in doc.RootElement.EnumerateArray())
        {
            string? S(int i) => a[i].ValueKind == JsonValueKind.Null ? null : a[i].GetString();
            list.Add(new AttainmentEntry(S(0)!, S(1)!, S(2), code, period, S(3)!, a[4].GetDouble(), S(5)!, S(6)!, a[7].GetDouble(), S(8)!,
                S(9)!, a[10].GetDouble(), a[11].GetBoolean(), S(12)!, a[13].GetInt32(), a[14].GetInt32()));
        }
        return list;
    }

    private static TableEntity ToEntity(AttainmentEntry e, DateTimeOffset? computedAt = null, string? fingerprint = null) => TableColumns.Entity(
        ("Region", e.Region), ("Level", e.Level), ("Province", e.Province), ("Indicator", e.Indicator), ("Period", e.Period),
        ("Unit", e.Unit), ("Target", e.Target), ("TargetQualifier", e.TargetQualifier), ("TargetReportId", e.TargetReportId),
        ("Actual", e.Actual), ("ActualQualifier", e.ActualQualifier), ("ActualReportId", e.ActualReportId), ("Gap", e.Gap),
        ("Met", e.Met), ("Outcome", e.Outcome), ("Rank", e.Rank), ("Ranked", e.Ranked), ("ComputedAt", computedAt), ("Fingerprint", fingerprint));

    private static AttainmentEntry ToEntry(TableEntity e) => new(
        e.GetString("Region") ?? "", e.GetString("Level") ?? "", e.GetString("Province"), e.GetString("Indicator") ?? "",
        e.GetString("Period") ?? "", e.GetString("Unit") ?? "", e.GetDouble("Target") ?? double.NaN, e.GetString("TargetQualifier") ?? "",
        e.GetString("TargetReportId") ?? "", e.GetDouble("Actual") ?? double.NaN, e.GetString("ActualQualifier") ?? "",
        e.GetString("ActualReportId") ?? "", e.GetDouble("Gap") ?? double.NaN, e.GetBoolean("Met") ?? false,
        e.GetString("Outcome") ?? "", e.GetInt32("Rank") ?? 0, e.GetInt32("Ranked") ?? 0);
}
