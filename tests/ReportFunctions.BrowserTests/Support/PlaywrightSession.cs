using Microsoft.Playwright;

namespace ReportFunctions.BrowserTests.Support;

/// <summary>Playwright and one Chromium, for a test that needs its own.</summary>
public sealed class PlaywrightSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    public IBrowser Browser { get; }

    public PlaywrightSession()
    {
        _playwright = Microsoft.Playwright.Playwright.CreateAsync().GetAwaiter().GetResult();
        Browser = Chromium.LaunchAsync(_playwright).GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
