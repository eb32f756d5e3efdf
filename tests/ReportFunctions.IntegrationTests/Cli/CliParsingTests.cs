using System.CommandLine;
using ReportFunctions.Cli;

namespace ReportFunctions.IntegrationTests.Cli;

/// <summary>The <c>reports</c> command line (System.CommandLine): what parses, the errors of what does not, per-command help.</summary>
public sealed class CliParsingTests
{
    private static ParseResult Parse(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return CliCommands.Build(args).Parse(args);
    }

    private static (int Exit, string Output, string Error) Invoke(string commandLine)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Parse(commandLine).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    // As run.sh, scripts/bench.sh and the README use them.
    [InlineData("upload seeds/a.txt seeds/b.txt")]
    [InlineData("wait seeds/a.txt --timeout 120")]
    [InlineData("summary --ranking gdp_growth")]
    [InlineData("extract seeds/a.txt --explain")]
    [InlineData("score corpus/dev --errors")]
    [InlineData("reextract --no-refresh --connection UseDevelopmentStorage=true")]
    [InlineData("query region Jiaxing --format csv")]
    [InlineData("query indicator gdp_growth --kind target --level city --province Zhejiang --page_size 50")]
    [InlineData("rank gdp_growth --kind target --period 2023")]
    [InlineData("rank --no-refresh")]
    [InlineData("rank gdp_growth --full")]
    [InlineData("openapi --base-url http://localhost:7071")]
    [InlineData("bench-extract --mb 1.5 --seeds seeds")]
    [InlineData("bench-api --url http://127.0.0.1:7071 --path /api/regions/Jiaxing/facts --requests 2000 --concurrency 8")]
    [InlineData("bench --url http://127.0.0.1:7071 --sizes 100,1000 --seconds 30")]
    [InlineData("bench-rank --cities 300 --indicators 31 --years 10 --through-ingestion")]
    public void Command_lines_in_use_parse_without_errors(string commandLine) =>
        Assert.Empty(Parse(commandLine).Errors);

    [Theory]
    [InlineData("rank gdp_growth --kind guess", "guess")]
    [InlineData("rank gdp_growth --period last-year", "--period must be a year")]
    [InlineData("query region Jiaxing --format xml", "xml")]
    [InlineData("query nonsense", "nonsense")]
    [InlineData("wait a.txt --timeout -3", "--timeout must be a positive whole number")]
    [InlineData("wait a.txt --timeout soon", "soon")]
    [InlineData("bench-extract --mb 0", "--mb must be a positive number")]
    [InlineData("upload a.txt --bogus", "--bogus")]
    [InlineData("frobnicate", "frobnicate")]
    public void Bad_command_lines_fail_with_an_error_that_names_the_problem(string commandLine, string named)
    {
        var result = Parse(commandLine);
        Assert.NotEmpty(result.Errors);
        Assert.Contains(result.Errors, e => e.Message.Contains(named, StringComparison.Ordinal));

        var (exit, _, error) = Invoke(commandLine);
        Assert.NotEqual(0, exit);
        Assert.Contains(named, error);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("upload")]
    [InlineData("wait --timeout 5")]
    [InlineData("query")]
    public void A_missing_required_argument_is_an_error(string commandLine)
    {
        var result = Parse(commandLine);
        Assert.NotEmpty(result.Errors);
        Assert.Contains(result.Errors, e => e.Message.Contains("argument", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Each_command_has_its_own_help()
    {
        var (exit, help, _) = Invoke("rank --help");
        Assert.Equal(0, exit);
        Assert.Contains("Recompute rankings", help);
        Assert.Contains("CODE", help);
        Assert.Contains("--kind", help);
        Assert.Contains("--no-refresh", help);
        Assert.DoesNotContain("--explain", help); // another command's option

        var (_, overview, _) = Invoke("--help");
        foreach (var command in new[] { "extract", "score", "reextract", "upload", "ingest", "wait", "summary", "rank", "query", "openapi", "bench", "bench-api", "bench-extract", "bench-rank" })
            Assert.Contains(command, overview);
    }

    [Fact]
    public void Query_help_lists_what_can_be_asked()
    {
        var (_, help, _) = Invoke("query --help");
        foreach (var what in CliCommands.QueryTargets) Assert.Contains(what, help);
    }
}
