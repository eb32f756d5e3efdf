using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
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

    /// <summary>What was published for each group (every ranking and set written or found unchanged: none left to another run).</summary>
    public Dictionary<FactGroup, PublishedNames> Published { get; } = [];
    /// <summary>Groups whose stored rankings differ from what was recorded (a gone one changed since): to be listed next time.</summary>
    public HashSet<FactGroup> Relist { get; } = [];
    /// <summary>Listings of a group's stored rankings or sets an incremental refresh made (none when each group's published names were known).</summary>
    public int RankingListings { get; private set; }
    public int SetListings { get; private set; }

    /// <param name="full">Compare with every stored ranking and set (deleting those of groups without facts), except those of <paramref name="skipped"/>.</param>
    /// <param name="known">Incremental: what was last published for a group (its rankings and sets need no listing); others are listed.</param>
    public async Task PublishAsync(IReadOnlyDictionary<FactGroup, List<StoredFact>> groups, DateTimeOffset computedAt, bool full,
        IReadOnlySet<FactGroup> skipped, CancellationToken ct, IReadOnlyDictionary<FactGroup, PublishedNames>? known = null)
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
            counters.Read(rankingHeads.Count + setHeads.Count);
            RankingListings = SetListings = 1;
        }
        else
        {
            rankingHeads = [];
            setHeads = [];
            var setsOf = computed.ToDictionary(c => c.Group, c => c.Sets.Count);
            long listed = 0;
            await Parallel.ForEachAsync(groups.Keys, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.ReadParallelism), CancellationToken = ct }, async (g, token) =>
            {
                var pub = known?.GetValueOrDefault(g);
                // Known: heads as recorded after the last publishing (fingerprint and ETag; no ComputedAt: a gone one is deleted if unchanged since). Else listed.
                var r = pub is null ? await rankings.GetHeadsAsync(g.Indicator, g.Period, token).ConfigureAwait(false)
                    : pub.Rankings.Select(kv => (Key: RankingStore.ParseKey(g.Indicator, kv.Key),
                            Head: new SnapshotHead(g.Indicator, kv.Key, kv.Value.Fingerprint, DateTimeOffset.MinValue, 0, new ETag(kv.Value.ETag), new TableEntity())))
                        .Where(x => x.Key is not null).ToDictionary(x => x.Key!, x => x.Head);
                // Sets are listed (their rows name their regions) unless none was published and none is computed now (no target facts).
                var s = pub is not null && pub.Sets == 0 && setsOf[g] == 0 ? [] : await attainment.GetHeadsAsync(g.Indicator, g.Period, token).ConfigureAwait(false);
                lock (rankingHeads)
                {
                    if (pub is null) { listed += r.Count; RankingListings++; }
                    if (pub is null || pub.Sets > 0 || setsOf[g] > 0) { listed += s.Count; SetListings++; }
                    foreach (var (k, v) in r) rankingHeads[k] = v;
                    foreach (var (k, v) in s) setHeads[k] = v;
                }
            }).ConfigureAwait(false);
            counters.Read(listed);
        }

        var etags = new ETag?[newRankings.Count];
        var published = await rankings.PublishAsync(newRankings.Select(r => (r, rankingHeads.GetValueOrDefault(r.Key))).ToList(),
            settings.MaxParallelism, counters.Wrote, ct, etags).ConfigureAwait(false);
        RankingResults.AddRange(published);
        var keys = newRankings.Select(r => r.Key).ToHashSet();
        var goneRankings = rankingHeads.Where(h => !keys.Contains(h.Key) && h.Value.ComputedAt < computedAt
                                                   && !skipped.Contains(new FactGroup(h.Key.Indicator, h.Key.Period))).Select(h => h.Value).ToList();
        RankingsRemoved = await rankings.DeleteAsync(goneRankings, settings.MaxParallelism, ct).ConfigureAwait(false);
        // A gone ranking that changed since recorded was not deleted: its group is listed by the next refresh.
        if (RankingsRemoved < goneRankings.Count) foreach (var h in goneRankings) Relist.Add(new FactGroup(h.Group, h.Name.Split('|')[0]));

        var setsPublished = await attainment.PublishAsync(newSets.Select(s => (s, setHeads.GetValueOrDefault((s.Indicator, s.Period, s.Level)))).ToList(),
            settings.MaxParallelism, counters.Wrote, ct).ConfigureAwait(false);
        SetResults.AddRange(setsPublished);
        var setKeys = newSets.Select(s => (s.Indicator, s.Period, s.Level)).ToHashSet();
        var goneSets = setHeads.Where(h => !setKeys.Contains(h.Key) && h.Value.ComputedAt < computedAt
                                           && !skipped.Contains(new FactGroup(h.Key.Code, h.Key.Period))).Select(h => h.Value).ToList();
        SetsRemoved = await attainment.DeleteAsync(goneSets, settings.MaxParallelism, ct).ConfigureAwait(false);
        counters.Wrote(RankingsRemoved + SetsRemoved);

        // What each group now has published, unless one of its rankings or sets was left to another run.
        var incomplete = newRankings.Where((r, i) => published[i] == PublishResult.LostRace).Select(r => new FactGroup(r.Key.Indicator, r.Key.Period))
            .Concat(newSets.Where((x, i) => setsPublished[i] == PublishResult.LostRace).Select(x => new FactGroup(x.Indicator, x.Period))).ToHashSet();
        var etagOf = newRankings.Select((r, i) => (r.Key, etags[i])).ToDictionary(x => x.Key, x => x.Item2);
        foreach (var c in computed)
            if (!incomplete.Contains(c.Group) && !skipped.Contains(c.Group) && !Relist.Contains(c.Group) && c.Rankings.All(r => etagOf[r.Key] is not null))
                Published[c.Group] = new PublishedNames(c.Rankings.ToDictionary(r => RankingStore.Name(r.Key), r => (r.Fingerprint, etagOf[r.Key]!.Value.ToString()), StringComparer.Ordinal), c.Sets.Count);
    }
}
