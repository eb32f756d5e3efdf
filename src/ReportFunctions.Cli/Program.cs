using ReportFunctions.Cli.Commands;

namespace ReportFunctions.Cli;

/// <summary><c>reports &lt;command&gt; [args]</c>: a small command dispatcher. Add a command by adding a line to <see cref="Commands"/>.</summary>
public static class Program
{
    private static readonly Dictionary<string, (string Help, Func<string[], int> Run)> Commands = new(StringComparer.Ordinal)
    {
        ["extract"] = ("extract FILE... [--explain]  print the facts of report files as JSON lines (--explain: rules and vetoes)", ExtractCommand.Run),
        ["score"] = ("score DIR... [--errors]     extraction precision, recall and F1 per indicator on annotated corpus folders", ScoreCommand.Run),
        ["reextract"] = ("reextract [--connection CS] [--no-refresh]   re-extract reports of older engine versions, then refresh rankings", Sync(ReextractCommand.RunAsync)),
        ["bench-extract"] = ("bench-extract [--mb N] [--seeds DIR] [--formats]   extraction throughput (per input format with --formats)", BenchExtractCommand.Run),
        ["upload"] = ("upload FILE... [--connection CS]   upload reports to the reports container (unchanged ones skipped)", Sync(StorageCommands.UploadAsync)),
        ["ingest"] = ("ingest FILE... [--connection CS]   upload and ingest reports at once, without a trigger", Sync(StorageCommands.IngestAsync)),
        ["wait"] = ("wait FILE... [--timeout S]         wait until the reports of these files are ingested (reconciling missed blobs)", Sync(StorageCommands.WaitAsync)),
        ["summary"] = ("summary [--ranking CODE]           reports, regions and one ranking: what is loaded", Sync(SummaryCommand.RunAsync)),
        ["rank"] = ("rank [CODE] [--no-refresh] [--period P] [--kind K] [--level L]   recompute rankings and print one", Sync(RankCommand.RunAsync)),
        ["bench"] = ("bench [--url U] [--sizes 100,1000] [--seconds 30]   ingest and HTTP load figures against a running host", Sync(BenchCommands.LoadAsync)),
        ["bench-api"] = ("bench-api [--url U] [--path P] [--requests 2000]   latency of one route (p50, p99)", Sync(BenchCommands.ApiAsync)),
        ["bench-rank"] = ("bench-rank [--cities N] [--years N] [--through-ingestion]   full and unchanged ranking recomputation times", Sync(BenchRank)),
        ["query"] = ("query WHAT [ARG] [--format csv]   the HTTP API's answers from storage (see `reports query`)", Sync(StorageCommands.QueryAsync)),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Usage(Console.Out);
            return args.Length == 0 ? 2 : 0;
        }
        if (!Commands.TryGetValue(args[0], out var cmd))
        {
            Console.Error.WriteLine($"reports: unknown command '{args[0]}'");
            Usage(Console.Error);
            return 2;
        }
        return cmd.Run(args[1..]);
    }

    private static Task<int> BenchRank(string[] args)
    {
        var connection = CliOptions.Parse(args).Connection;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connection") i++;
            else if (!args[i].StartsWith("--connection=", StringComparison.Ordinal)) rest.Add(args[i]);
        }
        return Core.Benchmarks.RankingBenchmark.RunFromCommandLineAsync(connection, rest, Console.Out);
    }

    private static Func<string[], int> Sync(Func<string[], Task<int>> run) => args => run(args).GetAwaiter().GetResult();

    private static void Usage(TextWriter w)
    {
        w.WriteLine("usage: reports <command> [args]");
        foreach (var (_, (help, _)) in Commands.OrderBy(c => c.Key, StringComparer.Ordinal)) w.WriteLine("  " + help);
    }
}
