using System.Runtime.CompilerServices;
using ReportFunctions.Core.Extraction;
using Xunit;

namespace ReportFunctions.Core.Tests;

/// <summary>What Core ships in every host: no benchmarks, no unused references, internals open to its tests only (and the benchmarks).</summary>
public class CoreAssemblyTests
{
    private static readonly System.Reflection.Assembly Core = typeof(ReportExtractor).Assembly;

    [Fact]
    public void Core_has_no_benchmark_code()
    {
        Assert.DoesNotContain(Core.GetTypes(), t => t.Namespace?.Contains("Benchmark", StringComparison.Ordinal) == true || t.Name.Contains("Benchmark", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_does_not_reference_Cronos()
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name == "Cronos");
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Cronos.dll")), "Cronos.dll was copied with Core");
    }

    [Fact]
    public void Core_opens_its_internals_to_tests_and_benchmarks_only_once_each()
    {
        var friends = Core.GetCustomAttributes(typeof(InternalsVisibleToAttribute), false).Cast<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.Equal(["ReportFunctions.Benchmarks", "ReportFunctions.Core.Tests", "ReportFunctions.IntegrationTests"], friends.Order(StringComparer.Ordinal));
    }
}
