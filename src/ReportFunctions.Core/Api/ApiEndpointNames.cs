using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Core.Api;

/// <summary>
/// Names of the HTTP endpoints: each is the Azure Function's name and the key the hosts dispatch by.
/// Routes are in <see cref="ApiRoutes"/>.
/// </summary>
public static class ApiEndpointNames
{
    public const string Health = "Health";
    public const string ListIndicators = "ListIndicators";
    public const string ListRegions = "ListRegions";
    public const string GetRegionFacts = "GetRegionFacts";
    public const string GetIndicatorFacts = "GetIndicatorFacts";
    public const string ListReports = "ListReports";
    public const string GetReport = "GetReport";
    public const string GetReportText = "GetReportText";
    public const string UploadReport = "UploadReport";
    public const string ExtractText = "ExtractText";
    public const string OpenApi = "OpenApi";
    public const string GetRanking = "GetRanking";
    public const string RefreshRankings = "RefreshRankingsNow";
    public const string GetRegionAttainment = "GetRegionAttainment";
    public const string GetAttainment = "GetAttainment";
    public const string GetAmplification = "GetAmplification";
}
