using ReportFunctions.Infra.Tests.Support;
using Xunit;

namespace ReportFunctions.Infra.Tests;

/// <summary>infra/main.bicep (and its modules) compiles and lints with no error and no warning at all.</summary>
public class BicepBuildTests
{
    [Fact]
    public void Build_succeeds_without_errors_or_warnings()
    {
        var run = ArmTemplate.BuildRun;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.ErrorsAndWarnings.Count == 0, run.ToString());
        Assert.Contains("\"$schema\"", run.StdOut);
    }

    [Fact]
    public void Lint_reports_no_errors_or_warnings()
    {
        var run = BicepCli.Run("lint", RepoPaths.MainBicep);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.ErrorsAndWarnings.Count == 0, run.ToString());
    }

    [Fact]
    public void Every_bicep_file_under_infra_is_used_by_main()
    {
        // lint and build only see files main.bicep reaches; an orphan module would go unchecked.
        var main = File.ReadAllText(RepoPaths.MainBicep);
        var modules = Directory.GetFiles(Path.Combine(RepoPaths.Infra, "modules"), "*.bicep");
        Assert.NotEmpty(modules);
        foreach (var module in modules)
            Assert.Contains($"'modules/{Path.GetFileName(module)}'", main);
    }
}
