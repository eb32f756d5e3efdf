using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.AspNetCore;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Functions;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Functions;

/// <summary>
/// The Functions app serves the dashboard as <c>func start</c> would host it (Core Tools is not installed here): the
/// function as the host calls it, and the binding the worker SDK generates in functions.metadata, which is what the
/// host reads. The same embedded files LocalHost serves (the browser tests use those).
/// </summary>
public sealed partial class DashboardFunctionTests
{
    private static HttpRequest Request(string path, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        return context.Request;
    }

    private static async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> Execute(IActionResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.Headers, body.ToArray());
    }

    private static Task<(int Status, IHeaderDictionary Headers, byte[] Body)> Get(string path, string? route, string? ifNoneMatch = null) =>
        Execute(new DashboardFunction().Run(Request(path, ifNoneMatch), route));

    [Fact]
    public async Task Serves_the_page_its_modules_and_chart_js_from_the_npm_package()
    {
        var (status, headers, body) = await Get("/api/dashboard/", "");
        Assert.Equal(200, status);
        Assert.StartsWith("text/html", headers.ContentType.ToString());
        Assert.Contains("default-src 'none'", headers.ContentSecurityPolicy.ToString());
        var html = Encoding.UTF8.GetString(body);

        // Every file the page and its modules refer to is served (relative URLs under /api/dashboard/).
        var referenced = new Queue<string>(Reference().Matches(html).Select(m => m.Groups[1].Value).Where(r => !r.StartsWith("data:") && !r.StartsWith('#')));
        var seen = new HashSet<string>();
        while (referenced.TryDequeue(out var path))
        {
            if (!seen.Add(path)) continue;
            var (s, h, b) = await Get("/api/dashboard/" + path, path);
            Assert.True(s == 200, $"{path}: {s}");
            if (!path.EndsWith(".js") || path.StartsWith("vendor/")) continue;
            Assert.StartsWith("text/javascript", h.ContentType.ToString());
            var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
            foreach (Match m in Import().Matches(Encoding.UTF8.GetString(b)))
                referenced.Enqueue(Path.GetFullPath(Path.Combine("/" + folder, m.Groups[1].Value))[1..].Replace('\\', '/'));
        }
        Assert.Contains("js/views/amplification.js", seen);
        Assert.Contains("app.css", seen);

        var (_, _, chart) = await Get("/api/dashboard/vendor/chart.umd.min.js", "vendor/chart.umd.min.js");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "node_modules", "chart.js", "dist", "chart.umd.min.js")), chart);
    }

    [Fact]
    public async Task Redirects_to_the_folder_revalidates_with_etags_and_answers_404_for_anything_else()
    {
        var (status, headers, _) = await Get("/api/dashboard", null);
        Assert.Equal((302, "/api/dashboard/"), (status, headers.Location.ToString()));

        var (_, first, _) = await Get("/api/dashboard/app.css", "app.css");
        Assert.Equal("no-cache", first.CacheControl.ToString());
        var (notModified, _, empty) = await Get("/api/dashboard/app.css", "app.css", first.ETag.ToString());
        Assert.Equal(304, notModified);
        Assert.Empty(empty);

        foreach (var path in new[] { "nope.js", "../host.json", "js/../../appsettings.json", "Dashboard/index.html" })
        {
            var (s, h, b) = await Get("/api/dashboard/" + path, path);
            Assert.Equal(404, s);
            Assert.StartsWith("application/problem+json", h.ContentType.ToString());
            Assert.Equal(404, JsonDocument.Parse(b).RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public void The_generated_binding_is_an_anonymous_get_on_the_dashboard_route_and_every_api_function_takes_a_key()
    {
        // functions.metadata is what the Functions host (func start, Azure) reads to route requests to the worker.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var metadata = Path.Combine(RepoPaths.Root, "src", "ReportFunctions.Functions", "bin", configuration, "net10.0", "functions.metadata");
        var functions = JsonDocument.Parse(File.ReadAllText(metadata)).RootElement.EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString(), Trigger: f.GetProperty("bindings").EnumerateArray().First()))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger").ToList();
        var dashboard = functions.Single(f => f.Name == DashboardFunction.Name).Trigger;
        Assert.Equal(("Anonymous", ApiRoutes.Dashboard, "get"), (dashboard.GetProperty("authLevel").GetString(), dashboard.GetProperty("route").GetString(),
            dashboard.GetProperty("methods").EnumerateArray().Single().GetString()));
        Assert.All(functions.Where(f => f.Name != DashboardFunction.Name), f => Assert.Equal("Function", f.Trigger.GetProperty("authLevel").GetString()));
        Assert.Contains(functions, f => f.Name == "GetAmplification" && f.Trigger.GetProperty("route").GetString() == ApiRoutes.Amplification);
        // host.json keeps the default route prefix, so the page is at /api/dashboard/ and finds the API at ../ (js/api.js).
        Assert.False(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json"))).RootElement.TryGetProperty("extensions", out var ext)
                     && ext.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out _));
        Assert.Equal("/" + ApiRoutes.Prefix + "/dashboard/", DashboardFiles.BasePath);
    }

    [GeneratedRegex("""(?:src|href)="([^"]+)""")]
    private static partial Regex Reference();

    [GeneratedRegex("""from '(\.[^']+)'""")]
    private static partial Regex Import();
}
