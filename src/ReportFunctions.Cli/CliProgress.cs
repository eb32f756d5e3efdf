using Spectre.Console;

namespace ReportFunctions.Cli;

/// <summary>
/// Progress of a long command (upload, wait, reextract): a bar on an interactive terminal (Spectre.Console), nothing at
/// all when the output is not a terminal (a pipe, a file, CI). The command prints its summary line either way.
/// </summary>
public static class CliProgress
{
    /// <summary>The console of the process: interactive only when standard output is a terminal.</summary>
    public static IAnsiConsole Console { get; } = AnsiConsole.Console;

    /// <summary>
    /// Runs <paramref name="work"/>, which reports how many of <paramref name="total"/> items are done and what it is at.
    /// </summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, int total, Func<Action<int, string>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive) return await work((_, _) => { });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
                var gate = new Lock();
                result = await work((done, at) =>
                {
                    lock (gate)
                    {
                        task.Value = Math.Min(done, total);
                        task.Description = Markup.Escape($"{title} {done}/{total} {at}");
                    }
                });
                task.Value = task.MaxValue;
            });
        return result;
    }
}
