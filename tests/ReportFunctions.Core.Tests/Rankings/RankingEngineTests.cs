using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.Core.Tests.Rankings;

public sealed class RankingEngineTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    internal static StoredFact F(string region, string indicator, string period, double value, string kind = FactKinds.Actual,
        string level = RegionLevels.City, string? province = "Zhejiang", int reportYear = 2023, string? reportId = null,
        string qualifier = Qualifiers.Exact, string? unit = null, DateTimeOffset? ingestedAt = null) => new()
    {
        Fact = new Fact
        {
            Region = region, Indicator = indicator, Period = period, Kind = kind, Value = value,
            Unit = unit ?? IndicatorCatalog.Get(indicator).Unit, Qualifier = qualifier, Evidence = "e",
        },
        ReportId = reportId ?? $"{region.ToLowerInvariant()}-{reportYear}",
        ReportYear = reportYear,
        IngestedAt = ingestedAt ?? Now,
        Level = level,
        Province = level == RegionLevels.City ? province : null,
    };

    private static Ranking Single(IEnumerable<StoredFact> facts, string indicator, string period = "2022", string kind = FactKinds.Actual,
        string level = RegionLevels.City, string scope = RankingScopes.All) =>
        RankingEngine.Compute(facts, Now).Single(r => r.Key == new RankingKey(indicator, period, kind, level, scope));

    [Fact]
    public void Ranks_higher_values_first_with_exact_ranks()
    {
        var r = Single([F("A", "gdp_growth", "2022", 3.1), F("B", "gdp_growth", "2022", 5.2), F("C", "gdp_growth", "2022", 4.0)], "gdp_growth");
        Assert.Equal(["B", "C", "A"], r.Entries.Select(e => e.Region));
        Assert.Equal([1, 2, 3], r.Entries.Select(e => e.Rank));
        Assert.All(r.Entries, e => Assert.Equal(3, e.Ranked));
        Assert.Equal(RankDirection.HigherIsBetter, r.Direction);
        Assert.Equal("%", r.Unit);
        Assert.Equal(Now, r.ComputedAt);
    }

    [Fact]
    public void Ties_share_a_rank_1_2_2_4()
    {
        var r = Single([F("A", "gdp_growth", "2022", 6), F("B", "gdp_growth", "2022", 5), F("C", "gdp_growth", "2022", 5), F("D", "gdp_growth", "2022", 4)], "gdp_growth");
        Assert.Equal([1, 2, 2, 4], r.Entries.Select(e => e.Rank));
        Assert.Equal(["A", "B", "C", "D"], r.Entries.Select(e => e.Region));
        Assert.Equal([100, 66.67, 66.67, 0], r.Entries.Select(e => e.Percentile));
    }

    [Fact]
    public void Percentile_is_share_of_others_ranked_at_or_below()
    {
        Assert.Equal(100, RankingEngine.Percentile(1, 5));
        Assert.Equal(75, RankingEngine.Percentile(2, 5));
        Assert.Equal(50, RankingEngine.Percentile(3, 5));
        Assert.Equal(0, RankingEngine.Percentile(5, 5));
        Assert.Equal(100, RankingEngine.Percentile(1, 2));
        Assert.Equal(0, RankingEngine.Percentile(2, 2));
        // All tied: everyone is at or below everyone.
        var r = Single([F("A", "gdp", "2022", 1e11), F("B", "gdp", "2022", 1e11)], "gdp");
        Assert.Equal([1, 1], r.Entries.Select(e => e.Rank));
        Assert.Equal([100, 100], r.Entries.Select(e => e.Percentile));
    }

    [Fact]
    public void Lower_is_better_codes_rank_the_smallest_first()
    {
        var r = Single([F("A", "unemployment_rate", "2022", 5.5), F("B", "unemployment_rate", "2022", 3.2), F("C", "unemployment_rate", "2022", 4.1)], "unemployment_rate");
        Assert.Equal(["B", "C", "A"], r.Entries.Select(e => e.Region));
        Assert.Equal(RankDirection.LowerIsBetter, r.Direction);
    }

    [Fact]
    public void Neutral_codes_rank_highest_first_and_say_neutral()
    {
        var r = Single([F("A", "cpi_growth", "2022", 1.5), F("B", "cpi_growth", "2022", 2.4), F("C", "cpi_growth", "2022", -0.3)], "cpi_growth");
        Assert.Equal(["B", "A", "C"], r.Entries.Select(e => e.Region));
        Assert.Equal(RankDirection.Neutral, r.Direction);
    }

    [Fact]
    public void Levels_are_ranked_apart_and_cities_within_their_province()
    {
        StoredFact[] facts =
        [
            F("Hangzhou", "gdp_growth", "2022", 1.5, province: "Zhejiang"),
            F("Jiaxing", "gdp_growth", "2022", 2.5, province: "Zhejiang"),
            F("Ningbo", "gdp_growth", "2022", 3.5, province: "Zhejiang"),
            F("Zhanjiang", "gdp_growth", "2022", 1.0, province: "Guangdong"),
            F("Zhaoqing", "gdp_growth", "2022", 4.0, province: "Guangdong"),
            F("Shantou", "gdp_growth", "2022", 2.0, province: "Fujian"), // alone in its province: no Fujian ranking
            F("Zhejiang", "gdp_growth", "2022", 3.1, level: RegionLevels.Province),
            F("Guangdong", "gdp_growth", "2022", 1.9, level: RegionLevels.Province),
            F("China", "gdp_growth", "2022", 3.0, level: RegionLevels.Country, province: null),
        ];
        var all = RankingEngine.Compute(facts, Now);
        Assert.Equal(4, all.Count);
        Assert.Equal(["Zhaoqing", "Ningbo", "Jiaxing", "Shantou", "Hangzhou", "Zhanjiang"], Single(facts, "gdp_growth").Entries.Select(e => e.Region));
        var zj = Single(facts, "gdp_growth", scope: "Zhejiang");
        Assert.Equal(["Ningbo", "Jiaxing", "Hangzhou"], zj.Entries.Select(e => e.Region));
        Assert.Equal([1, 2, 3], zj.Entries.Select(e => e.Rank));
        Assert.Equal("Zhejiang", zj.Key.Province);
        Assert.Equal(["Zhaoqing", "Zhanjiang"], Single(facts, "gdp_growth", scope: "Guangdong").Entries.Select(e => e.Region));
        var provinces = Single(facts, "gdp_growth", level: RegionLevels.Province);
        Assert.Equal(["Zhejiang", "Guangdong"], provinces.Entries.Select(e => e.Region));
        Assert.DoesNotContain(all, r => r.Key.Scope == "Fujian" || r.Key.Level == RegionLevels.Country);
    }

    [Fact]
    public void Needs_two_regions_and_ranks_each_period_and_kind_apart()
    {
        StoredFact[] facts =
        [
            F("A", "gdp_growth", "2022", 3), F("B", "gdp_growth", "2022", 4),
            F("A", "gdp_growth", "2023", 6, FactKinds.Target, qualifier: Qualifiers.About), F("B", "gdp_growth", "2023", 5, FactKinds.Target),
            F("A", "gdp_growth", "2021", 8), // only one region for 2021
        ];
        var all = RankingEngine.Compute(facts, Now).Where(r => r.Key.Scope == RankingScopes.All).ToList();
        Assert.Equal(2, all.Count);
        var target = Single(facts, "gdp_growth", "2023", FactKinds.Target);
        Assert.Equal(["A", "B"], target.Entries.Select(e => e.Region));
        Assert.Equal(Qualifiers.About, target.Entries[0].Qualifier);
    }

    [Fact]
    public void Uses_the_value_of_the_most_recently_delivered_report()
    {
        StoredFact[] facts =
        [
            // 2022 GDP growth first estimated in the 2023 report, revised by the 2024 report.
            F("A", "gdp_growth", "2022", 5.0, reportYear: 2023, reportId: "a-2023"),
            F("A", "gdp_growth", "2022", 2.0, reportYear: 2024, reportId: "a-2024"),
            F("B", "gdp_growth", "2022", 3.0, reportYear: 2023, reportId: "b-2023"),
        ];
        var r = Single(facts, "gdp_growth");
        Assert.Equal(["B", "A"], r.Entries.Select(e => e.Region));
        Assert.Equal("a-2024", r.Entries[1].ReportId);
        Assert.Equal(2024, r.Entries[1].ReportYear);
        Assert.Equal(2.0, r.Entries[1].Value);
    }

    [Fact]
    public void Facts_in_another_unit_are_not_ranked_against_the_catalog_unit()
    {
        StoredFact[] facts = [F("A", "foreign_trade", "2022", 5e10), F("B", "foreign_trade", "2022", 4e10), F("C", "foreign_trade", "2022", 9e9, unit: Units.Usd)];
        var r = Single(facts, "foreign_trade");
        Assert.Equal(["A", "B"], r.Entries.Select(e => e.Region));
    }

    [Fact]
    public void Fingerprint_changes_with_inputs_and_report_ids_only()
    {
        StoredFact[] a = [F("A", "gdp", "2022", 1e11), F("B", "gdp", "2022", 2e11)];
        var f1 = Single(a, "gdp").Fingerprint;
        Assert.Equal(f1, RankingEngine.Compute(a.Reverse(), Now.AddHours(1)).Single(r => r.Key.Scope == RankingScopes.All).Fingerprint);
        Assert.NotEqual(f1, Single([F("A", "gdp", "2022", 1e11), F("B", "gdp", "2022", 2.1e11)], "gdp").Fingerprint);
        Assert.NotEqual(f1, Single([F("A", "gdp", "2022", 1e11, reportId: "other"), F("B", "gdp", "2022", 2e11)], "gdp").Fingerprint);
        Assert.Equal(64, f1.Length);
    }
}
