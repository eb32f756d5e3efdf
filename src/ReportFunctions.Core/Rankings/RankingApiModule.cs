using System.Globalization;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// <c>GET /api/rankings/{code}</c>, <c>POST /api/rankings/refresh</c>, <c>GET /api/regions/{region}/attainment</c>,
/// <c>GET /api/attainment/{code}</c>. Every value that reaches Table Storage is a key lookup or goes through
/// <c>TableClient.CreateQueryFilter</c> (in the stores).
/// </summary>
public sealed class RankingApiModule : IApiModule
{
    public const string PercentileDefinition =
        "share, in percent, of the other ranked regions that rank at or below this one (ties count as at or below): 100 * (ranked - rank) / (ranked - 1)";

    private readonly RankingStore _rankings;
    private readonly AttainmentStore _attainment;
    private readonly RankingRefresher _refresher;
    private readonly TimeProvider _time;

    public RankingApiModule(RankingStore rankings, AttainmentStore attainment, RankingRefresher refresher, TimeProvider time)
    {
        _rankings = rankings;
        _attainment = attainment;
        _refresher = refresher;
        _time = time;
    }

    public IEnumerable<ApiEndpoint> Endpoints =>
    [
        new(ApiEndpointNames.GetRanking, "GET", ApiRoutes.Rankings, GetRankingAsync),
        new(ApiEndpointNames.RefreshRankings, "POST", ApiRoutes.RankingsRefresh, RefreshAsync),
        new(ApiEndpointNames.GetRegionAttainment, "GET", ApiRoutes.RegionAttainment, GetRegionAttainmentAsync),
        new(ApiEndpointNames.GetAttainment, "GET", ApiRoutes.Attainment, GetAttainmentAsync),
    ];

    public async Task<ApiResponse> RefreshAsync(ApiRequest request, CancellationToken ct)
    {
        // full=true: recompute every group from the fact tables (default: only the groups whose facts changed).
        var fullValue = request.QueryValue("full");
        if (fullValue is { Length: > 0 } && !bool.TryParse(fullValue, out _))
            return ApiResponse.BadRequest("full", "full is true or false.");
        var full = fullValue is { Length: > 0 } && bool.Parse(fullValue);
        var summary = await _refresher.RefreshAsync(full, ct).ConfigureAwait(false);
        return ApiResponse.JsonBody(new
        {
            summary.Full, summary.ChangesRead, summary.GroupsRefreshed, summary.RowsRead, summary.RowsWritten,
            summary.RankingsComputed, summary.RankingsWritten, summary.RankingsUnchanged, summary.RankingsRemoved, summary.RankingsLostRace,
            summary.AttainmentSetsComputed, summary.AttainmentSetsWritten, summary.AttainmentSetsUnchanged, summary.AttainmentSetsRemoved,
            summary.FactsRead, summary.HeldLease, summary.StartedAt,
            DurationMs = Math.Round(summary.Duration.TotalMilliseconds, 1),
        });
    }

    public async Task<ApiResponse> GetRankingAsync(ApiRequest request, CancellationToken ct)
    {
        if (ApiParameters.Indicator(request.RouteValue("code"), out var indicator) is { } unknown) return unknown;
        if (ApiParameters.Period(request, out var period) is { } badPeriod) return badPeriod;
        if (ApiParameters.Kind(request, FactKinds.Actual, out var kindValue) is { } badKind) return badKind;
        if (ApiParameters.Level(request, RegionLevels.City, out var levelValue) is { } badLevel) return badLevel;
        var (kind, level) = (kindValue!, levelValue!);
        var scope = RankingScopes.All;
        if (request.QueryValue("province") is { Length: > 0 } province)
        {
            if (level != RegionLevels.City)
                return ApiResponse.BadRequest("province", "province groups cities: use it with level=city.");
            if (!TryProvince(province, out scope))
                return ApiResponse.BadRequest("province", $"'{ApiParameters.Echo(province)}' is not a known province.");
        }

        var heads = (await _rankings.ListAsync(indicator.Code, ct).ConfigureAwait(false))
            .Where(h => h.Key.Kind == kind && h.Key.Level == level && h.Key.Scope == scope).ToList();
        var periods = SortPeriods(heads.Select(h => h.Key.Period));
        var what = $"{kind} {level} ranking of {indicator.Code}" + (scope == RankingScopes.All ? "" : $" in {scope}");
        if (string.IsNullOrEmpty(period))
        {
            if (periods.Count == 0)
                return NoData(what, "No period has one yet (fewer than two regions report it, or rankings were not computed yet).", periods);
            period = periods[0];
        }
        var ranking = await _rankings.GetAsync(new RankingKey(indicator.Code, period, kind, level, scope), ct).ConfigureAwait(false);
        if (ranking is null)
            return NoData(what, $"There is none for {period}. Periods with one: {(periods.Count == 0 ? "none" : string.Join(", ", periods))}.", periods);

        // Rendered again as of a later time by the answer cache (ages move on, the data does not); it keeps no request.
        var csv = request.WantsCsv;
        return ApiResponse.TimeVarying(Render, _time.GetUtcNow());

        ApiResponse Render(DateTimeOffset now)
        {
            var age = AgeSeconds(ranking.ComputedAt, now);
            var headers = new Dictionary<string, string> { ["Age"] = ((long)age).ToString(CultureInfo.InvariantCulture) };
            if (csv)
            {
                return ApiResponse.Csv(
                    ["rank", "region", "province", "value", "unit", "qualifier", "ranked", "percentile", "report_id", "report_year",
                     "indicator", "period", "kind", "level", "scope", "direction", "computed_at", "age_seconds"],
                    ranking.Entries.Select(e => (IReadOnlyList<object?>)
                    [
                        e.Rank, e.Region, e.Province, e.Value, e.Unit, e.Qualifier, e.Ranked, e.Percentile, e.ReportId, e.ReportYear,
                        indicator.Code, period, kind, level, scope, DirectionName(ranking.Direction), ranking.ComputedAt.ToString("O", CultureInfo.InvariantCulture), age,
                    ]), headers);
            }
            return ApiResponse.JsonBody(new
            {
                Indicator = indicator.Code,
                indicator.Description,
                ranking.Unit,
                Direction = DirectionName(ranking.Direction),
                Period = period,
                Kind = kind,
                Level = level,
                Province = ranking.Key.Province,
                ComputedAt = ranking.ComputedAt,
                AgeSeconds = age,
                InputFingerprint = ranking.Fingerprint,
                Ranked = ranking.Count,
                PercentileDefinition,
                AvailablePeriods = periods,
                Entries = ranking.Entries,
            }, headers: headers);
        }
    }

    public async Task<ApiResponse> GetAttainmentAsync(ApiRequest request, CancellationToken ct)
    {
        if (ApiParameters.Indicator(request.RouteValue("code"), out var indicator) is { } unknown) return unknown;
        if (ApiParameters.Period(request, out var period) is { } badPeriod) return badPeriod;
        if (ApiParameters.Level(request, RegionLevels.City, out var levelValue) is { } badLevel) return badLevel;
        var level = levelValue!;

        string? province = null;
        if (request.QueryValue("province") is { Length: > 0 } p)
        {
            if (level != RegionLevels.City)
                return ApiResponse.BadRequest("province", "province selects cities: use it with level=city.");
            if (!TryProvince(p, out var name))
                return ApiResponse.BadRequest("province", $"'{ApiParameters.Echo(p)}' is not a known province.");
            province = name;
        }

        var periods = SortPeriods((await _attainment.ListAsync(indicator.Code, ct).ConfigureAwait(false)).Where(h => h.Level == level).Select(h => h.Period));
        var what = $"{level} target attainment of {indicator.Code}";
        if (string.IsNullOrEmpty(period))
        {
            if (periods.Count == 0) return NoData(what, "No period has one yet (no region has both a target and an actual).", periods);
            period = periods[0];
        }
        var set = await _attainment.GetAsync(indicator.Code, period, level, ct).ConfigureAwait(false);
        if (set is null)
            return NoData(what, $"There is none for {period}. Periods with one: {(periods.Count == 0 ? "none" : string.Join(", ", periods))}.", periods);

        // With a province: its cities, keeping their ranks among all cities.
        var entries = province is null ? set.Entries : set.Entries.Where(e => e.Province == province).ToList();
        var csv = request.WantsCsv;
        return ApiResponse.TimeVarying(Render, _time.GetUtcNow());

        ApiResponse Render(DateTimeOffset now)
        {
            var age = AgeSeconds(set.ComputedAt, now);
            var headers = new Dictionary<string, string> { ["Age"] = ((long)age).ToString(CultureInfo.InvariantCulture) };
            if (csv)
                return ApiResponse.Csv(AttainmentCsvHeader, entries.Select(e => AttainmentCsvRow(e, set.ComputedAt, age)), headers);
            return ApiResponse.JsonBody(new
            {
                Indicator = indicator.Code,
                set.Unit,
                Direction = DirectionName(set.Direction),
                set.GapOrder,
                Period = period,
                Level = level,
                Province = province,
                set.ComputedAt,
                AgeSeconds = age,
                InputFingerprint = set.Fingerprint,
                Ranked = set.Entries.Count,
                AvailablePeriods = periods,
                Entries = entries,
            }, headers: headers);
        }
    }

    public async Task<ApiResponse> GetRegionAttainmentAsync(ApiRequest request, CancellationToken ct)
    {
        var name = request.RouteValue("region");
        if (!Gazetteer.Default.TryResolve(name, out var region))
            return ApiResponse.NotFound("Region", $"'{ApiParameters.Echo(name)}' is not a known region.");
        var codeParameter = string.IsNullOrEmpty(request.QueryValue("indicator")) ? "code" : "indicator";
        var code = request.QueryValue(codeParameter);
        if (!string.IsNullOrEmpty(code) && !IndicatorCatalog.TryGet(code, out _))
            return ApiResponse.BadRequest(codeParameter, $"'{ApiParameters.Echo(code)}' is not an indicator code.");
        var period = request.QueryValue("period");
        if (!string.IsNullOrEmpty(period) && !Periods.IsValid(period))
            return ApiResponse.BadRequest("period", "period must be a year (2022) or a span of years (2016-2020).");

        var rows = (await _attainment.GetRegionAsync(region.Name, ct).ConfigureAwait(false))
            .Where(r => (string.IsNullOrEmpty(code) || r.Entry.Indicator == code) && (string.IsNullOrEmpty(period) || r.Entry.Period == period))
            .OrderBy(r => r.Entry.Indicator, StringComparer.Ordinal).ThenByDescending(r => r.Entry.Period, StringComparer.Ordinal).ToList();
        var csv = request.WantsCsv;
        return ApiResponse.TimeVarying(Render, _time.GetUtcNow());

        ApiResponse Render(DateTimeOffset now)
        {
            if (csv)
                return ApiResponse.Csv(AttainmentCsvHeader, rows.Select(r => AttainmentCsvRow(r.Entry, r.ComputedAt, AgeSeconds(r.ComputedAt, now))));
            return ApiResponse.JsonBody(new
            {
                Region = region.Name,
                region.Level,
                region.Province,
                Met = rows.Count(r => r.Entry.Met),
                Missed = rows.Count(r => !r.Entry.Met),
                Attainment = rows.Select(r => new
                {
                    r.Entry.Indicator, r.Entry.Period, r.Entry.Unit, r.Entry.Target, r.Entry.TargetQualifier, r.Entry.TargetReportId,
                    r.Entry.Actual, r.Entry.ActualQualifier, r.Entry.ActualReportId, r.Entry.Gap, r.Entry.Met, r.Entry.Outcome,
                    r.Entry.Rank, r.Entry.Ranked, RankedAmong = r.Entry.Level, r.ComputedAt, AgeSeconds = AgeSeconds(r.ComputedAt, now),
                }),
            });
        }
    }

    private static readonly string[] AttainmentCsvHeader =
        ["region", "level", "province", "indicator", "period", "unit", "target", "target_qualifier", "target_report_id",
         "actual", "actual_qualifier", "actual_report_id", "gap", "met", "outcome", "rank", "ranked", "computed_at", "age_seconds"];

    private static IReadOnlyList<object?> AttainmentCsvRow(AttainmentEntry e, DateTimeOffset computedAt, double age) =>
    [
        e.Region, e.Level, e.Province, e.Indicator, e.Period, e.Unit, e.Target, e.TargetQualifier, e.TargetReportId,
        e.Actual, e.ActualQualifier, e.ActualReportId, e.Gap, e.Met ? "true" : "false", e.Outcome, e.Rank, e.Ranked,
        computedAt.ToString("O", CultureInfo.InvariantCulture), age,
    ];

    private static ApiResponse NoData(string what, string detail, IReadOnlyList<string> periods) =>
        ApiResponse.Problem(404, "Ranking not found", $"No {what}. {detail}",
            new Dictionary<string, object?> { ["available_periods"] = periods.ToArray() });

    /// <summary>Seconds since <paramref name="computedAt"/> as of <paramref name="now"/>, never below zero (ApiResponse.RenderAt relies on it).</summary>
    private static double AgeSeconds(DateTimeOffset computedAt, DateTimeOffset now) =>
        Math.Max(0, Math.Round((now - computedAt).TotalSeconds, 1));

    public static string DirectionName(RankDirection d) => d switch
    {
        RankDirection.LowerIsBetter => "lower_is_better",
        RankDirection.Neutral => "neutral",
        _ => "higher_is_better",
    };

    /// <summary>A province through the gazetteer (case and variants), else a plain name of letters, spaces and hyphens.</summary>
    private static bool TryProvince(string value, out string province)
    {
        province = "";
        if (Gazetteer.Default.TryResolve(value, out var r))
        {
            if (r.Level != RegionLevels.Province) return false;
            province = r.Name;
            return true;
        }
        return false;
    }

    /// <summary>Latest first: by last year, then a single year before a span ending the same year.</summary>
    internal static List<string> SortPeriods(IEnumerable<string> periods) => periods.Distinct()
        .OrderByDescending(p => p.Length == 9 ? p[5..] : p, StringComparer.Ordinal)
        .ThenBy(p => p.Length)
        .ThenByDescending(p => p, StringComparer.Ordinal).ToList();

}
