using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Queries;

namespace ReportFunctions.Core.Rankings;

/// <summary>Tuning of <see cref="RankingRefresher"/>; the defaults suit the hosts.</summary>
public sealed class RankingRefresherSettings
{
    /// <summary>Take the blob lease so that one run computes at a time (correctness does not depend on it).</summary>
    public bool UseLease { get; init; } = true;
    /// <summary>Name of the lease blob in <see cref="StorageNames.LeasesContainer"/>.</summary>
    public string LeaseBlobName { get; init; } = "rankings-refresh";
    /// <summary>How long a run waits for another run's lease before it runs anyway.</summary>
    public TimeSpan LeaseWait { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Write requests (entity-group transactions, one partition each) in flight at once.</summary>
    public int MaxParallelism { get; init; } = 8;
    /// <summary>Read requests (fact queries, group inputs, report rows) in flight at once.</summary>
    public int ReadParallelism { get; init; } = 4;
    /// <summary>An incremental refresh becomes a full rebuild when the last one is older than this (a safety net; see README).</summary>
    public TimeSpan FullRebuildEvery { get; init; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Publishes the rankings and attainment sets whose inputs changed. An incremental refresh (the timer's) recomputes
/// only the (indicator, period) groups that ingestion marked as changed (<see cref="RankingChangeLog"/>); a full one
/// (<c>?full=true</c>, <c>reports rank --full</c>, the first run, a new engine version, or once a
/// <see cref="RankingRefresherSettings.FullRebuildEvery"/>) recomputes every group from the fact tables. Both give the
/// same rankings. Safe to run concurrently with itself and with ingestion (see Rankings/README.md).
/// </summary>
public sealed partial class RankingRefresher
{
    /// <summary>Stored with the baseline: a change of engine or layout makes the next refresh a full one.</summary>
    internal const string BaselineVersion = RankingEngine.EngineVersion + "/" + AttainmentEngine.EngineVersion + "/layout-2";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LeaseRenewEvery = TimeSpan.FromSeconds(20);

    private readonly IFactReader _facts;
    private readonly RankingStore _rankings;
    private readonly AttainmentStore _attainment;
    private readonly RankingInputStore _inputs;
    private readonly BlobServiceClient _blobs;
    private readonly TimeProvider _time;
    private readonly ILogger<RankingRefresher> _logger;
    private readonly RankingRefresherSettings _settings;
    private readonly Storage.CreateOnce _leasesCreated;

    public RankingRefresher(IFactReader facts, RankingStore rankings, AttainmentStore attainment, BlobServiceClient blobs,
        TimeProvider time, ILogger<RankingRefresher> logger, Storage.DataChangeStamp? changes = null)
        : this(facts, rankings, attainment, blobs, time, logger, new RankingRefresherSettings()) { DataStamp = changes; }

    public RankingRefresher(IFactReader facts, RankingStore rankings, AttainmentStore attainment, BlobServiceClient blobs,
        TimeProvider time, ILogger<RankingRefresher> logger, RankingRefresherSettings settings)
    {
        _facts = facts;
        _rankings = rankings;
        _attainment = attainment;
        _blobs = blobs;
        _time = time;
        _logger = logger;
        _settings = settings;
        _inputs = new RankingInputStore(rankings.TableService, rankings.TablePrefix);
        // Facts in the fact tables: the change log ingestion writes beside them. Other readers (tests, the in-memory
        // benchmark): a change log beside the rankings, written by whoever changes the facts.
        Changes = facts is FactQueries q
            ? new RankingChangeLog(q.Store.Storage)
            : new RankingChangeLog(rankings.TableService.GetTableClient(rankings.TablePrefix + StorageNames.RankingChangesTable));
        _leasesCreated = new Storage.CreateOnce(ct => _blobs.GetBlobContainerClient(StorageNames.LeasesContainer).CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>Test seam: runs in each refresh once the facts are read, before anything is published or cleared.</summary>
    internal Func<CancellationToken, Task>? AfterFactsRead { get; set; }

    /// <summary>The change log this refresher reads (ingestion records changes in it).</summary>
    public RankingChangeLog Changes { get; }

    /// <summary>
    /// Creates the leases container and the Rankings, Attainment, RankingInputs and RankingChanges tables, once per
    /// instance: the hosts' start-up step (<see cref="Storage.StorageStartup"/>) calls it, so a refresh issues no create request.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _leasesCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _rankings.EnsureCreatedAsync().ConfigureAwait(false);
        await _attainment.EnsureCreatedAsync().ConfigureAwait(false);
        await _inputs.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Changes.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>cached-reads (issue 14): touched at the end of a refresh that wrote or removed anything (none: no touch).</summary>
    public Storage.DataChangeStamp? DataStamp { get; init; }

    /// <summary>An incremental refresh (a full one when due, see <see cref="RankingRefresherSettings.FullRebuildEvery"/>).</summary>
    public Task<RankingRefreshSummary> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(full: false, cancellationToken);

    /// <param name="full">Recompute every group from the fact tables rather than only the changed ones.</param>
    public async Task<RankingRefreshSummary> RefreshAsync(bool full, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false); // done at start-up: no request here
        await using var lease = _settings.UseLease ? await AcquireLeaseAsync(cancellationToken).ConfigureAwait(false) : null;

        var counters = new RefreshCounters();
        var baseline = await Changes.GetBaselineAsync(cancellationToken).ConfigureAwait(false);
        counters.Read(1);
        var requested = full;
        full |= baseline is not { } b || b.EngineVersion != BaselineVersion || startedAt - b.At > _settings.FullRebuildEvery;

        IRankingFactSource source = _facts is FactQueries q ? new StoredFactSource(q.Store, Changes, Math.Max(1, _settings.ReadParallelism)) : new FactReaderSource(_facts);
        var publisher = new RefreshPublisher(_rankings, _attainment, _settings, counters);
        var run = new RefreshRun(source, _inputs, Changes, publisher, _settings, counters, _time) { AfterFactsRead = AfterFactsRead };
        if (full)
        {
            await run.FullAsync(cancellationToken).ConfigureAwait(false);
            await Changes.SetBaselineAsync(BaselineVersion, startedAt, cancellationToken).ConfigureAwait(false);
            counters.Wrote(1);
        }
        else await run.IncrementalAsync(cancellationToken).ConfigureAwait(false);

        // ---- cached-reads: ONE call: readers' caches follow a refresh that wrote or removed anything (DataChangeStamp, issue 14).
        if (DataStamp is not null && (publisher.RankingResults.Any(r => r == PublishResult.Written) || publisher.SetResults.Any(r => r == PublishResult.Written)
                                      || publisher.RankingsRemoved > 0 || publisher.SetsRemoved > 0))
            await DataStamp.TouchAsync(Storage.DataArea.Rankings, cancellationToken).ConfigureAwait(false);

        var summary = new RankingRefreshSummary
        {
            Full = full,
            FullRequested = requested,
            ChangesRead = run.ChangesRead,
            GroupsRefreshed = run.GroupsRefreshed,
            FactsRead = run.FactsRead,
            RowsRead = counters.RowsRead,
            RowsWritten = counters.RowsWritten,
            RankingsComputed = publisher.RankingsComputed,
            RankingsWritten = publisher.RankingResults.Count(r => r == PublishResult.Written),
            RankingsUnchanged = publisher.RankingResults.Count(r => r == PublishResult.Unchanged),
            RankingsLostRace = publisher.RankingResults.Count(r => r == PublishResult.LostRace),
            RankingsRemoved = publisher.RankingsRemoved,
            AttainmentSetsComputed = publisher.SetsComputed,
            AttainmentSetsWritten = publisher.SetResults.Count(r => r == PublishResult.Written),
            AttainmentSetsUnchanged = publisher.SetResults.Count(r => r == PublishResult.Unchanged),
            AttainmentSetsRemoved = publisher.SetsRemoved,
            RankingListings = publisher.RankingListings,
            AttainmentListings = publisher.SetListings,
            ReportsFromFactTables = source is StoredFactSource s && full ? s.LastReadAll.FromFactTables : 0,
            FactTablesScanned = source is StoredFactSource s2 && full && s2.LastReadAll.ScannedFactTables,
            HeldLease = lease is { Held: true },
            StartedAt = startedAt,
            Duration = clock.Elapsed,
        };
        _logger.LogInformation(
            "Rankings refreshed ({Mode}) in {Duration} ms: {Changes} changes, {Groups} groups, {Facts} facts, {RowsRead} rows read, {RowsWritten} rows written; {Computed} rankings computed, {Written} written, {Unchanged} unchanged, {Lost} left to another run, {Removed} removed; attainment {SetsComputed} computed, {SetsWritten} written, {SetsUnchanged} unchanged; lease held: {Lease}",
            summary.Full ? "full" : "incremental", (long)summary.Duration.TotalMilliseconds, summary.ChangesRead, summary.GroupsRefreshed, summary.FactsRead,
            summary.RowsRead, summary.RowsWritten, summary.RankingsComputed, summary.RankingsWritten, summary.RankingsUnchanged,
            summary.RankingsLostRace, summary.RankingsRemoved, summary.AttainmentSetsComputed, summary.AttainmentSetsWritten, summary.AttainmentSetsUnchanged, summary.HeldLease);
        return summary;
    }
}
