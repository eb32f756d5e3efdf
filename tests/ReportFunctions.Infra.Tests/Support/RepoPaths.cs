namespace ReportFunctions.Infra.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test assembly to ReportFunctions.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Infra => Path.Combine(Root, "infra");
    public static string MainBicep => Path.Combine(Infra, "main.bicep");
    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");
    public static string AzureYaml => Path.Combine(Root, "azure.yaml");
    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");
    public static string LocalHostAppSettings => Path.Combine(Root, "src", "ReportFunctions.LocalHost", "appsettings.json");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportFunctions.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException(
            $"No folder containing ReportFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
