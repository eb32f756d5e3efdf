using Microsoft.Extensions.Configuration;
using ReportFunctions.Core.Documents;

namespace ReportFunctions.Core.Configuration;

/// <summary>Every setting of the app, bound from configuration by the names in <see cref="AppSettingNames"/>.</summary>
public sealed class ReportFunctionsOptions
{
    public const string DefaultRankingSchedule = "0 */30 * * * *";
    public const string DefaultReconcileSchedule = "0 */5 * * * *";
    public const long DefaultMaxReportBytes = 10 * 1024 * 1024;

    [ConfigurationKeyName(AppSettingNames.RankingSchedule)]
    public string RankingSchedule { get; set; } = DefaultRankingSchedule;

    [ConfigurationKeyName(AppSettingNames.ReconcileSchedule)]
    public string ReconcileSchedule { get; set; } = DefaultReconcileSchedule;

    [ConfigurationKeyName(AppSettingNames.MaxReportBytes)]
    public long MaxReportBytes { get; set; } = DefaultMaxReportBytes;

    [ConfigurationKeyName(AppSettingNames.MaxIngestAttempts)]
    public int MaxIngestAttempts { get; set; } = 3;

    [ConfigurationKeyName(AppSettingNames.MaxPdfPages)]
    public int MaxPdfPages { get; set; } = DocumentLimits.DefaultMaxPdfPages;

    [ConfigurationKeyName(AppSettingNames.MaxDecompressedBytes)]
    public long MaxDecompressedBytes { get; set; } = DocumentLimits.DefaultMaxDecompressedBytes;

    [ConfigurationKeyName(AppSettingNames.MaxHtmlDepth)]
    public int MaxHtmlDepth { get; set; } = DocumentLimits.DefaultMaxHtmlDepth;

    [ConfigurationKeyName(AppSettingNames.DocumentReadTimeoutSeconds)]
    public int DocumentReadTimeoutSeconds { get; set; } = DocumentLimits.DefaultReadTimeoutSeconds;

    /// <summary>The limits reading a report's text stays within (size, PDF pages, DOCX decompressed bytes, HTML depth, time).</summary>
    public DocumentLimits ToDocumentLimits() => new()
    {
        MaxBytes = MaxReportBytes,
        MaxPdfPages = MaxPdfPages,
        MaxDecompressedBytes = MaxDecompressedBytes,
        MaxHtmlDepth = MaxHtmlDepth,
        ReadTimeout = TimeSpan.FromSeconds(Math.Max(1, DocumentReadTimeoutSeconds)),
    };

    /// <summary>Every option's setting name, for the test that the three settings lists agree.</summary>
    public static readonly IReadOnlyList<string> SettingNames =
    [
        AppSettingNames.RankingSchedule, AppSettingNames.ReconcileSchedule,
        AppSettingNames.MaxReportBytes, AppSettingNames.MaxIngestAttempts,
        AppSettingNames.MaxPdfPages, AppSettingNames.MaxDecompressedBytes, AppSettingNames.MaxHtmlDepth, AppSettingNames.DocumentReadTimeoutSeconds,
    ];
}
