using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.BrowserTests.Support;

/// <summary>
/// One browser context on the dashboard that records every request the page makes and every console error: requests
/// to any other origin are aborted and recorded, so a test can assert that none left the host. A load-time figure
/// observes instead (<see cref="OpenObservedAsync"/>): an intercepted request waits for a round trip to this process
/// before it may go on, which an analyst's browser never does.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    public IPage Page { get; }
    public Uri Origin { get; }
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Outside { get; } = new();
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    private DashboardPage(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        Origin = origin;
    }

    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, ".run", "screenshots");

    public static Task<DashboardPage> OpenAsync(IBrowser browser, Uri origin, BrowserNewContextOptions? options = null) =>
        OpenAsync(browser, origin, options, intercept: true);

    /// <summary>
    /// As <see cref="OpenAsync(IBrowser, Uri, BrowserNewContextOptions?)"/>, but requests are recorded as they are sent, not
    /// held: nothing is aborted (the page's Content-Security-Policy allows no other origin) and <see cref="AssertClean"/>
    /// still fails on any request that went elsewhere. For load-time figures.
    /// </summary>
    public static Task<DashboardPage> OpenObservedAsync(IBrowser browser, Uri origin) => OpenAsync(browser, origin, null, intercept: false);

    private static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri origin, BrowserNewContextOptions? options, bool intercept)
    {
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page, origin);
        bool IsOutside(Uri url) => url.Scheme is not ("data" or "blob") && (url.Scheme != origin.Scheme || url.Authority != origin.Authority);
        if (intercept)
        {
            await context.RouteAsync("**/*", async route =>
            {
                dashboard.Requests.Enqueue(route.Request.Url);
                if (!IsOutside(new Uri(route.Request.Url))) await route.ContinueAsync();
                else { dashboard.Outside.Enqueue(route.Request.Url); await route.AbortAsync(); }
            });
        }
        else
        {
            context.Request += (_, request) =>
            {
                dashboard.Requests.Enqueue(request.Url);
                if (IsOutside(new Uri(request.Url))) dashboard.Outside.Enqueue(request.Url);
            };
        }
        page.Console += (_, m) => { if (m.Type == "error") dashboard.ConsoleErrors.Enqueue(m.Text); };
        page.PageError += (_, e) => dashboard.ConsoleErrors.Enqueue("page error: " + e);
        return dashboard;
    }

    /// <summary>Opens a view (<c>#ranking?indicator=...</c>) and waits until it has rendered.</summary>
    public async Task GoAsync(string fragment)
    {
        await Page.GotoAsync(new Uri(Origin, "/api/dashboard/" + fragment).ToString());
        await ReadyAsync();
    }

    public async Task ReadyAsync()
    {
        await Page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var error = await Page.TextContentAsync("#status");
        Assert.False(await Page.IsVisibleAsync("#status.error"), "the dashboard shows an error: " + error);
    }

    /// <summary>Waits for the next render (after a filter changed).</summary>
    public async Task NextRenderAsync(Func<Task> action)
    {
        await Page.EvaluateAsync("() => document.body.dataset.ready = 'stale'");
        await action();
        await ReadyAsync();
    }

    public async Task<JsonElement> ApiAsync(HttpClient http, string path)
    {
        var text = await http.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Rows of a table as their data-* attributes.</summary>
    public async Task<List<Dictionary<string, string>>> RowsAsync(string tableSelector) =>
        (await Page.EvalOnSelectorAllAsync<Dictionary<string, string>[]>($"{tableSelector} tbody tr", "rows => rows.map(r => ({ ...r.dataset }))")).ToList();

    /// <summary>The data of a chart's datasets (Chart.js, via its canvas), scrolled into view first: a chart is drawn when near the viewport.</summary>
    public async Task<double?[][]> ChartDataAsync(string canvasSelector)
    {
        var canvas = Page.Locator(canvasSelector).First;
        await WaitForChartAsync(canvas);
        return await DataOfAsync(canvas);
    }

    private static Task<double?[][]> DataOfAsync(ILocator canvas) =>
        canvas.EvaluateAsync<double?[][]>("c => Chart.getChart(c).data.datasets.map(d => d.data)");

    /// <summary>
    /// The data of a bar chart drawn as consecutive charts (<c>barCharts</c> in ui.js: at most 50 bars each), each dataset's
    /// values joined in order across the charts.
    /// </summary>
    public async Task<double?[][]> BarChartDataAsync(string canvasSelector = ".bar-charts canvas")
    {
        var canvases = await Page.Locator(canvasSelector).AllAsync();
        Assert.NotEmpty(canvases);
        var joined = new List<List<double?>>();
        foreach (var canvas in canvases)
        {
            await WaitForChartAsync(canvas);
            var data = await DataOfAsync(canvas);
            for (var i = 0; i < data.Length; i++)
            {
                if (joined.Count <= i) joined.Add([]);
                joined[i].AddRange(data[i]);
            }
        }
        return joined.Select(d => d.ToArray()).ToArray();
    }

    /// <summary>Scrolls a chart's canvas into view and waits until its chart is drawn.</summary>
    public static async Task WaitForChartAsync(ILocator canvas)
    {
        await canvas.ScrollIntoViewIfNeededAsync();
        await canvas.EvaluateAsync("c => new Promise(done => { const drawn = () => Chart.getChart(c) ? done() : requestAnimationFrame(drawn); drawn(); })");
    }

    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>No request left the host and no console error was logged.</summary>
    public void AssertClean()
    {
        Assert.True(Outside.IsEmpty, "requests outside the host: " + string.Join(", ", Outside));
        Assert.NotEmpty(Requests);
        Assert.All(Requests, r => Assert.True(r.StartsWith(Origin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) || r.StartsWith("data:") || r.StartsWith("blob:"), r));
        Assert.True(ConsoleErrors.IsEmpty, "console errors: " + string.Join(" | ", ConsoleErrors));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
