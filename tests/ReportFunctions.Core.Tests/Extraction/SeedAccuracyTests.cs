using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Extraction.Evaluation;
using Xunit;
using Xunit.Abstractions;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>The accuracy gate: the extractor on seeds/ against the gold facts (logic of score.py).</summary>
public sealed class SeedAccuracyTests(ITestOutputHelper output)
{
    private static string DataDir(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    [Fact]
    public void Seeds_score_at_least_095_f1_and_precision()
    {
        var seeds = Directory.GetFiles(DataDir("seeds"), "*.txt").OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(seeds);
        var gold = Directory.GetFiles(DataDir("gold"), "*.jsonl")
            .SelectMany(File.ReadAllLines).Where(l => !string.IsNullOrWhiteSpace(l)).Select(GoldScorer.FromJson).ToList();
        Assert.NotEmpty(gold);

        var x = new ReportExtractor();
        var predicted = new List<GoldScorer.Item>();
        foreach (var path in seeds)
        {
            var decoded = ReportDecoder.Decode(File.ReadAllBytes(path), ReportDecoder.DefaultMaxBytes);
            Assert.True(decoded.Ok, decoded.Error);
            var doc = Path.GetFileName(path);
            var result = x.Extract(decoded.Text!, doc);
            output.WriteLine($"{doc}: region {result.Region.Name} ({result.RegionSource}), year {result.Year} ({result.YearSource}), {result.Facts.Count} facts");
            foreach (var f in result.Facts)
            {
                // evidence is a verbatim span of the original text at its offset
                Assert.Equal(f.Evidence, decoded.Text!.Substring(f.EvidenceStart, f.Evidence.Length));
                predicted.Add(GoldScorer.FromFact(doc, f));
            }
        }

        var report = GoldScorer.Score(gold, predicted);
        output.WriteLine($"overall  precision {report.Overall.Precision:0.000}  recall {report.Overall.Recall:0.000}  F1 {report.Overall.F1:0.000}  (tp {report.Overall.Tp}, fp {report.Overall.Fp}, fn {report.Overall.Fn})");
        foreach (var (code, c) in report.PerIndicator)
            output.WriteLine($"  {code,-32} P {c.Precision:0.00} R {c.Recall:0.00} F1 {c.F1:0.00}  (tp {c.Tp}, fp {c.Fp}, fn {c.Fn})");
        foreach (var e in report.Errors) output.WriteLine(e);

        Assert.True(report.Overall.F1 >= 0.95, $"F1 {report.Overall.F1:0.000} < 0.95");
        Assert.True(report.Overall.Precision >= 0.95, $"precision {report.Overall.Precision:0.000} < 0.95");
    }
}
