using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>A group's cached input as read: its facts (null when not cached: too large for one entity) and the row's ETag (default: no row).</summary>
internal sealed record GroupInput(FactGroup Group, List<StoredFact>? Facts, ETag ETag);

/// <summary>
/// The facts every (indicator, period) group's rankings and attainment were last computed from, in the RankingInputs
/// table (<see cref="StorageNames.RankingInputsTable"/>): PartitionKey <c>{indicator}</c>, RowKey <c>{period}</c>,
/// the facts as <see cref="CompactFacts"/> in <c>F0</c>, <c>F1</c>... An incremental refresh reads a changed group's
/// row, replaces the facts of the reports that changed, and writes it back only if unchanged since read (ETag), so two
/// refreshes never lose each other's updates. A group too large for one entity is not cached (TooLarge = true) and
/// is re-read from the fact tables when it changes.
/// </summary>
internal sealed class RankingInputStore
{
    private readonly TableClient _table;
    private readonly Storage.CreateOnce _created;

    public RankingInputStore(TableServiceClient tables, string? prefix)
    {
        _table = tables.GetTableClient((prefix ?? "") + StorageNames.RankingInputsTable);
        _created = new Storage.CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
    }

    public Task EnsureCreatedAsync(CancellationToken ct = default) => _created.EnsureAsync(ct);

    public async Task<GroupInput> GetAsync(FactGroup g, CancellationToken ct)
    {
        var r = await TableRetry.RunAsync(() => _table.GetEntityIfExistsAsync<TableEntity>(g.Indicator, g.Period, cancellationToken: ct), ct).ConfigureAwait(false);
        if (!r.HasValue) return new GroupInput(g, null, default);
        var e = r.Value!;
        var facts = e.GetBoolean("TooLarge") == true ? null : CompactFacts.Read(EntityText.Read(e, "F"), g.Indicator, g.Period);
        return new GroupInput(g, facts, e.ETag);
    }

    /// <summary>The ETag of every group's row (for a full rebuild, which rewrites them all).</summary>
    public async Task<Dictionary<FactGroup, ETag>> ListAsync(CancellationToken ct)
    {
        var result = new Dictionary<FactGroup, ETag>();
        await foreach (var e in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            result[new FactGroup(e.PartitionKey, e.RowKey)] = e.ETag;
        return result;
    }

    /// <summary>The row holding <paramref name="facts"/> (or marked too large).</summary>
    public static TableEntity ToEntity(FactGroup g, IReadOnlyCollection<StoredFact> facts)
    {
        var e = new TableEntity(g.Indicator, g.Period) { ["Count"] = facts.Count };
        var json = CompactFacts.Write(facts);
        if (EntityText.Fits(json)) EntityText.Write(e, "F", json);
        else e["TooLarge"] = true;
        return e;
    }

    /// <summary>Writes a group's facts if its row is unchanged since read (<paramref name="etag"/>; default: insert); false when another run changed it first.</summary>
    public async Task<bool> TryWriteAsync(FactGroup g, IReadOnlyCollection<StoredFact> facts, ETag etag, CancellationToken ct)
    {
        var e = ToEntity(g, facts);
        try
        {
            if (etag == default) await TableRetry.RunAsync(() => _table.AddEntityAsync(e, ct), ct).ConfigureAwait(false);
            else await TableRetry.RunAsync(() => _table.UpdateEntityAsync(e, etag, TableUpdateMode.Replace, ct), ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Writes many groups' facts at once, each only if unchanged since listed; returns the groups another run changed first.</summary>
    public async Task<List<FactGroup>> WriteManyAsync(IReadOnlyList<(FactGroup Group, IReadOnlyCollection<StoredFact> Facts, ETag ETag)> rows, int parallelism,
        Action<int>? rowsWritten, CancellationToken ct)
    {
        var actions = rows.Select(r => r.ETag == default
            ? new TableTransactionAction(TableTransactionActionType.Add, ToEntity(r.Group, r.Facts))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(r.Group, r.Facts), r.ETag)).ToList();
        var conflicts = new List<FactGroup>();
        foreach (var batch in await TableWriter.SubmitAsync(_table, actions, parallelism, rowsWritten, ct).ConfigureAwait(false))
        {
            foreach (var a in batch.Actions)
            {
                var g = new FactGroup(a.Entity.PartitionKey, a.Entity.RowKey);
                var row = rows.First(r => r.Group == g);
                if (await TryWriteAsync(g, row.Facts, row.ETag, ct).ConfigureAwait(false)) rowsWritten?.Invoke(1);
                else conflicts.Add(g);
            }
        }
        return conflicts;
    }
}
