using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// A group's cached input as read: its facts (null when not cached: too large for one entity), the row's ETag (default:
/// no row) and what was last published from it (null when not known: see <see cref="PublishedNames"/>).
/// </summary>
internal sealed record GroupInput(FactGroup Group, List<StoredFact>? Facts, ETag ETag, PublishedNames? Published = null);

/// <summary>
/// The rankings (row name -> fingerprint and the row's ETag after publishing) and the number of attainment sets a refresh published for a group from the
/// facts of its input row, recorded in that row (columns <c>Pub</c>, <c>PubSets</c>, <c>PubOk</c>) after publishing,
/// only if the row is unchanged since that refresh wrote its facts. Writing new facts drops them (Replace), so a row
/// whose publishing did not finish has none and the next refresh lists the group's rankings.
/// </summary>
internal sealed record PublishedNames(Dictionary<string, (string Fingerprint, string ETag)> Rankings, int Sets)
{
    public string RankingsJson() => System.Text.Json.JsonSerializer.Serialize(Rankings.ToDictionary(kv => kv.Key, kv => new[] { kv.Value.Fingerprint, kv.Value.ETag }));

    public static Dictionary<string, (string, string)> ParseRankings(string json) =>
        (System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? []).Where(kv => kv.Value.Length == 2)
        .ToDictionary(kv => kv.Key, kv => (kv.Value[0], kv.Value[1]), StringComparer.Ordinal);
}

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
        PublishedNames? published = null;
        if (e.GetBoolean("PubOk") == true && e.GetInt32("PubSets") is { } sets)
            published = new PublishedNames(PublishedNames.ParseRankings(EntityText.Read(e, "Pub")), sets);
        return new GroupInput(g, facts, e.ETag, published);
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

    /// <summary>Writes a group's facts if its row is unchanged since read (<paramref name="etag"/>; default: insert); the new row's ETag, or null when another run changed it first.</summary>
    public async Task<ETag?> TryWriteAsync(FactGroup g, IReadOnlyCollection<StoredFact> facts, ETag etag, CancellationToken ct)
    {
        var e = ToEntity(g, facts);
        try
        {
            var r = etag == default
                ? await TableRetry.RunAsync(() => _table.AddEntityAsync(e, ct), ct).ConfigureAwait(false)
                : await TableRetry.RunAsync(() => _table.UpdateEntityAsync(e, etag, TableUpdateMode.Replace, ct), ct).ConfigureAwait(false);
            return r.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Records what was published from each group's facts (merged into its row, only if the row still has the ETag
    /// given: the one this run's facts write returned, or <see cref="ETag.All"/>); returns the groups whose row changed meanwhile.
    /// </summary>
    public async Task<List<FactGroup>> RecordPublishedAsync(IReadOnlyList<(FactGroup Group, ETag ETag, PublishedNames Published)> rows, int parallelism,
        Action<int>? rowsWritten, CancellationToken ct)
    {
        static TableEntity Entity(FactGroup g, PublishedNames p)
        {
            var e = new TableEntity(g.Indicator, g.Period) { ["PubOk"] = true, ["PubSets"] = p.Sets };
            EntityText.Write(e, "Pub", p.RankingsJson());
            return e;
        }
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Entity(r.Group, r.Published), r.ETag)).ToList();
        var changed = new List<FactGroup>();
        foreach (var batch in await TableWriter.SubmitAsync(_table, actions, parallelism, rowsWritten, ct).ConfigureAwait(false))
        {
            foreach (var a in batch.Actions)
            {
                try
                {
                    await TableRetry.RunAsync(() => _table.UpdateEntityAsync((TableEntity)a.Entity, a.ETag, TableUpdateMode.Merge, ct), ct).ConfigureAwait(false);
                    rowsWritten?.Invoke(1);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    changed.Add(new FactGroup(a.Entity.PartitionKey, a.Entity.RowKey));
                }
            }
        }
        return changed;
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
                if (await TryWriteAsync(g, row.Facts, row.ETag, ct).ConfigureAwait(false) is not null) rowsWritten?.Invoke(1);
                else conflicts.Add(g);
            }
        }
        return conflicts;
    }
}
