using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using static ReportFunctions.Core.Tests.Rankings.RankingEngineTests;

namespace ReportFunctions.Core.Tests.Rankings;

public sealed class AttainmentEngineTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Qualifiers.Above, 6, 6.1, true)]
    [InlineData(Qualifiers.Above, 6, 6.0, false)]
    [InlineData(Qualifiers.AtLeast, 6, 6.0, true)]
    [InlineData(Qualifiers.AtLeast, 6, 5.9, false)]
    [InlineData(Qualifiers.About, 6, 5.5, true)]
    [InlineData(Qualifiers.About, 6, 6.5, true)]
    [InlineData(Qualifiers.About, 6, 5.4, false)]
    [InlineData(Qualifiers.About, 6, 6.6, false)]
    [InlineData(Qualifiers.Exact, 6, 5.6, true)]
    [InlineData(Qualifiers.Exact, 6, 3.0, false)]
    [InlineData(Qualifiers.Below, 5.5, 5.4, true)]
    [InlineData(Qualifiers.Below, 5.5, 5.5, false)]
    [InlineData(Qualifiers.AtMost, 3, 3.0, true)]
    [InlineData(Qualifiers.AtMost, 3, 3.1, false)]
    public void Met_follows_the_qualifier_for_percent_codes(string qualifier, double target, double actual, bool met) =>
        Assert.Equal(met, AttainmentEngine.IsMet(qualifier, Units.Percent, target, actual));

    [Theory]
    [InlineData(1000e9, 1004.9e9, true)]
    [InlineData(1000e9, 995.1e9, true)]
    [InlineData(1000e9, 1006e9, false)]
    [InlineData(1000e9, 994e9, false)]
    public void About_an_amount_is_within_half_a_percent(double target, double actual, bool met) =>
        Assert.Equal(met, AttainmentEngine.IsMet(Qualifiers.About, Units.Cny, target, actual));

    [Fact]
    public void Outcome_distinguishes_beaten_from_missed()
    {
        var growth = IndicatorCatalog.Get("gdp_growth");
        var unemployment = IndicatorCatalog.Get("unemployment_rate");
        var cpi = IndicatorCatalog.Get("cpi_growth");
        Assert.Equal("met", AttainmentEngine.Outcome(growth, Qualifiers.About, "%", 6, 6.2));
        Assert.Equal("beaten", AttainmentEngine.Outcome(growth, Qualifiers.About, "%", 6, 8.1));
        Assert.Equal("missed", AttainmentEngine.Outcome(growth, Qualifiers.About, "%", 6, 3.0));
        Assert.Equal("missed", AttainmentEngine.Outcome(growth, Qualifiers.AtLeast, "%", 6, 5.9));
        Assert.Equal("beaten", AttainmentEngine.Outcome(unemployment, Qualifiers.About, "%", 5.5, 4.0));
        Assert.Equal("beaten", AttainmentEngine.Outcome(cpi, Qualifiers.About, "%", 3, 0.2));
        Assert.Equal("missed", AttainmentEngine.Outcome(cpi, Qualifiers.About, "%", 3, 4.0));
    }

    [Fact]
    public void Pairs_a_target_with_the_actual_of_the_same_year_from_the_next_report_and_ranks_by_gap()
    {
        StoredFact[] facts =
        [
            F("A", "gdp_growth", "2022", 6, FactKinds.Target, reportYear: 2022, qualifier: Qualifiers.About),
            F("A", "gdp_growth", "2022", 6.3, reportYear: 2023),
            F("B", "gdp_growth", "2022", 6.5, FactKinds.Target, reportYear: 2022, qualifier: Qualifiers.AtLeast),
            F("B", "gdp_growth", "2022", 4.0, reportYear: 2023),
            F("C", "gdp_growth", "2022", 5, FactKinds.Target, reportYear: 2022, qualifier: Qualifiers.Above),
            F("C", "gdp_growth", "2022", 7.0, reportYear: 2023),
            F("D", "gdp_growth", "2022", 5, FactKinds.Target, reportYear: 2022), // no actual yet
        ];
        var set = AttainmentEngine.Compute(facts, Now).Single();
        Assert.Equal(("gdp_growth", "2022", "city"), (set.Indicator, set.Period, set.Level));
        Assert.Equal(AttainmentEngine.LargerGapFirst, set.GapOrder);
        Assert.Equal(["C", "A", "B"], set.Entries.Select(e => e.Region));
        Assert.Equal([2.0, 0.3, -2.5], set.Entries.Select(e => e.Gap));
        Assert.Equal([true, true, false], set.Entries.Select(e => e.Met));
        Assert.Equal([1, 2, 3], set.Entries.Select(e => e.Rank));
        Assert.Equal("a-2022", set.Entries[1].TargetReportId);
        Assert.Equal("a-2023", set.Entries[1].ActualReportId);
    }

    [Fact]
    public void Lower_is_better_codes_rank_the_smallest_gap_first()
    {
        StoredFact[] facts =
        [
            F("A", "unemployment_rate", "2022", 5.5, FactKinds.Target, reportYear: 2022, qualifier: Qualifiers.Below),
            F("A", "unemployment_rate", "2022", 5.6, reportYear: 2023),
            F("B", "unemployment_rate", "2022", 5.5, FactKinds.Target, reportYear: 2022, qualifier: Qualifiers.Below),
            F("B", "unemployment_rate", "2022", 4.2, reportYear: 2023),
            F("C", "unemployment_rate", "2022", 5.0, FactKinds.Target, reportYear: 2022, qualifier: Qualifiers.AtMost),
            F("C", "unemployment_rate", "2022", 5.0, reportYear: 2023),
        ];
        var set = AttainmentEngine.Compute(facts, Now).Single();
        Assert.Equal(AttainmentEngine.SmallerGapFirst, set.GapOrder);
        Assert.Equal(["B", "C", "A"], set.Entries.Select(e => e.Region));
        Assert.Equal([true, true, false], set.Entries.Select(e => e.Met));
    }
}
