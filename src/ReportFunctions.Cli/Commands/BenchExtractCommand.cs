namespace ReportFunctions.Cli.Commands;

public static class BenchExtractCommand
{
    public static int Run(string[] args) => 0;
}
