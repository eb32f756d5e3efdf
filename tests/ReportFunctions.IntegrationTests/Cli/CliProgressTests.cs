using ReportFunctions.Cli;
using Spectre.Console.Testing;

namespace ReportFunctions.IntegrationTests.Cli;

/// <summary>Long commands show a progress bar on a terminal and print nothing of it when the output is not one.</summary>
public sealed class CliProgressTests
{
    private static Task<int> ThreeSteps(Action<int, string> report) => Task.Run(() =>
    {
        for (var i = 1; i <= 3; i++) report(i, $"report-{i}.txt");
        return 3;
    });

    [Fact]
    public async Task An_interactive_terminal_shows_the_progress_of_the_work()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        var result = await CliProgress.RunAsync(console, "uploading", 3, ThreeSteps);

        Assert.Equal(3, result);
        Assert.Contains("uploading", console.Output);
        Assert.Contains("3/3", console.Output);
        Assert.Contains("100%", console.Output);
    }

    [Fact]
    public async Task Output_that_is_not_a_terminal_gets_no_progress_at_all()
    {
        var console = new TestConsole(); // not interactive: what a pipe or a file gets
        var steps = 0;
        var result = await CliProgress.RunAsync(console, "uploading", 3, report => ThreeSteps((i, at) => { steps++; report(i, at); }));

        Assert.Equal(3, result);
        Assert.Equal(3, steps);
        Assert.Equal("", console.Output);
    }
}
