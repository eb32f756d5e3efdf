namespace ReportFunctions.IntegrationTests.Support;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding ReportFunctions.sln, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "Data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReportFunctions.sln"))) return dir.FullName;
        throw new InvalidOperationException("ReportFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
