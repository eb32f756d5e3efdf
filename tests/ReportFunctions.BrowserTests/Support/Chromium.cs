using Microsoft.Playwright;

namespace ReportFunctions.BrowserTests.Support;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>; ./test.sh installs it when missing), launched by path: Playwright's
/// own browser download is not used. <c>CHROMIUM_PATH</c> overrides the path.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    public static string ExecutablePath
    {
        get
        {
            var candidates = new[] { Environment.GetEnvironmentVariable(PathVariable), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
            return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
                   ?? throw new InvalidOperationException("Chromium is not installed: run `apt-get install -y chromium` (./test.sh does) or set " + PathVariable + ".");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        // Root in CI: Chromium's sandbox needs user namespaces it does not get there.
        ChromiumSandbox = false,
        Args = ["--disable-gpu", "--disable-dev-shm-usage"],
    });
}
