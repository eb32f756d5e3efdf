using Microsoft.Extensions.Configuration;

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

    /// <summary>Every option's setting name, for the test that the three settings lists agree.</summary>
    public static readonly IReadOnlyList<string> SettingNames =
    [
        AppSettingNames.RankingSchedule, AppSettingNames.ReconcileSchedule,
        AppSettingNames.MaxReportBytes, AppSettingNames.MaxIngestAttempts,
    ];
}
