using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.AspNetCore;

/// <summary>
/// The dashboard's static files (folder <c>Dashboard/</c> of this project, and Chart.js from the npm package), embedded
/// in this assembly so that both hosts serve the very same bytes at <c>/api/dashboard/</c>. The files hold no data:
/// every figure the page shows comes from the API, which takes the function key the page sends (x-functions-key).
/// </summary>
public static class DashboardFiles
{
    /// <summary>Prefix of the embedded resources' logical names (set in the project file).</summary>
    public const string ResourcePrefix = "Dashboard/";

    /// <summary>Where the dashboard is: <c>/api/dashboard/</c>.</summary>
    public static readonly string BasePath = "/" + ApiRoutes.Prefix + "/" + ApiRoutes.Dashboard[..ApiRoutes.Dashboard.IndexOf('/')] + "/";

    /// <summary>Only this host, no inline script or style: nothing the page loads or sends leaves the app.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private sealed record File(byte[] Body, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, File> Files = Load();

    /// <summary>The paths served (relative to <see cref="BasePath"/>), for tests.</summary>
    public static IReadOnlyCollection<string> Paths => Files.Keys;

    private static FrozenDictionary<string, File> Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, File>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 8).ToLowerInvariant() + "\"";
            files[name[ResourcePrefix.Length..]] = new File(body, ContentTypeOf(name), etag);
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// The answer to <c>GET /api/dashboard/{*path}</c>: the file (200, or 304 when the browser's copy is current), a
    /// redirect from <c>/api/dashboard</c> to <c>/api/dashboard/</c> (so relative links resolve), or 404.
    /// </summary>
    public static ApiResponseResult Serve(HttpRequest request, string? path)
    {
        path = string.IsNullOrEmpty(path) ? "" : path.TrimStart('/');
        if (path.Length == 0 && !(request.Path.Value ?? "").EndsWith('/'))
            return Redirect(BasePath + request.QueryString.Value);
        if (path.Length == 0) path = "index.html";
        if (!Files.TryGetValue(path, out var file))
            return new ApiResponseResult(ApiResponse.Problem(404, "Not found", $"The dashboard has no file '{ApiParameters.Echo(path)}'."));

        var headers = new Dictionary<string, string>
        {
            ["ETag"] = file.ETag,
            // Revalidate every time (a new version of the app serves new files at once); a 304 costs one round trip.
            ["Cache-Control"] = "no-cache",
            ["Content-Security-Policy"] = ContentSecurityPolicy,
            ["Referrer-Policy"] = "no-referrer",
        };
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == file.ETag)))
            return new ApiResponseResult(new ApiResponse { StatusCode = 304, ContentType = file.ContentType, Headers = headers });
        return new ApiResponseResult(new ApiResponse { StatusCode = 200, ContentType = file.ContentType, Body = file.Body, Headers = headers });
    }

    /// <summary>A redirect to the dashboard (LocalHost's answer to <c>/</c>).</summary>
    public static ApiResponseResult Redirect(string location) => new(new ApiResponse
    {
        StatusCode = 302,
        ContentType = "text/plain; charset=utf-8",
        Headers = new Dictionary<string, string> { ["Location"] = location },
    });
}
