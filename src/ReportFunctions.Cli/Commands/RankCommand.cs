using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.Cli.Commands;

/// <summary>
/// <c>reports rank [CODE] [--no-refresh] [--period P] [--kind K] [--level L] [--province P] [--format csv]</c>:
/// recomputes the rankings (as the timer does) and prints one.
/// </summary>
public static class RankCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = CliOptions.Parse(args, "no-refresh");
        if (!cli.Has("no-refresh"))
        {
            await using var services = cli.BuildServices();
            var summary = await services.GetRequiredService<RankingRefresher>().RefreshAsync(CancellationToken.None);
            Console.Error.WriteLine($"refreshed: {summary}");
        }
        var code = cli.Positional.FirstOrDefault();
        if (code is null) return 0;
        return await StorageCommands.QueryAsync(["ranking", code, .. args.Where(a => a != code && a != "--no-refresh")]);
    }
}
