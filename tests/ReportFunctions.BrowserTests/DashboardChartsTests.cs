using System.Text.Json;
using Microsoft.Playwright;
using ReportFunctions.BrowserTests.Support;

namespace ReportFunctions.BrowserTests;

/// <summary>
/// How the dashboard draws many charts and many bars (js/ui.js), in Chromium: a bar chart of many categories is split
/// into charts of at most 50 bars on one value scale, and a chart is drawn only once it is near the viewport (a region
/// has up to 31 charts; a ranking 300 bars), while every table is in the page from the start.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardChartsTests(DashboardSite site) : DashboardPageTest(site)
{
    [Fact]
    public async Task Many_bars_become_charts_of_fifty_on_one_scale_each_drawn_when_scrolled_near()
    {
        await Dashboard.GoAsync("#ranking");
        var built = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const ui = await import('./js/ui.js');
              const rows = Array.from({ length: 120 }, (_, i) => ({ name: 'r' + i, value: i * 10 }));
              const charts = ui.barCharts(rows, slice => ({ type: 'bar', data: { labels: slice.map(r => r.name), datasets: [{ label: 'value', data: slice.map(r => r.value) }] } }),
                { label: 'Test ranking', tableId: 'ranking-table', horizontal: true });
              const root = document.createElement('div');
              root.id = 'many-bars';
              document.getElementById('view').prepend(root);
              root.append(charts);
              await ui.drawCharts(root);
              const canvases = [...root.querySelectorAll('canvas')];
              return { labels: canvases.map(c => c.getAttribute('aria-label')), drawn: canvases.map(c => !!Chart.getChart(c)) };
            }
            """);
        Assert.Equal(["Test ranking (1–50 of 120)", "Test ranking (51–100 of 120)", "Test ranking (101–120 of 120)"],
            built.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        // The first (at the top of the view) is drawn at once; the last, 2,300 px further down, not yet.
        Assert.True(built.GetProperty("drawn")[0].GetBoolean(), built.ToString());
        Assert.False(built.GetProperty("drawn")[2].GetBoolean());

        var last = Page.Locator("#many-bars canvas").Nth(2);
        await DashboardPage.WaitForChartAsync(last);
        Assert.Equal([1000.0, 1010.0, 1020.0], (await last.EvaluateAsync<double[]>("c => Chart.getChart(c).data.datasets[0].data")).Take(3));
        // One value scale: the first chart's axis reaches the largest value of the last.
        var max = await Page.Locator("#many-bars canvas").First.EvaluateAsync<double>("c => Chart.getChart(c).scales.x.max");
        Assert.True(max >= 1190, $"the first chart's axis ends at {max}");
        Dashboard.AssertClean();
    }
}
