using System.Collections.Concurrent;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Computes the rankings and attainment sets of the given groups (each group from its own facts, in one canonical
/// order, so a full and an incremental refresh compute the same) and publishes those whose fingerprint changed;
/// stored ones whose inputs are gone are deleted. A full refresh compares with every stored row; an incremental one
/// with the rows of its groups only.
/// </summary>
internal sealed class RefreshPublisher(RankingStore rankings, AttainmentStore attainment, RankingRefresherSettings settings, RefreshCounters counters)
{
    public List<PublishResult> RankingResults { get; } = [];
    public List<PublishResult> SetResults { get; } = [];
    public int RankingsComputed { get; private set; }
    public int SetsComputed { get; private set; }
    public int RankingsRemoved { get; private set; }
    public int SetsRemoved { get; private set; }

    /// <summary>Facts in one order whatever their source's: the engines pick the first of equally recent facts for a key.</summary>
    internal static List<StoredFact> CanonicalOrder(IEnumerable<StoredFact> facts) => facts
        .OrderBy(f => f.Fact.Region, StringComparer.Ordinal).ThenBy(f => f.Fact.Kind, StringComparer.Ordinal)
        .ThenByDescending(f => f, Comparer<StoredFact>.Create(FactSelection.CompareDelivery))
        .ThenBy(f => f.Fact.Value).ThenBy(f => f.Fact.Unit, StringComparer.Ordinal).ThenBy(f => f.Fact.Qualifier, StringComparer.Ordinal)
        .ThenBy(f => f.Level, StringComparer.Ordinal).ThenBy(f => f.Province, StringComparer.Ordinal).ToList();

    /// <param name="full">Compare with every stored ranking and set (deleting those of groups without facts), except those of <paramref name="skipped"/>.</param>
    public async Task PublishAsync(IReadOnlyDictionary<FactGroup, List<StoredFact>> groups, DateTimeOffset computedAt, bool full,
        IReadOnlySet<FactGroup> skipped, CancellationToken ct)
    {
        var computed = new ConcurrentBag<(FactGroup Group, IReadOnlyList<Ranking> Rankings, IReadOnlyList<AttainmentSet> Sets)>();
        Parallel.ForEach(groups, new ParallelOptions { CancellationToken = ct }, kv =>
        {
            var facts = CanonicalOrder(kv.Value);
            computed.Add((kv.Key, RankingEngine.Compute(facts, computedAt), AttainmentEngine.Compute(facts, computedAt)));
        });
        var newRankings = computed.SelectMany(c => c.Rankings).ToList();
        var newSets = computed.SelectMany(c => c.Sets).ToList();
        RankingsComputed = newRankings.Count;
        SetsComputed = newSets.Count;

        Dictionary<RankingKey, SnapshotHead> rankingHeads;
        Dictionary<(string Code, string Period, string Level), SnapshotHead> setHeads;
        if (full)
        {
            rankingHeads = await rankings.GetAllHeadsAsync(ct).ConfigureAwait(false);
            setHeads = await attainment.GetAllHeadsAsync(ct).ConfigureAwait(false);
        }
        else
        {
            rankingHeads = [];
            setHeads = [];
            await Parallel.ForEachAsync(groups.Keys, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.ReadParallelism), CancellationToken = ct }, async (g, token) =>
            {
                var r = await rankings.GetHeadsAsync(g.Indicator, g.Period, token).ConfigureAwait(false);
                var s = await attainment.GetHeadsAsync(g.Indicator, g.Period, token).ConfigureAwait(false);
                lock (rankingHeads)
                {
                    foreach (var (k, v) in r) rankingHeads[k] = v;
                    foreach (var (k, v) in s) setHeads[k] = v;
                }
            }).ConfigureAwait(false);
        }
        counters.Read(rankingHeads.Count + setHeads.Count);

        var published = await rankings.PublishAsync(newRankings.Select(r => (r, rankingHeads.GetValueOrDefault(r.Key))).ToList(),
            settings.MaxParallelism, counters.Wrote, ct).ConfigureAwait(false);
        RankingResults.AddRange(published);
        var keys = newRankings.Select(r => r.Key).ToHashSet();
        var goneRankings = rankingHeads.Where(h => !keys.Contains(h.Key) && h.Value.ComputedAt < computedAt
                                                   && !skipped.Contains(new FactGroup(h.Key.Indicator, h.Key.Period))).Select(h => h.Value).ToList();
        RankingsRemoved = await rankings.DeleteAsync(goneRankings, settings.MaxParallelism, ct).ConfigureAwait(false);

        var setsPublished = await attainment.PublishAsync(newSets.Select(s => (s, setHeads.GetValueOrDefault((s.Indicator, s.Period, s.Level)))).ToList(),
            settings.MaxParallelism, counters.Wrote, ct).ConfigureAwait(false);
        SetResults.AddRange(setsPublished);
        var setKeys = newSets.Select(s => (s.Indicator, s.Period, s.Level)).ToHashSet();
        var goneSets = setHeads.Where(h => !setKeys.Contains(h.Key) && h.Value.ComputedAt < computedAt
                                           && !skipped.Contains(new FactGroup(h.Key.Code, h.Key.Period))).Select(h => h.Value).ToList();
        SetsRemoved = await attainment.DeleteAsync(goneSets, settings.MaxParallelism, ct).ConfigureAwait(false);
        counters.Wrote(RankingsRemoved + SetsRemoved);
    }
}
