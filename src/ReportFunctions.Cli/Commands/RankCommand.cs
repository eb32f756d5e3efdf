using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.Cli.Commands;

/// <summary>
/// <c>reports rank [CODE] [--no-refresh] [--full] [--period P] [--kind K] [--level L] [--province P] [--format csv]</c>:
/// recomputes the rankings whose facts changed (as the timer does; every one with --full) and prints one.
/// </summary>
public static class RankCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = CliOptions.Parse(args, "no-refresh", "full");
        if (!cli.Has("no-refresh"))
        {
            await using var services = cli.BuildServices();
            var summary = await services.GetRequiredService<RankingRefresher>().RefreshAsync(cli.Has("full"), CancellationToken.None);
            Console.Error.WriteLine($"refreshed: {summary}");
        }
        var code = cli.Positional.FirstOrDefault();
        if (code is null) return 0;
        return await StorageCommands.QueryAsync(["ranking", code, .. args.Where(a => a != code && a != "--no-refresh" && a != "--full")]);
    }
}
