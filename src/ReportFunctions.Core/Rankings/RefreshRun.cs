using System.Collections.Concurrent;
using Azure;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// One refresh: which groups to recompute and from which facts (<see cref="FullAsync"/>: every group, from the fact
/// tables; <see cref="IncrementalAsync"/>: the groups the change markers name, from each group's cached input with
/// the changed reports' facts replaced), then <see cref="RefreshPublisher"/> publishes what changed. Change markers are
/// read first and cleared last, each only if unchanged since read, so a change recorded meanwhile is never lost.
/// </summary>
internal sealed class RefreshRun(IRankingFactSource source, RankingInputStore inputs, RankingChangeLog changes,
    RefreshPublisher publisher, RankingRefresherSettings settings, RefreshCounters counters, TimeProvider time)
{
    private const int InputWriteAttempts = 3;

    /// <summary>Test seam: runs once the facts are read, before anything is published or cleared (a test ingests here).</summary>
    public Func<CancellationToken, Task>? AfterFactsRead { get; init; }

    public int GroupsRefreshed { get; private set; }
    public int ChangesRead { get; private set; }
    public int FactsRead { get; private set; }

    private ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Math.Max(1, settings.ReadParallelism), CancellationToken = ct };

    /// <summary>Every group from the fact tables; the cached inputs are rewritten; every marker read first is cleared.</summary>
    public async Task FullAsync(CancellationToken ct)
    {
        var markers = await changes.ReadAsync(keysOnly: true, ct).ConfigureAwait(false);
        ChangesRead = markers.Count;
        var listed = await inputs.ListAsync(ct).ConfigureAwait(false);
        counters.Read(markers.Count + listed.Count);
        // The time the facts are read: results computed from facts read later win a publishing race.
        var computedAt = time.GetUtcNow();
        var facts = await source.ReadAllAsync(counters, ct).ConfigureAwait(false);
        FactsRead = facts.Count;
        if (AfterFactsRead is not null) await AfterFactsRead(ct).ConfigureAwait(false);
        var byGroup = facts.GroupBy(FactGroup.Of).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var gone in listed.Keys.Where(g => !byGroup.ContainsKey(g))) byGroup[gone] = [];

        var rows = byGroup.Select(kv => (kv.Key, (IReadOnlyCollection<StoredFact>)kv.Value, listed.GetValueOrDefault(kv.Key))).ToList();
        var conflicts = await inputs.WriteManyAsync(rows, settings.MaxParallelism, counters.Wrote, ct).ConfigureAwait(false);
        // Another run updated these groups after they were listed: leave them (and their markers) to that run and the next.
        foreach (var g in conflicts) byGroup.Remove(g);
        GroupsRefreshed = byGroup.Count;

        var skipped = conflicts.ToHashSet();
        await publisher.PublishAsync(byGroup, computedAt, full: true, skipped, ct).ConfigureAwait(false);
        // What each group has published, for the incremental refreshes (any ETag: the rows were just written by this run).
        await inputs.RecordPublishedAsync(publisher.Published.Select(p => (p.Key, ETag.All, p.Value)).ToList(), settings.MaxParallelism, counters.Wrote, ct).ConfigureAwait(false);
        // (Markers are read without their groups here: with a group left to another run, all stay for the next refresh.)
        if (skipped.Count == 0) counters.Wrote(await changes.ClearAsync(markers, settings.MaxParallelism, ct).ConfigureAwait(false));
    }

    /// <summary>The groups named by change markers; false when there were none (nothing else was read).</summary>
    public async Task<bool> IncrementalAsync(CancellationToken ct)
    {
        var markers = await changes.ReadAsync(keysOnly: false, ct).ConfigureAwait(false);
        ChangesRead = markers.Count;
        counters.Read(markers.Count);
        if (markers.Count == 0) return false;
        var computedAt = time.GetUtcNow();

        var built = new ConcurrentDictionary<FactGroup, List<StoredFact>>();
        var known = new ConcurrentDictionary<FactGroup, PublishedNames>();
        var written = new ConcurrentDictionary<FactGroup, ETag>();
        var factsRead = 0;
        _byReport = markers.GroupBy(m => m.ReportId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byGroup = markers.SelectMany(m => m.Groups.Select(g => (Group: g, Marker: m))).GroupBy(x => x.Group, x => x.Marker);
        await Parallel.ForEachAsync(byGroup, Options(ct), async (group, token) =>
        {
            if (await BuildInputAsync(group.Key, group.ToList(), token).ConfigureAwait(false) is { } input)
            {
                built[group.Key] = input.Facts;
                written[group.Key] = input.Written;
                // What the row said was published (a group re-read whole, marker '*', is listed: its rows may differ).
                if (input.Published is not null && group.All(m => m.ReportId != ChangeMarker.AnyReport)) known[group.Key] = input.Published;
                Interlocked.Add(ref factsRead, input.Facts.Count);
            }
        }).ConfigureAwait(false);
        FactsRead = factsRead;
        GroupsRefreshed = built.Count;
        if (AfterFactsRead is not null) await AfterFactsRead(ct).ConfigureAwait(false);

        await publisher.PublishAsync(built, computedAt, full: false, new HashSet<FactGroup>(), ct, known).ConfigureAwait(false);
        // Recorded only if no other run wrote the group's facts since this one did; else that run may have published
        // before this one replaced its rows: the group is marked to be re-read and listed by the next refresh.
        var changed = await inputs.RecordPublishedAsync(publisher.Published.Select(p => (p.Key, written[p.Key], p.Value)).ToList(),
            settings.MaxParallelism, counters.Wrote, ct).ConfigureAwait(false);
        changed.AddRange(publisher.Relist);
        if (changed.Count > 0) await changes.RecordGroupsAsync(changed, ct).ConfigureAwait(false);
        counters.Wrote(await changes.ClearAsync(markers.Where(m => m.Groups.All(built.ContainsKey)), settings.MaxParallelism, ct).ConfigureAwait(false));
        return true;
    }

    /// <summary>
    /// The group's current facts, written back as its cached input (only if that row is unchanged since read; else
    /// read again, a few times). Null when another run kept changing it: its markers stay for the next refresh.
    /// </summary>
    private async Task<(List<StoredFact> Facts, PublishedNames? Published, ETag Written)?> BuildInputAsync(FactGroup group, List<ChangeMarker> markers, CancellationToken ct)
    {
        for (var attempt = 0; attempt < InputWriteAttempts; attempt++)
        {
            var cached = await inputs.GetAsync(group, ct).ConfigureAwait(false);
            counters.Read(1);
            var facts = cached.Facts is null || markers.Any(m => m.ReportId == ChangeMarker.AnyReport) || !source.ReadsReports
                ? null
                : await ApplyChangesAsync(group, markers, cached.Facts, ct).ConfigureAwait(false);
            facts ??= await source.ReadGroupAsync(group, counters, ct).ConfigureAwait(false);
            if (await inputs.TryWriteAsync(group, facts, cached.ETag, ct).ConfigureAwait(false) is { } etag)
            {
                counters.Wrote(1);
                // No row yet: nothing was ever published from this group (its row is written before anything is published).
                return (facts, cached.ETag == default ? new PublishedNames([], 0) : cached.Published, etag);
            }
        }
        return null;
    }

    /// <summary>The cached facts with those of each changed report replaced by its current ones; null when a report's cannot be told.</summary>
    private async Task<List<StoredFact>?> ApplyChangesAsync(FactGroup group, List<ChangeMarker> markers, List<StoredFact> cached, CancellationToken ct)
    {
        var changed = markers.Select(m => m.ReportId).ToHashSet(StringComparer.Ordinal);
        var facts = cached.Where(f => !changed.Contains(f.ReportId)).ToList();
        foreach (var report in markers.GroupBy(m => m.ReportId))
        {
            var (active, _) = await source.ReadReportAsync(report.Key, false, counters, ct).ConfigureAwait(false);
            // A marker of the report's active hash holds its current facts (the facts of a hash never change).
            if (active is not null && _byReport[report.Key].FirstOrDefault(m => m.Hash == active && m.FactsJson is not null) is { } current)
            {
                facts.AddRange(MarkerFacts(current).Where(f => FactGroup.Of(f) == group));
                continue;
            }
            // Recorded before the report's current content became active (or it has none): read what is current.
            var (_, read) = await source.ReadReportAsync(report.Key, true, counters, ct).ConfigureAwait(false);
            if (read is null) return null;
            facts.AddRange(read.Where(f => FactGroup.Of(f) == group));
        }
        return facts;
    }

    private Dictionary<string, List<ChangeMarker>> _byReport = [];
    private readonly ConcurrentDictionary<string, List<StoredFact>> _markerFacts = new(StringComparer.Ordinal);

    private List<StoredFact> MarkerFacts(ChangeMarker m) => _markerFacts.GetOrAdd(m.RowKey, _ => CompactFacts.ReadWithGroups(m.FactsJson!));
}
