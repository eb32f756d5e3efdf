using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// Report rows and the writing of fact rows. Writing a report's facts is made atomic for readers by hashes:
/// <list type="number">
/// <item>the report row records the region partition about to be written (<see cref="ReportRecord.TouchedRegions"/>, <see cref="ReportRecord.NeedsCleanup"/>);</item>
/// <item>fact rows of the new content are upserted next to the old ones (their RowKeys carry the hash), FactsByRegion first, then FactsByIndicator;</item>
/// <item>one update of the report row switches <see cref="ReportRecord.ActiveHash"/>: readers return only rows of the active hash;</item>
/// <item>rows of any other hash are deleted (again on a later run if a crash left them).</item>
/// </list>
/// </summary>
public sealed class ReportStore
{
    private readonly ReportStorage _storage;
    private readonly ILogger<ReportStore> _logger;

    public ReportStore(ReportStorage storage, ILogger<ReportStore>? logger = null)
    {
        _storage = storage;
        _logger = logger ?? NullLogger<ReportStore>.Instance;
    }

    public ReportStorage Storage => _storage;

    /// <summary>Test seam: runs after each fact transaction (a test throws here to simulate a crash mid-write).</summary>
    internal Func<Task>? AfterFactTransaction { get; set; }

    public async Task<ReportRecord?> GetAsync(string reportId, CancellationToken cancellationToken)
    {
        if (!ReportIds.IsWellFormed(reportId)) return null;
        var r = await _storage.Reports.GetEntityIfExistsAsync<TableEntity>(ReportRecord.Partition, reportId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return r.HasValue ? ReportRecord.FromEntity(r.Value!) : null;
    }

    /// <summary>Adds the row if new, or replaces it if unchanged since it was read (optimistic concurrency: 412 otherwise).</summary>
    public async Task SaveAsync(ReportRecord record, CancellationToken cancellationToken)
    {
        var entity = record.ToEntity();
        Response response;
        if (record.ETag == default)
            response = await _storage.Reports.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        else
            response = await _storage.Reports.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        record.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Every report row, one page at a time (the Reports table is one partition).</summary>
    public async Task<(IReadOnlyList<ReportRecord> Items, string? Continuation)> ListAsync(string? afterId, int pageSize, CancellationToken cancellationToken)
    {
        var filter = afterId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ReportRecord.Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {ReportRecord.Partition} and RowKey gt {afterId}");
        var items = new List<ReportRecord>();
        await foreach (var e in _storage.Reports.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(pageSize + 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == pageSize) return (items, items[^1].Id);
            items.Add(ReportRecord.FromEntity(e));
        }
        return (items, null);
    }

    /// <summary>Every report row (for the reconciliation pass and the region list).</summary>
    public async IAsyncEnumerable<ReportRecord> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReportRecord.Partition}");
        await foreach (var e in _storage.Reports.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return ReportRecord.FromEntity(e);
    }

    /// <summary>
    /// Writes the facts of content <paramref name="hash"/> beside the current ones (invisible to readers until
    /// <see cref="ActivateAsync"/>). The record must be the current row (it is saved here).
    /// </summary>
    public async Task WriteFactsAsync(ReportRecord record, string hash, IReadOnlyList<StoredFact> facts, CancellationToken cancellationToken)
    {
        if (RecordRegionsAboutToBeWritten(record, facts)) await SaveAsync(record, cancellationToken).ConfigureAwait(false);

        var numbered = facts.Select((f, i) => (Fact: f, Seq: i)).ToList();
        await FactRows.UpsertAsync(_storage.FactsByRegion,
            numbered.Select(x => (x.Fact.Fact.Region, new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                FactRows.ToEntity(x.Fact.Fact.Region, FactRows.RegionRowKey(x.Fact, hash, x.Seq), x.Fact, hash, x.Seq)))),
            AfterFactTransaction, cancellationToken).ConfigureAwait(false);
        await FactRows.UpsertAsync(_storage.FactsByIndicator,
            numbered.Select(x => (x.Fact.Fact.Indicator, new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                FactRows.ToEntity(x.Fact.Fact.Indicator, FactRows.IndicatorRowKey(x.Fact, hash, x.Seq), x.Fact, hash, x.Seq)))),
            AfterFactTransaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the regions of <paramref name="facts"/> to the row's touched regions and marks it as needing clean-up (rows of
    /// this content may exist before the switch); true if the row changed and must be saved before any fact row is
    /// written. Ingestion does this on the claim itself, so that <see cref="WriteFactsAsync"/> has nothing to save.
    /// </summary>
    public bool RecordRegionsAboutToBeWritten(ReportRecord record, IReadOnlyList<StoredFact> facts)
    {
        var touched = record.TouchedRegions.Union(facts.Select(f => f.Fact.Region), StringComparer.Ordinal).ToList();
        if (record.NeedsCleanup && touched.Count == record.TouchedRegions.Count) return false;
        record.TouchedRegions = touched;
        record.NeedsCleanup = true;
        return true;
    }

    /// <summary>
    /// Deletes fact rows of this report whose hash is neither the active one nor the one being written, then clears
    /// the cleanup flag. The rows are listed before the report row is read again, and the writer of a new content
    /// records its hash before writing rows, so rows a concurrent ingestion is writing are never taken for stale ones;
    /// region rows are deleted only if unchanged since listed (ETag).
    /// </summary>
    public async Task CleanupAsync(ReportRecord record, CancellationToken cancellationToken)
    {
        var keep = new List<string>();
        ReportRecord? fresh = null;
        foreach (var region in record.TouchedRegions)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {region} and ReportId eq {record.Id}");
            var rows = new List<TableEntity>();
            await foreach (var e in _storage.FactsByRegion.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                rows.Add(e);
            fresh = await GetAsync(record.Id, cancellationToken).ConfigureAwait(false);
            if (fresh is null) return;
            var writing = fresh.Status == ReportStatus.Processing ? fresh.WritingGeneration : null;
            var stale = rows.Where(e => FactRows.Hash(e) is var h && h != fresh.ActiveHash && h != writing).ToList();
            if (rows.Count > stale.Count) keep.Add(region);
            if (stale.Count == 0) continue;
            _logger.LogInformation("Deleting {Count} superseded fact rows of report {ReportId} in region {Region}", stale.Count, record.Id, region);
            // Indicator rows first: the region rows are the index that finds them if this stops half-way.
            await FactRows.SubmitAsync(_storage.FactsByIndicator, stale.Select(e =>
            {
                var (pk, rk) = FactRows.IndicatorKeyOf(e);
                return (pk, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, rk), ETag.All));
            }), null, cancellationToken).ConfigureAwait(false);
            await FactRows.SubmitAsync(_storage.FactsByRegion, stale.Select(e =>
                (e.PartitionKey, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), e.ETag))),
                null, cancellationToken).ConfigureAwait(false);
        }
        fresh ??= await GetAsync(record.Id, cancellationToken).ConfigureAwait(false);
        // A writer of new content is at work: it finishes (and cleans up) itself.
        if (fresh is null || (fresh.Status == ReportStatus.Processing && fresh.WritingGeneration != fresh.ActiveHash)) return;
        fresh.TouchedRegions = keep;
        fresh.NeedsCleanup = false;
        try
        {
            await SaveAsync(fresh, cancellationToken).ConfigureAwait(false);
            record.TouchedRegions = fresh.TouchedRegions;
            record.NeedsCleanup = false;
            record.ETag = fresh.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // The row changed meanwhile; whoever changed it owns the cleanup flag now.
        }
    }

    /// <summary>Active hash of each report, read once per reader request.</summary>
    internal sealed class ActiveHashes(ReportStore store)
    {
        private readonly Dictionary<string, string?> _active = new(StringComparer.Ordinal);
        private readonly HashSet<string> _refreshed = new(StringComparer.Ordinal);

        /// <summary>From this many reports not read yet, <see cref="PrefetchAsync"/> reads their rows' key range in one
        /// query (two columns) instead of one point read each: an indicator's partition holds rows of every region's reports,
        /// and 1,944 point reads made the first amplification answer over 300 cities take 1.8 s.</summary>
        public const int RangeReadThreshold = 16;

        /// <summary>Reads the active hashes of the reports of a page of rows before the rows are judged one by one (the
        /// same first read <see cref="IsActiveAsync"/> would make, earlier): a few reports by point reads at once, many by
        /// one range query of the reports partition.</summary>
        public async Task PrefetchAsync(IEnumerable<string?> reportIds, CancellationToken cancellationToken)
        {
            var unknown = reportIds.OfType<string>().Where(id => !_active.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count == 0) return;
            if (unknown.Count < RangeReadThreshold)
            {
                var reads = await Task.WhenAll(unknown.Select(async id => (id, (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.ActiveHash))).ConfigureAwait(false);
                foreach (var (id, hash) in reads) _active[id] = hash;
                return;
            }
            unknown.Sort(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReportRecord.Partition} and RowKey ge {unknown[0]} and RowKey le {unknown[^1]}");
            // Every report of the range is kept (the next page of the same read likely has rows of them), not only those asked.
            await foreach (var e in store.Storage.Reports.QueryAsync<TableEntity>(filter, select: ["RowKey", "ActiveHash"], cancellationToken: cancellationToken).ConfigureAwait(false))
                _active.TryAdd(e.RowKey, e.GetString("ActiveHash"));
            foreach (var id in unknown) _active.TryAdd(id, null); // no row: no report, no current facts
        }

        /// <summary>Set when a report's active hash changed while this request was reading.</summary>
        public bool Changed { get; private set; }

        /// <summary>Before each page of a read of many pages that shares these hashes: what was read stays known (the
        /// pages of one read judge rows by the same hashes), the page's own checks start afresh. So a later page shows a
        /// report as of the hash read for an earlier one: a row of its new content makes the page re-check it, but its
        /// superseded rows, until the clean-up deletes them, still pass, as if the whole read had been made then.</summary>
        public void StartPage()
        {
            Changed = false;
            _refreshed.Clear();
        }

        public async ValueTask<bool> IsActiveAsync(string? reportId, string? hash, CancellationToken cancellationToken)
        {
            if (reportId is null || hash is null) return false;
            if (!_active.TryGetValue(reportId, out var active))
            {
                active = (await store.GetAsync(reportId, cancellationToken).ConfigureAwait(false))?.ActiveHash;
                _active[reportId] = active;
                return active == hash;
            }
            if (active == hash) return true;
            // A row of another hash: stale (normal during a cleanup), or the report switched while we read.
            if (!_refreshed.Add(reportId)) return false;
            var now = (await store.GetAsync(reportId, cancellationToken).ConfigureAwait(false))?.ActiveHash;
            if (now != active) { Changed = true; _active[reportId] = now; }
            return now == hash;
        }
    }
}
