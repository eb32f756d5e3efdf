using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportFunctions.AspNetCore;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Functions;

/// <summary>
/// The dashboard's static files at <c>/api/dashboard/</c>, the same embedded files LocalHost serves (<see cref="DashboardFiles"/>).
/// Anonymous on purpose: the files hold no data, and a page that needed a key to load would need it in its URL; every
/// figure it shows comes from the API functions, which take the key the page sends in the x-functions-key header.
/// </summary>
public sealed class DashboardFunction
{
    public const string Name = "Dashboard";

    [Function(Name)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Dashboard)] HttpRequest req, string? path)
        => DashboardFiles.Serve(req, path);
}
