using System.Collections.Concurrent;
using Azure.Data.Tables;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Rankings;

/// <summary>Rows a refresh read and wrote (the benchmark prints them).</summary>
internal sealed class RefreshCounters
{
    private long _read, _written;
    public long RowsRead => Interlocked.Read(ref _read);
    public long RowsWritten => Interlocked.Read(ref _written);
    public void Read(long n) => Interlocked.Add(ref _read, n);
    public void Wrote(long n) => Interlocked.Add(ref _written, n);
    public void Wrote(int n) => Interlocked.Add(ref _written, n);
}

/// <summary>Where a refresh reads current facts: all of them (full rebuild), one group's, or one report's.</summary>
internal interface IRankingFactSource
{
    Task<List<StoredFact>> ReadAllAsync(RefreshCounters counters, CancellationToken ct);
    Task<List<StoredFact>> ReadGroupAsync(FactGroup group, RefreshCounters counters, CancellationToken ct);
    /// <summary>Whether <see cref="ReadReportAsync"/> works (else changes are applied by re-reading whole groups).</summary>
    bool ReadsReports { get; }
    /// <summary>A report's active hash and its current facts (read lazily: <paramref name="withFacts"/> false reads only the hash).</summary>
    Task<(string? ActiveHash, IReadOnlyList<StoredFact>? Facts)> ReadReportAsync(string reportId, bool withFacts, RefreshCounters counters, CancellationToken ct);
}

/// <summary>Any <see cref="IFactReader"/> (facts in memory in tests and the in-memory benchmark): whole groups only.</summary>
internal sealed class FactReaderSource(IFactReader reader) : IRankingFactSource
{
    public bool ReadsReports => false;

    public async Task<List<StoredFact>> ReadAllAsync(RefreshCounters counters, CancellationToken ct)
    {
        var perIndicator = new List<StoredFact>[IndicatorCatalog.All.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, perIndicator.Length), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var list = new List<StoredFact>();
            await foreach (var f in reader.GetIndicatorFactsAsync(IndicatorCatalog.All[i].Code, cancellationToken: token).ConfigureAwait(false)) list.Add(f);
            perIndicator[i] = list;
        }).ConfigureAwait(false);
        var all = perIndicator.SelectMany(l => l).ToList();
        counters.Read(all.Count);
        return all;
    }

    public async Task<List<StoredFact>> ReadGroupAsync(FactGroup group, RefreshCounters counters, CancellationToken ct)
    {
        var list = new List<StoredFact>();
        await foreach (var f in reader.GetIndicatorFactsAsync(group.Indicator, group.Period, cancellationToken: ct).ConfigureAwait(false)) list.Add(f);
        counters.Read(list.Count);
        return list;
    }

    public Task<(string? ActiveHash, IReadOnlyList<StoredFact>? Facts)> ReadReportAsync(string reportId, bool withFacts, RefreshCounters counters, CancellationToken ct) =>
        throw new NotSupportedException("facts of one report cannot be read from an IFactReader");
}

/// <summary>
/// The fact tables themselves (<see cref="ReportStore"/>), read for one refresh: FactsByIndicator rows without their
/// evidence, kept when their hash is their report's active hash. Active hashes are read once per refresh: all report
/// rows in one query for a full rebuild, one key lookup per report otherwise.
/// </summary>
/// <param name="maxReadOneByOne">Reports without a current-facts row that a full refresh reads one by one (more: it reads every FactsByIndicator row).</param>
internal sealed class StoredFactSource(ReportStore store, RankingChangeLog changes, int parallelism, int maxReadOneByOne = StoredFactSource.MaxReportsReadOneByOne)
    : IRankingFactSource
{
    private static readonly string[] Columns =
        ["PartitionKey", "RowKey", "Region", "Indicator", "Period", "Kind", "Value", "Unit", "Qualifier", "ReportId", "ReportYear", "IngestedAt", "Level", "Province", "Hash"];

    private readonly ConcurrentDictionary<string, string?> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReportRecord?> _records = new(StringComparer.Ordinal);

    public bool ReadsReports => true;

    /// <summary>How the last <see cref="ReadAllAsync"/> read (for the summary and tests): reports read from their current-facts row, and from the fact tables.</summary>
    public (int FromCurrentRows, int FromFactTables, bool ScannedFactTables) LastReadAll { get; private set; }

    /// <summary>
    /// Every current fact: from each report's current-facts row (<see cref="RankingChangeLog.ReadCurrentAsync"/>) when
    /// its Hash is the report's active hash; the few reports without one are read one by one, and when more than
    /// <c>maxReadOneByOne</c> lack one (a store filled before these rows existed) every FactsByIndicator
    /// row is read instead, and the missing rows are written for the next time.
    /// </summary>
    public async Task<List<StoredFact>> ReadAllAsync(RefreshCounters counters, CancellationToken ct)
    {
        var reports = TableClient.CreateQueryFilter($"PartitionKey eq {ReportRecord.Partition}");
        await foreach (var e in store.Storage.Reports.QueryAsync<TableEntity>(reports, select: ["RowKey", "ActiveHash"], cancellationToken: ct).ConfigureAwait(false))
        {
            _active[e.RowKey] = e.GetString("ActiveHash");
            counters.Read(1);
        }
        var rows = await changes.ReadCurrentAsync(ct).ConfigureAwait(false);
        counters.Read(rows.Count);
        var facts = new List<StoredFact>();
        var missing = new List<string>();
        foreach (var (id, active) in _active)
        {
            if (active is null || active.StartsWith("failed-", StringComparison.Ordinal)) continue; // no current facts
            if (rows.GetValueOrDefault(id) is { FactsJson: { } json } row && row.Hash == active) facts.AddRange(CompactFacts.ReadWithGroups(json));
            else missing.Add(id);
        }
        var read = new ConcurrentDictionary<string, IReadOnlyList<StoredFact>?>(StringComparer.Ordinal);
        if (missing.Count <= maxReadOneByOne)
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (id, token) =>
                read[id] = (await ReadReportAsync(id, true, counters, token).ConfigureAwait(false)).Facts).ConfigureAwait(false);
        var scan = missing.Count > maxReadOneByOne || read.Values.Any(r => r is null); // (null: a report changed its active version meanwhile)
        var all = scan ? await ReadAllFromFactTablesAsync(counters, ct).ConfigureAwait(false) : null;
        var byReport = (all ?? read.Values.SelectMany(r => r!)).ToLookup(f => f.ReportId, StringComparer.Ordinal);
        var fill = missing.Select(id => (id, _active[id]!, (IReadOnlyCollection<StoredFact>)byReport[id].ToList(), rows.GetValueOrDefault(id)?.ETag ?? default)).ToList();
        if (fill.Count > 0) counters.Wrote(await changes.BackfillCurrentAsync(fill, parallelism, ct).ConfigureAwait(false));
        LastReadAll = scan ? (0, _active.Count, true) : (_active.Count - missing.Count, missing.Count, false);
        if (all is not null) return all;
        foreach (var list in read.Values) facts.AddRange(list!);
        return facts;
    }

    /// <summary>Default of the reports without a current-facts row read one by one.</summary>
    public const int MaxReportsReadOneByOne = 20;

    /// <summary>Every current fact, from the FactsByIndicator rows of the reports' active hashes (read after <see cref="ReadAllAsync"/> read the reports).</summary>
    internal async Task<List<StoredFact>> ReadAllFromFactTablesAsync(RefreshCounters counters, CancellationToken ct)
    {
        var perIndicator = new List<TableEntity>[IndicatorCatalog.All.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, perIndicator.Length), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, token) =>
            perIndicator[i] = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {IndicatorCatalog.All[i].Code}"), token).ConfigureAwait(false)).ConfigureAwait(false);
        var rows = perIndicator.SelectMany(l => l).ToList();
        counters.Read(rows.Count);
        return await CurrentAsync(rows, counters, ct).ConfigureAwait(false);
    }

    public async Task<List<StoredFact>> ReadGroupAsync(FactGroup group, RefreshCounters counters, CancellationToken ct)
    {
        string from = group.Period + FactRows.Separator, to = group.Period + FactRows.AfterSeparator;
        var rows = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {group.Indicator} and RowKey ge {from} and RowKey lt {to}"), ct).ConfigureAwait(false);
        counters.Read(rows.Count);
        return await CurrentAsync(rows, counters, ct).ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> QueryAsync(string filter, CancellationToken ct)
    {
        var list = new List<TableEntity>();
        await foreach (var e in store.Storage.FactsByIndicator.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: Columns, cancellationToken: ct).ConfigureAwait(false))
            list.Add(e);
        return list;
    }

    /// <summary>The rows of their reports' active hashes, as facts.</summary>
    private async Task<List<StoredFact>> CurrentAsync(List<TableEntity> rows, RefreshCounters counters, CancellationToken ct)
    {
        var missing = rows.Select(FactRows.ReportId).OfType<string>().Distinct(StringComparer.Ordinal).Where(id => !_active.ContainsKey(id)).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (id, token) =>
            await ReadReportAsync(id, false, counters, token).ConfigureAwait(false)).ConfigureAwait(false);
        return rows.Where(e => FactRows.ReportId(e) is { } id && FactRows.Hash(e) is { } h && _active.GetValueOrDefault(id) == h)
            .Select(FactRows.ToStoredFact).ToList();
    }

    public async Task<(string? ActiveHash, IReadOnlyList<StoredFact>? Facts)> ReadReportAsync(string reportId, bool withFacts, RefreshCounters counters, CancellationToken ct)
    {
        if (!_records.TryGetValue(reportId, out var record))
        {
            record = await TableRetry.RunAsync(() => store.GetAsync(reportId, ct), ct).ConfigureAwait(false);
            counters.Read(1);
            _records[reportId] = record;
            _active.TryAdd(reportId, record?.ActiveHash);
        }
        if (!withFacts) return (_active.GetValueOrDefault(reportId), null);
        // The facts of the hash this refresh took as active (its first read of the report); none without one.
        var active = _active.GetValueOrDefault(reportId);
        if (record is null || active is null) return (active, []);
        if (record.ActiveHash != active) return (active, null);
        var facts = await new FactQueries(store).GetReportFactsAsync(record, ct).ConfigureAwait(false);
        counters.Read(facts.Count);
        return (active, facts);
    }
}
