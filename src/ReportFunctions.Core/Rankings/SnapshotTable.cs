using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ReportFunctions.Core.Rankings;

/// <summary>The head row of a published snapshot: which version of its entries is current.</summary>
internal sealed record SnapshotHead(string Group, string Name, string Version, string Fingerprint, DateTimeOffset ComputedAt, int Count, ETag ETag, TableEntity Entity);

internal enum PublishResult { Written, Unchanged, LostRace }

/// <summary>
/// Publishes sets of rows ("snapshots": a ranking, an attainment set) so that readers only ever see a complete one,
/// and concurrent publishers cannot corrupt each other.
/// <para>Layout in one table:</para>
/// <list type="bullet">
/// <item>head: PartitionKey <c>h|{group}</c>, RowKey <c>{name}</c>; columns Version, Fingerprint, ComputedAt, Count and the caller's.</item>
/// <item>entries: PartitionKey <c>e|{group}|{name}</c>, RowKey <c>{version}|{index:D6}</c>.</item>
/// </list>
/// <para>
/// Publishing writes the entries under a new, unique version (entity-group transactions of up to 100 rows, all in
/// one partition), then switches the head to that version with an ETag-conditional update (or an insert when there
/// was no head), then deletes the entries of the version it replaced. A publisher that loses the ETag race deletes
/// its own entries and leaves the winner's, unless its inputs were read later than the winner's, in which case it
/// retries the switch against the new head. Readers read the head, then that version's entries, and retry when the
/// entries they got do not number the head's Count (the version was replaced and deleted in between).
/// </para>
/// </summary>
internal sealed class SnapshotTable
{
    private const int BatchSize = 100;
    private const int ReadAttempts = 6;
    private const int PublishAttempts = 4;
    /// <summary>Entries of a version that never became current (a run that crashed) are deleted when this old.</summary>
    internal static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    private readonly TableClient _table;
    private readonly Storage.CreateOnce _created;

    public SnapshotTable(TableClient table)
    {
        _table = table;
        _created = new Storage.CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
    }

    public TableClient Table => _table;

    /// <summary>Creates the table once per instance (at the hosts' start-up; later calls issue no request).</summary>
    public Task EnsureCreatedAsync() => _created.EnsureAsync();

    internal static string HeadPartition(string group) => "h|" + group;
    internal static string EntryPartition(string group, string name) => "e|" + group + "|" + name;
    internal static string VersionPrefix(string version) => version + "|";

    internal static string NewVersion(DateTimeOffset computedAt) =>
        computedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];

    private static DateTimeOffset? VersionTime(string version) =>
        version.Length > 19 && long.TryParse(version.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static SnapshotHead ToHead(TableEntity e) => new(
        e.PartitionKey[2..], e.RowKey, e.GetString("Version") ?? "", e.GetString("Fingerprint") ?? "",
        e.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue, e.GetInt32("Count") ?? 0, e.ETag, e);

    public async Task<SnapshotHead?> GetHeadAsync(string group, string name, CancellationToken ct)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var r = await _table.GetEntityIfExistsAsync<TableEntity>(HeadPartition(group), name, cancellationToken: ct).ConfigureAwait(false);
        return r.HasValue ? ToHead(r.Value!) : null;
    }

    /// <summary>Heads of one group (one indicator).</summary>
    public async Task<List<SnapshotHead>> ListHeadsAsync(string group, CancellationToken ct)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var pk = HeadPartition(group);
        var list = new List<SnapshotHead>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: ct).ConfigureAwait(false))
            list.Add(ToHead(e));
        return list;
    }

    /// <summary>Every head of the table.</summary>
    public async Task<List<SnapshotHead>> ListAllHeadsAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        const string from = "h|", to = "h}";
        var list = new List<SnapshotHead>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), cancellationToken: ct).ConfigureAwait(false))
            list.Add(ToHead(e));
        return list;
    }

    /// <summary>The current head and its complete entries, or null when there is no such snapshot.</summary>
    public async Task<(SnapshotHead Head, List<TableEntity> Entries)?> ReadAsync(string group, string name, CancellationToken ct)
    {
        for (var attempt = 0; attempt < ReadAttempts; attempt++)
        {
            var head = await GetHeadAsync(group, name, ct).ConfigureAwait(false);
            if (head is null) return null;
            var entries = await ReadVersionAsync(group, name, head.Version, ct).ConfigureAwait(false);
            if (entries.Count == head.Count) return (head, entries);
            // The version was replaced (and its entries deleted) between reading the head and the entries: read again.
            await Task.Delay(20 * (attempt + 1), ct).ConfigureAwait(false);
        }
        throw new RequestFailedException(503, "The snapshot kept changing while it was read.", "SnapshotUnstable", null);
    }

    public async Task<List<TableEntity>> ReadVersionAsync(string group, string name, string version, CancellationToken ct)
    {
        var pk = EntryPartition(group, name);
        var from = VersionPrefix(version);
        var to = version + "}";
        var list = new List<TableEntity>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: ct).ConfigureAwait(false))
            list.Add(e);
        list.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        return list;
    }

    /// <summary>
    /// Publishes <paramref name="entries"/> as the current snapshot unless <paramref name="known"/> (the head as read
    /// at the start of the run, or null when there was none) already has <paramref name="fingerprint"/>.
    /// </summary>
    /// <param name="headColumns">Columns of the head besides Version, Fingerprint, ComputedAt and Count.</param>
    public async Task<(PublishResult Result, SnapshotHead? Replaced)> PublishAsync(string group, string name, string fingerprint,
        DateTimeOffset computedAt, IReadOnlyDictionary<string, object?> headColumns, IReadOnlyList<TableEntity> entries,
        SnapshotHead? known, CancellationToken ct)
    {
        if (known is not null && known.Fingerprint == fingerprint) return (PublishResult.Unchanged, null);
        await EnsureCreatedAsync().ConfigureAwait(false);

        var version = NewVersion(computedAt);
        var pk = EntryPartition(group, name);
        var rows = new List<TableTransactionAction>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = new TableEntity(entries[i]) { PartitionKey = pk, RowKey = VersionPrefix(version) + i.ToString("D6", CultureInfo.InvariantCulture) };
            rows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
        }
        foreach (var chunk in rows.Chunk(BatchSize))
            await _table.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false);

        var head = new TableEntity(HeadPartition(group), name);
        foreach (var (k, v) in headColumns) head[k] = v;
        head["Version"] = version;
        head["Fingerprint"] = fingerprint;
        head["ComputedAt"] = computedAt;
        head["Count"] = entries.Count;

        var current = known;
        for (var attempt = 0; attempt < PublishAttempts; attempt++)
        {
            try
            {
                if (current is null) await _table.AddEntityAsync(head, ct).ConfigureAwait(false);
                else await _table.UpdateEntityAsync(head, current.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                if (current is not null) await DeleteStaleVersionsAsync(group, name, version, current.Version, computedAt, ct).ConfigureAwait(false);
                return (PublishResult.Written, current);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another publisher switched the head first.
                current = await GetHeadAsync(group, name, ct).ConfigureAwait(false);
                if (current is not null && (current.Fingerprint == fingerprint || current.ComputedAt >= computedAt))
                    break; // The winner's is the same, or was computed from facts read no earlier than ours: keep it.
                // Ours was computed from later facts (or the head was deleted): try again against the new head.
            }
        }
        await DeleteVersionAsync(pk, version, ct).ConfigureAwait(false);
        return (PublishResult.LostRace, null);
    }

    /// <summary>Deletes the head (if it is still <paramref name="head"/>) and then its entries.</summary>
    public async Task<bool> DeleteAsync(SnapshotHead head, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(HeadPartition(head.Group), head.Name, head.ETag, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
        await DeleteVersionAsync(EntryPartition(head.Group, head.Name), head.Version, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes the replaced version and versions orphaned by crashed runs long ago; never a recent other version (another run may be writing it).</summary>
    private async Task DeleteStaleVersionsAsync(string group, string name, string current, string replaced, DateTimeOffset now, CancellationToken ct)
    {
        var pk = EntryPartition(group, name);
        var stale = new List<TableTransactionAction>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            var bar = e.RowKey.IndexOf('|');
            var version = bar < 0 ? e.RowKey : e.RowKey[..bar];
            if (version == current) continue;
            if (version == replaced || VersionTime(version) is { } t && now - t > OrphanAge)
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }
        await SubmitDeletesAsync(stale, ct).ConfigureAwait(false);
    }

    private async Task DeleteVersionAsync(string pk, string version, CancellationToken ct)
    {
        var from = VersionPrefix(version);
        var to = version + "}";
        var rows = new List<TableTransactionAction>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        await SubmitDeletesAsync(rows, ct).ConfigureAwait(false);
    }

    private async Task SubmitDeletesAsync(List<TableTransactionAction> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            try
            {
                await _table.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // Someone deleted some of them first: delete the rest one by one.
                foreach (var a in chunk)
                {
                    try { await _table.DeleteEntityAsync(a.Entity.PartitionKey, a.Entity.RowKey, ETag.All, ct).ConfigureAwait(false); }
                    catch (RequestFailedException ex) when (ex.Status == 404) { }
                }
            }
        }
    }
}
