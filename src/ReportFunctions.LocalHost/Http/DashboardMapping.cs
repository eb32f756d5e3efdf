using ReportFunctions.AspNetCore;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.LocalHost.Http;

public static class DashboardMapping
{
    /// <summary>The dashboard at <c>/api/dashboard/</c> (the route the Functions app serves it on), and <c>/</c> sent there.</summary>
    public static void MapReportFunctionsDashboard(this WebApplication app)
    {
        app.MapGet($"/{ApiRoutes.Prefix}/{ApiRoutes.Dashboard}", (HttpContext context, string? path) => DashboardFiles.Serve(context.Request, path))
            .WithName("Dashboard");
        app.MapGet("/", () => DashboardFiles.Redirect(DashboardFiles.BasePath));
    }
}
