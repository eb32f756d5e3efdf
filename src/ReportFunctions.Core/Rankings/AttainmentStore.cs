using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Target attainment in the Attainment table (<see cref="StorageNames.AttainmentTable"/>, optionally prefixed).
/// <list type="bullet">
/// <item>per code, published like rankings (<see cref="SnapshotTable"/>): head PartitionKey <c>h|{code}</c>, RowKey
/// <c>{period}|{level}</c>; entries PartitionKey <c>e|{code}|{period}|{level}</c>, RowKey <c>{version}|{index}</c> in rank order;</item>
/// <item>per region, for <c>GET /api/regions/{region}/attainment</c>: PartitionKey <c>r|{region}</c>, RowKey
/// <c>{code}|{period}|{level}</c>, one self-contained row per attainment, upserted after the code's set is published.</item>
/// </list>
/// </summary>
public sealed class AttainmentStore
{
    private readonly SnapshotTable _snapshots;

    public AttainmentStore(TableServiceClient tables) : this(tables, null) { }

    /// <param name="tablePrefix">Prefix of the table name (letters and digits), to keep tests apart.</param>
    public AttainmentStore(TableServiceClient tables, string? tablePrefix)
    {
        TableName = (tablePrefix ?? "") + StorageNames.AttainmentTable;
        _snapshots = new SnapshotTable(tables.GetTableClient(TableName));
    }

    public string TableName { get; }

    /// <summary>Creates the table once per instance (the hosts' start-up step does it; later calls issue no request).</summary>
    public Task EnsureCreatedAsync() => _snapshots.EnsureCreatedAsync();

    internal static string Name(string period, string level) => period + "|" + level;
    internal static string RegionPartition(string region) => "r|" + region;

    internal async Task<Dictionary<(string Code, string Period, string Level), SnapshotHead>> GetAllHeadsAsync(CancellationToken ct)
    {
        var result = new Dictionary<(string, string, string), SnapshotHead>();
        foreach (var h in await _snapshots.ListAllHeadsAsync(ct).ConfigureAwait(false))
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
        foreach (var h in await _snapshots.ListHeadsAsync(code, ct).ConfigureAwait(false))
        {
            var parts = h.Name.Split('|');
            if (parts.Length == 2) list.Add((parts[0], parts[1], h.ComputedAt));
        }
        return list;
    }

    public async Task<AttainmentSet?> GetAsync(string code, string period, string level, CancellationToken ct = default)
    {
        var read = await _snapshots.ReadAsync(code, Name(period, level), ct).ConfigureAwait(false);
        if (read is not { } r) return null;
        var h = r.Head.Entity;
        var direction = Enum.TryParse<RankDirection>(h.GetString("Direction"), out var d) ? d : RankDirection.HigherIsBetter;
        return new AttainmentSet(code, period, level, direction, h.GetString("GapOrder") ?? "", h.GetString("Unit") ?? "",
            r.Head.Fingerprint, r.Head.ComputedAt, r.Entries.Select(ToEntry).ToList());
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

    internal async Task<PublishResult> PublishAsync(AttainmentSet set, SnapshotHead? known, CancellationToken ct)
    {
        if (known is not null && known.Fingerprint == set.Fingerprint) return PublishResult.Unchanged;
        var head = new Dictionary<string, object?>
        {
            ["Indicator"] = set.Indicator, ["Period"] = set.Period, ["Level"] = set.Level, ["Direction"] = set.Direction.ToString(),
            ["GapOrder"] = set.GapOrder, ["Unit"] = set.Unit, ["Regions"] = string.Join('\n', set.Entries.Select(e => e.Region)),
        };
        var entries = set.Entries.Select(e => ToEntity(e)).ToList();
        var (result, replaced) = await _snapshots.PublishAsync(set.Indicator, Name(set.Period, set.Level), set.Fingerprint, set.ComputedAt, head, entries, known, ct).ConfigureAwait(false);
        if (result == PublishResult.Written)
        {
            // One row per region, each in its region's partition (no batching across partitions).
            await Parallel.ForEachAsync(set.Entries, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (e, token) =>
            {
                var row = ToEntity(e, set.ComputedAt, set.Fingerprint);
                row.PartitionKey = RegionPartition(e.Region);
                row.RowKey = RegionRowKey(e.Indicator, e.Period, e.Level);
                await _snapshots.Table.UpsertEntityAsync(row, TableUpdateMode.Replace, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            await DeleteRegionRowsAsync(set.Indicator, set.Period, set.Level, replaced, set.Entries.Select(e => e.Region), ct).ConfigureAwait(false);
        }
        return result;
    }

    internal async Task<bool> DeleteAsync(SnapshotHead head, CancellationToken ct)
    {
        if (!await _snapshots.DeleteAsync(head, ct).ConfigureAwait(false)) return false;
        var parts = head.Name.Split('|');
        if (parts.Length == 2) await DeleteRegionRowsAsync(head.Group, parts[0], parts[1], head, [], ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes the region rows of regions that were in <paramref name="replaced"/> but are not in <paramref name="keep"/>.</summary>
    private async Task DeleteRegionRowsAsync(string code, string period, string level, SnapshotHead? replaced, IEnumerable<string> keep, CancellationToken ct)
    {
        if (replaced?.Entity.GetString("Regions") is not { Length: > 0 } regions) return;
        var kept = keep.ToHashSet(StringComparer.Ordinal);
        foreach (var region in regions.Split('\n'))
        {
            if (kept.Contains(region)) continue;
            try { await _snapshots.Table.DeleteEntityAsync(RegionPartition(region), RegionRowKey(code, period, level), ETag.All, ct).ConfigureAwait(false); }
            catch (RequestFailedException ex) when (ex.Status == 404) { }
        }
    }

    internal static string RegionRowKey(string code, string period, string level) => code + "|" + period + "|" + level;

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
