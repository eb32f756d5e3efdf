using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>A ranking's head as stored: enough to list what exists without reading entries.</summary>
public sealed record RankingHeadInfo(RankingKey Key, string Fingerprint, DateTimeOffset ComputedAt, int Count);

/// <summary>
/// Rankings in the Rankings table (<see cref="StorageNames.RankingsTable"/>, optionally prefixed), published through
/// <see cref="SnapshotTable"/>: head PartitionKey <c>h|{code}</c>, RowKey <c>{period}|{kind}|{level}|{scope}</c>;
/// entries PartitionKey <c>e|{code}|{period}|{kind}|{level}|{scope}</c>, RowKey <c>{version}|{index}</c> in rank order.
/// </summary>
public sealed class RankingStore
{
    private readonly SnapshotTable _snapshots;

    public RankingStore(TableServiceClient tables) : this(tables, null) { }

    /// <param name="tablePrefix">Prefix of the table name (letters and digits), to keep tests apart.</param>
    public RankingStore(TableServiceClient tables, string? tablePrefix)
    {
        TableName = (tablePrefix ?? "") + StorageNames.RankingsTable;
        _snapshots = new SnapshotTable(tables.GetTableClient(TableName));
    }

    public string TableName { get; }

    /// <summary>Creates the table once per instance (the hosts' start-up step does it; later calls issue no request).</summary>
    public Task EnsureCreatedAsync() => _snapshots.EnsureCreatedAsync();

    internal SnapshotTable Snapshots => _snapshots;

    internal static string Name(RankingKey k) => $"{k.Period}|{k.Kind}|{k.Level}|{k.Scope}";

    internal static RankingKey? ParseKey(string code, string name)
    {
        var parts = name.Split('|');
        return parts.Length == 4 ? new RankingKey(code, parts[0], parts[1], parts[2], parts[3]) : null;
    }

    /// <summary>Heads of every stored ranking (for the refresher).</summary>
    internal async Task<Dictionary<RankingKey, SnapshotHead>> GetAllHeadsAsync(CancellationToken ct)
    {
        var result = new Dictionary<RankingKey, SnapshotHead>();
        foreach (var h in await _snapshots.ListAllHeadsAsync(ct).ConfigureAwait(false))
            if (ParseKey(h.Group, h.Name) is { } key) result[key] = h;
        return result;
    }

    /// <summary>The heads of one code's rankings.</summary>
    public async Task<IReadOnlyList<RankingHeadInfo>> ListAsync(string code, CancellationToken ct = default)
    {
        var list = new List<RankingHeadInfo>();
        foreach (var h in await _snapshots.ListHeadsAsync(code, ct).ConfigureAwait(false))
            if (ParseKey(code, h.Name) is { } key) list.Add(new RankingHeadInfo(key, h.Fingerprint, h.ComputedAt, h.Count));
        return list;
    }

    /// <summary>A complete ranking as last published, or null.</summary>
    public async Task<Ranking?> GetAsync(RankingKey key, CancellationToken ct = default)
    {
        var read = await _snapshots.ReadAsync(key.Indicator, Name(key), ct).ConfigureAwait(false);
        if (read is not { } r) return null;
        var h = r.Head.Entity;
        var direction = Enum.TryParse<RankDirection>(h.GetString("Direction"), out var d) ? d : RankDirection.HigherIsBetter;
        var entries = r.Entries.Select(e => new RankingEntry(
            e.GetInt32("Rank") ?? 0, e.GetString("Region") ?? "", e.GetDouble("Value") ?? double.NaN, e.GetString("Unit") ?? "",
            e.GetString("Qualifier") ?? Qualifiers.Exact, e.GetInt32("Ranked") ?? r.Entries.Count, e.GetDouble("Percentile") ?? 0,
            e.GetString("ReportId") ?? "", e.GetInt32("ReportYear"), e.GetString("Province"))).ToList();
        return new Ranking(key, direction, h.GetString("Unit") ?? "", r.Head.Fingerprint, r.Head.ComputedAt, entries);
    }

    /// <summary>Publishes <paramref name="ranking"/> unless <paramref name="known"/> has the same fingerprint.</summary>
    internal async Task<PublishResult> PublishAsync(Ranking ranking, SnapshotHead? known, CancellationToken ct)
    {
        if (known is not null && known.Fingerprint == ranking.Fingerprint) return PublishResult.Unchanged;
        var k = ranking.Key;
        var head = new Dictionary<string, object?>
        {
            ["Indicator"] = k.Indicator, ["Period"] = k.Period, ["Kind"] = k.Kind, ["Level"] = k.Level, ["Scope"] = k.Scope,
            ["Direction"] = ranking.Direction.ToString(), ["Unit"] = ranking.Unit,
        };
        var entries = ranking.Entries.Select(e => TableColumns.Entity(
            ("Rank", e.Rank), ("Region", e.Region), ("Value", e.Value), ("Unit", e.Unit), ("Qualifier", e.Qualifier),
            ("Ranked", e.Ranked), ("Percentile", e.Percentile), ("ReportId", e.ReportId), ("ReportYear", e.ReportYear),
            ("Province", e.Province))).ToList();
        var (result, _) = await _snapshots.PublishAsync(k.Indicator, Name(k), ranking.Fingerprint, ranking.ComputedAt, head, entries, known, ct).ConfigureAwait(false);
        return result;
    }

    internal Task<bool> DeleteAsync(SnapshotHead head, CancellationToken ct) => _snapshots.DeleteAsync(head, ct);
}
