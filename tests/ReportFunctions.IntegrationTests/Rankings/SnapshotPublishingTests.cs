using Azure.Data.Tables;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>The publishing protocol itself, step by step, with the races forced rather than hoped for.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsSnapshotPublishingTests(AzuriteFixture azurite)
{
    private static readonly RankingKey Key = new("gdp_growth", "2022", FactKinds.Actual, RegionLevels.City, RankingScopes.All);
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Ranking Make(DateTimeOffset at, params (string Region, double Value)[] values)
    {
        var facts = values.Select(v => new StoredFact
        {
            Fact = new Fact { Region = v.Region, Indicator = Key.Indicator, Period = Key.Period, Kind = Key.Kind, Value = v.Value, Unit = "%", Evidence = "e" },
            ReportId = v.Region + "-2023", ReportYear = 2023, Level = RegionLevels.City, Province = "Zhejiang",
        }).ToList();
        return RankingEngine.Rank(Key, IndicatorCatalog.Get(Key.Indicator), facts, at);
    }

    [Fact]
    public async Task A_run_that_loses_the_etag_race_leaves_the_winners_ranking_unless_its_facts_are_later()
    {
        var store = new RankingStore(azurite.TableService(), "rs" + Guid.NewGuid().ToString("N")[..10]);
        Assert.Equal(PublishResult.Written, await store.PublishAsync(Make(T0, ("A", 1), ("B", 2)), null, default));
        var heads = await store.GetAllHeadsAsync(default);
        var h1 = heads[Key];

        // Two runs read head h1. The first publishes B (facts read at T0+2).
        var b = Make(T0.AddMinutes(2), ("A", 3), ("B", 2), ("C", 1));
        Assert.Equal(PublishResult.Written, await store.PublishAsync(b, h1, default));
        // The second, with facts read earlier (T0+1), loses the ETag race and leaves B.
        var c = Make(T0.AddMinutes(1), ("A", 9), ("B", 8));
        Assert.Equal(PublishResult.LostRace, await store.PublishAsync(c, h1, default));
        var served = await store.GetAsync(Key);
        Assert.Equal(b.Fingerprint, served!.Fingerprint);
        Assert.Equal(["A", "B", "C"], served.Entries.Select(e => e.Region));
        Assert.Equal(3, served.Entries.Count);

        // A run from the same facts as the winner loses the race too (nothing to change).
        var bAgain = Make(T0.AddMinutes(3), ("A", 3), ("B", 2), ("C", 1));
        Assert.Equal(b.Fingerprint, bAgain.Fingerprint);
        Assert.Equal(PublishResult.LostRace, await store.PublishAsync(bAgain, h1, default));
        Assert.Equal(b.Fingerprint, (await store.GetAsync(Key))!.Fingerprint);

        // A run whose facts were read after the winner's retries against the new head and wins.
        var d = Make(T0.AddMinutes(5), ("A", 1), ("B", 5));
        Assert.Equal(PublishResult.Written, await store.PublishAsync(d, h1, default));
        served = await store.GetAsync(Key);
        Assert.Equal(d.Fingerprint, served!.Fingerprint);
        Assert.Equal(["B", "A"], served.Entries.Select(e => e.Region));
        Assert.Equal(2, served.Entries.Count);

        // Same inputs as the current head: not rewritten.
        var current = (await store.GetAllHeadsAsync(default))[Key];
        Assert.Equal(PublishResult.Unchanged, await store.PublishAsync(Make(T0.AddMinutes(9), ("A", 1), ("B", 5)), current, default));
        Assert.Equal(current.ETag, (await store.GetAllHeadsAsync(default))[Key].ETag);
    }

    [Fact]
    public async Task A_ranking_larger_than_one_property_is_split_across_properties_of_one_entity_and_read_back_whole()
    {
        var store = new RankingStore(azurite.TableService(), "rs" + Guid.NewGuid().ToString("N")[..10]);
        var values = Enumerable.Range(0, 2800).Select(i => ("County" + i.ToString("D4"), (double)(i % 97))).ToArray(); // county scale, with ties
        var big = Make(T0, values);
        Assert.Equal(PublishResult.Written, await store.PublishAsync(big, null, default));
        var row = (await azurite.TableService().GetTableClient(store.TableName).GetEntityAsync<TableEntity>("s|" + Key.Indicator, RankingStore.Name(Key))).Value;
        Assert.True(row.GetInt32("EChunks") > 2, "the entries should need several properties");
        var served = await store.GetAsync(Key);
        Assert.Equal(big.Fingerprint, served!.Fingerprint);
        Assert.Equal(big.Entries, served.Entries);
    }
}
