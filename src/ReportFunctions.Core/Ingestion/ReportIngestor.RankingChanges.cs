using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Ingestion;

/// <summary>
/// Ranking change markers (issue 14): the one place ingestion and re-extraction tell the incremental ranking refresh
/// which (indicator, period) groups a report's facts changed in — those of its new facts and of the facts it replaces
/// or deletes — and each report's current facts, which a full refresh reads instead of the fact tables (see
/// Rankings/README.md, "Incremental refresh").
/// </summary>
public sealed partial class ReportIngestor
{
    private RankingChangeLog? _rankingChanges;
    private RankingChangeLog RankingChanges => _rankingChanges ??= new RankingChangeLog(_store.Storage);

    /// <summary>
    /// Runs <paramref name="switchToNew"/> (the report row update that makes <paramref name="facts"/> current) between
    /// two writes of the markers: the one after it makes a refresh that read the markers before the switch find them
    /// rewritten (new ETag) and keep them; the one before it covers a crash right after the switch.
    /// </summary>
    private async Task SwitchRecordingRankingChangesAsync(ReportRecord record, string? previousActive, IReadOnlyList<StoredFact> facts,
        Func<Task> switchToNew, CancellationToken cancellationToken)
    {
        var groups = facts.Select(FactGroup.Of).ToHashSet();
        groups.UnionWith(await GroupsOfActiveFactsAsync(record, previousActive, cancellationToken).ConfigureAwait(false));
        var active = record.ActiveHash;
        if (groups.Count > 0) await RankingChanges.RecordAsync(record.Id, active, groups, facts, cancellationToken).ConfigureAwait(false);
        await switchToNew().ConfigureAwait(false);
        try
        {
            // The markers again, then the report's current facts for a full refresh (a failed report: none), written after
            // the switch so that their Hash is the active one; a row missing or of another hash (a crash here, a
            // concurrent delivery) makes the refresh read this report from the fact tables.
            if (groups.Count > 0) await RankingChanges.RecordAsync(record.Id, active, groups, facts, cancellationToken).ConfigureAwait(false);
            await RankingChanges.RecordCurrentAsync(record.Id, active, facts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The markers written before the switch are there unless a refresh took them meanwhile; the periodic full rebuild repairs that.
            _logger.LogWarning(ex, "Report {ReportId}: ranking change markers or current facts not rewritten after the switch", record.Id);
        }
    }

    /// <summary>The groups of the facts that were current under <paramref name="activeHash"/> (none for a new or failed report).</summary>
    private async Task<HashSet<FactGroup>> GroupsOfActiveFactsAsync(ReportRecord record, string? activeHash, CancellationToken cancellationToken)
    {
        var groups = new HashSet<FactGroup>();
        if (activeHash is null || activeHash.StartsWith("failed-", StringComparison.Ordinal)) return groups;
        foreach (var region in record.TouchedRegions.Append(record.Region).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {region} and ReportId eq {record.Id} and Hash eq {activeHash}");
            await foreach (var e in _store.Storage.FactsByRegion.QueryAsync<TableEntity>(filter, select: ["Indicator", "Period"], cancellationToken: cancellationToken).ConfigureAwait(false))
                if (e.GetString("Indicator") is { } indicator && e.GetString("Period") is { } period) groups.Add(new FactGroup(indicator, period));
        }
        return groups;
    }
}
