namespace ReportFunctions.Core.Domain;

/// <summary>Which way a ranking orders an indicator.</summary>
public enum RankDirection
{
    HigherIsBetter,
    LowerIsBetter,
    /// <summary>Neither is better (CPI): ranked by value, highest first, and the ranking says so.</summary>
    Neutral,
}

public sealed record Indicator(string Code, string Unit, string Description, RankDirection Direction)
{
    public bool IsGrowth => Code.EndsWith("_growth", StringComparison.Ordinal);
}

/// <summary>The indicator catalog of docs/indicators.md, held once, as data: the indicator files of the extraction engine.</summary>
public static class IndicatorCatalog
{
    /// <summary>Every code of the indicator files (Extraction/Data/indicators), in their order.</summary>
    public static readonly IReadOnlyList<Indicator> All =
    [
        .. from family in ReportFunctions.Core.Extraction.ExtractionData.Families
           from c in family.Codes
           select new Indicator(c.Code, c.Unit, c.Description, c.Direction switch
           {
               "higher" => RankDirection.HigherIsBetter,
               "lower" => RankDirection.LowerIsBetter,
               "neutral" => RankDirection.Neutral,
               _ => throw new FormatException($"{family.File}: direction '{c.Direction}' is not higher, lower or neutral"),
           }),
    ];

    private static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static bool TryGet(string? code, out Indicator indicator)
    {
        indicator = null!;
        return code is not null && ByCode.TryGetValue(code, out indicator!);
    }

    public static Indicator Get(string code) =>
        TryGet(code, out var i) ? i : throw new KeyNotFoundException($"'{code}' is not an indicator of the catalog.");
}
