using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using static ReportFunctions.Core.Tests.Rankings.RankingEngineTests;

namespace ReportFunctions.Core.Tests.Rankings;

public sealed class AmplificationEngineTests
{
    private static StoredFact Target(string region, string level, double value, string period = "2024", string? province = null,
        string qualifier = Qualifiers.About, int reportYear = 2024, string? reportId = null, string? unit = null) =>
        F(region, "gdp_growth", period, value, FactKinds.Target, level, province, reportYear, reportId, qualifier, unit);

    private static readonly StoredFact[] Facts =
    [
        Target("China", RegionLevels.Country, 5),
        Target("Zhejiang", RegionLevels.Province, 5.5),
        Target("Guangdong", RegionLevels.Province, 5, qualifier: Qualifiers.Above),
        Target("Hangzhou", RegionLevels.City, 5.5, province: "Zhejiang"),
        Target("Ningbo", RegionLevels.City, 6.5, province: "Zhejiang"),
        Target("Guangzhou", RegionLevels.City, 5, province: "Guangdong"),
        Target("Zhaoqing", RegionLevels.City, 6, province: "Guangdong"),
        // Another period and an actual: not part of the 2024 answer.
        Target("Ningbo", RegionLevels.City, 7, period: "2023", province: "Zhejiang", reportYear: 2023),
        F("Ningbo", "gdp_growth", "2024", 9, FactKinds.Actual, RegionLevels.City, "Zhejiang"),
    ];

    [Fact]
    public void City_minus_province_and_province_minus_nation_for_the_same_period()
    {
        var set = AmplificationEngine.Compute(Facts, "2024", Gazetteer.Default);
        Assert.Equal(5, set.National!.Value);
        Assert.Equal([("Guangdong", 0.0), ("Zhejiang", 0.5)], set.Provinces.Select(p => (p.Province, p.ProvinceMinusNation!.Value)));
        Assert.Equal(
            [("Guangzhou", "Guangdong", 0.0, 0.0), ("Zhaoqing", "Guangdong", 1.0, 0.0), ("Hangzhou", "Zhejiang", 0.0, 0.5), ("Ningbo", "Zhejiang", 1.0, 0.5)],
            set.Cities.Select(c => (c.City, c.Province, c.CityMinusProvince!.Value, c.ProvinceMinusNation!.Value)));
        var ningbo = set.Cities.Single(c => c.City == "Ningbo");
        Assert.Equal((6.5, 5.5, 5.0), (ningbo.Target.Value, ningbo.ProvinceTarget!.Value, ningbo.NationalTarget!.Value));
        Assert.Equal(Qualifiers.Above, set.Cities.Single(c => c.City == "Zhaoqing").ProvinceTarget!.Qualifier);
    }

    [Fact]
    public void A_province_filter_keeps_its_cities_and_itself()
    {
        var set = AmplificationEngine.Compute(Facts, "2024", Gazetteer.Default, "Zhejiang");
        Assert.Equal(["Hangzhou", "Ningbo"], set.Cities.Select(c => c.City));
        Assert.Equal(["Zhejiang"], set.Provinces.Select(p => p.Province));
    }

    [Fact]
    public void The_province_of_a_city_comes_from_the_gazetteer()
    {
        // The stored fact names no province; the gazetteer knows Ningbo is in Zhejiang.
        var set = AmplificationEngine.Compute([Target("Zhejiang", RegionLevels.Province, 5.5), Target("Ningbo", RegionLevels.City, 6, province: null)], "2024", Gazetteer.Default);
        Assert.Equal(("Ningbo", "Zhejiang", 0.5), set.Cities.Select(c => (c.City, c.Province, c.CityMinusProvince!.Value)).Single());
    }

    [Fact]
    public void Missing_levels_leave_the_difference_empty_and_the_latest_report_wins()
    {
        var facts = new[]
        {
            Target("Hangzhou", RegionLevels.City, 5.5, province: "Zhejiang", reportYear: 2023, reportId: "hangzhou-old"),
            Target("Hangzhou", RegionLevels.City, 6, province: "Zhejiang", reportYear: 2024, reportId: "hangzhou-new"),
        };
        var city = AmplificationEngine.Compute(facts, "2024", Gazetteer.Default).Cities.Single();
        Assert.Equal((6.0, "hangzhou-new"), (city.Target.Value, city.Target.ReportId));
        Assert.Null(city.ProvinceTarget);
        Assert.Null(city.CityMinusProvince);
        Assert.Null(city.ProvinceMinusNation);
    }

    [Fact]
    public void Targets_in_different_units_are_not_subtracted()
    {
        var set = AmplificationEngine.Compute(
            [F("Zhejiang", "foreign_investment", "2024", 20e9, FactKinds.Target, RegionLevels.Province, null, unit: Units.Usd),
             F("Ningbo", "foreign_investment", "2024", 30e9, FactKinds.Target, RegionLevels.City, "Zhejiang", unit: Units.Cny)], "2024", Gazetteer.Default);
        Assert.Null(set.Cities.Single().CityMinusProvince);
    }

    [Fact]
    public void Periods_with_targets_latest_first() =>
        Assert.Equal(["2024", "2023"], AmplificationEngine.Periods(Facts));
}
