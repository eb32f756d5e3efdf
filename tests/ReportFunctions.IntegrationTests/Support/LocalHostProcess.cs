using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>
/// The real LocalHost (the built ReportFunctions.LocalHost.dll) started as its own process on a free
/// loopback port against a given storage connection: Kestrel, the WebJobs blob trigger and the Cronos jobs.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Log => string.Join('\n', _log);

    public static async Task<LocalHostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        // LocalHost's own build output (the test references the project, so it is built first), run as `dotnet LocalHost.dll`.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var folder = Path.Combine(RepoPaths.Root, "src", "ReportFunctions.LocalHost", "bin", configuration, "net10.0");
        var dll = Path.Combine(folder, "ReportFunctions.LocalHost.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("LocalHost is not built", dll);
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["AzureWebJobsStorage"] = connectionString;
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        if (settings is not null) foreach (var (k, v) in settings) psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start LocalHost");
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host._log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host._log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("LocalHost exited:\n" + host.Log);
            try
            {
                using var response = await host.Http.GetAsync("api/health");
                if (response.StatusCode == HttpStatusCode.OK) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new TimeoutException("LocalHost did not answer /api/health within 60 s:\n" + host.Log);
    }

    public bool HasExited => _process.HasExited;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { }
        _process.Dispose();
    }
}
