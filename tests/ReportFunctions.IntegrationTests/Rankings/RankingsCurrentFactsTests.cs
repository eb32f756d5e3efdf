using System.Globalization;
using Azure.Data.Tables;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// The per-report current-facts rows ingestion keeps (RankingChanges partition <c>c</c>), which a full refresh reads
/// instead of the fact tables: after every step of random new, replaced and failed reports they hold exactly the
/// current facts FactsByIndicator holds, and full and incremental refreshes still equal a rebuild from the fact
/// tables. A store whose rows are missing (filled by an older version) falls back to the fact tables and is backfilled.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsCurrentFactsTests(AzuriteFixture azurite)
{
    private static string Line(StoredFact f) => string.Join('|', f.Fact.Indicator, f.Fact.Period, f.Fact.Region, f.Fact.Kind,
        f.Fact.Value.ToString("R", CultureInfo.InvariantCulture), f.Fact.Unit, f.Fact.Qualifier, f.ReportId, f.ReportYear, f.IngestedAt.UtcTicks, f.Level, f.Province);

    private static RankingChangeLog Log(RandomReports world) => new(((FactQueries)world.Reader).Store.Storage);

    private static async Task<(List<string> Lines, (int FromCurrentRows, int FromFactTables, bool ScannedFactTables) How)> ReadAllAsync(RandomReports world,
        int maxReadOneByOne = StoredFactSource.MaxReportsReadOneByOne)
    {
        var source = new StoredFactSource(((FactQueries)world.Reader).Store, Log(world), 4, maxReadOneByOne);
        var facts = await source.ReadAllAsync(new RefreshCounters(), CancellationToken.None);
        return (facts.Select(Line).Order(StringComparer.Ordinal).ToList(), source.LastReadAll);
    }

    private static async Task<List<string>> ReadFactTablesAsync(RandomReports world)
    {
        var source = new StoredFactSource(((FactQueries)world.Reader).Store, Log(world), 4);
        var facts = await source.ReadAllFromFactTablesAsync(new RefreshCounters(), CancellationToken.None);
        return facts.Select(Line).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData(7)]
    [InlineData(20261204)]
    public async Task After_random_changes_current_facts_rows_equal_the_fact_tables_and_refreshes_equal_a_rebuild(int seed)
    {
        var world = new RandomReports(azurite, seed);
        var h = new RankingHarness(azurite, world.Reader, world.Prefix);
        await world.StepAsync(6);
        Assert.True((await h.NewRefresher().RefreshAsync(CancellationToken.None)).Full);
        for (var step = 0; step < 8; step++)
        {
            var done = await world.StepAsync(1 + step % 3);
            var (lines, how) = await ReadAllAsync(world);
            Assert.False(how.ScannedFactTables, $"seed {seed}, step {step}: read the fact tables");
            Assert.Equal(0, how.FromFactTables);
            Assert.True(how.FromCurrentRows > 0);
            Assert.Equal(await ReadFactTablesAsync(world), lines);

            // Incremental on odd steps, full (from the current-facts rows) on even ones: both equal a rebuild from the fact tables.
            var summary = await h.NewRefresher().RefreshAsync(full: step % 2 == 0, CancellationToken.None);
            Assert.Equal(step % 2 == 0, summary.Full);
            // After a refresh recorded what it published, an incremental one lists no rankings (only sets of groups that have some).
            if (!summary.Full) Assert.Equal(0, summary.RankingListings);
            if (summary.Full) Assert.False(summary.FactTablesScanned);
            RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, world.Reader), await RankingStateDump.DumpAsync(azurite, h),
                $"seed {seed}, step {step} ({done})");
        }
    }

    [Theory]
    [InlineData(2)]  // a few reports without a row: read one by one
    [InlineData(-1)] // every row gone (a store from before these rows), more than read one by one: every FactsByIndicator row is read
    public async Task Missing_current_facts_rows_fall_back_to_the_fact_tables_and_are_written_back(int deleted)
    {
        var world = new RandomReports(azurite, 42);
        var h = new RankingHarness(azurite, world.Reader, world.Prefix);
        await world.StepAsync(12);
        var table = Log(world).Table;
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"c"}"))) rows.Add(e);
        Assert.True(rows.Count >= 5);
        foreach (var e in deleted < 0 ? rows : rows.Where(e => e.GetString("Hash")?.StartsWith("failed-", StringComparison.Ordinal) == false).Take(deleted)) await table.DeleteEntityAsync(e.PartitionKey, e.RowKey);
        var expected = await ReadFactTablesAsync(world);

        var (lines, how) = await ReadAllAsync(world, maxReadOneByOne: deleted < 0 ? 0 : 20);
        Assert.Equal(expected, lines);
        Assert.Equal(deleted < 0, how.ScannedFactTables);
        if (deleted > 0) Assert.Equal(deleted, how.FromFactTables);
        var summary = await h.NewRefresher().RefreshAsync(full: true, CancellationToken.None);
        Assert.True(summary.Full && summary.RankingsComputed > 0);
        RankingStateDump.AssertSame(await RankingStateDump.FreshFullRebuildAsync(azurite, world.Reader), await RankingStateDump.DumpAsync(azurite, h), "after the fallback");

        // The rows were written back: the next read takes every report from them.
        var (again, after) = await ReadAllAsync(world);
        Assert.Equal(expected, again);
        Assert.False(after.ScannedFactTables);
        Assert.Equal(0, after.FromFactTables);
    }
}
