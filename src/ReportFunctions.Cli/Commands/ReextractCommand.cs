using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Cli.Commands;

/// <summary>
/// <c>reports reextract [--connection CS] [--no-refresh]</c>: re-extracts every stored report whose facts an older engine
/// version produced (from its blob; no re-upload), with a progress bar on a terminal, then recomputes rankings and attainment.
/// </summary>
public static class ReextractCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = CliOptions.Parse(args, "no-refresh");
        await using var services = cli.BuildServices();
        var ingestor = services.GetRequiredService<ReportIngestor>();
        Console.WriteLine($"engine {ReportExtractor.EngineVersion}: re-extracting reports of older versions");
        var outdated = 0;
        await foreach (var r in ingestor.Store.AllAsync(CancellationToken.None))
            if (r.BlobName.Length > 0 && ReportStatus.IsFinal(r.Status) && !ingestor.IsCurrent(r)) outdated++;
        var failures = new List<string>();
        var summary = await CliProgress.RunAsync(CliProgress.Console, "re-extracting", outdated, report =>
        {
            var done = 0;
            var progress = new SynchronousProgress<IngestOutcome>(o =>
            {
                if (o.Result == IngestResult.Failed) failures.Add($"  failed {o.BlobName}: {o.Reason}");
                report(++done, o.BlobName);
            });
            return ingestor.ReextractAsync(progress, CancellationToken.None);
        });
        foreach (var f in failures) Console.Error.WriteLine(f);
        Console.WriteLine($"{summary.Blobs} outdated, {summary.Ingested} re-extracted, {summary.Failed} failed, {summary.Skipped} skipped, {summary.Errors} errors");
        if (!cli.Has("no-refresh") && summary.Ingested + summary.Failed > 0)
        {
            var refresh = await services.GetRequiredService<RankingRefresher>().RefreshAsync(CancellationToken.None);
            Console.WriteLine($"rankings refreshed: {refresh}");
        }
        return summary.Errors == 0 ? 0 : 1;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and may print after the summary).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();
        public void Report(T value) { lock (_gate) report(value); }
    }
}
