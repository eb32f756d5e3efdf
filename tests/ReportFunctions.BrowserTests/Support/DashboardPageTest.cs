using Microsoft.Playwright;

namespace ReportFunctions.BrowserTests.Support;

/// <summary>A test class on the shared dashboard site (<see cref="DashboardCollection"/>) with a fresh browser context per test.</summary>
public abstract class DashboardPageTest(DashboardSite site) : IAsyncLifetime
{
    protected DashboardSite Site { get; } = site;
    protected DashboardPage Dashboard { get; private set; } = null!;
    protected IPage Page => Dashboard.Page;

    public async Task InitializeAsync() => Dashboard = await DashboardPage.OpenAsync(Site.Browser, Site.Host.BaseAddress);
    public async Task DisposeAsync() => await Dashboard.DisposeAsync();
}
