using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ReportFunctions.Infra.Tests.Support;

/// <summary>Result of one run of the Bicep CLI.</summary>
public sealed record BicepRun(string Arguments, int ExitCode, string StdOut, string StdErr)
{
    private static readonly Regex DiagnosticLine = new(@"\) : (Error|Warning) ", RegexOptions.Compiled);

    /// <summary>Every error or warning line (compiler errors, type warnings, linter warnings).</summary>
    public IReadOnlyList<string> ErrorsAndWarnings =>
        (StdErr + "\n" + StdOut).Split('\n').Select(l => l.Trim()).Where(l => DiagnosticLine.IsMatch(l)).ToList();

    public override string ToString() =>
        $"bicep {Arguments} exited {ExitCode}\n--- stderr ---\n{StdErr}\n--- stdout (first 2000) ---\n{StdOut[..Math.Min(2000, StdOut.Length)]}";
}

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 NuGet package. Its folder is baked into
/// this assembly by the test project (GeneratePathProperty + AssemblyMetadata "BicepPackageDirectory");
/// BICEP_CLI_PATH overrides it, and the NuGet global packages folder is the last resort.
/// </summary>
public static class BicepCli
{
    public const string PackageId = "azure.bicep.commandline.linux-x64";

    private static readonly Lazy<string> LazyPath = new(Locate);

    public static string ExecutablePath => LazyPath.Value;

    public static BicepRun Run(params string[] args)
    {
        var psi = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // No telemetry, no update checks: the machines of this project have no network but NuGet.
        psi.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new BicepRun(string.Join(' ', args), p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var candidates = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable("BICEP_CLI_PATH");
        if (!string.IsNullOrWhiteSpace(fromEnv)) candidates.Add(fromEnv);

        var packageDir = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageDirectory")?.Value;
        if (!string.IsNullOrWhiteSpace(packageDir)) candidates.Add(Path.Combine(packageDir, "tools", "bicep"));

        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(nugetRoot))
            nugetRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var versions = Path.Combine(nugetRoot, PackageId);
        if (Directory.Exists(versions))
            candidates.AddRange(Directory.GetDirectories(versions).OrderDescending().Select(d => Path.Combine(d, "tools", "bicep")));

        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "Bicep CLI not found. Restore tests/ReportFunctions.Infra.Tests (it references the " +
                $"{PackageId} package) or set BICEP_CLI_PATH. Looked at: {string.Join(", ", candidates)}");

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(found);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
                File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return found;
    }
}
