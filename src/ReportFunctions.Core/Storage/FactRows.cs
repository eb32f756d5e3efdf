using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// Keys and columns of fact rows. Both fact tables hold the same columns; only the keys differ:
/// <list type="bullet">
/// <item>FactsByRegion: PartitionKey = region, RowKey = <c>indicator|period|kind|reportId|hash16|seq</c></item>
/// <item>FactsByIndicator: PartitionKey = indicator, RowKey = <c>period|kind|region|reportId|hash16|seq</c></item>
/// </list>
/// Rows with the same (region, indicator, period, kind) are adjacent in both, so a page never needs to split them.
/// Every key part is a catalog code, a validated period or kind, a canonical region name, a report id or hex,
/// so keys never contain characters a RowKey forbids.
/// </summary>
internal static class FactRows
{
    public const char Separator = '|';
    /// <summary>The character after <see cref="Separator"/>: <c>[prefix|, prefix})</c> holds exactly the keys starting with <c>prefix|</c>.</summary>
    public const char AfterSeparator = '}';
    public const int MaxEvidenceChars = 8000;

    public static string HashKey(string hash) => hash.Length > 16 ? hash[..16] : hash;

    public static string RegionRowKey(StoredFact f, string hash, int seq) =>
        string.Join(Separator, f.Fact.Indicator, f.Fact.Period, f.Fact.Kind, f.ReportId, HashKey(hash), seq.ToString("D5", CultureInfo.InvariantCulture));

    public static string IndicatorRowKey(StoredFact f, string hash, int seq) =>
        string.Join(Separator, f.Fact.Period, f.Fact.Kind, f.Fact.Region, f.ReportId, HashKey(hash), seq.ToString("D5", CultureInfo.InvariantCulture));

    /// <summary>Exclusive upper bound of the keys starting with <paramref name="prefix"/> (which ends with the separator).</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + AfterSeparator;

    public static TableEntity ToEntity(string partitionKey, string rowKey, StoredFact f, string hash, int seq)
    {
        var evidence = f.Fact.Evidence.Length > MaxEvidenceChars ? f.Fact.Evidence[..MaxEvidenceChars] : f.Fact.Evidence;
        return new TableEntity(partitionKey, rowKey)
        {
            ["Region"] = f.Fact.Region,
            ["Indicator"] = f.Fact.Indicator,
            ["Period"] = f.Fact.Period,
            ["Kind"] = f.Fact.Kind,
            ["Value"] = f.Fact.Value,
            ["Unit"] = f.Fact.Unit,
            ["Qualifier"] = f.Fact.Qualifier,
            ["Evidence"] = evidence,
            ["EvidenceStart"] = f.Fact.EvidenceStart,
            ["ReportId"] = f.ReportId,
            ["ReportYear"] = f.ReportYear,
            ["IngestedAt"] = f.IngestedAt,
            ["Level"] = f.Level,
            ["Province"] = f.Province,
            ["Hash"] = hash,
            ["Seq"] = seq,
        };
    }

    public static StoredFact ToStoredFact(TableEntity e) => new()
    {
        Fact = new Fact
        {
            Region = e.GetString("Region") ?? "",
            Indicator = e.GetString("Indicator") ?? "",
            Period = e.GetString("Period") ?? "",
            Kind = e.GetString("Kind") ?? "",
            Value = e.GetDouble("Value") ?? 0,
            Unit = e.GetString("Unit") ?? "",
            Qualifier = e.GetString("Qualifier") ?? Qualifiers.Exact,
            Evidence = e.GetString("Evidence") ?? "",
            EvidenceStart = e.GetInt32("EvidenceStart") ?? 0,
        },
        ReportId = e.GetString("ReportId") ?? "",
        ReportYear = e.GetInt32("ReportYear"),
        IngestedAt = e.GetDateTimeOffset("IngestedAt") ?? default,
        Level = e.GetString("Level") ?? RegionLevels.Unknown,
        Province = e.GetString("Province"),
    };

    public static string? Hash(TableEntity e) => e.GetString("Hash");
    public static string? ReportId(TableEntity e) => e.GetString("ReportId");

    /// <summary>The FactsByIndicator row that mirrors a FactsByRegion row.</summary>
    public static (string PartitionKey, string RowKey) IndicatorKeyOf(TableEntity regionRow)
    {
        var f = ToStoredFact(regionRow);
        return (f.Fact.Indicator, IndicatorRowKey(f, Hash(regionRow) ?? "", regionRow.GetInt32("Seq") ?? 0));
    }

    /// <summary>
    /// Upserts rows: the partitions at once (at most <see cref="UpsertParallelism"/>), each partition's chunks of up to 100 in
    /// turn, through <see cref="PartitionBatcher"/> (which may share a transaction with other ingestions' rows of the same
    /// partition). <paramref name="afterEachTransaction"/> runs after each of this caller's chunks.
    /// </summary>
    public static Task UpsertAsync(TableClient table, IEnumerable<(string PartitionKey, TableTransactionAction Action)> actions,
        Func<Task>? afterEachTransaction, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(actions.GroupBy(a => a.PartitionKey, StringComparer.Ordinal).ToList(),
            new ParallelOptions { MaxDegreeOfParallelism = UpsertParallelism, CancellationToken = cancellationToken }, async (partition, ct) =>
            {
                foreach (var chunk in partition.Select(a => a.Action).Chunk(PartitionBatcher.MaxActions))
                {
                    await PartitionBatcher.Shared.SubmitAsync(table, partition.Key, chunk, ct).ConfigureAwait(false);
                    if (afterEachTransaction is not null) await afterEachTransaction().ConfigureAwait(false);
                }
            });

    /// <summary>Partitions of one report's rows written at once.</summary>
    public const int UpsertParallelism = 8;

    /// <summary>Runs actions in entity-group transactions of up to 100 per partition.</summary>
    public static async Task SubmitAsync(TableClient table, IEnumerable<(string PartitionKey, TableTransactionAction Action)> actions,
        Func<Task>? afterEachTransaction, CancellationToken cancellationToken)
    {
        foreach (var partition in actions.GroupBy(a => a.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Select(a => a.Action).Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412 && chunk.All(a => a.ActionType == TableTransactionActionType.Delete))
                {
                    // Some rows were already deleted (an earlier cleanup stopped half-way) or rewritten since they were
                    // listed: delete the others one by one.
                    foreach (var a in chunk)
                    {
                        try { await table.DeleteEntityAsync(a.Entity.PartitionKey, a.Entity.RowKey, a.ETag, cancellationToken).ConfigureAwait(false); }
                        catch (RequestFailedException nf) when (nf.Status is 404 or 412) { }
                    }
                }
                if (afterEachTransaction is not null) await afterEachTransaction().ConfigureAwait(false);
            }
        }
    }
}
