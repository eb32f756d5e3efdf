using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Benchmarks.Micro;

/// <summary>
/// The engine on one report, measured by BenchmarkDotNet (warm-up, many iterations, allocations): an English seed and the
/// Chinese sample. `reports bench-extract` gives the whole-corpus MB/s and the hostile inputs; these give per-report times.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly ReportExtractor _extractor = new();
    private string _english = "";
    private string _chinese = "";

    [GlobalSetup]
    public void Setup()
    {
        var seeds = FindSeeds();
        _english = File.ReadAllText(Path.Combine(seeds, "004_307afd3bdd958b57.txt"));
        _chinese = File.ReadAllText(Path.Combine(seeds, "zh", "jiaxing-2024-zh.txt"));
    }

    [Benchmark(Description = "English seed (Jiaxing 2023, 54 KB)")]
    public int English() => _extractor.Extract(_english, "004.txt").Facts.Count;

    [Benchmark(Description = "Chinese sample (Jiaxing 2024)")]
    public int Chinese() => _extractor.Extract(_chinese, "jiaxing-2024-zh.txt").Facts.Count;

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds"))) return Path.Combine(dir.FullName, "seeds");
        throw new DirectoryNotFoundException("no seeds/ folder above " + AppContext.BaseDirectory);
    }
}

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
