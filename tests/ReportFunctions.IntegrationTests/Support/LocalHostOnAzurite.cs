using System.Net;
using System.Text.Json;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>
/// A running LocalHost on its own Azurite (so that other tests' data cannot interfere), reconciling every 3 seconds,
/// for tests of the whole path over HTTP; <see cref="GetJson"/> reads an answer that must be 200.
/// </summary>
public abstract class LocalHostOnAzurite : IAsyncLifetime
{
    protected AzuriteProcess Azurite { get; private set; } = null!;
    protected LocalHostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Host = await LocalHostProcess.StartAsync(Azurite.ConnectionString, new Dictionary<string, string>
        {
            ["RECONCILE_SCHEDULE"] = "*/3 * * * * *",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    protected async Task<JsonElement> GetJson(string path)
    {
        using var response = await Host.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
