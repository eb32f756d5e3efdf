using Azure;
using Azure.Data.Tables;

namespace ReportFunctions.Core.Rankings;

/// <summary>A published snapshot's row as listed (without its entries): enough to compare, replace or delete it.</summary>
internal sealed record SnapshotHead(string Group, string Name, string Fingerprint, DateTimeOffset ComputedAt, int Count, ETag ETag, TableEntity Entity);

internal enum PublishResult { Written, Unchanged, LostRace }

/// <summary>One snapshot to publish: its row's columns besides the keys, Fingerprint, ComputedAt, Count and entries.</summary>
internal sealed record SnapshotWrite(string Group, string Name, string Fingerprint, DateTimeOffset ComputedAt, int Count,
    IReadOnlyDictionary<string, object?> Columns, string EntriesJson, SnapshotHead? Known);

/// <summary>
/// Publishes snapshots (a ranking, an attainment set) as ONE entity each, so that a reader only ever sees a whole one:
/// PartitionKey <c>s|{group}</c> (the code), RowKey <c>{name}</c>; columns Fingerprint, ComputedAt, Count, the caller's,
/// and the entries as JSON split across properties <c>E0</c>, <c>E1</c>... (<see cref="EntityText"/>).
/// <para>
/// A snapshot replaces the one read at the start of the run only if that one is still there (ETag-conditional
/// update; insert when there was none). Many are written at once in entity-group transactions of one partition
/// (<see cref="TableWriter"/>); the rows of a batch that fails (a row changed meanwhile) are published one by one:
/// a run that loses the ETag race keeps the winner's snapshot unless its inputs were read later than the winner's,
/// in which case it retries against the new row.
/// </para>
/// </summary>
internal sealed class SnapshotTable
{
    private const int PublishAttempts = 4;
    internal const string EntriesProperty = "E";
    /// <summary>Columns every listing reads (entries are left out).</summary>
    private static readonly string[] ListColumns = ["PartitionKey", "RowKey", "Fingerprint", "ComputedAt", "Count"];

    private readonly TableClient _table;
    private readonly Storage.CreateOnce _created;
    private readonly string[] _listColumns;

    /// <param name="extraListColumns">Caller's columns that listings also read.</param>
    public SnapshotTable(TableClient table, params string[] extraListColumns)
    {
        _table = table;
        _created = new Storage.CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
        _listColumns = [.. ListColumns, .. extraListColumns];
    }

    public TableClient Table => _table;

    /// <summary>Creates the table once per instance (at the hosts' start-up; later calls issue no request).</summary>
    public Task EnsureCreatedAsync() => _created.EnsureAsync();

    internal static string Partition(string group) => "s|" + group;

    private static SnapshotHead ToHead(TableEntity e) => new(
        e.PartitionKey[2..], e.RowKey, e.GetString("Fingerprint") ?? "",
        e.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue, e.GetInt32("Count") ?? 0, e.ETag, e);

    /// <summary>The whole snapshot row (with entries), or null.</summary>
    public async Task<TableEntity?> ReadAsync(string group, string name, CancellationToken ct)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var r = await TableRetry.RunAsync(() => _table.GetEntityIfExistsAsync<TableEntity>(Partition(group), name, cancellationToken: ct), ct).ConfigureAwait(false);
        return r.HasValue ? r.Value : null;
    }

    public async Task<SnapshotHead?> GetHeadAsync(string group, string name, CancellationToken ct) =>
        await ReadAsync(group, name, ct).ConfigureAwait(false) is { } e ? ToHead(e) : null;

    /// <summary>Heads of one group (one code), optionally only those whose name starts with <paramref name="namePrefix"/>.</summary>
    public async Task<List<SnapshotHead>> ListHeadsAsync(string group, string? namePrefix, CancellationToken ct)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var pk = Partition(group);
        var filter = namePrefix is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {pk}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {namePrefix} and RowKey lt {namePrefix[..^1] + "}"}");
        return await QueryHeadsAsync(filter, ct).ConfigureAwait(false);
    }

    /// <summary>Every head of the table.</summary>
    public async Task<List<SnapshotHead>> ListAllHeadsAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        const string from = "s|", to = "s}";
        return await QueryHeadsAsync(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), ct).ConfigureAwait(false);
    }

    private async Task<List<SnapshotHead>> QueryHeadsAsync(string filter, CancellationToken ct)
    {
        var list = new List<SnapshotHead>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: _listColumns, cancellationToken: ct).ConfigureAwait(false))
            list.Add(ToHead(e));
        return list;
    }

    private static TableEntity ToEntity(SnapshotWrite w)
    {
        var e = new TableEntity(Partition(w.Group), w.Name);
        foreach (var (k, v) in w.Columns) if (v is not null) e[k] = v;
        e["Fingerprint"] = w.Fingerprint;
        e["ComputedAt"] = w.ComputedAt;
        e["Count"] = w.Count;
        EntityText.Write(e, EntriesProperty, w.EntriesJson);
        return e;
    }

    /// <summary>
    /// Publishes each write whose fingerprint differs from its <see cref="SnapshotWrite.Known"/> row (the row as read at
    /// the start of the run, or null when there was none); returns each write's result, in order.
    /// </summary>
    /// <param name="etags">Filled with each write's row ETag afterwards (written, or unchanged: the known one); null when left to another run.</param>
    public async Task<PublishResult[]> PublishAsync(IReadOnlyList<SnapshotWrite> writes, int parallelism, Action<int>? rowsWritten, CancellationToken ct, ETag?[]? etags = null)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var results = new PublishResult[writes.Count];
        var index = new Dictionary<(string, string), int>();
        var actions = new List<TableTransactionAction>();
        for (var i = 0; i < writes.Count; i++)
        {
            var w = writes[i];
            if (w.Known is not null && w.Known.Fingerprint == w.Fingerprint)
            {
                results[i] = PublishResult.Unchanged;
                if (etags is not null) etags[i] = w.Known.ETag;
                continue;
            }
            results[i] = PublishResult.Written;
            var e = ToEntity(w);
            index[(e.PartitionKey, e.RowKey)] = i;
            actions.Add(w.Known is null
                ? new TableTransactionAction(TableTransactionActionType.Add, e)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, w.Known.ETag));
        }
        var failed = await TableWriter.SubmitAsync(_table, actions, parallelism, rowsWritten, ct,
            etags is null ? null : (a, etag) => etags[index[(a.Entity.PartitionKey, a.Entity.RowKey)]] = etag).ConfigureAwait(false);
        // A batch holding a row another run changed (or added) meanwhile: its rows one by one, with the race rule.
        await Parallel.ForEachAsync(failed.SelectMany(b => b.Actions), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct }, async (a, token) =>
        {
            var i = index[(a.Entity.PartitionKey, a.Entity.RowKey)];
            (results[i], var etag) = await PublishOneAsync((TableEntity)a.Entity, writes[i], token).ConfigureAwait(false);
            if (etags is not null) etags[i] = etag;
            if (results[i] == PublishResult.Written) rowsWritten?.Invoke(1);
        }).ConfigureAwait(false);
        return results;
    }

    private async Task<(PublishResult, ETag?)> PublishOneAsync(TableEntity entity, SnapshotWrite w, CancellationToken ct)
    {
        var current = w.Known;
        for (var attempt = 0; attempt < PublishAttempts; attempt++)
        {
            try
            {
                var r = current is null
                    ? await TableRetry.RunAsync(() => _table.AddEntityAsync(entity, ct), ct).ConfigureAwait(false)
                    : await TableRetry.RunAsync(() => _table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, ct), ct).ConfigureAwait(false);
                return (PublishResult.Written, r.Headers.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                // Another publisher changed (or added, or deleted) the row first.
                current = await GetHeadAsync(w.Group, w.Name, ct).ConfigureAwait(false);
                if (current is not null && (current.Fingerprint == w.Fingerprint || current.ComputedAt >= w.ComputedAt))
                    return (PublishResult.LostRace, null); // The same, or computed from inputs read no earlier than ours: keep it.
                // Ours was computed from later inputs (or the row is gone): try again against the row as it is now.
            }
        }
        return (PublishResult.LostRace, null);
    }

    /// <summary>Deletes the rows (each only if unchanged since listed); returns how many were deleted.</summary>
    public Task<int> DeleteAsync(IEnumerable<SnapshotHead> heads, int parallelism, CancellationToken ct) =>
        TableWriter.DeleteAsync(_table, heads.Select(h => (ITableEntity)new TableEntity(Partition(h.Group), h.Name) { ETag = h.ETag }), parallelism, ct);
}
