using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.AspNetCore;

namespace ReportFunctions.Functions;

/// <summary>
/// The HTTP API: one function per endpoint, each handing the request to Core's <see cref="ApiDispatcher"/>
/// (the same implementation LocalHost serves). Function keys guard every route in Azure.
/// </summary>
public sealed class HttpApiFunctions(ApiDispatcher api)
{
    private const AuthorizationLevel Level = AuthorizationLevel.Function;

    private Task<ApiResponseResult> Run(string endpoint, HttpRequest req, CancellationToken ct, params (string Name, string? Value)[] route) =>
        AspNetCoreApi.DispatchAsync(api, endpoint, req, route.Select(r => KeyValuePair.Create(r.Name, r.Value)), ct);

    [Function(ApiEndpointNames.Health)]
    public async Task<IActionResult> Health([HttpTrigger(Level, "get", Route = ApiRoutes.Health)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.Health, req, ct);

    [Function(ApiEndpointNames.ListIndicators)]
    public async Task<IActionResult> ListIndicators([HttpTrigger(Level, "get", Route = ApiRoutes.Indicators)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.ListIndicators, req, ct);

    [Function(ApiEndpointNames.ListRegions)]
    public async Task<IActionResult> ListRegions([HttpTrigger(Level, "get", Route = ApiRoutes.Regions)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.ListRegions, req, ct);

    [Function(ApiEndpointNames.GetRegionFacts)]
    public async Task<IActionResult> GetRegionFacts([HttpTrigger(Level, "get", Route = ApiRoutes.RegionFacts)] HttpRequest req, string region, CancellationToken ct)
        => await Run(ApiEndpointNames.GetRegionFacts, req, ct, ("region", region));

    [Function(ApiEndpointNames.GetIndicatorFacts)]
    public async Task<IActionResult> GetIndicatorFacts([HttpTrigger(Level, "get", Route = ApiRoutes.IndicatorFacts)] HttpRequest req, string code, CancellationToken ct)
        => await Run(ApiEndpointNames.GetIndicatorFacts, req, ct, ("code", code));

    [Function(ApiEndpointNames.ListReports)]
    public async Task<IActionResult> ListReports([HttpTrigger(Level, "get", Route = ApiRoutes.Reports)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.ListReports, req, ct);

    [Function(ApiEndpointNames.GetReport)]
    public async Task<IActionResult> GetReport([HttpTrigger(Level, "get", Route = ApiRoutes.Report)] HttpRequest req, string id, CancellationToken ct)
        => await Run(ApiEndpointNames.GetReport, req, ct, ("id", id));

    [Function(ApiEndpointNames.UploadReport)]
    public async Task<IActionResult> UploadReport([HttpTrigger(Level, "post", Route = ApiRoutes.Reports)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.UploadReport, req, ct);

    [Function(ApiEndpointNames.ExtractText)]
    public async Task<IActionResult> ExtractText([HttpTrigger(Level, "post", Route = ApiRoutes.Extract)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.ExtractText, req, ct);

    [Function(ApiEndpointNames.OpenApi)]
    public async Task<IActionResult> OpenApi([HttpTrigger(Level, "get", Route = ApiRoutes.OpenApi)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.OpenApi, req, ct);

    [Function(ApiEndpointNames.GetRanking)]
    public async Task<IActionResult> GetRanking([HttpTrigger(Level, "get", Route = ApiRoutes.Rankings)] HttpRequest req, string code, CancellationToken ct)
        => await Run(ApiEndpointNames.GetRanking, req, ct, ("code", code));

    [Function(ApiEndpointNames.RefreshRankings)]
    public async Task<IActionResult> RefreshRankingsNow([HttpTrigger(Level, "post", Route = ApiRoutes.RankingsRefresh)] HttpRequest req, CancellationToken ct)
        => await Run(ApiEndpointNames.RefreshRankings, req, ct);

    [Function(ApiEndpointNames.GetRegionAttainment)]
    public async Task<IActionResult> GetRegionAttainment([HttpTrigger(Level, "get", Route = ApiRoutes.RegionAttainment)] HttpRequest req, string region, CancellationToken ct)
        => await Run(ApiEndpointNames.GetRegionAttainment, req, ct, ("region", region));

    [Function(ApiEndpointNames.GetAttainment)]
    public async Task<IActionResult> GetAttainment([HttpTrigger(Level, "get", Route = ApiRoutes.Attainment)] HttpRequest req, string code, CancellationToken ct)
        => await Run(ApiEndpointNames.GetAttainment, req, ct, ("code", code));

    [Function(ApiEndpointNames.GetAmplification)]
    public async Task<IActionResult> GetAmplification([HttpTrigger(Level, "get", Route = ApiRoutes.Amplification)] HttpRequest req, string code, CancellationToken ct)
        => await Run(ApiEndpointNames.GetAmplification, req, ct, ("code", code));
}
