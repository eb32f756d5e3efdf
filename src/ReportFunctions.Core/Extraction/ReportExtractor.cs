using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Extraction;

/// <summary>Turns a report's text into facts (docs/indicators.md). Thread-safe; one instance serves all.</summary>
public sealed class ReportExtractor
{
    private readonly Gazetteer _gazetteer;

    public ReportExtractor(Gazetteer? gazetteer = null) => _gazetteer = gazetteer ?? Gazetteer.Default;

    public ExtractionResult Extract(string text, string? sourceName = null)
    {
        // Placeholder until the extraction engine (issue 3) lands: finds no facts.
        return new ExtractionResult { Region = RegionInfo.Unknown, NotAReportReason = "extraction engine not built yet" };
    }
}
