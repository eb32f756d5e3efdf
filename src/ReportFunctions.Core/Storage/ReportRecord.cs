using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// One row of the Reports table (PartitionKey <see cref="Partition"/>, RowKey = report id).
/// <para>
/// <see cref="ContentHash"/> is the SHA-256 of the content last taken in hand; <see cref="ActiveHash"/> is the hash
/// whose fact rows readers see. Fact rows carry their hash, so new facts are written next to the old ones and become
/// visible together when <see cref="ActiveHash"/> is switched (one entity update); rows of other hashes are
/// then deleted from the partitions listed in <see cref="TouchedRegions"/>.
/// </para>
/// </summary>
public sealed class ReportRecord
{
    public const string Partition = "report";

    public required string Id { get; init; }
    public string BlobName { get; set; } = "";
    public string Status { get; set; } = ReportStatus.Processing;
    public string? Region { get; set; }
    public string? Level { get; set; }
    public string? Province { get; set; }
    public int? Year { get; set; }
    public string? RegionSource { get; set; }
    public string? YearSource { get; set; }
    public string? ContentHash { get; set; }
    /// <summary>The extraction engine version (<see cref="Extraction.ReportExtractor.EngineVersion"/>) that produced the facts
    /// of <see cref="ContentHash"/>, set when the content is taken in hand; null for rows written before versions were kept.</summary>
    public string? EngineVersion { get; set; }
    /// <summary>The key fact rows of <see cref="ContentHash"/> read by <see cref="EngineVersion"/> carry (see <see cref="Generation"/>).</summary>
    public string? WritingGeneration => ContentHash is null ? null : Generation(ContentHash, EngineVersion);

    /// <summary>
    /// What fact rows carry as their hash: the content hash, combined with the engine version that read it, so that
    /// re-extracting unchanged content with a new engine writes new rows beside the old ones and switches to them
    /// atomically. Without a version (rows of older deployments) it is the content hash itself.
    /// </summary>
    public static string Generation(string contentHash, string? engineVersion) =>
        engineVersion is null ? contentHash
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contentHash + "|" + engineVersion)));
    public string? ActiveHash { get; set; }
    public string? BlobETag { get; set; }
    public long Size { get; set; }
    public int FactCount { get; set; }
    public IReadOnlyList<string> Warnings { get; set; } = [];
    public string? Error { get; set; }
    public string? LastError { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? IngestedAt { get; set; }
    /// <summary>Region partitions that may hold fact rows of this report (active or not).</summary>
    public IReadOnlyList<string> TouchedRegions { get; set; } = [];
    public ETag ETag { get; set; }

    /// <summary>Set before fact rows are written, cleared once rows of other hashes have been deleted.</summary>
    public bool NeedsCleanup { get; set; }

    /// <summary>
    /// When an ingestion claimed this content (status Processing); null when none holds it. Another delivery of the
    /// same content leaves a fresh claim alone, so each upload is ingested once; a claim left by a crash expires.
    /// </summary>
    public DateTimeOffset? ProcessingSince { get; set; }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal TableEntity ToEntity()
    {
        var e = new TableEntity(Partition, Id)
        {
            ["BlobName"] = BlobName,
            ["Status"] = Status,
            ["Region"] = Region,
            ["Level"] = Level,
            ["Province"] = Province,
            ["Year"] = Year,
            ["RegionSource"] = RegionSource,
            ["YearSource"] = YearSource,
            ["ContentHash"] = ContentHash,
            ["EngineVersion"] = EngineVersion,
            ["ActiveHash"] = ActiveHash,
            ["BlobETag"] = BlobETag,
            ["Size"] = Size,
            ["FactCount"] = FactCount,
            ["Warnings"] = JsonSerializer.Serialize(Warnings, JsonOptions),
            ["Error"] = Error,
            ["LastError"] = LastError,
            ["Attempts"] = Attempts,
            ["ReceivedAt"] = ReceivedAt,
            ["IngestedAt"] = IngestedAt,
            ["TouchedRegions"] = string.Join(',', TouchedRegions),
            ["NeedsCleanup"] = NeedsCleanup,
            ["ProcessingSince"] = ProcessingSince,
        };
        e.ETag = ETag;
        return e;
    }

    internal static ReportRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        BlobName = e.GetString("BlobName") ?? "",
        Status = e.GetString("Status") ?? ReportStatus.Processing,
        Region = e.GetString("Region"),
        Level = e.GetString("Level"),
        Province = e.GetString("Province"),
        Year = e.GetInt32("Year"),
        RegionSource = e.GetString("RegionSource"),
        YearSource = e.GetString("YearSource"),
        ContentHash = e.GetString("ContentHash"),
        EngineVersion = e.GetString("EngineVersion"),
        ActiveHash = e.GetString("ActiveHash"),
        BlobETag = e.GetString("BlobETag"),
        Size = e.GetInt64("Size") ?? 0,
        FactCount = e.GetInt32("FactCount") ?? 0,
        Warnings = ParseList(e.GetString("Warnings")),
        Error = e.GetString("Error"),
        LastError = e.GetString("LastError"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt"),
        IngestedAt = e.GetDateTimeOffset("IngestedAt"),
        TouchedRegions = (e.GetString("TouchedRegions") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        NeedsCleanup = e.GetBoolean("NeedsCleanup") ?? false,
        ProcessingSince = e.GetDateTimeOffset("ProcessingSince"),
        ETag = e.ETag,
    };

    private static IReadOnlyList<string> ParseList(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try { return JsonSerializer.Deserialize<string[]>(json) ?? []; }
        catch (JsonException) { return []; }
    }
}
