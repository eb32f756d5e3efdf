using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Api;

/// <summary>
/// Validation of the parameters every API module shares (indicator code, period, kind, level): one answer
/// per mistake, naming the parameter and what it accepts. Each returns null when the value is fine.
/// </summary>
public static class ApiParameters
{
    /// <summary>404 naming the code and listing the catalog's codes when <paramref name="code"/> is not one.</summary>
    public static ApiResponse? Indicator(string? code, out Indicator indicator) =>
        IndicatorCatalog.TryGet(code, out indicator) ? null : IndicatorNotFound(code);

    public static ApiResponse IndicatorNotFound(string? code) =>
        ApiResponse.NotFound("Indicator", $"No indicator with code '{Echo(code)}'. The catalog's codes are listed in 'available' (GET /api/indicators).",
            IndicatorCatalog.All.Select(i => i.Code));

    /// <summary>The <c>period</c> query value (null when absent), or 400.</summary>
    public static ApiResponse? Period(ApiRequest request, out string? period)
    {
        period = Blank(request.QueryValue("period"));
        return period is not null && !Periods.IsValid(period)
            ? ApiResponse.BadRequest("period", "'period' must be a year (2020) or a span of years (2016-2020).")
            : null;
    }

    /// <summary>The <c>kind</c> query value, lower-cased (else <paramref name="fallback"/>), or 400.</summary>
    public static ApiResponse? Kind(ApiRequest request, string? fallback, out string? kind)
    {
        kind = Blank(request.QueryValue("kind"))?.ToLowerInvariant() ?? fallback;
        return kind is not null && !FactKinds.IsValid(kind)
            ? ApiResponse.BadRequest("kind", $"'kind' must be one of: {string.Join(", ", FactKinds.All)}.")
            : null;
    }

    /// <summary>The <c>level</c> query value, lower-cased (else <paramref name="fallback"/>), or 400.</summary>
    public static ApiResponse? Level(ApiRequest request, string? fallback, out string? level)
    {
        level = Blank(request.QueryValue("level"))?.ToLowerInvariant() ?? fallback;
        return level is not null && !RegionLevels.IsValid(level)
            ? ApiResponse.BadRequest("level", $"'level' must be one of: {string.Join(", ", RegionLevels.All)}.")
            : null;
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>User input as quoted in an error: printable, at most 100 characters.</summary>
    public static string Echo(string? s)
    {
        if (s is null) return "";
        var clean = new string(s.Where(c => !char.IsControl(c)).Take(100).ToArray());
        return s.Length > 100 ? clean + "..." : clean;
    }
}
