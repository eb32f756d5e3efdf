using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.Cli.Commands;

/// <summary>
/// <c>reports reextract [--connection CS] [--no-refresh]</c>: re-extracts every stored report whose facts an older engine
/// version produced (from its blob; no re-upload), printing each as it is done, then recomputes rankings and attainment.
/// </summary>
public static class ReextractCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = CliOptions.Parse(args, "no-refresh");
        await using var services = cli.BuildServices();
        var ingestor = services.GetRequiredService<ReportIngestor>();
        Console.WriteLine($"engine {ReportExtractor.EngineVersion}: re-extracting reports of older versions");
        var done = 0;
        var progress = new SynchronousProgress<IngestOutcome>(o =>
            Console.WriteLine($"  [{Interlocked.Increment(ref done)}] {o.Result,-9} {o.BlobName}: {o.FactCount} facts{(o.Reason is null ? "" : " (" + o.Reason + ")")}"));
        var summary = await ingestor.ReextractAsync(progress, CancellationToken.None);
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
