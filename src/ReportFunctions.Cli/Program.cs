using ReportFunctions.Cli.Commands;

namespace ReportFunctions.Cli;

/// <summary><c>reports &lt;command&gt; [args]</c>: a small command dispatcher. Add a command by adding a line to <see cref="Commands"/>.</summary>
public static class Program
{
    private static readonly Dictionary<string, (string Help, Func<string[], int> Run)> Commands = new(StringComparer.Ordinal)
    {
        ["extract"] = ("extract FILE...            print the facts of report files as JSON lines", ExtractCommand.Run),
        ["bench-extract"] = ("bench-extract [--mb N] [--seeds DIR]   measure extraction throughput", BenchExtractCommand.Run),
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

    private static void Usage(TextWriter w)
    {
        w.WriteLine("usage: reports <command> [args]");
        foreach (var (_, (help, _)) in Commands.OrderBy(c => c.Key, StringComparer.Ordinal)) w.WriteLine("  " + help);
    }
}
