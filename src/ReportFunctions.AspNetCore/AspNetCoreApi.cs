using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReportFunctions.Core.Api;

namespace ReportFunctions.AspNetCore;

/// <summary>
/// Adapts ASP.NET Core requests and responses to Core's <see cref="ApiDispatcher"/>. Both hosts use it:
/// LocalHost's minimal API and the Functions app's ASP.NET Core integration.
/// </summary>
public static class AspNetCoreApi
{
    public static ApiRequest ToApiRequest(HttpRequest request, IEnumerable<KeyValuePair<string, string?>> routeValues) => new()
    {
        Method = request.Method,
        RouteValues = routeValues.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase),
        Query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.FirstOrDefault(), StringComparer.OrdinalIgnoreCase),
        Accept = request.Headers.Accept.ToString(),
        IfNoneMatch = request.Headers.IfNoneMatch.Count == 0 ? null : request.Headers.IfNoneMatch.ToString(),
        ContentType = request.ContentType,
        ContentLength = request.ContentLength,
        Body = request.Body,
        BaseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}",
    };

    public static async Task<ApiResponseResult> DispatchAsync(ApiDispatcher dispatcher, string endpoint, HttpRequest request,
        IEnumerable<KeyValuePair<string, string?>> routeValues, CancellationToken cancellationToken)
    {
        var response = await dispatcher.HandleAsync(endpoint, ToApiRequest(request, routeValues), cancellationToken).ConfigureAwait(false);
        return new ApiResponseResult(response);
    }
}

/// <summary>Writes an <see cref="ApiResponse"/>: an MVC action result for Functions and a minimal-API result for LocalHost.</summary>
public sealed class ApiResponseResult(ApiResponse response) : IActionResult, IResult
{
    public ApiResponse Response { get; } = response;

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = Response.StatusCode;
        foreach (var (name, value) in Response.Headers) http.Headers[name] = value;
        http.Headers["X-Content-Type-Options"] = "nosniff";
        if (Response.StatusCode == StatusCodes.Status304NotModified) return; // no body, no content headers
        http.ContentType = Response.ContentType;
        http.ContentLength = Response.Body.Length;
        await http.Body.WriteAsync(Response.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
