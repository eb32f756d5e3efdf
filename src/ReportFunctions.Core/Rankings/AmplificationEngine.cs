using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>One region's target as the amplification answer shows it: value, qualifier and the report that set it.</summary>
public sealed record AmplificationTarget(string Region, double Value, string Unit, string Qualifier, string ReportId, int? ReportYear);

/// <summary>A city's target beside its province's and the nation's (any of the two may be missing).</summary>
public sealed record CityAmplification(
    string City,
    string Province,
    AmplificationTarget Target,
    AmplificationTarget? ProvinceTarget,
    AmplificationTarget? NationalTarget,
    double? CityMinusProvince,
    double? ProvinceMinusNation);

/// <summary>A province's target beside the nation's.</summary>
public sealed record ProvinceAmplification(string Province, AmplificationTarget Target, AmplificationTarget? NationalTarget, double? ProvinceMinusNation);

/// <summary>The amplification of one indicator's targets for one period.</summary>
public sealed record AmplificationSet(
    AmplificationTarget? National,
    IReadOnlyList<ProvinceAmplification> Provinces,
    IReadOnlyList<CityAmplification> Cities);

/// <summary>
/// Target amplification (the growth-target literature's quantity): each level's target minus the target of the level
/// above, for the same indicator and period: city minus its province, province minus the nation. Each region's target
/// is that of the most recently delivered report stating it (<see cref="FactSelection.LatestPerKey"/>); a city's
/// province comes from the gazetteer. A difference is given only when both targets exist and share a unit.
/// </summary>
public static class AmplificationEngine
{
    public static AmplificationSet Compute(IEnumerable<StoredFact> targets, string period, Gazetteer gazetteer, string? province = null)
    {
        var latest = FactSelection.LatestPerKey(targets.Where(f => f.Fact.Kind == FactKinds.Target && f.Fact.Period == period));
        var byRegion = new Dictionary<string, (StoredFact Fact, RegionInfo Region)>(StringComparer.Ordinal);
        foreach (var f in latest)
        {
            if (!gazetteer.TryResolve(f.Fact.Region, out var region) || region.IsUnknown) continue;
            // One target per region for the period (the indicator is fixed by the caller); the latest report wins.
            if (byRegion.TryGetValue(region.Name, out var seen) && FactSelection.CompareDelivery(f, seen.Fact) <= 0) continue;
            byRegion[region.Name] = (f, region);
        }

        var national = byRegion.Values.Where(x => x.Region.Level == RegionLevels.Country).Select(x => Target(x.Fact)).FirstOrDefault();
        var provinceTargets = byRegion.Values.Where(x => x.Region.Level == RegionLevels.Province)
            .ToDictionary(x => x.Region.Name, x => Target(x.Fact), StringComparer.Ordinal);

        var provinces = provinceTargets.Values
            .Where(p => province is null || p.Region == province)
            .Select(p => new ProvinceAmplification(p.Region, p, national, Difference(p, national)))
            .OrderBy(p => p.Province, StringComparer.Ordinal).ToList();

        var cities = byRegion.Values
            .Where(x => x.Region.Level == RegionLevels.City && x.Region.Province is not null && (province is null || x.Region.Province == province))
            .Select(x =>
            {
                var city = Target(x.Fact);
                var parent = provinceTargets.GetValueOrDefault(x.Region.Province!);
                return new CityAmplification(city.Region, x.Region.Province!, city, parent, national,
                    Difference(city, parent), Difference(parent, national));
            })
            .OrderBy(c => c.Province, StringComparer.Ordinal).ThenBy(c => c.City, StringComparer.Ordinal).ToList();
        return new AmplificationSet(national, provinces, cities);
    }

    /// <summary>The periods with at least one target, latest first.</summary>
    public static IReadOnlyList<string> Periods(IEnumerable<StoredFact> targets) =>
        RankingApiModule.SortPeriods(targets.Where(f => f.Fact.Kind == FactKinds.Target).Select(f => f.Fact.Period));

    private static AmplificationTarget Target(StoredFact f) =>
        new(f.Fact.Region, f.Fact.Value, f.Fact.Unit, f.Fact.Qualifier, f.ReportId, f.ReportYear);

    /// <summary>A target minus the target of the level above (same unit), rounded to hide binary noise (6.5 - 6 = 0.5, not 0.50000000001).</summary>
    private static double? Difference(AmplificationTarget? target, AmplificationTarget? above) =>
        target is null || above is null || target.Unit != above.Unit ? null : Math.Round(target.Value - above.Value, 6);
}
