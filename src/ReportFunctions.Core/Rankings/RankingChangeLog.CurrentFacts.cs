using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>A report's current-facts row as read: the active hash it was written for and its facts (null: too large, not kept).</summary>
internal sealed record CurrentFactsRow(string ReportId, string? Hash, string? FactsJson, ETag ETag);

/// <summary>
/// Current facts per report (partition <c>c</c> of the change log, RowKey <c>{reportId}</c>): the facts that the
/// report's active hash <c>Hash</c> holds, as <see cref="CompactFacts"/> with groups in <c>F0</c>, <c>F1</c>... —
/// only what rankings and attainment use. Ingestion rewrites the row each time a report's active version changes
/// (a failed report: no facts). A full refresh reads this partition (a few thousand rows) instead of every
/// FactsByIndicator row, and uses a row only when its Hash is the report's active hash (see Rankings/README.md).
/// </summary>
public sealed partial class RankingChangeLog
{
    private const string CurrentPartition = "c";

    internal static TableEntity CurrentEntity(string reportId, string? activeHash, IReadOnlyCollection<StoredFact> facts)
    {
        var e = new TableEntity(CurrentPartition, reportId) { ["Hash"] = activeHash, ["Count"] = facts.Count };
        var json = CompactFacts.Write(facts, withGroup: true);
        if (EntityText.Fits(json)) EntityText.Write(e, "F", json);
        else e["TooLarge"] = true; // the refresh reads this report's facts from the fact tables
        return e;
    }

    /// <summary>Records that report <paramref name="reportId"/>'s active hash is now <paramref name="activeHash"/>, holding <paramref name="facts"/>.</summary>
    public Task RecordCurrentAsync(string reportId, string? activeHash, IReadOnlyList<StoredFact> facts, CancellationToken ct)
    {
        var e = CurrentEntity(reportId, activeHash, facts);
        return UpsertSharedAsync(e, ct);
    }

    /// <summary>Every report's current-facts row (one partition: as many rows as reports).</summary>
    internal async Task<Dictionary<string, CurrentFactsRow>> ReadCurrentAsync(CancellationToken ct)
    {
        var rows = new Dictionary<string, CurrentFactsRow>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CurrentPartition}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct).ConfigureAwait(false))
            rows[e.RowKey] = new CurrentFactsRow(e.RowKey, e.GetString("Hash"), e.ContainsKey("FChunks") ? EntityText.Read(e, "F") : null, e.ETag);
        return rows;
    }

    /// <summary>
    /// Writes current-facts rows a full refresh read from the fact tables (stores filled before these rows existed),
    /// each only if its row is unchanged since read (<c>Known</c>; default: insert); rows changed meanwhile are left.
    /// </summary>
    internal async Task<int> BackfillCurrentAsync(IEnumerable<(string ReportId, string Hash, IReadOnlyCollection<StoredFact> Facts, ETag Known)> rows, int parallelism, CancellationToken ct)
    {
        var written = 0;
        var actions = rows.Select(r => r.Known == default
            ? new TableTransactionAction(TableTransactionActionType.Add, CurrentEntity(r.ReportId, r.Hash, r.Facts))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, CurrentEntity(r.ReportId, r.Hash, r.Facts), r.Known));
        // A batch with a row ingestion wrote meanwhile fails whole: those reports are read from the fact tables next time too.
        await TableWriter.SubmitAsync(_table, actions, parallelism, n => Interlocked.Add(ref written, n), ct).ConfigureAwait(false);
        return written;
    }
}
