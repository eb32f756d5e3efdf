using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Queries;

/// <summary>One page of facts and the token for the next one (null on the last page).</summary>
public sealed record FactPage(IReadOnlyList<StoredFact> Facts, string? Continuation);

/// <summary>
/// Reads current facts (rows whose hash is their report's active hash). Every query reads one partition
/// (a region or an indicator) with key ranges for the leading RowKey parts; filters are built with
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/> only, never by concatenating input.
/// Implements <see cref="IFactReader"/> for the rankings engine.
/// </summary>
public sealed class FactQueries : IFactReader
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int MaxRestarts = 3;

    private readonly ReportStore _store;

    public FactQueries(ReportStore store) => _store = store;

    private ReportStorage Storage => _store.Storage;

    /// <summary>The store these queries read (the ranking refresher reads the same tables its own way).</summary>
    internal ReportStore Store => _store;

    /// <summary>Facts about one region (canonical name), optionally of one indicator, period and kind.</summary>
    /// <param name="all">false: the latest report's value per (region, indicator, period, kind); true: every report's value.</param>
    public Task<FactPage> GetRegionFactsPageAsync(string region, string? indicator, string? period, string? kind, bool all,
        string? continuation, int pageSize, CancellationToken cancellationToken) =>
        GetRegionFactsPageAsync(region, indicator, period, kind, all, continuation, pageSize, null, cancellationToken);

    private Task<FactPage> GetRegionFactsPageAsync(string region, string? indicator, string? period, string? kind, bool all,
        string? continuation, int pageSize, ReportStore.ActiveHashes? known, CancellationToken cancellationToken)
    {
        var scope = $"region|{region}|{indicator}|{period}|{kind}|{all}";
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {region}") };
        string? prefix = null;
        if (indicator is not null)
        {
            prefix = indicator + "|";
            if (period is not null)
            {
                prefix += period + "|";
                if (kind is not null) prefix += kind + "|";
            }
        }
        if (period is not null && indicator is null) filters.Add(TableClient.CreateQueryFilter($"Period eq {period}"));
        if (kind is not null && (indicator is null || period is null)) filters.Add(TableClient.CreateQueryFilter($"Kind eq {kind}"));
        return PageAsync(Storage.FactsByRegion, filters, prefix, scope, all, continuation, pageSize, known, cancellationToken);
    }

    /// <summary>Facts of one indicator across regions, optionally for one period, kind, level and province.</summary>
    public Task<FactPage> GetIndicatorFactsPageAsync(string indicator, string? period, string? kind, string? level, string? province, bool all,
        string? continuation, int pageSize, CancellationToken cancellationToken) =>
        GetIndicatorFactsPageAsync(indicator, period, kind, level, province, all, continuation, pageSize, null, cancellationToken);

    private Task<FactPage> GetIndicatorFactsPageAsync(string indicator, string? period, string? kind, string? level, string? province, bool all,
        string? continuation, int pageSize, ReportStore.ActiveHashes? known, CancellationToken cancellationToken)
    {
        var scope = $"indicator|{indicator}|{period}|{kind}|{level}|{province}|{all}";
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {indicator}") };
        string? prefix = null;
        if (period is not null)
        {
            prefix = period + "|";
            if (kind is not null) prefix += kind + "|";
        }
        if (kind is not null && period is null) filters.Add(TableClient.CreateQueryFilter($"Kind eq {kind}"));
        if (level is not null) filters.Add(TableClient.CreateQueryFilter($"Level eq {level}"));
        if (province is not null) filters.Add(TableClient.CreateQueryFilter($"Province eq {province}"));
        return PageAsync(Storage.FactsByIndicator, filters, prefix, scope, all, continuation, pageSize, known, cancellationToken);
    }

    /// <summary>Current facts of one report (from its region's partition).</summary>
    public async Task<IReadOnlyList<StoredFact>> GetReportFactsAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        if (report.FactCount == 0 || report.Region is null || report.ActiveHash is null) return [];
        var list = new List<(int Seq, StoredFact Fact)>();
        // The report's region, and any other region partition its rows were written to.
        foreach (var region in report.TouchedRegions.Append(report.Region).Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {region} and ReportId eq {report.Id} and Hash eq {report.ActiveHash}");
            await foreach (var e in Storage.FactsByRegion.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                list.Add((e.GetInt32("Seq") ?? 0, FactRows.ToStoredFact(e)));
        }
        return list.OrderBy(x => x.Seq).Select(x => x.Fact).ToList();
    }

    public IAsyncEnumerable<StoredFact> GetIndicatorFactsAsync(string indicator, string? period = null, string? kind = null, CancellationToken cancellationToken = default) =>
        GetIndicatorFactsOfAllPagesAsync(indicator, period, kind, all: true, cancellationToken);

    /// <summary>Every page of an indicator's facts, optionally of one period and kind (<paramref name="all"/> as in the page
    /// reads); the pages share the reports' active hashes they read.</summary>
    public IAsyncEnumerable<StoredFact> GetIndicatorFactsOfAllPagesAsync(string indicator, string? period, string? kind, bool all, CancellationToken cancellationToken = default)
    {
        if (!IndicatorCatalog.TryGet(indicator, out _) || (period is not null && !Periods.IsValid(period)) || (kind is not null && !FactKinds.IsValid(kind)))
            return Empty();
        return AllPagesAsync((c, known, ct) => GetIndicatorFactsPageAsync(indicator, period, kind, null, null, all, c, MaxPageSize, known, ct), cancellationToken);
    }

    public IAsyncEnumerable<StoredFact> GetRegionFactsAsync(string region, CancellationToken cancellationToken = default)
    {
        if (!IsRegionKey(region)) return Empty();
        return AllPagesAsync((c, known, ct) => GetRegionFactsPageAsync(region, null, null, null, true, c, MaxPageSize, known, ct), cancellationToken);
    }

    /// <summary>A canonical region name (or <c>unknown</c>): letters, spaces, apostrophes and hyphens only.</summary>
    internal static bool IsRegionKey(string? region) =>
        !string.IsNullOrEmpty(region) && region.Length <= 100 && region.All(c => char.IsAsciiLetter(c) || c is ' ' or '\'' or '-');

    private async IAsyncEnumerable<StoredFact> AllPagesAsync(Func<string?, ReportStore.ActiveHashes, CancellationToken, Task<FactPage>> page,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new ReportStore.ActiveHashes(_store);
        string? token = null;
        do
        {
            var p = await page(token, known, cancellationToken).ConfigureAwait(false);
            foreach (var f in p.Facts) yield return f;
            token = p.Continuation;
        } while (token is not null);
    }

#pragma warning disable CS1998
    private static async IAsyncEnumerable<StoredFact> Empty() { yield break; }
#pragma warning restore CS1998

    /// <param name="known">Active hashes shared by the pages of one read (null: this page reads its own).</param>
    private async Task<FactPage> PageAsync(TableClient table, List<string> filters, string? prefix, string scope, bool all,
        string? continuation, int pageSize, ReportStore.ActiveHashes? known, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var after = continuation is null ? null : ContinuationToken.Read(continuation, scope);
        var parts = new List<string>(filters);
        if (prefix is not null)
        {
            if (after is null || string.CompareOrdinal(after, prefix) < 0) parts.Add(TableClient.CreateQueryFilter($"RowKey ge {prefix}"));
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {FactRows.PrefixEnd(prefix)}"));
        }
        if (after is not null) parts.Add(TableClient.CreateQueryFilter($"RowKey gt {after}"));
        var filter = string.Join(" and ", parts.Select(p => "(" + p + ")"));

        for (var restart = 0; ; restart++)
        {
            known?.StartPage();
            var page = await ReadPageAsync(table, filter, scope, all, pageSize, known ?? new ReportStore.ActiveHashes(_store), cancellationToken).ConfigureAwait(false);
            if (page is not null) return page;
            if (restart == MaxRestarts) throw new InvalidOperationException("Reports kept changing while the page was read.");
        }
    }

    /// <summary>Reads rows in key order, keeps the current ones, and stops at a group boundary once the page is full. Null: restart.</summary>
    private async Task<FactPage?> ReadPageAsync(TableClient table, string filter, string scope, bool all, int pageSize,
        ReportStore.ActiveHashes active, CancellationToken cancellationToken)
    {
        var output = new List<StoredFact>();
        var group = new List<StoredFact>();
        string? groupKey = null;
        string? lastRowKeyOfEmitted = null;
        string? lastRowKey = null;
        string? continuation = null;

        void FlushGroup()
        {
            if (group.Count == 0) return;
            if (all) { group.Sort((a, b) => -FactSelection.CompareDelivery(a, b)); output.AddRange(group); }
            else output.AddRange(FactSelection.LatestPerKey(group));
            group.Clear();
        }

        await foreach (var storagePage in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(MaxPageSize, pageSize * 2 + 10), cancellationToken: cancellationToken)
            .AsPages().ConfigureAwait(false))
        {
            await active.PrefetchAsync(storagePage.Values.Select(FactRows.ReportId), cancellationToken).ConfigureAwait(false);
            foreach (var e in storagePage.Values)
            {
                var key = GroupKey(e.RowKey);
                if (key != groupKey)
                {
                    FlushGroup();
                    lastRowKeyOfEmitted = lastRowKey ?? lastRowKeyOfEmitted;
                    if (output.Count >= pageSize)
                    {
                        continuation = ContinuationToken.Create(scope, lastRowKeyOfEmitted!);
                        break;
                    }
                    groupKey = key;
                }
                lastRowKey = e.RowKey;
                if (await active.IsActiveAsync(FactRows.ReportId(e), FactRows.Hash(e), cancellationToken).ConfigureAwait(false))
                    group.Add(FactRows.ToStoredFact(e));
            }
            if (continuation is not null) break;
        }
        if (continuation is null) FlushGroup();
        return active.Changed ? null : new FactPage(output, continuation);
    }

    /// <summary>The first three RowKey parts: (indicator|period|kind) or (period|kind|region): one fact key within the partition.</summary>
    private static string GroupKey(string rowKey)
    {
        var n = 0;
        for (var i = 0; i < rowKey.Length; i++)
            if (rowKey[i] == FactRows.Separator && ++n == 3) return rowKey[..i];
        return rowKey;
    }
}
