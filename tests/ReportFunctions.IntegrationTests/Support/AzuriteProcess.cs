using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>
/// A real Azurite (the npm package installed in the repo's node_modules), started on free ports.
/// In memory by default; with <see cref="Location"/> its data survives a stop and restart, for fault tests.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    /// <summary>Data folder; null means in memory.</summary>
    public string? Location { get; init; }
    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public static async Task<AzuriteProcess> StartAsync(string? location = null)
    {
        var azurite = new AzuriteProcess { Location = location };
        await azurite.StartAsync().ConfigureAwait(false);
        return azurite;
    }

    /// <summary>Starts Azurite; after a <see cref="StopAsync"/> it comes back on the same ports.</summary>
    public async Task StartAsync()
    {
        var bin = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
            throw new InvalidOperationException($"Azurite is not installed at {bin}: run `npm ci` in {RepoPaths.Root} (./test.sh does).");
        var args = new List<string>
        {
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
        };
        if (Location is null) args.Add("--inMemoryPersistence");
        else { Directory.CreateDirectory(Location); args.AddRange(["--location", Location]); }

        var psi = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Location ?? Path.GetTempPath(),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start azurite");
        _process = process;

        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            var m = ListeningLine().Match(e.Data);
            if (!m.Success) return;
            lock (ports)
            {
                ports[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
                if (ports.Count == 3) ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("azurite exited: " + string.Join("\n", output)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var done = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false);
        if (done != ready.Task)
        {
            Kill();
            throw new TimeoutException("azurite did not start within 60 s: " + string.Join("\n", output));
        }
        await ready.Task.ConfigureAwait(false);
        BlobPort = ports["Blob"];
        QueuePort = ports["Queue"];
        TablePort = ports["Table"];
    }

    /// <summary>Kills Azurite (as a crash would); <see cref="StartAsync()"/> brings it back.</summary>
    public Task StopAsync()
    {
        Kill();
        return Task.CompletedTask;
    }

    private void Kill()
    {
        var p = _process;
        _process = null;
        if (p is null) return;
        try
        {
            if (!p.HasExited) { p.Kill(entireProcessTree: true); p.WaitForExit(10_000); }
        }
        catch (InvalidOperationException) { }
        p.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}
