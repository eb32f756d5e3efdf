using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.AspNetCore;

namespace ReportFunctions.Functions;

/// <summary><c>GET /api/reports/{id}/text</c>: the text read from a report, over Core's <see cref="ApiDispatcher"/>.</summary>
public sealed class ReportTextFunction(ApiDispatcher api)
{
    [Function(ApiEndpointNames.GetReportText)]
    public async Task<IActionResult> GetReportText(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ReportText)] HttpRequest req, string id, CancellationToken ct)
        => await AspNetCoreApi.DispatchAsync(api, ApiEndpointNames.GetReportText, req, [KeyValuePair.Create("id", (string?)id)], ct);
}
