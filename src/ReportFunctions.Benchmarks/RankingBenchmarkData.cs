using System.Globalization;
using System.Runtime.CompilerServices;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Benchmarks;

/// <summary>The synthetic facts of the ranking benchmark.</summary>
public static class RankingBenchmarkData
{
    /// <summary>Deterministic synthetic facts: every city and province, code and year, from one report per region and year.</summary>
    public static List<StoredFact> SyntheticFacts(RankingBenchmarkOptions o)
    {
        var random = new Random(o.Seed);
        var list = new List<StoredFact>();
        var indicators = IndicatorCatalog.All.Take(o.Indicators).ToList();
        var ingested = new DateTimeOffset(o.FirstYear, 3, 1, 0, 0, 0, TimeSpan.Zero);
        void Add(string region, string level, string? province, Indicator indicator, int year, string kind)
        {
            var value = indicator.Unit == Units.Percent ? Math.Round(random.NextDouble() * 10, 1) : Math.Round(random.NextDouble() * 1e12);
            list.Add(new StoredFact
            {
                Fact = new Fact
                {
                    Region = region, Indicator = indicator.Code, Period = year.ToString(CultureInfo.InvariantCulture), Kind = kind,
                    Value = value, Unit = indicator.Unit, Qualifier = kind == FactKinds.Target ? Qualifiers.About : Qualifiers.Exact, Evidence = "synthetic",
                },
                ReportId = $"{region}-{(kind == FactKinds.Actual ? year + 1 : year)}",
                ReportYear = kind == FactKinds.Actual ? year + 1 : year,
                IngestedAt = ingested.AddYears(year - o.FirstYear + 1),
                Level = level,
                Province = province,
            });
        }
        for (var y = 0; y < o.Years; y++)
        {
            var year = o.FirstYear + y;
            foreach (var indicator in indicators)
            {
                for (var p = 0; p < o.Provinces; p++)
                {
                    Add(ProvinceName(p), RegionLevels.Province, null, indicator, year, FactKinds.Actual);
                    if (o.Targets) Add(ProvinceName(p), RegionLevels.Province, null, indicator, year, FactKinds.Target);
                }
                for (var c = 0; c < o.Cities; c++)
                {
                    var province = ProvinceName(c % Math.Max(1, o.Provinces));
                    Add(CityName(c), RegionLevels.City, province, indicator, year, FactKinds.Actual);
                    if (o.Targets) Add(CityName(c), RegionLevels.City, province, indicator, year, FactKinds.Target);
                }
            }
        }
        return list;
    }

    private static string ProvinceName(int i) => "Province" + Letters(i);
    private static string CityName(int i) => "City" + Letters(i);

    private static string Letters(int i)
    {
        var s = "";
        do { s = (char)('a' + i % 26) + s; i /= 26; } while (i > 0);
        return s;
    }

}

/// <summary>Facts held in memory, as an <see cref="IFactReader"/> for the benchmark (rankings still go to storage).</summary>
public sealed class SyntheticFactReader : IFactReader
{
    private readonly object _gate = new();
    private Dictionary<string, List<StoredFact>> _byIndicator;

    public SyntheticFactReader(IEnumerable<StoredFact> facts) =>
        _byIndicator = facts.GroupBy(f => f.Fact.Indicator).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>Replaces every fact of report <paramref name="reportId"/> with <paramref name="facts"/> (as a corrected report would).</summary>
    public void ReplaceReport(string reportId, IReadOnlyList<StoredFact> facts)
    {
        lock (_gate)
        {
            var all = _byIndicator.Values.SelectMany(l => l).Where(f => f.ReportId != reportId).Concat(facts);
            _byIndicator = all.GroupBy(f => f.Fact.Indicator).ToDictionary(g => g.Key, g => g.ToList());
        }
    }

    public async IAsyncEnumerable<StoredFact> GetIndicatorFactsAsync(string indicator, string? period = null, string? kind = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var f in _byIndicator.GetValueOrDefault(indicator) ?? [])
            if ((period is null || f.Fact.Period == period) && (kind is null || f.Fact.Kind == kind)) yield return f;
    }

    public async IAsyncEnumerable<StoredFact> GetRegionFactsAsync(string region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var list in _byIndicator.Values)
            foreach (var f in list)
                if (f.Fact.Region == region) yield return f;
    }
}
