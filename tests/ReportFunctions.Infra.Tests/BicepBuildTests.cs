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
    public void Bicep_cli_is_the_one_from_the_referenced_NuGet_package()
    {
        var packageDir = typeof(BicepCli).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackageDirectory").Value;
        Assert.False(string.IsNullOrWhiteSpace(packageDir), "the test project did not bake in the package folder");
        Assert.True(File.Exists(Path.Combine(packageDir!, "tools", "bicep")), packageDir);
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("BICEP_CLI_PATH")))
            Assert.Equal(Path.GetFullPath(Path.Combine(packageDir!, "tools", "bicep")), Path.GetFullPath(BicepCli.ExecutablePath));

        var version = BicepCli.Run("--version");
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith("Bicep CLI version ", version.StdOut.Trim());
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
