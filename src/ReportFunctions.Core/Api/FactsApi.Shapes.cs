using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Documents;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Api;

/// <summary>The shapes of the facts API's JSON answers.</summary>
public sealed partial class FactsApi
{
    // ---------------------------------------------------------------- response shapes

    public sealed record IndicatorDto(string Code, string Unit, string Description,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] bool? HigherIsBetter,
        string Direction);

    public sealed record RegionDto(string Name, string Level, string? Province, IReadOnlyList<int> ReportYears, int Reports, string? NameZh = null);

    public sealed record FactDto(string Region, string Indicator, string Period, string Kind, double Value, string Unit, string Qualifier,
        string Evidence, int EvidenceStart, string? Report, int? ReportYear)
    {
        public int EvidenceLength => Evidence.Length;

        /// <summary>The evidence for people (whitespace normalised, <see cref="EvidenceText"/>); CSV shows this form.</summary>
        public string EvidenceDisplay => EvidenceText.Display(Evidence);

        public static FactDto From(StoredFact f) => new(f.Fact.Region, f.Fact.Indicator, f.Fact.Period, f.Fact.Kind, f.Fact.Value, f.Fact.Unit,
            f.Fact.Qualifier, f.Fact.Evidence, f.Fact.EvidenceStart, f.ReportId, f.ReportYear);
    }

    public sealed class FactsResponse
    {
        public string? Region { get; init; }
        public string? NameZh { get; init; }
        public string? Indicator { get; init; }
        public string? Unit { get; init; }
        public string? Level { get; init; }
        public string? Province { get; init; }
        public required IReadOnlyList<FactDto> Facts { get; init; }
        /// <summary>Token for the next page; null (written) on the last page.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
        public string? Continuation { get; init; }
    }

    public sealed class ReportsResponse
    {
        public required IReadOnlyList<ReportDto> Reports { get; init; }
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
        public string? Continuation { get; init; }
    }

    public sealed record ReportDto(string Id, string Name, string Status, string? Region, string? Level, string? Province, int? Year,
        string? RegionSource, string? YearSource, long Size, int FactCount, IReadOnlyList<string> Warnings, string? Error, int Attempts,
        DateTimeOffset? ReceivedAt, DateTimeOffset? IngestedAt, string? ContentHash, string Url)
    {
        public static ReportDto From(ReportRecord r, string url) => new(r.Id, r.BlobName, r.Status, r.Region, r.Level, r.Province, r.Year,
            r.RegionSource, r.YearSource, r.Size, r.FactCount, r.Warnings, r.Error, r.Attempts, r.ReceivedAt, r.IngestedAt, r.ContentHash, url);
    }
}
