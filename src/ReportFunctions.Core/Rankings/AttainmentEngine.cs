using System.Text;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Target attainment, pure. A region attains (or not) a target for a period when it has a target for that period
/// (normally from that year's report) and an actual for the same period (normally from the next year's report);
/// each is the value of the most recently delivered report that states it. Target and actual must share a unit.
/// <para>Met, by the target's qualifier (gap = actual - target):</para>
/// <list type="bullet">
/// <item><c>above</c>: actual &gt; target; <c>at_least</c>: actual &gt;= target;</item>
/// <item><c>below</c> (also "within", "under"): actual &lt; target; <c>at_most</c>: actual &lt;= target;</item>
/// <item><c>exact</c> and <c>about</c> (treated alike): |gap| &lt;= 0.5 percentage points for % codes, &lt;= 0.5% of the target otherwise.</item>
/// </list>
/// <para>
/// Outcome: <c>met</c>; <c>beaten</c> when an exact/about target is missed on the better side (growth well above
/// "about 6%"; for lower-is-better codes and CPI, whose targets are ceilings, well under); otherwise <c>missed</c>.
/// </para>
/// <para>
/// Regions of the same level are ranked by gap (ties share a rank): higher-is-better codes larger gap first;
/// lower-is-better codes and CPI (neutral, but its targets are ceilings) smaller gap first.
/// </para>
/// </summary>
public static class AttainmentEngine
{
    public const string EngineVersion = "attain-v1";
    public const string LargerGapFirst = "larger_gap_first";
    public const string SmallerGapFirst = "smaller_gap_first";

    public const string OutcomeMet = "met";
    public const string OutcomeBeaten = "beaten";
    public const string OutcomeMissed = "missed";

    /// <summary>Tolerance of an exact/about target: 0.5 percentage points for %, 0.5% of the target otherwise.</summary>
    public static double Tolerance(string unit, double target) => unit == Units.Percent ? 0.5 : Math.Abs(target) * 0.005;

    private const double Epsilon = 1e-9;

    public static bool IsMet(string qualifier, string unit, double target, double actual) => qualifier switch
    {
        Qualifiers.Above => actual > target + Epsilon * Math.Max(1, Math.Abs(target)),
        Qualifiers.AtLeast => actual >= target - Epsilon * Math.Max(1, Math.Abs(target)),
        Qualifiers.Below => actual < target - Epsilon * Math.Max(1, Math.Abs(target)),
        Qualifiers.AtMost => actual <= target + Epsilon * Math.Max(1, Math.Abs(target)),
        _ => Math.Abs(actual - target) <= Tolerance(unit, target) + Epsilon * Math.Max(1, Math.Abs(target)),
    };

    /// <summary>Smaller gap is better for lower-is-better codes and for CPI (its targets are ceilings).</summary>
    public static string GapOrderFor(Indicator indicator) =>
        indicator.Direction == RankDirection.HigherIsBetter ? LargerGapFirst : SmallerGapFirst;

    public static string Outcome(Indicator indicator, string qualifier, string unit, double target, double actual)
    {
        if (IsMet(qualifier, unit, target, actual)) return OutcomeMet;
        if (qualifier is Qualifiers.Exact or Qualifiers.About)
        {
            var gap = actual - target;
            var better = GapOrderFor(indicator) == LargerGapFirst ? gap > 0 : gap < 0;
            if (better) return OutcomeBeaten;
        }
        return OutcomeMissed;
    }

    /// <summary>Attainment sets of every indicator, period and level found in <paramref name="facts"/>.</summary>
    public static IReadOnlyList<AttainmentSet> Compute(IEnumerable<StoredFact> facts, DateTimeOffset computedAt)
    {
        var latest = FactSelection.LatestPerKey(facts);
        var byKey = latest.ToDictionary(f => f.Key);
        var pairs = new List<(StoredFact Target, StoredFact Actual)>();
        foreach (var t in latest)
        {
            if (t.Fact.Kind != FactKinds.Target) continue;
            if (!byKey.TryGetValue((t.Fact.Region, t.Fact.Indicator, t.Fact.Period, FactKinds.Actual), out var a)) continue;
            if (a.Fact.Unit != t.Fact.Unit || !double.IsFinite(a.Fact.Value) || !double.IsFinite(t.Fact.Value)) continue;
            if (!IndicatorCatalog.TryGet(t.Fact.Indicator, out _) || !Periods.IsValid(t.Fact.Period)) continue;
            if (!RegionLevels.IsValid(t.Level)) continue;
            pairs.Add((t, a));
        }

        var result = new List<AttainmentSet>();
        foreach (var group in pairs.GroupBy(p => (p.Target.Fact.Indicator, p.Target.Fact.Period, p.Target.Level)))
        {
            var indicator = IndicatorCatalog.Get(group.Key.Indicator);
            // One unit per set: the catalog unit when any pair uses it, else the most common one.
            var unit = group.Any(p => p.Target.Fact.Unit == indicator.Unit)
                ? indicator.Unit
                : group.GroupBy(p => p.Target.Fact.Unit).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var members = group.Where(p => p.Target.Fact.Unit == unit).ToList();
            result.Add(Build(indicator, group.Key.Period, group.Key.Level, unit, members, computedAt));
        }
        return result;
    }

    internal static AttainmentSet Build(Indicator indicator, string period, string level, string unit,
        IReadOnlyList<(StoredFact Target, StoredFact Actual)> members, DateTimeOffset computedAt)
    {
        var order = GapOrderFor(indicator);
        var direction = order == LargerGapFirst ? RankDirection.HigherIsBetter : RankDirection.LowerIsBetter;
        var ordered = RankingEngine.Order(members, Gap, p => p.Target.Fact.Region, direction);
        var ranks = RankingEngine.CompetitionRanks(ordered, Gap);
        var entries = new List<AttainmentEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (t, a) = ordered[i];
            entries.Add(new AttainmentEntry(t.Fact.Region, t.Level, t.Province, indicator.Code, period, unit,
                t.Fact.Value, t.Fact.Qualifier, t.ReportId, a.Fact.Value, a.Fact.Qualifier, a.ReportId, Gap(ordered[i]),
                IsMet(t.Fact.Qualifier, unit, t.Fact.Value, a.Fact.Value),
                Outcome(indicator, t.Fact.Qualifier, unit, t.Fact.Value, a.Fact.Value),
                ranks[i], ordered.Count));
        }

        var sb = new StringBuilder();
        sb.Append(EngineVersion).Append('\n').Append(indicator.Code).Append('|').Append(period).Append('|').Append(level).Append('\n');
        foreach (var line in members.SelectMany(p => new[] { p.Target, p.Actual }).Select(RankingEngine.FactLine).Order(StringComparer.Ordinal))
            sb.Append(line).Append('\n');
        return new AttainmentSet(indicator.Code, period, level, indicator.Direction, order, unit, RankingEngine.Hash(sb), computedAt, entries);
    }

    /// <summary>Actual minus target, rounded to 10 significant-ish decimals so 5.1 - 5.5 reads -0.4.</summary>
    private static double Gap((StoredFact Target, StoredFact Actual) p) => RoundGap(p.Actual.Fact.Value - p.Target.Fact.Value);

    internal static double RoundGap(double gap) => Math.Abs(gap) < 1e6 ? Math.Round(gap, 9) : Math.Round(gap);
}
