using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Extraction;

/// <summary>What the extraction engine read from one report's text.</summary>
public sealed record ExtractionResult
{
    /// <summary>The region the report is for; <see cref="RegionInfo.Unknown"/> when none was recognised.</summary>
    public required RegionInfo Region { get; init; }
    /// <summary>The year the report was delivered, when known.</summary>
    public int? Year { get; init; }
    /// <summary>Where the region came from: <c>title</c>, <c>body</c>, <c>source-name</c>, <c>none</c>.</summary>
    public string RegionSource { get; init; } = "none";
    /// <summary>Where the year came from: <c>title</c>, <c>date</c>, <c>body</c>, <c>source-name</c>, <c>none</c>.</summary>
    public string YearSource { get; init; } = "none";
    /// <summary>The report's language, detected from its words: <c>zh</c> when Chinese words outnumber Latin ones, else <c>en</c>.</summary>
    public string Language { get; init; } = "en";
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    /// <summary>Set when the text does not look like a work report (then <see cref="Facts"/> is empty).</summary>
    public string? NotAReportReason { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>With explanations asked for: quantities tied to an indicator that a named veto kept from being facts.</summary>
    public IReadOnlyList<VetoedCandidate> Vetoed { get; init; } = [];
    /// <summary>The version of the engine and its data that produced this result (<see cref="ReportExtractor.EngineVersion"/>).</summary>
    public string EngineVersion { get; init; } = ReportExtractor.EngineVersion;
}

/// <summary>A quantity the engine tied to an indicator and then vetoed: the code it would have had, the veto, the evidence.</summary>
public sealed record VetoedCandidate(string Indicator, string Veto, string AttachRule, string Evidence, int EvidenceStart);
