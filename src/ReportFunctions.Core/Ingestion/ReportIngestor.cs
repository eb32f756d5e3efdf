using System.Runtime.ExceptionServices;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Documents;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Ingestion;

/// <summary>
/// Turns one blob of the <c>reports</c> container into a report row and its facts. Idempotent (same content:
/// skipped; changed content: replaces the old facts), atomic for readers (see <see cref="ReportStore"/>).
/// Content errors end as Failed with a reason and do not throw; storage errors propagate so the trigger retries,
/// until <see cref="ReportFunctionsOptions.MaxIngestAttempts"/> tries, after which the report is Failed.
/// </summary>
public sealed partial class ReportIngestor
{
    private readonly ReportStore _store;
    private readonly ReportFunctionsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReportIngestor> _logger;
    private readonly Gazetteer _gazetteer = Gazetteer.Default;
    private readonly DataChangeStamp? _changes;

    /// <param name="changes">Touched when a report's facts change, so every instance's cached answers follow (none in tests of ingestion alone).</param>
    public ReportIngestor(ReportStore store, ReportExtractor extractor, IOptions<ReportFunctionsOptions> options, TimeProvider time, ILogger<ReportIngestor> logger,
        DataChangeStamp? changes = null)
    {
        _store = store;
        _changes = changes;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Extract = (text, source) => extractor.Extract(text, source);
    }

    /// <summary>Test seam: the extraction step (defaults to the injected <see cref="ReportExtractor"/>).</summary>
    internal Func<string, string?, ExtractionResult> Extract { get; set; }

    /// <summary>The engine version this ingestor extracts with; reports read by another version are re-extracted
    /// (by reconciliation, or <see cref="ReextractAsync"/>). A test seam, defaulting to <see cref="ReportExtractor.EngineVersion"/>.</summary>
    internal string EngineVersion { get; set; } = ReportExtractor.EngineVersion;

    /// <summary>Whether a finished report row was read by this ingestor's engine version.</summary>
    public bool IsCurrent(ReportRecord row) => row.EngineVersion == EngineVersion;

    /// <summary>
    /// The decoding step (ingestion and the upload/extract endpoints use it): <see cref="ReportTextReader"/> reads text,
    /// PDF, web pages and Word documents within <paramref name="limits"/>. <see cref="DecodedText.NotText"/> is set when
    /// the bytes are in no accepted format at all.
    /// </summary>
    internal static DecodedText DecodeText(ReadOnlySpan<byte> bytes, DocumentLimits limits, string? name = null)
    {
        var r = ReportTextReader.Read(bytes, limits, name);
        if (r.Ok) return DecodedText.Ok(r.Text!, r.Format);
        var notText = r.Error!.StartsWith("not text", StringComparison.Ordinal) || r.Error.StartsWith("not valid", StringComparison.Ordinal);
        return DecodedText.Fail(r.Error, notText, r.Format);
    }

    public ReportStore Store => _store;

    /// <summary>How long a claim on a report's content holds off other deliveries of it (a crashed ingestion's claim expires).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How many blobs a reconciliation pass ingests at once.</summary>
    public const int ReconcileParallelism = 8;

    public const string InProgressReason = "being ingested by another delivery";

    /// <summary>Creates the container and tables once per process (hosts do it at start-up, see <see cref="Storage.StorageStartup"/>).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _store.Storage.EnsureCreatedAsync(cancellationToken);

    /// <summary>Ingests a blob's content as the blob trigger hands it over.</summary>
    public Task<IngestOutcome> IngestAsync(string blobName, Stream content, CancellationToken cancellationToken) =>
        IngestAsync(blobName, content, null, cancellationToken);

    /// <summary>Ingests a blob's content; <paramref name="blobETag"/> (when known) lets the reconciliation pass skip it cheaply later.</summary>
    public async Task<IngestOutcome> IngestAsync(string blobName, Stream content, string? blobETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        // Created at start-up (StorageStartup): a finished task, no request; if start-up could not, the first delivery does.
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var bytes = await ReportContent.ReadBoundedAsync(content, _options.MaxReportBytes, cancellationToken).ConfigureAwait(false);
            var outcome = await IngestBytesAsync(blobName, bytes, blobETag, cancellationToken).ConfigureAwait(false);
            LogIngestion(_logger, outcome.ReportId, blobName, outcome.Result.ToString(), outcome.FactCount, clock.ElapsedMilliseconds, EngineVersion);
            return outcome;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogIngestionError(_logger, ReportIds.FromBlobName(blobName), blobName, "Error", clock.ElapsedMilliseconds, EngineVersion, ex);
            throw;
        }
    }

    /// <summary>Downloads a blob of the container (reading at most MaxReportBytes + 1 bytes) and ingests it, recording its ETag.</summary>
    public async Task<IngestOutcome> IngestBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = _store.Storage.Container.GetBlobClient(blobName);
        Response<Azure.Storage.Blobs.Models.BlobDownloadStreamingResult> download;
        try
        {
            download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted before it could be read: nothing to ingest (retrying would not help).
            _logger.LogInformation("Blob {BlobName} no longer exists; not ingested", blobName);
            return new IngestOutcome(ReportIds.FromBlobName(blobName), blobName, IngestResult.Skipped, 0, "the blob no longer exists");
        }
        await using var stream = download.Value.Content;
        return await IngestAsync(blobName, stream, download.Value.Details.ETag.ToString(), cancellationToken).ConfigureAwait(false);
    }


    internal Task<IngestOutcome> IngestBytesAsync(string blobName, ReportBytes bytes, string? blobETag, CancellationToken cancellationToken) =>
        IngestBytesAsync(blobName, bytes, blobETag, firstDelivery: true, cancellationToken);

    /// <param name="firstDelivery">Whether to take the blob for one never seen: its row is claimed by inserting it, without
    /// reading it first (one request less for each new upload); if a row is there (409), the delivery goes the long way,
    /// reading the row.</param>
    private async Task<IngestOutcome> IngestBytesAsync(string blobName, ReportBytes bytes, string? blobETag, bool firstDelivery, CancellationToken cancellationToken)
    {
        var id = ReportIds.FromBlobName(blobName);
        var hash = bytes.Hash;
        var record = firstDelivery ? null : await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);

        if (record is not null && record.ContentHash == hash && ReportStatus.IsFinal(record.Status) && IsCurrent(record))
        {
            if (record.NeedsCleanup) await _store.CleanupAsync(record, cancellationToken).ConfigureAwait(false);
            if (blobETag is not null && record.BlobETag != blobETag)
            {
                record.BlobETag = blobETag;
                try { await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false); }
                catch (RequestFailedException ex) when (ex.Status == 412) { }
            }
            _logger.LogInformation("Report {ReportId} ({BlobName}) unchanged; skipped", id, blobName);
            return new IngestOutcome(id, blobName, IngestResult.Skipped, record.FactCount, record.Error, hash);
        }

        var now = _time.GetUtcNow();
        if (record is not null && record.Status == ReportStatus.Processing && record.ContentHash == hash
            && record.ProcessingSince is { } since && now - since < ClaimTimeout)
        {
            // Another delivery of this content (the trigger and the reconciliation pass, or two instances) holds it.
            _logger.LogInformation("Report {ReportId} ({BlobName}) is being ingested since {Since}; skipped", id, blobName, since);
            return new IngestOutcome(id, blobName, IngestResult.Skipped, 0, InProgressReason, hash);
        }
        var max = Math.Max(1, _options.MaxIngestAttempts);
        record ??= new ReportRecord { Id = id, ReceivedAt = now };
        if (record.ContentHash != hash || ReportStatus.IsFinal(record.Status))
        {
            record.ContentHash = hash;
            record.Attempts = 0;
            record.LastError = null;
            record.ReceivedAt = now;
        }
        if (record.Attempts >= max)
        {
            // Every earlier try threw (and could not record the failure): give up now.
            var reason = $"could not be processed after {record.Attempts} attempts: {record.LastError ?? "unknown error"}";
            await FinishAsync(record, blobName, hash, bytes, blobETag, null, [], [], reason, cancellationToken).ConfigureAwait(false);
            return new IngestOutcome(id, blobName, IngestResult.Failed, 0, reason, hash);
        }
        record.Attempts++;
        record.EngineVersion = EngineVersion;
        record.BlobName = blobName;
        record.Status = ReportStatus.Processing;
        record.Size = bytes.Size ?? bytes.Length;
        record.ProcessingSince = now;
        // A report's first content, with no rows written before: after the switch there is nothing to clean up (saves a query and two writes).
        var onlyThisGeneration = record.ActiveHash is null && !record.NeedsCleanup && record.TouchedRegions.Count == 0;
        // Content known to be new (its row was read): extracted before the claim, so that the claim also records the regions
        // whose partitions the rows go to (one write less); an exception of the extraction is thrown after the claim, where
        // a failed try is counted. A first delivery extracts after its claim, so that a duplicate costs no extraction.
        Prepared? prepared = null;
        ExceptionDispatchInfo? prepareError = null;
        if (!firstDelivery)
        {
            try { prepared = Prepare(blobName, bytes, id, now); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { prepareError = ExceptionDispatchInfo.Capture(ex); }
            if (prepared is { Failure: null, Facts.Count: > 0 } p) _store.RecordRegionsAboutToBeWritten(record, p.Facts);
        }
        try
        {
            await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && firstDelivery)
        {
            return await IngestBytesAsync(blobName, bytes, blobETag, firstDelivery: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Claimed by a concurrent delivery between our read and write: it ingests this content.
            _logger.LogInformation("Report {ReportId} ({BlobName}) was claimed concurrently; skipped", id, blobName);
            return new IngestOutcome(id, blobName, IngestResult.Skipped, 0, InProgressReason, hash);
        }
        var attempt = record.Attempts;

        try
        {
            prepareError?.Throw();
            var (result, facts, warnings, failure, text) = prepared ?? Prepare(blobName, bytes, id, now);
            // The text evidence offsets refer to, stored before the report row switches to this content.
            if (failure is null && text is not null)
                await ReportTexts.SaveAsync(_store.Storage, id, hash, text.Format, text.Text!, cancellationToken).ConfigureAwait(false);
            if (failure is null && facts.Count > 0)
                await _store.WriteFactsAsync(record, record.WritingGeneration!, facts, cancellationToken).ConfigureAwait(false);
            await FinishAsync(record, blobName, hash, bytes, blobETag, result, facts, warnings, failure, cancellationToken, onlyThisGeneration).ConfigureAwait(false);
            if (failure is not null)
            {
                _logger.LogWarning("Report {ReportId} ({BlobName}) failed: {Reason}", id, blobName, failure);
                return new IngestOutcome(id, blobName, IngestResult.Failed, 0, failure, hash);
            }
            _logger.LogInformation("Report {ReportId} ({BlobName}) ingested: {Count} facts", id, blobName, facts.Count);
            return new IngestOutcome(id, blobName, IngestResult.Succeeded, facts.Count, null, hash);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another ingestion of this blob changed the report row meanwhile: it carries on; this try is not counted as a failure.
            _logger.LogInformation("Report {ReportId} ({BlobName}) is being ingested concurrently; this try stops", id, blobName);
            throw;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            var error = Describe(ex);
            _logger.LogWarning(ex, "Report {ReportId} ({BlobName}) attempt {Attempt} of {Max} threw", id, blobName, attempt, max);
            if (attempt >= max)
            {
                var reason = $"could not be processed after {attempt} attempts: {error}";
                try
                {
                    var fresh = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
                    if (fresh is not null && fresh.ContentHash == hash)
                    {
                        fresh.LastError = error;
                        await FinishAsync(fresh, blobName, hash, bytes, blobETag, null, [], [], reason, cancellationToken).ConfigureAwait(false);
                        return new IngestOutcome(id, blobName, IngestResult.Failed, 0, reason, hash);
                    }
                }
                catch (Exception recordEx) when (recordEx is not OperationCanceledException and not OutOfMemoryException)
                {
                    _logger.LogWarning(recordEx, "Could not record the failure of report {ReportId}", id);
                }
                throw;
            }
            try
            {
                var fresh = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (fresh is not null && fresh.ContentHash == hash)
                {
                    fresh.LastError = error;
                    fresh.ProcessingSince = null; // release the claim: the trigger's retry must run
                    await _store.SaveAsync(fresh, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception recordEx) when (recordEx is not OperationCanceledException and not OutOfMemoryException)
            {
                _logger.LogDebug(recordEx, "Could not record the error of report {ReportId}", id);
            }
            throw;
        }
    }

    /// <summary>Switches the report row to the new content (facts already written) and deletes superseded rows.</summary>
    private async Task FinishAsync(ReportRecord record, string blobName, string hash, ReportBytes bytes, string? blobETag,
        ExtractionResult? result, IReadOnlyList<StoredFact> facts, IReadOnlyList<string> warnings, string? failure, CancellationToken cancellationToken,
        bool onlyThisGeneration = false)
    {
        var previous = record.ActiveHash;
        record.BlobName = blobName;
        record.ContentHash = hash;
        record.EngineVersion = EngineVersion;
        var generation = record.WritingGeneration!;
        // A failed report has no facts: its active hash matches no rows (not even rows a crashed try left).
        record.ActiveHash = failure is null ? generation : "failed-" + generation;
        if (previous is not null && previous != record.ActiveHash) record.NeedsCleanup = true;
        else if (onlyThisGeneration && failure is null) record.NeedsCleanup = false; // every row written is of the active hash
        record.Status = failure is null ? ReportStatus.Succeeded : ReportStatus.Failed;
        record.ProcessingSince = null;
        record.Error = failure;
        record.Size = bytes.Size ?? bytes.Length;
        if (blobETag is not null) record.BlobETag = blobETag;
        record.FactCount = failure is null ? facts.Count : 0;
        record.Warnings = warnings.Take(30).Select(w => w.Length > 300 ? w[..300] : w).ToList();
        var region = result?.Region ?? RegionInfo.Unknown;
        record.Region = region.Name;
        record.Level = region.Level;
        record.Province = region.Province;
        record.Year = result?.Year;
        record.RegionSource = result?.RegionSource;
        record.YearSource = result?.YearSource;
        record.IngestedAt = facts.Count > 0 ? facts[0].IngestedAt : _time.GetUtcNow();
        if (failure is null) record.LastError = null;
        // ---- Ranking change markers (issue 14): the switch below, wrapped in the markers of the groups changed (ReportIngestor.RankingChanges.cs) ----
        await SwitchRecordingRankingChangesAsync(record, previous, failure is null ? facts : [],
            () => _store.SaveAsync(record, cancellationToken), cancellationToken).ConfigureAwait(false);
        // The switch above is what readers see (facts appear, change or go): cached answers of every instance follow.
        if (_changes is not null) await _changes.TouchAsync(DataArea.Facts, cancellationToken).ConfigureAwait(false);
        if (!record.NeedsCleanup) return;
        try
        {
            await _store.CleanupAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The switch is done and readers ignore rows of other hashes; the flag stays set, so the next
            // delivery or reconciliation pass deletes them.
            _logger.LogWarning(ex, "Report {ReportId}: superseded fact rows not deleted yet", record.Id);
        }
    }

    /// <summary>What ingestion writes for one content: the extraction, the facts to store, warnings, the reason it failed, the text.</summary>
    private sealed record Prepared(ExtractionResult? Result, IReadOnlyList<StoredFact> Facts, IReadOnlyList<string> Warnings, string? Failure, DecodedText? Text);

    private Prepared Prepare(
        string blobName, ReportBytes bytes, string reportId, DateTimeOffset now)
    {
        if (bytes.TooLarge) return new(null, [], [], ReportDecoder.TooLarge(_options.MaxReportBytes), null);
        var decoded = DecodeText(bytes.Span, _options.ToDocumentLimits(), blobName);
        if (decoded.Text is null) return new(null, [], [], decoded.FailureReason ?? "not text", null);
        var result = Extract(decoded.Text, blobName);
        if (result.NotAReportReason is not null)
            return new(result, [], result.Warnings, "not a work report: " + result.NotAReportReason, null);

        var warnings = result.Warnings.ToList();
        var facts = new List<StoredFact>();
        var seen = new HashSet<(string, string, string, string, double, string)>();
        int dropped = 0, duplicates = 0;
        foreach (var f in result.Facts)
        {
            if (!IndicatorCatalog.TryGet(f.Indicator, out _) || !Periods.IsValid(f.Period) || !FactKinds.IsValid(f.Kind) || !double.IsFinite(f.Value))
            {
                dropped++;
                continue;
            }
            var region = _gazetteer.TryResolve(f.Region, out var r) ? r : result.Region;
            var fact = f with
            {
                Region = region.Name,
                Qualifier = Qualifiers.All.Contains(f.Qualifier) ? f.Qualifier : Qualifiers.Exact,
                Evidence = f.Evidence ?? "",
            };
            if (!seen.Add((fact.Region, fact.Indicator, fact.Period, fact.Kind, fact.Value, fact.Unit))) { duplicates++; continue; }
            facts.Add(new StoredFact
            {
                Fact = fact,
                ReportId = reportId,
                ReportYear = result.Year,
                IngestedAt = now,
                Level = region.Level,
                Province = region.Province,
            });
        }
        if (dropped > 0) warnings.Add($"{dropped} facts dropped: indicator not in the catalog, or invalid period, kind or value");
        if (duplicates > 0) warnings.Add($"{duplicates} duplicate facts dropped");
        if (facts.Count == 0 && result.Region.IsUnknown) return new(result, [], warnings, "no region recognised", null);
        if (result.Region.IsUnknown) warnings.Add("no region recognised: facts stored under region 'unknown'");
        if (facts.Count == 0) warnings.Add("no facts found");
        return new(result, facts, warnings, null, decoded);
    }

    private static string Describe(Exception ex) => ex switch
    {
        RequestFailedException r => $"storage error {r.Status} {r.ErrorCode}".TrimEnd(),
        _ => ex.GetType().Name + ": " + (ex.Message.Length > 200 ? ex.Message[..200] : ex.Message),
    };
}
