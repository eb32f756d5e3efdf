using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using Xunit;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>Whole passages in the styles of national, provincial and city reports and of news articles.</summary>
public sealed class ReportStyleTests
{
    private static ReportExtractor X => ExtractionTestSupport.X;

    private static string Dump(ExtractionResult r) => ExtractionTestSupport.Dump(r);

    private static void Has(ExtractionResult r, string code, string period, string kind, double value, string? qualifier = null)
    {
        var hits = r.Facts.Where(f => f.Indicator == code && f.Period == period && f.Kind == kind).ToList();
        Assert.True(hits.Count == 1, $"expected {code} {period} {kind}\n{Dump(r)}");
        Assert.True(Math.Abs(hits[0].Value - value) <= Math.Abs(value) * 1e-9 + 1e-9, $"{code} {hits[0].Value} != {value}\n{Dump(r)}");
        if (qualifier is not null) Assert.Equal(qualifier, hits[0].Qualifier);
    }

    [Fact]
    public void National_report()
    {
        var text = """
            Report on the Work of the Government

            Delivered at the Second Session of the 14th National People's Congress of the People's Republic of China on March 5, 2024

            Li Qiang
            Premier of the State Council

            Esteemed Deputies,

            On behalf of the State Council, I will now report to you on the work of the government.

            I. A Review of Our Work in 2023

            Last year, gross domestic product (GDP) grew by 5.2 percent to over 126 trillion yuan. Some 12.44 million urban jobs were added, and the average surveyed urban unemployment rate was 5.2 percent. Consumer prices rose by 0.2 percent. Guangdong, Jiangsu and Zhejiang led the growth.

            II. Overall Requirements and Policy Priorities for 2024

            The main targets for development this year are:
            GDP growth of around 5 percent;
            over 12 million new urban jobs;
            a surveyed urban unemployment rate of around 5.5 percent;
            CPI increase of around 3 percent.
            """;
        var r = X.Extract(text);
        Assert.Equal("China", r.Region.Name);
        Assert.Equal(2024, r.Year);
        Has(r, "gdp_growth", "2023", "actual", 5.2);
        Has(r, "gdp", "2023", "actual", 126e12, Qualifiers.Above);
        Has(r, "new_urban_jobs", "2023", "actual", 12.44e6);
        Has(r, "unemployment_rate", "2023", "actual", 5.2);
        Has(r, "cpi_growth", "2023", "actual", 0.2);
        Has(r, "gdp_growth", "2024", "target", 5, Qualifiers.About);
        Has(r, "new_urban_jobs", "2024", "target", 12e6, Qualifiers.Above);
        Has(r, "unemployment_rate", "2024", "target", 5.5, Qualifiers.About);
        Has(r, "cpi_growth", "2024", "target", 3, Qualifiers.About);
    }

    [Fact]
    public void Provincial_report_with_targets_paragraph()
    {
        var text = """
            Report on the Work of the Government of Guangdong Province

            Delivered at the First Session of the 14th Guangdong Provincial People's Congress on January 12, 2023

            Fellow Deputies,

            In 2022, the gross regional product of Guangdong reached 12.91 trillion yuan, up 1.9 percent. The added value of industries above designated size rose by 1.6 percent. Total retail sales of consumer goods reached 4.49 trillion yuan, up 1.6 percent. Total imports and exports reached 8.31 trillion yuan, up 0.5 percent, of which exports were 5.33 trillion yuan, up 5.5 percent. Local general public budget revenue was 1.33 trillion yuan. Shenzhen's GDP grew by 3.3 percent, and Guangzhou's by 1 percent.

            The main expected targets for economic and social development this year are as follows: GDP growth of more than 5 percent; growth of fixed asset investment of 8 percent; the CPI increase of around 3 percent; over 1.1 million new urban jobs and a surveyed urban unemployment rate of within 5.5 percent.
            """;
        var r = X.Extract(text);
        Assert.Equal("Guangdong", r.Region.Name);
        Assert.Equal(2023, r.Year);
        Has(r, "gdp", "2022", "actual", 12.91e12);
        Has(r, "gdp_growth", "2022", "actual", 1.9);
        Has(r, "industrial_value_added_growth", "2022", "actual", 1.6);
        Has(r, "retail_sales", "2022", "actual", 4.49e12);
        Has(r, "retail_sales_growth", "2022", "actual", 1.6);
        Has(r, "foreign_trade", "2022", "actual", 8.31e12);
        Has(r, "foreign_trade_growth", "2022", "actual", 0.5);
        Has(r, "exports", "2022", "actual", 5.33e12);
        Has(r, "exports_growth", "2022", "actual", 5.5);
        Has(r, "public_budget_revenue", "2022", "actual", 1.33e12);
        Has(r, "gdp_growth", "2023", "target", 5, Qualifiers.Above);
        Has(r, "fixed_asset_investment_growth", "2023", "target", 8);
        Has(r, "cpi_growth", "2023", "target", 3, Qualifiers.About);
        Has(r, "new_urban_jobs", "2023", "target", 1.1e6, Qualifiers.Above);
        Has(r, "unemployment_rate", "2023", "target", 5.5, Qualifiers.Below);
        Assert.Equal(15, r.Facts.Count);
    }

    [Fact]
    public void City_news_article_with_bulleted_results()
    {
        var text = """
            Wuhan releases its 2023 government work report

            Updated: 2023-01-10

            Wuhan's economy recovered steadily last year. According to the government work report, the city's GDP reached 1.89 trillion yuan in 2022, up 4 percent year-on-year.
            ◆ Per capita disposable income of urban residents reached 58,449 yuan, up 5.2%;
            ◆ Per capita disposable income of rural residents reached 29,542 yuan, up 7.1%;
            ◆ The number of high-tech enterprises exceeded 14,000.
            Wuhan aims to achieve GDP growth of over 6.5 percent in 2023.
            """;
        var r = X.Extract(text);
        Assert.Equal("Wuhan", r.Region.Name);
        Assert.Equal(2023, r.Year);
        Has(r, "gdp", "2022", "actual", 1.89e12);
        Has(r, "gdp_growth", "2022", "actual", 4);
        Has(r, "urban_income", "2022", "actual", 58449);
        Has(r, "urban_income_growth", "2022", "actual", 5.2);
        Has(r, "rural_income", "2022", "actual", 29542);
        Has(r, "rural_income_growth", "2022", "actual", 7.1);
        Has(r, "high_tech_enterprises", "2022", "actual", 14000, Qualifiers.Above);
        Has(r, "gdp_growth", "2023", "target", 6.5, Qualifiers.Above);
    }
}
