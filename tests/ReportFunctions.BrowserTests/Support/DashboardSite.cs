using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.BrowserTests.Support;

/// <summary>
/// LocalHost on its own Azurite with the reports ./run.sh loads (seeds/, seeds/zh/, the synthetic reports of regions no
/// seed is about, and the national report of seeds/national), uploaded through the API, ingested and ranked; and one Chromium. Shared by the dashboard's tests.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The reports ./run.sh loads.</summary>
    public static IReadOnlyList<string> SampleReports =>
    [
        .. Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(),
        .. Directory.GetFiles(Path.Combine(RepoPaths.Seeds, "zh"), "*.txt").Order(),
        .. new[] { "guangzhou", "hangzhou", "ningbo", "guangdong" }.SelectMany(r => Directory.GetFiles(Path.Combine(RepoPaths.Seeds, "synthetic"), r + "-*.txt")).Order(),
        .. Directory.GetFiles(Path.Combine(RepoPaths.Seeds, "national"), "*.txt").Order(),
    ];

    public async Task InitializeAsync()
    {
        try
        {
            Azurite = await AzuriteProcess.StartAsync();
            Host = await LocalHostProcess.StartAsync(Azurite.ConnectionString, new Dictionary<string, string> { ["RECONCILE_SCHEDULE"] = "*/3 * * * * *" });
            await LoadAsync(Host.Http, SampleReports);
            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Chromium.LaunchAsync(Playwright);
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: stop what was started.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Uploads the reports through POST /api/reports, waits until each is ingested, and refreshes the rankings.</summary>
    public static async Task LoadAsync(HttpClient http, IEnumerable<string> files)
    {
        var ids = new List<string>();
        foreach (var file in files)
        {
            using var response = await http.PostAsync($"api/reports?name={Uri.EscapeDataString(Path.GetFileName(file))}", new ByteArrayContent(await File.ReadAllBytesAsync(file)));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload {file}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }
        var deadline = DateTime.UtcNow.AddMinutes(3);
        foreach (var id in ids)
        {
            while (true)
            {
                var report = JsonDocument.Parse(await http.GetStringAsync($"api/reports/{id}")).RootElement;
                var status = report.GetProperty("status").GetString();
                if (status == "Succeeded") break;
                Assert.True(status == "Processing", $"report {id} ended {status}: {report}");
                Assert.True(DateTime.UtcNow < deadline, $"report {id} not ingested within 3 minutes");
                await Task.Delay(200);
            }
        }
        using var refresh = await http.PostAsync("api/rankings/refresh", null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (Azurite is not null) await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardSite>
{
    public const string Name = "Dashboard";
}
