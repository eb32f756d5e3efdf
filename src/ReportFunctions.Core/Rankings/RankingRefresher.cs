using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

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
    /// <summary>Rankings published at once.</summary>
    public int MaxParallelism { get; init; } = 8;
    /// <summary>Indicators whose facts are read at once.</summary>
    public int ReadParallelism { get; init; } = 4;
}

/// <summary>
/// Recomputes every ranking and attainment set from the current facts and publishes those whose inputs changed.
/// Safe to run concurrently with itself (see <see cref="SnapshotTable"/>); the blob lease only saves duplicate work.
/// Hosts call <see cref="RefreshAsync"/> from the timer (RANKING_SCHEDULE) and from <c>POST /api/rankings/refresh</c>.
/// </summary>
public sealed class RankingRefresher
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LeaseRenewEvery = TimeSpan.FromSeconds(20);

    private readonly IFactReader _facts;
    private readonly RankingStore _rankings;
    private readonly AttainmentStore _attainment;
    private readonly BlobServiceClient _blobs;
    private readonly TimeProvider _time;
    private readonly ILogger<RankingRefresher> _logger;
    private readonly RankingRefresherSettings _settings;
    private readonly Storage.CreateOnce _leasesCreated;

    public RankingRefresher(IFactReader facts, RankingStore rankings, AttainmentStore attainment, BlobServiceClient blobs,
        TimeProvider time, ILogger<RankingRefresher> logger, Storage.DataChangeStamp? changes = null)
        : this(facts, rankings, attainment, blobs, time, logger, new RankingRefresherSettings()) { Changes = changes; }

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
        _leasesCreated = new Storage.CreateOnce(ct => _blobs.GetBlobContainerClient(StorageNames.LeasesContainer).CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>
    /// Creates the leases container and the Rankings and Attainment tables, once per instance: the hosts' start-up
    /// step (<see cref="Storage.StorageStartup"/>) calls it, so a refresh issues no create request.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _leasesCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _rankings.EnsureCreatedAsync().ConfigureAwait(false);
        await _attainment.EnsureCreatedAsync().ConfigureAwait(false);
    }

    /// <summary>cached-reads (issue 14): touched at the end of a refresh that wrote or removed anything (none: no touch).</summary>
    public Storage.DataChangeStamp? Changes { get; init; }

    public async Task<RankingRefreshSummary> RefreshAsync(CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        await using var lease = _settings.UseLease ? await AcquireLeaseAsync(cancellationToken).ConfigureAwait(false) : null;

        // The time the facts are read: a ranking computed from facts read later wins a publishing race.
        var computedAt = _time.GetUtcNow();
        // One indicator per reader call, several at once (the engine's results do not depend on the order of facts).
        var perIndicator = new List<StoredFact>[IndicatorCatalog.All.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, perIndicator.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _settings.ReadParallelism), CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var list = new List<StoredFact>();
                await foreach (var f in _facts.GetIndicatorFactsAsync(IndicatorCatalog.All[i].Code, cancellationToken: ct).ConfigureAwait(false))
                    list.Add(f);
                perIndicator[i] = list;
            }).ConfigureAwait(false);
        var facts = perIndicator.SelectMany(l => l).ToList();

        var rankings = RankingEngine.Compute(facts, computedAt);
        var sets = AttainmentEngine.Compute(facts, computedAt);

        var rankingHeads = await _rankings.GetAllHeadsAsync(cancellationToken).ConfigureAwait(false);
        var rankingResults = new ConcurrentBag<PublishResult>();
        await Parallel.ForEachAsync(rankings, Options(cancellationToken), async (r, ct) =>
            rankingResults.Add(await _rankings.PublishAsync(r, rankingHeads.GetValueOrDefault(r.Key), ct).ConfigureAwait(false))).ConfigureAwait(false);
        var computedKeys = rankings.Select(r => r.Key).ToHashSet();
        var removed = 0;
        await Parallel.ForEachAsync(rankingHeads.Where(h => !computedKeys.Contains(h.Key) && h.Value.ComputedAt < computedAt), Options(cancellationToken), async (h, ct) =>
        {
            if (await _rankings.DeleteAsync(h.Value, ct).ConfigureAwait(false)) Interlocked.Increment(ref removed);
        }).ConfigureAwait(false);

        var setHeads = await _attainment.GetAllHeadsAsync(cancellationToken).ConfigureAwait(false);
        var setResults = new ConcurrentBag<PublishResult>();
        await Parallel.ForEachAsync(sets, Options(cancellationToken), async (s, ct) =>
            setResults.Add(await _attainment.PublishAsync(s, setHeads.GetValueOrDefault((s.Indicator, s.Period, s.Level)), ct).ConfigureAwait(false))).ConfigureAwait(false);
        var setKeys = sets.Select(s => (s.Indicator, s.Period, s.Level)).ToHashSet();
        var setsRemoved = 0;
        await Parallel.ForEachAsync(setHeads.Where(h => !setKeys.Contains(h.Key) && h.Value.ComputedAt < computedAt), Options(cancellationToken), async (h, ct) =>
        {
            if (await _attainment.DeleteAsync(h.Value, ct).ConfigureAwait(false)) Interlocked.Increment(ref setsRemoved);
        }).ConfigureAwait(false);

        // ---- cached-reads: ONE call: readers' caches follow a refresh that wrote or removed anything (DataChangeStamp, issue 14).
        if (Changes is not null && (rankingResults.Any(r => r == PublishResult.Written) || setResults.Any(r => r == PublishResult.Written) || removed > 0 || setsRemoved > 0))
            await Changes.TouchAsync(Storage.DataArea.Rankings, cancellationToken).ConfigureAwait(false);

        var summary = new RankingRefreshSummary
        {
            FactsRead = facts.Count,
            RankingsComputed = rankings.Count,
            RankingsWritten = rankingResults.Count(r => r == PublishResult.Written),
            RankingsUnchanged = rankingResults.Count(r => r == PublishResult.Unchanged),
            RankingsLostRace = rankingResults.Count(r => r == PublishResult.LostRace),
            RankingsRemoved = removed,
            AttainmentSetsComputed = sets.Count,
            AttainmentSetsWritten = setResults.Count(r => r == PublishResult.Written),
            AttainmentSetsUnchanged = setResults.Count(r => r == PublishResult.Unchanged),
            AttainmentSetsRemoved = setsRemoved,
            HeldLease = lease is { Held: true },
            StartedAt = startedAt,
            Duration = clock.Elapsed,
        };
        _logger.LogInformation(
            "Rankings refreshed in {Duration} ms: {Facts} facts, {Computed} rankings computed, {Written} written, {Unchanged} unchanged, {Lost} left to another run, {Removed} removed; attainment {SetsComputed} computed, {SetsWritten} written, {SetsUnchanged} unchanged; lease held: {Lease}",
            (long)summary.Duration.TotalMilliseconds, summary.FactsRead, summary.RankingsComputed, summary.RankingsWritten, summary.RankingsUnchanged,
            summary.RankingsLostRace, summary.RankingsRemoved, summary.AttainmentSetsComputed, summary.AttainmentSetsWritten, summary.AttainmentSetsUnchanged, summary.HeldLease);
        return summary;
    }

    private ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Math.Max(1, _settings.MaxParallelism), CancellationToken = ct };

    private async Task<RefreshLease> AcquireLeaseAsync(CancellationToken ct)
    {
        try
        {
            var container = _blobs.GetBlobContainerClient(StorageNames.LeasesContainer);
            await _leasesCreated.EnsureAsync(ct).ConfigureAwait(false); // done at start-up: no request here
            var blob = container.GetBlobClient(_settings.LeaseBlobName);
            try
            {
                await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412) { } // exists (or leased)
            var leaseClient = blob.GetBlobLeaseClient();
            var deadline = _time.GetUtcNow() + _settings.LeaseWait;
            while (true)
            {
                try
                {
                    await leaseClient.AcquireAsync(LeaseDuration, cancellationToken: ct).ConfigureAwait(false);
                    return new RefreshLease(leaseClient, _logger, LeaseRenewEvery);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    if (_time.GetUtcNow() >= deadline)
                    {
                        _logger.LogWarning("The rankings refresh lease is still held by another run after {Wait}; running anyway.", _settings.LeaseWait);
                        return RefreshLease.None;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException ex)
        {
            _logger.LogWarning(ex, "Could not take the rankings refresh lease ({Status} {Code}); running without it.", ex.Status, ex.ErrorCode);
            return RefreshLease.None;
        }
    }

    /// <summary>A held lease, renewed in the background until disposed, then released.</summary>
    private sealed class RefreshLease : IAsyncDisposable
    {
        public static readonly RefreshLease None = new(null, null, TimeSpan.Zero);

        private readonly BlobLeaseClient? _client;
        private readonly ILogger? _logger;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing = Task.CompletedTask;

        public RefreshLease(BlobLeaseClient? client, ILogger? logger, TimeSpan renewEvery)
        {
            _client = client;
            _logger = logger;
            if (client is not null) _renewing = RenewAsync(renewEvery);
        }

        public bool Held => _client is not null;

        private async Task RenewAsync(TimeSpan every)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(every, _stop.Token).ConfigureAwait(false);
                    await _client!.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { }
            catch (RequestFailedException ex)
            {
                _logger?.LogWarning(ex, "Lost the rankings refresh lease; the run goes on (publishing is safe without it).");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is null) return;
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            try { await _client.ReleaseAsync().ConfigureAwait(false); }
            catch (RequestFailedException ex) { _logger?.LogWarning(ex, "Could not release the rankings refresh lease; it expires by itself."); }
            _stop.Dispose();
        }
    }
}
