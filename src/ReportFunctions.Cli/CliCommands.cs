using System.CommandLine;
using System.CommandLine.Parsing;
using ReportFunctions.Cli.Commands;

namespace ReportFunctions.Cli;

/// <summary>
/// The <c>reports</c> command line, declared with System.CommandLine: every command with its typed, validated arguments
/// and options, per-command help (<c>reports rank --help</c>), clear errors and tab completion (<c>dotnet-suggest</c>).
/// A command line that parses is handed, as given, to the command's implementation in <c>Commands/</c>.
/// </summary>
public static class CliCommands
{
    public static readonly string[] FactKinds = ["actual", "target"];
    public static readonly string[] Levels = ["country", "province", "city"];
    public static readonly string[] Formats = ["json", "csv"];
    public static readonly string[] QueryTargets = ["regions", "region", "indicators", "indicator", "reports", "report", "ranking", "attainment", "region-attainment"];

    /// <summary>The root command; each command's action runs its implementation with <paramref name="args"/> after the command name.</summary>
    public static RootCommand Build(IReadOnlyList<string> args)
    {
        string[] Rest() => args.Skip(1).ToArray();
        var root = new RootCommand("reports: extract facts from government work reports, load them into storage, query and rank them.");

        Command Add(string name, string description, Func<string[], int> run, params Symbol[] symbols)
        {
            var command = new Command(name, description);
            foreach (var s in symbols)
            {
                if (s is Option o) command.Options.Add(o);
                else if (s is Argument a) command.Arguments.Add(a);
            }
            command.SetAction(_ => run(Rest()));
            root.Subcommands.Add(command);
            return command;
        }

        Add("extract", "Print the facts of report files as JSON lines (the spec's format).", ExtractCommand.Run,
            Files("FILE", "Report files (text)"), Flag("--explain", "Also print the rules and vetoes behind each fact"));
        Add("score", "Extraction precision, recall and F1 per indicator on annotated corpus folders.", ScoreCommand.Run,
            Files("DIR", "Corpus folders (NAME.txt beside its gold NAME.jsonl)"), Flag("--errors", "List missed and spurious facts (dev corpus only)"));
        Add("reextract", "Re-extract the reports read by an older engine version, then refresh rankings.", Sync(ReextractCommand.RunAsync),
            Connection(), Flag("--no-refresh", "Do not refresh rankings afterwards"));
        Add("upload", "Upload reports to the reports container (unchanged ones are skipped); the trigger ingests them.", Sync(StorageCommands.UploadAsync),
            Files("FILE", "Report files"), Connection());
        Add("ingest", "Upload and ingest reports at once, without a trigger.", Sync(StorageCommands.IngestAsync),
            Files("FILE", "Report files"), Connection());
        Add("wait", "Wait until the reports of these files are ingested (reconciling missed blobs).", Sync(StorageCommands.WaitAsync),
            Files("FILE", "Report files uploaded before"), Positive("--timeout", "Seconds to wait (default 120)"), Connection());
        Add("summary", "Reports, regions and one ranking: what is loaded.", Sync(SummaryCommand.RunAsync),
            Text("--ranking", "Indicator code of the ranking to show"), Connection());
        Add("rank", "Recompute rankings (as the timer does) and print one.", Sync(RankCommand.RunAsync),
            new Argument<string?>("CODE") { Description = "Indicator code of the ranking to print", Arity = ArgumentArity.ZeroOrOne },
            Flag("--no-refresh", "Print without recomputing"), Flag("--full", "Recompute every group from the fact tables, not only the changed ones"), Period(), OneOf("--kind", "actual or target", FactKinds),
            OneOf("--level", "Region level", Levels), Text("--province", "Province (cities of it)"), OneOf("--format", "Output format", Formats), Connection());
        Add("query", "The HTTP API's answers from storage, without a host.", Sync(StorageCommands.QueryAsync),
            OneOfArgument("WHAT", "What to ask for: " + string.Join(", ", QueryTargets), QueryTargets),
            new Argument<string?>("ARG") { Description = "Region name, indicator code or report id, where WHAT needs one", Arity = ArgumentArity.ZeroOrOne },
            Text("--indicator", "Indicator code"), Period(), OneOf("--kind", "actual or target", FactKinds), OneOf("--level", "Region level", Levels),
            Text("--province", "Province name"), OneOf("--format", "Output format", Formats), OneOf("--all", "Every report's value (true) or the latest report's", ["true", "false"]),
            Positive("--page_size", "Items per page (1 to 1000)"), Text("--continuation", "Token of the previous page"), Connection());
        Add("openapi", "Print the HTTP API's OpenAPI 3 document (JSON).", Program.OpenApi, Text("--base-url", "Server URL in the document (default http://127.0.0.1:7071)"));
        Add("bench-extract", "Measure extraction throughput (figures, no pass/fail).", Benchmarks.ExtractionBenchmark.Run,
            PositiveNumber("--mb", "Megabytes of text to extract (default 50; 10 with --formats)"), Text("--seeds", "Folder of seed reports (default: seeds/ here or above)"),
            Flag("--formats", "MB/s per input format (text, PDF, web page, Word) instead"));
        Add("bench", "Ingest and HTTP load figures against a running host.", Sync(BenchCommands.LoadAsync),
            Text("--url", "Host URL (default http://127.0.0.1:7071)"), Text("--sizes", "Report counts to ingest, comma-separated (default 100,1000)"),
            Positive("--seconds", "Seconds of load (default 30)"), Positive("--concurrency", "Requests at once (default 8)"),
            Text("--seeds", "Folder of seed reports"), PositiveNumber("--extract-mb", "Megabytes for the extraction figure (default 20)"), Connection());
        Add("bench-ingest", "Ingestion alone, in process (no host): reports/s and storage requests per report by kind.", Sync(BenchCommands.IngestAsync),
            Positive("--reports", "Synthetic reports (default 200)"), Positive("--parallelism", "Reports at once (default 16)"), Text("--seeds", "Folder of seed reports"),
            Flag("--no-batching", "Each report's rows in transactions of their own (for comparison)"), Connection());
        Add("bench-api", "Latency of one route (p50, p99).", Sync(BenchCommands.ApiAsync),
            Text("--url", "Host URL (default http://127.0.0.1:7071)"), Text("--path", "Route (default /api/regions/Jiaxing/facts)"),
            Positive("--requests", "Requests (default 2000)"), Positive("--concurrency", "Requests at once (default 8)"));
        Add("bench-rank", "Full, unchanged and one-report-changed ranking refresh times, rows read and written.", Sync(Program.BenchRank),
            Positive("--cities", "Cities"), Positive("--provinces", "Provinces"), Positive("--indicators", "Indicators"), Positive("--years", "Years"),
            Flag("--targets", "Also targets"), Flag("--through-ingestion", "Ingest the facts into storage first"), Connection());
        return root;
    }

    private static Func<string[], int> Sync(Func<string[], Task<int>> run) => args => run(args).GetAwaiter().GetResult();

    private static Argument<string[]> Files(string name, string description)
    {
        var a = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.OneOrMore };
        // A list argument would take an unknown option as one more file: say it is not an option of this command.
        a.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (t.Value.StartsWith('-') && t.Value.Length > 1)
                    r.AddError($"Unrecognized option '{t.Value}' (see --help for this command's options).");
        });
        return a;
    }

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static Option<string> Text(string name, string description) => new(name) { Description = description };

    private static Option<string> Connection() =>
        new("--connection") { Description = "Storage connection string (default: $AzureWebJobsStorage, else Azurite's UseDevelopmentStorage=true)" };

    private static Option<string> Period()
    {
        var o = new Option<string>("--period") { Description = "A year (2020) or a span (2016-2020)" };
        o.Validators.Add(r =>
        {
            var v = r.Tokens is [{ } t] ? t.Value : null;
            if (v is not null && !System.Text.RegularExpressions.Regex.IsMatch(v, "^[12][0-9]{3}(-[12][0-9]{3})?$"))
                r.AddError($"--period must be a year (2020) or a span of years (2016-2020), not '{v}'.");
        });
        return o;
    }

    private static Option<string> OneOf(string name, string description, string[] values)
    {
        var o = new Option<string>(name) { Description = description };
        o.AcceptOnlyFromAmong(values);
        return o;
    }

    private static Argument<string> OneOfArgument(string name, string description, string[] values)
    {
        var a = new Argument<string>(name) { Description = description, HelpName = name };
        a.AcceptOnlyFromAmong(values);
        return a;
    }

    private static Option<int> Positive(string name, string description)
    {
        var o = new Option<int>(name) { Description = description };
        // A value that is not a number at all is the parser's error; this one is for 0 and negative numbers.
        o.Validators.Add(r =>
        {
            if (r.Tokens is [{ } t] && int.TryParse(t.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 0)
                r.AddError($"{name} must be a positive whole number, not {n}.");
        });
        return o;
    }

    private static Option<double> PositiveNumber(string name, string description)
    {
        var o = new Option<double>(name) { Description = description };
        o.Validators.Add(r =>
        {
            if (r.Tokens is [{ } t] && double.TryParse(t.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 0)
                r.AddError($"{name} must be a positive number, not {n}.");
        });
        return o;
    }
}
