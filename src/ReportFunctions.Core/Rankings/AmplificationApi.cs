using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Queries;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// <c>GET /api/amplification/{code}?period=&amp;province=</c>: for one indicator and period, each city's target beside its
/// province's and the nation's, with city minus province and province minus nation (<see cref="AmplificationEngine"/>).
/// Computed on request from the stored target facts (one partition of FactsByIndicator);
/// every input is checked against the catalog, <see cref="Periods"/> and the gazetteer before it reaches storage.
/// </summary>
public sealed class AmplificationApi(FactQueries queries, Gazetteer gazetteer) : IApiModule
{
    public static readonly IReadOnlyList<string> CsvHeader =
        ["city", "province", "indicator", "period", "unit",
         "city_target", "city_qualifier", "city_report_id",
         "province_target", "province_qualifier", "province_report_id",
         "national_target", "national_qualifier", "national_report_id",
         "city_minus_province", "province_minus_nation"];

    public IEnumerable<ApiEndpoint> Endpoints =>
    [
        new(ApiEndpointNames.GetAmplification, "GET", ApiRoutes.Amplification, GetAmplificationAsync),
    ];

    public async Task<ApiResponse> GetAmplificationAsync(ApiRequest request, CancellationToken ct)
    {
        if (ApiParameters.Indicator(request.RouteValue("code"), out var indicator) is { } unknown) return unknown;
        if (ApiParameters.Period(request, out var period) is { } badPeriod) return badPeriod;
        var format = ApiParameters.Blank(request.QueryValue("format"));
        if (format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return ApiResponse.BadRequest("format", "'format' must be json or csv.");
        string? province = null;
        if (ApiParameters.Blank(request.QueryValue("province")) is { } p)
        {
            if (!gazetteer.TryResolve(p, out var region) || region.Level != RegionLevels.Province)
                return ApiResponse.BadRequest("province", $"'{ApiParameters.Echo(p)}' is not a known province.");
            province = region.Name;
        }

        // Every current target of the indicator (the latest report's per region and period, all periods: the answer lists
        // the periods there are): one partition of FactsByIndicator, filtered by kind.
        var targets = new List<StoredFact>();
        await foreach (var f in queries.GetIndicatorFactsOfAllPagesAsync(indicator.Code, null, FactKinds.Target, all: false, ct).ConfigureAwait(false)) targets.Add(f);

        var periods = AmplificationEngine.Periods(targets);
        if (period is null)
        {
            if (periods.Count == 0)
                return ApiResponse.Problem(404, "Amplification not found", $"No region has a target for {indicator.Code} yet.",
                    new Dictionary<string, object?> { ["available_periods"] = Array.Empty<string>() });
            period = periods[0];
        }

        var set = AmplificationEngine.Compute(targets, period, gazetteer, province);
        if (request.WantsCsv)
        {
            return ApiResponse.Csv(CsvHeader, set.Cities.Select(c => (IReadOnlyList<object?>)
            [
                c.City, c.Province, indicator.Code, period, c.Target.Unit,
                c.Target.Value, c.Target.Qualifier, c.Target.ReportId,
                c.ProvinceTarget?.Value, c.ProvinceTarget?.Qualifier, c.ProvinceTarget?.ReportId,
                c.NationalTarget?.Value, c.NationalTarget?.Qualifier, c.NationalTarget?.ReportId,
                c.CityMinusProvince, c.ProvinceMinusNation,
            ]));
        }
        return ApiResponse.JsonBody(new
        {
            Indicator = indicator.Code,
            indicator.Unit,
            indicator.Description,
            Period = period,
            Province = province,
            Definition = "city_minus_province = city target - its province's target; province_minus_nation = province target - the nation's target (same indicator, period and unit; each the latest report's)",
            AvailablePeriods = periods,
            National = set.National,
            Provinces = set.Provinces,
            Entries = set.Cities,
        });
    }
}
