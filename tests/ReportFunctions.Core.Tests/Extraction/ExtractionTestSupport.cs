using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>What the extraction test classes share: one extractor and the dump of facts their failures print.</summary>
internal static class ExtractionTestSupport
{
    public static readonly ReportExtractor X = new();

    public static string Dump(ExtractionResult r) =>
        string.Join("\n", r.Facts.Select(f => $"  {f.Indicator} {f.Period} {f.Kind} {f.Value} {f.Unit} {f.Qualifier} «{f.Evidence}»"));
}
