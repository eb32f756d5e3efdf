using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// Everything a refresh publishes (rankings, attainment sets, attainment rows per region), as text lines without the
/// times of computation, so that two table sets can be compared; and a full rebuild into fresh tables to compare with.
/// </summary>
public static class RankingStateDump
{
    private static readonly HashSet<string> Ignored = ["ComputedAt", "Timestamp", "odata.etag", "AtText"];

    public static async Task<List<string>> DumpAsync(AzuriteFixture azurite, string rankingsTable, string attainmentTable)
    {
        var lines = new List<string>();
        foreach (var table in new[] { rankingsTable, attainmentTable })
        {
            await foreach (var e in azurite.TableService().GetTableClient(table).QueryAsync<TableEntity>())
            {
                var sb = new StringBuilder(table.EndsWith("Rankings", StringComparison.Ordinal) ? "R " : "A ").Append(e.PartitionKey).Append(" / ").Append(e.RowKey);
                foreach (var (k, v) in e.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    if (!Ignored.Contains(k) && k is not "PartitionKey" and not "RowKey") sb.Append(" | ").Append(k).Append('=').Append(v);
                lines.Add(sb.ToString());
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static Task<List<string>> DumpAsync(AzuriteFixture azurite, RankingHarness h) => DumpAsync(azurite, h.Rankings.TableName, h.Attainment.TableName);

    /// <summary>A full rebuild from <paramref name="facts"/> into tables of a new prefix (its own change log: the facts' markers are left alone); their dump.</summary>
    public static async Task<List<string>> FreshFullRebuildAsync(AzuriteFixture azurite, IFactReader facts)
    {
        var prefix = "fr" + Guid.NewGuid().ToString("N")[..10];
        var rankings = new RankingStore(azurite.TableService(), prefix);
        var attainment = new AttainmentStore(azurite.TableService(), prefix);
        var refresher = new RankingRefresher(new PassThroughReader(facts), rankings, attainment, azurite.BlobService(), TimeProvider.System,
            NullLogger<RankingRefresher>.Instance, new RankingRefresherSettings { UseLease = false });
        var summary = await refresher.RefreshAsync(full: true, CancellationToken.None);
        Assert.True(summary.Full);
        return await DumpAsync(azurite, rankings.TableName, attainment.TableName);
    }

    /// <summary>Hides the reader's type, so the refresher reads it as any <see cref="IFactReader"/> (whole groups).</summary>
    private sealed class PassThroughReader(IFactReader inner) : IFactReader
    {
        public IAsyncEnumerable<StoredFact> GetIndicatorFactsAsync(string indicator, string? period = null, string? kind = null, CancellationToken cancellationToken = default) =>
            inner.GetIndicatorFactsAsync(indicator, period, kind, cancellationToken);

        public IAsyncEnumerable<StoredFact> GetRegionFactsAsync(string region, CancellationToken cancellationToken = default) =>
            inner.GetRegionFactsAsync(region, cancellationToken);
    }

    /// <summary>Asserts two dumps are equal, showing the first lines that differ.</summary>
    public static void AssertSame(List<string> expected, List<string> actual, string because)
    {
        var missing = expected.Except(actual).Take(3).ToList();
        var extra = actual.Except(expected).Take(3).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"{because}: {expected.Count} vs {actual.Count} rows; only in the full rebuild: {string.Join(" ;; ", missing)}; only in the incremental state: {string.Join(" ;; ", extra)}");
    }
}
