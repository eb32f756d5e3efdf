using Azure;
using System.Text.Json;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>A ranking's head as stored: enough to list what exists without reading entries.</summary>
public sealed record RankingHeadInfo(RankingKey Key, string Fingerprint, DateTimeOffset ComputedAt, int Count);

/// <summary>
/// Rankings in the Rankings table (<see cref="StorageNames.RankingsTable"/>, optionally prefixed), one entity per
/// ranking (<see cref="SnapshotTable"/>): PartitionKey <c>s|{code}</c>, RowKey <c>{period}|{kind}|{level}|{scope}</c>,
/// the entries in rank order as a JSON array of arrays in <c>E0</c>, <c>E1</c>...
/// </summary>
public sealed class RankingStore
{
    private readonly SnapshotTable _snapshots;

    public RankingStore(TableServiceClient tables) : this(tables, null) { }

    /// <param name="tablePrefix">Prefix of the table name (letters and digits), to keep tests apart.</param>
    public RankingStore(TableServiceClient tables, string? tablePrefix)
    {
        TablePrefix = tablePrefix ?? "";
        TableService = tables;
        TableName = TablePrefix + StorageNames.RankingsTable;
        _snapshots = new SnapshotTable(tables.GetTableClient(TableName));
    }

    public string TableName { get; }
    internal string TablePrefix { get; }
    internal TableServiceClient TableService { get; }

    /// <summary>Creates the table once per instance (the hosts' start-up step does it; later calls issue no request).</summary>
    public Task EnsureCreatedAsync() => _snapshots.EnsureCreatedAsync();

    internal SnapshotTable Snapshots => _snapshots;

    internal static string Name(RankingKey k) => $"{k.Period}|{k.Kind}|{k.Level}|{k.Scope}";

    internal static RankingKey? ParseKey(string code, string name)
    {
        var parts = name.Split('|');
        return parts.Length == 4 ? new RankingKey(code, parts[0], parts[1], parts[2], parts[3]) : null;
    }

    /// <summary>Heads of every stored ranking (for a full refresh).</summary>
    internal async Task<Dictionary<RankingKey, SnapshotHead>> GetAllHeadsAsync(CancellationToken ct) =>
        ByKey(await _snapshots.ListAllHeadsAsync(ct).ConfigureAwait(false));

    /// <summary>Heads of the rankings of one code and period (for an incremental refresh).</summary>
    internal async Task<Dictionary<RankingKey, SnapshotHead>> GetHeadsAsync(string code, string period, CancellationToken ct) =>
        ByKey(await _snapshots.ListHeadsAsync(code, period + "|", ct).ConfigureAwait(false));

    private static Dictionary<RankingKey, SnapshotHead> ByKey(IEnumerable<SnapshotHead> heads)
    {
        var result = new Dictionary<RankingKey, SnapshotHead>();
        foreach (var h in heads)
            if (ParseKey(h.Group, h.Name) is { } key) result[key] = h;
        return result;
    }

    /// <summary>The heads of one code's rankings.</summary>
    public async Task<IReadOnlyList<RankingHeadInfo>> ListAsync(string code, CancellationToken ct = default)
    {
        var list = new List<RankingHeadInfo>();
        foreach (var h in await _snapshots.ListHeadsAsync(code, null, ct).ConfigureAwait(false))
            if (ParseKey(code, h.Name) is { } key) list.Add(new RankingHeadInfo(key, h.Fingerprint, h.ComputedAt, h.Count));
        return list;
    }

    /// <summary>A complete ranking as last published, or null (one entity: never half of one).</summary>
    public async Task<Ranking?> GetAsync(RankingKey key, CancellationToken ct = default)
    {
        if (await _snapshots.ReadAsync(key.Indicator, Name(key), ct).ConfigureAwait(false) is not { } h) return null;
        var direction = Enum.TryParse<RankDirection>(h.GetString("Direction"), out var d) ? d : RankDirection.HigherIsBetter;
        var unit = h.GetString("Unit") ?? "";
        var entries = new List<RankingEntry>();
        using (var doc = JsonDocument.Parse(EntityText.Read(h, SnapshotTable.EntriesProperty) is { Length: > 0 } json ? json : "[]"))
        {
            foreach (var a in doc.RootElement.EnumerateArray())
                entries.Add(new RankingEntry(a[0].GetInt32(), a[1].GetString()!, a[2].GetDouble(), a[3].GetString() ?? unit, a[4].GetString()!,
                    a[5].GetInt32(), a[6].GetDouble(), a[7].GetString()!, a[8].ValueKind == JsonValueKind.Null ? null : a[8].GetInt32(),
                    a[9].ValueKind == JsonValueKind.Null ? null : a[9].GetString()));
        }
        return new Ranking(key, direction, unit, h.GetString("Fingerprint") ?? "", h.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue, entries);
    }

    /// <summary>What publishing <paramref name="ranking"/> over <paramref name="known"/> (its row as read, or null) writes.</summary>
    internal static SnapshotWrite ToWrite(Ranking ranking, SnapshotHead? known)
    {
        var k = ranking.Key;
        var columns = new Dictionary<string, object?>
        {
            ["Indicator"] = k.Indicator, ["Period"] = k.Period, ["Kind"] = k.Kind, ["Level"] = k.Level, ["Scope"] = k.Scope,
            ["Direction"] = ranking.Direction.ToString(), ["Unit"] = ranking.Unit,
        };
        // The unit is left out (null) where it is the ranking's.
        var json = JsonSerializer.Serialize(ranking.Entries.Select(e => new object?[]
        {
            e.Rank, e.Region, e.Value, e.Unit == ranking.Unit ? null : e.Unit, e.Qualifier, e.Ranked, e.Percentile, e.ReportId, e.ReportYear, e.Province,
        }));
        return new SnapshotWrite(k.Indicator, Name(k), ranking.Fingerprint, ranking.ComputedAt, ranking.Count, columns, json, known);
    }

    /// <summary>Publishes the rankings (each unless its known row has the same fingerprint), many at once.</summary>
    internal Task<PublishResult[]> PublishAsync(IReadOnlyList<(Ranking Ranking, SnapshotHead? Known)> rankings, int parallelism, Action<int>? rowsWritten, CancellationToken ct,
        ETag?[]? etags = null) =>
        _snapshots.PublishAsync(rankings.Select(r => ToWrite(r.Ranking, r.Known)).ToList(), parallelism, rowsWritten, ct, etags);

    /// <summary>Publishes one ranking unless <paramref name="known"/> has the same fingerprint.</summary>
    internal async Task<PublishResult> PublishAsync(Ranking ranking, SnapshotHead? known, CancellationToken ct) =>
        (await PublishAsync([(ranking, known)], 1, null, ct).ConfigureAwait(false))[0];

    internal Task<int> DeleteAsync(IEnumerable<SnapshotHead> heads, int parallelism, CancellationToken ct) => _snapshots.DeleteAsync(heads, parallelism, ct);
}
