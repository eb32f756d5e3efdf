using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.AspNetCore;

namespace ReportFunctions.LocalHost.Http;

public static class ApiEndpointMapping
{
    /// <summary>Maps every Core endpoint under /api, with the routes and names the Functions app uses.</summary>
    public static void MapReportFunctionsApi(this WebApplication app)
    {
        var dispatcher = app.Services.GetRequiredService<ApiDispatcher>();
        foreach (var endpoint in dispatcher.Endpoints)
        {
            var name = endpoint.Name;
            app.MapMethods($"/{ApiRoutes.Prefix}/{endpoint.Route}", [endpoint.Method],
                    async Task<IResult> (HttpContext context) => await AspNetCoreApi.DispatchAsync(dispatcher, name, context.Request,
                        context.Request.RouteValues.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.ToString())),
                        context.RequestAborted))
                .WithName(name);
        }
    }
}
