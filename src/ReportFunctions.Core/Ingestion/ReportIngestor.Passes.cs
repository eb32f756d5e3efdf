using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Ingestion;

/// <summary>The passes over many reports: reconciliation of missed blobs and re-extraction of reports of older engine versions.</summary>
public sealed partial class ReportIngestor
{
    /// <summary>
    /// Ingests every blob of the container whose content has no Succeeded or Failed report row: a blob whose ETag
    /// equals the one recorded at its ingestion is skipped without download; otherwise it is downloaded and hashed
    /// (and skipped if the hash is unchanged). Also finishes cleanups a crash left behind. One blob's error is logged
    /// and the pass goes on.
    /// </summary>
    public async Task<ReconcileSummary> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<string, ReportRecord>(StringComparer.Ordinal);
        await foreach (var r in _store.AllAsync(cancellationToken).ConfigureAwait(false)) rows[r.Id] = r;

        int blobs = 0, skipped = 0, errors = 0;
        var pending = new List<string>();
        await foreach (var item in _store.Storage.Container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            blobs++;
            var id = ReportIds.FromBlobName(item.Name);
            if (rows.TryGetValue(id, out var row) && ReportStatus.IsFinal(row.Status) && row.BlobName == item.Name && IsCurrent(row)
                && item.Properties.ETag is { } etag && row.BlobETag == etag.ToString())
            {
                try
                {
                    if (row.NeedsCleanup) await _store.CleanupAsync(row, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    errors++;
                    _logger.LogWarning(ex, "Reconciliation could not clean up after report {ReportId}", id);
                }
                skipped++;
                continue;
            }
            pending.Add(item.Name);
        }
        var (ingested, skippedNow, failed, errors2) = await IngestManyAsync(pending, null, "Reconciliation", cancellationToken).ConfigureAwait(false);
        skipped += skippedNow;
        errors += errors2;
        _logger.LogInformation("Reconciliation: {Blobs} blobs, {Ingested} ingested, {Skipped} skipped, {Failed} failed, {Errors} errors", blobs, ingested, skipped, failed, errors);
        return new ReconcileSummary(blobs, ingested, skipped, failed, errors);
    }

    /// <summary>
    /// Re-extracts, from their blobs, the reports whose facts an older engine version produced, a few at a time;
    /// <paramref name="progress"/> hears of each one done. Rankings are not refreshed here (the caller or the timer does).
    /// </summary>
    public async Task<ReconcileSummary> ReextractAsync(IProgress<IngestOutcome>? progress, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        await foreach (var r in _store.AllAsync(cancellationToken).ConfigureAwait(false))
            if (r.BlobName.Length > 0 && ReportStatus.IsFinal(r.Status) && !IsCurrent(r)) names.Add(r.BlobName);
        var (ingested, skipped, failed, errors) = await IngestManyAsync(names, progress, "Re-extraction", cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Re-extraction with engine {EngineVersion}: {Reports} reports, {Ingested} re-extracted, {Skipped} skipped, {Failed} failed, {Errors} errors",
            EngineVersion, names.Count, ingested, skipped, failed, errors);
        return new ReconcileSummary(names.Count, ingested, skipped, failed, errors);
    }

    /// <summary>Ingests the named blobs a few at a time (each is independent; a claim keeps a blob to one ingestion); one blob's error is logged and counted.</summary>
    private async Task<(int Ingested, int Skipped, int Failed, int Errors)> IngestManyAsync(
        IReadOnlyList<string> names, IProgress<IngestOutcome>? progress, string pass, CancellationToken cancellationToken)
    {
        int ingested = 0, skipped = 0, failed = 0, errors = 0;
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = ReconcileParallelism, CancellationToken = cancellationToken },
            async (name, ct) =>
            {
                try
                {
                    var outcome = await IngestBlobAsync(name, ct).ConfigureAwait(false);
                    switch (outcome.Result)
                    {
                        case IngestResult.Succeeded: Interlocked.Increment(ref ingested); break;
                        case IngestResult.Failed: Interlocked.Increment(ref failed); break;
                        default: Interlocked.Increment(ref skipped); break;
                    }
                    progress?.Report(outcome);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                    _logger.LogWarning(ex, "{Pass} could not ingest blob {BlobName}", pass, name);
                }
            }).ConfigureAwait(false);
        return (ingested, skipped, failed, errors);
    }
}
