using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Computes rankings from facts; pure (no storage, no clock). For every indicator, period and kind that at
/// least two regions of the same level report, it ranks those regions overall and, for cities, within each
/// province that has at least two of them. The value of each region is the one of the most recently delivered
/// report (<see cref="FactSelection.LatestPerKey"/>). Only facts in the catalog unit of the indicator are ranked
/// (a trade total stated only in USD is not ranked against totals in CNY).
/// </summary>
public static class RankingEngine
{
    /// <summary>Changes when the ranking rules change, so every ranking is recomputed and rewritten once.</summary>
    public const string EngineVersion = "rank-v1";

    public const int MinimumRegions = 2;

    /// <summary>Rankings of every indicator, period, kind, level and scope found in <paramref name="facts"/>.</summary>
    public static IReadOnlyList<Ranking> Compute(IEnumerable<StoredFact> facts, DateTimeOffset computedAt)
    {
        var result = new List<Ranking>();
        var latest = FactSelection.LatestPerKey(facts);
        foreach (var group in latest.GroupBy(f => (f.Fact.Indicator, f.Fact.Period, f.Fact.Kind)))
        {
            if (!IndicatorCatalog.TryGet(group.Key.Indicator, out var indicator)) continue;
            if (!FactKinds.IsValid(group.Key.Kind) || !Periods.IsValid(group.Key.Period)) continue;
            var usable = group.Where(f => f.Fact.Unit == indicator.Unit && double.IsFinite(f.Fact.Value)
                                          && (f.Level is RegionLevels.City or RegionLevels.Province)).ToList();
            foreach (var byLevel in usable.GroupBy(f => f.Level))
            {
                var level = byLevel.ToList();
                if (level.Count >= MinimumRegions)
                    result.Add(Rank(new RankingKey(indicator.Code, group.Key.Period, group.Key.Kind, byLevel.Key, RankingScopes.All), indicator, level, computedAt));
                if (byLevel.Key != RegionLevels.City) continue;
                foreach (var byProvince in level.Where(f => !string.IsNullOrEmpty(f.Province)).GroupBy(f => f.Province!))
                {
                    var inProvince = byProvince.ToList();
                    if (inProvince.Count >= MinimumRegions)
                        result.Add(Rank(new RankingKey(indicator.Code, group.Key.Period, group.Key.Kind, byLevel.Key, byProvince.Key), indicator, inProvince, computedAt));
                }
            }
        }
        return result;
    }

    /// <summary>Ranks the given facts (one per region) by the indicator's direction.</summary>
    public static Ranking Rank(RankingKey key, Indicator indicator, IReadOnlyList<StoredFact> facts, DateTimeOffset computedAt)
    {
        var ordered = Order(facts, f => f.Fact.Value, f => f.Fact.Region, indicator.Direction);
        var ranks = CompetitionRanks(ordered, f => f.Fact.Value);
        var n = ordered.Count;
        var entries = new List<RankingEntry>(n);
        for (var i = 0; i < n; i++)
        {
            var f = ordered[i];
            entries.Add(new RankingEntry(ranks[i], f.Fact.Region, f.Fact.Value, f.Fact.Unit, f.Fact.Qualifier, n,
                Percentile(ranks[i], n), f.ReportId, f.ReportYear, f.Province));
        }
        return new Ranking(key, indicator.Direction, indicator.Unit, Fingerprint(key, indicator.Direction, facts), computedAt, entries);
    }

    /// <summary>Best first: descending for higher-is-better and neutral codes, ascending for lower-is-better; ties by region name.</summary>
    internal static List<T> Order<T>(IEnumerable<T> items, Func<T, double> value, Func<T, string> region, RankDirection direction)
    {
        var list = items.ToList();
        list.Sort((a, b) =>
        {
            var c = direction == RankDirection.LowerIsBetter ? value(a).CompareTo(value(b)) : value(b).CompareTo(value(a));
            return c != 0 ? c : string.CompareOrdinal(region(a), region(b));
        });
        return list;
    }

    /// <summary>Standard competition ranking ("1224"): equal values share the rank of the first of them.</summary>
    internal static int[] CompetitionRanks<T>(IReadOnlyList<T> ordered, Func<T, double> value)
    {
        var ranks = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
            ranks[i] = i > 0 && value(ordered[i]).Equals(value(ordered[i - 1])) ? ranks[i - 1] : i + 1;
        return ranks;
    }

    /// <summary>Share, in percent, of the other ranked regions that rank at or below <paramref name="rank"/>.</summary>
    public static double Percentile(int rank, int ranked) =>
        ranked <= 1 ? 100 : Math.Round(100.0 * (ranked - rank) / (ranked - 1), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Hash of what a ranking is computed from: its key, direction, engine version and, for every fact used (in a
    /// fixed order), region, value, unit, qualifier, report id, report year, level and province.
    /// </summary>
    public static string Fingerprint(RankingKey key, RankDirection direction, IEnumerable<StoredFact> facts)
    {
        var sb = new StringBuilder();
        sb.Append(EngineVersion).Append('\n').Append(key).Append('\n').Append(direction).Append('\n');
        foreach (var line in facts.Select(FactLine).Order(StringComparer.Ordinal)) sb.Append(line).Append('\n');
        return Hash(sb);
    }

    internal static string FactLine(StoredFact f) => string.Join('\u001f',
        f.Fact.Region, f.Fact.Indicator, f.Fact.Period, f.Fact.Kind,
        f.Fact.Value.ToString("R", CultureInfo.InvariantCulture), f.Fact.Unit, f.Fact.Qualifier,
        f.ReportId, f.ReportYear?.ToString(CultureInfo.InvariantCulture) ?? "", f.Level, f.Province ?? "");

    internal static string Hash(StringBuilder sb) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
}
