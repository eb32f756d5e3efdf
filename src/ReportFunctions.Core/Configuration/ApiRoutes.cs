namespace ReportFunctions.Core.Configuration;

/// <summary>
/// Every HTTP route, relative to <see cref="Prefix"/>, in the template syntax both Azure Functions and
/// ASP.NET Core accept. The Functions app uses them in its triggers and LocalHost maps the same ones.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Health = "health";
    public const string Indicators = "indicators";
    public const string Regions = "regions";
    public const string RegionFacts = "regions/{region}/facts";
    public const string RegionAttainment = "regions/{region}/attainment";
    public const string IndicatorFacts = "indicators/{code}/facts";
    public const string Reports = "reports";
    public const string Report = "reports/{id}";
    public const string ReportText = "reports/{id}/text";
    public const string Extract = "extract";
    public const string Rankings = "rankings/{code}";
    public const string RankingsRefresh = "rankings/refresh";
    public const string Attainment = "attainment/{code}";
    public const string OpenApi = "openapi.json";
    public const string Amplification = "amplification/{code}";

    /// <summary>The dashboard's static files (no data: every figure it shows comes from the routes above), served by both
    /// hosts at <c>/api/dashboard/</c>; LocalHost also sends <c>/</c> there.</summary>
    public const string Dashboard = "dashboard/{*path}";
}
