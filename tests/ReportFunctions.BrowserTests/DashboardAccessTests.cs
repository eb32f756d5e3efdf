using System.Collections.Concurrent;
using Microsoft.Playwright;
using ReportFunctions.BrowserTests.Support;

namespace ReportFunctions.BrowserTests;

/// <summary>The dashboard with the keyboard alone, its labels, and its function-key handling (as in Azure).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardAccessTests(DashboardSite site) : DashboardPageTest(site)
{
    private Task<string> FocusedAsync() => Page.EvaluateAsync<string>("() => { const a = document.activeElement; return a.id || a.textContent.trim(); }");

    private async Task TabToAsync(string idOrText, int max = 40)
    {
        for (var i = 0; i < max; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync() == idOrText) return;
        }
        Assert.Fail($"'{idOrText}' is not reachable with Tab (last focus: {await FocusedAsync()})");
    }

    [Fact]
    public async Task Keyboard_alone_picks_a_view_changes_a_filter_and_opens_evidence()
    {
        await Dashboard.GoAsync("");
        await TabToAsync("Ranking");
        await Dashboard.NextRenderAsync(() => Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("ranking", await Page.GetAttributeAsync("body", "data-view"));
        var before = await Dashboard.ChartDataAsync(".chart canvas");

        // The kind filter, changed with the arrow key: the chart shows the other ranking, and focus stays on the filter.
        await TabToAsync("f-kind");
        await Dashboard.NextRenderAsync(() => Page.Keyboard.PressAsync("ArrowDown"));
        Assert.Equal("target", await Page.InputValueAsync("#f-kind"));
        Assert.Equal("f-kind", await FocusedAsync());
        Assert.NotEqual(before[0], (await Dashboard.ChartDataAsync(".chart canvas"))[0]);

        // A region typed and entered, then a fact's evidence opened from its table row.
        await Dashboard.GoAsync("#region");
        await TabToAsync("region-search");
        await Page.Keyboard.TypeAsync("Ningbo");
        await Dashboard.NextRenderAsync(() => Page.Keyboard.PressAsync("Enter"));
        await TabToAsync("Show evidence", 200);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("#evidence-text");
        Assert.Equal("evidence", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.NotEmpty((await Page.TextContentAsync("#evidence-text"))!);
        Dashboard.AssertClean();
    }

    [Theory]
    [InlineData("#region?name=Jiaxing")]
    [InlineData("#ranking")]
    [InlineData("#targets")]
    [InlineData("#amplification")]
    [InlineData("#reports")]
    public async Task Every_control_has_a_label_and_every_chart_its_table(string view)
    {
        await Dashboard.GoAsync(view);
        var unlabelled = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !e.closest('[hidden]') && e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id || e.outerHTML)");
        Assert.Empty(unlabelled);
        var charts = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('canvas')].map(c => c.getAttribute('aria-describedby'))");
        foreach (var id in charts) Assert.Equal(1, await Page.Locator($"table#{id}").CountAsync());
        Assert.All(await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('canvas')].map(c => c.getAttribute('aria-label') ?? '')"), l => Assert.NotEmpty(l));
        Dashboard.AssertClean();
    }

    [Fact]
    public async Task A_function_key_is_asked_once_kept_in_session_storage_and_sent_only_as_a_header()
    {
        // As the Functions host does in Azure: every API route answers 401 without the key; the dashboard's files are anonymous.
        const string key = "dashboard-test-key";
        var apiRequests = new ConcurrentQueue<(string Url, string? Header)>();
        await Page.Context.RouteAsync("**/api/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (path.StartsWith("/api/dashboard/", StringComparison.Ordinal)) { await route.FallbackAsync(); return; }
            var header = route.Request.Headers.TryGetValue("x-functions-key", out var h) ? h : null;
            apiRequests.Enqueue((route.Request.Url, header));
            if (header == key) await route.FallbackAsync();
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 401, Body = "" });
        });

        await Page.GotoAsync(new Uri(Site.Host.BaseAddress, "/api/dashboard/#ranking").ToString());
        await Page.WaitForSelectorAsync("#key-form:not([hidden])");
        Assert.Equal("key-input", await FocusedAsync());
        await Page.Keyboard.TypeAsync(key);
        await Dashboard.NextRenderAsync(() => Page.Keyboard.PressAsync("Enter"));
        Assert.True(await Page.Locator("#ranking-table tbody tr").CountAsync() >= 2);
        Assert.Equal(key, await Page.EvaluateAsync<string>("() => sessionStorage.getItem('reportfunctions.functionKey')"));
        Assert.True(await Page.IsHiddenAsync("#key-form"));

        // Another view and a reload in the same tab: no question asked again; every request carried the header.
        var answered = apiRequests.Count;
        await Dashboard.GoAsync("#amplification");
        await Page.ReloadAsync();
        await Dashboard.ReadyAsync();
        Assert.True(await Page.IsHiddenAsync("#key-form"));
        Assert.All(apiRequests.Skip(answered), r => Assert.Equal(key, r.Header));
        // The key is never in a URL: not in a request's, not in the address bar.
        Assert.All(Dashboard.Requests, r => Assert.DoesNotContain(key, r));
        Assert.DoesNotContain(key, Page.Url);

        // A key given in a link (?code=) is moved into session storage and taken out of the address bar.
        await Page.EvaluateAsync("() => sessionStorage.clear()");
        await Page.GotoAsync(new Uri(Site.Host.BaseAddress, $"/api/dashboard/?code={key}#targets").ToString());
        await Dashboard.ReadyAsync();
        Assert.DoesNotContain("code=", Page.Url);
        Assert.EndsWith("#targets", Page.Url);
        Assert.Equal(key, await Page.EvaluateAsync<string>("() => sessionStorage.getItem('reportfunctions.functionKey')"));
        Assert.True(await Page.IsHiddenAsync("#key-form"));
        Assert.Empty(Dashboard.Outside);
        // The only console errors are the browser's notes of the first 401 answers.
        Assert.All(Dashboard.ConsoleErrors, e => Assert.Contains("401", e));
    }
}
