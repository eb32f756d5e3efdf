using ReportFunctions.Cli.Commands;

namespace ReportFunctions.Cli;

/// <summary><c>reports &lt;command&gt; [args]</c>: the commands are declared in <see cref="CliCommands"/> (System.CommandLine).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // No command: the overview of every command (exit 2, as a usage error); `reports help` is `reports --help`.
        if (args.Length == 0)
        {
            CliCommands.Build(args).Parse(["--help"]).Invoke();
            return 2;
        }
        if (args is ["help"]) args = ["--help"];
        return CliCommands.Build(args).Parse(args).Invoke();
    }

    internal static Task<int> BenchRank(string[] args)
    {
        var connection = CliOptions.Parse(args).Connection;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connection") i++;
            else if (!args[i].StartsWith("--connection=", StringComparison.Ordinal)) rest.Add(args[i]);
        }
        return Benchmarks.RankingBenchmark.RunFromCommandLineAsync(connection, rest, Console.Out);
    }

    internal static int OpenApi(string[] args)
    {
        var baseUrl = "http://127.0.0.1:7071";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--base-url" && i + 1 < args.Length) baseUrl = args[++i];
            else { Console.Error.WriteLine($"reports openapi: unexpected argument '{args[i]}'"); return 2; }
        }
        Console.Out.WriteLine(Core.Api.OpenApiDocument.Build(baseUrl).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
