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

/// <summary>The indicator catalog of docs/indicators.md, held once, as data.</summary>
public static class IndicatorCatalog
{
    public static readonly IReadOnlyList<Indicator> All =
    [
        new("gdp", Units.Cny, "GDP, regional GDP, gross domestic product, economic aggregate, total economic output", RankDirection.HigherIsBetter),
        new("gdp_growth", Units.Percent, "real growth of GDP, year on year", RankDirection.HigherIsBetter),
        new("gdp_per_capita", Units.Cny, "per capita GDP", RankDirection.HigherIsBetter),
        new("industrial_value_added", Units.Cny, "value added of industries / industrial enterprises above designated size", RankDirection.HigherIsBetter),
        new("industrial_value_added_growth", Units.Percent, "growth of industrial value added above designated size", RankDirection.HigherIsBetter),
        new("fixed_asset_investment", Units.Cny, "investment in fixed assets", RankDirection.HigherIsBetter),
        new("fixed_asset_investment_growth", Units.Percent, "growth of fixed asset investment", RankDirection.HigherIsBetter),
        new("retail_sales", Units.Cny, "total retail sales of consumer goods", RankDirection.HigherIsBetter),
        new("retail_sales_growth", Units.Percent, "growth of total retail sales of consumer goods", RankDirection.HigherIsBetter),
        new("foreign_trade", Units.Cny, "total imports and exports, foreign trade volume", RankDirection.HigherIsBetter),
        new("foreign_trade_growth", Units.Percent, "growth of total imports and exports", RankDirection.HigherIsBetter),
        new("exports", Units.Cny, "total exports", RankDirection.HigherIsBetter),
        new("exports_growth", Units.Percent, "growth of exports", RankDirection.HigherIsBetter),
        new("foreign_investment", Units.Usd, "foreign capital actually used, FDI actually used", RankDirection.HigherIsBetter),
        new("foreign_investment_growth", Units.Percent, "growth of foreign capital actually used", RankDirection.HigherIsBetter),
        new("public_budget_revenue", Units.Cny, "general public budget revenue (local)", RankDirection.HigherIsBetter),
        new("public_budget_revenue_growth", Units.Percent, "growth of general public budget revenue", RankDirection.HigherIsBetter),
        new("fiscal_revenue", Units.Cny, "total fiscal revenue", RankDirection.HigherIsBetter),
        new("disposable_income_growth", Units.Percent, "growth of per capita disposable income of residents", RankDirection.HigherIsBetter),
        new("urban_income", Units.Cny, "per capita disposable income of urban residents", RankDirection.HigherIsBetter),
        new("urban_income_growth", Units.Percent, "growth of per capita disposable income of urban residents", RankDirection.HigherIsBetter),
        new("rural_income", Units.Cny, "per capita disposable income of rural residents / farmers", RankDirection.HigherIsBetter),
        new("rural_income_growth", Units.Percent, "growth of per capita disposable income of rural residents", RankDirection.HigherIsBetter),
        new("rd_intensity", Units.Percent, "R&D expenditure as a share of GDP", RankDirection.HigherIsBetter),
        new("urbanization_rate", Units.Percent, "urbanization rate of the permanent population", RankDirection.HigherIsBetter),
        new("cpi_growth", Units.Percent, "rise of consumer prices (CPI)", RankDirection.Neutral),
        new("unemployment_rate", Units.Percent, "urban surveyed (or registered) unemployment rate", RankDirection.LowerIsBetter),
        new("new_urban_jobs", Units.Persons, "new urban jobs created", RankDirection.HigherIsBetter),
        new("livelihood_spending_share", Units.Percent, "spending on people's wellbeing as a share of general public budget expenditure", RankDirection.HigherIsBetter),
        new("high_tech_enterprises", Units.Count, "number of (national) high-tech enterprises", RankDirection.HigherIsBetter),
        new("life_expectancy", Units.Years, "average life expectancy", RankDirection.HigherIsBetter),
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
