using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using Xunit;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>One or more short passages, in the style of work reports, per rule of the engine.</summary>
public sealed class ExtractorRuleTests
{
    private static ReportExtractor X => ExtractionTestSupport.X;

    private static ExtractionResult Run(string text, string? source = null)
    {
        var r = X.Extract(text, source);
        foreach (var f in r.Facts) Assert.Equal(f.Evidence, text.Substring(f.EvidenceStart, f.Evidence.Length));
        return r;
    }

    private static Fact One(ExtractionResult r, string code, string period, string kind)
    {
        var hits = r.Facts.Where(f => f.Indicator == code && f.Period == period && f.Kind == kind).ToList();
        Assert.True(hits.Count == 1, $"expected one {code} {period} {kind}; facts:\n{Dump(r)}");
        return hits[0];
    }

    private static void Has(ExtractionResult r, string code, string period, string kind, double value, string qualifier = Qualifiers.Exact, string? unit = null)
    {
        var f = One(r, code, period, kind);
        Assert.True(Math.Abs(f.Value - value) <= Math.Max(1e-6, Math.Abs(value) * 1e-9), $"{code}: value {f.Value} != {value}\n{Dump(r)}");
        Assert.Equal(qualifier, f.Qualifier);
        if (unit is not null) Assert.Equal(unit, f.Unit);
    }

    private static void None(ExtractionResult r, string code) =>
        Assert.True(r.Facts.All(f => f.Indicator != code), $"unexpected {code}:\n{Dump(r)}");

    private static string Dump(ExtractionResult r) => ExtractionTestSupport.Dump(r);

    private const string CityTitle = "Report on the Work of the Hangzhou Municipal Government (2022)\n\nFellow Deputies,\n\nOn behalf of the Hangzhou Municipal People's Government, I will now report to you on the work of the government.\n\n";

    [Fact]
    public void Qualifiers_about_at_least_below_at_most_above()
    {
        var r = Run(CityTitle + "The main expected targets for economic and social development this year are: GDP growth of around 6%; general public budget revenue growth of no less than 5%; the urban surveyed unemployment rate within 5.5%; the increase in consumer prices not exceeding 3%; and total retail sales of consumer goods to grow by more than 7%.");
        Assert.Equal("Hangzhou", r.Region.Name);
        Assert.Equal(2022, r.Year);
        Has(r, "gdp_growth", "2022", "target", 6, Qualifiers.About);
        Has(r, "public_budget_revenue_growth", "2022", "target", 5, Qualifiers.AtLeast);
        Has(r, "unemployment_rate", "2022", "target", 5.5, Qualifiers.Below);
        Has(r, "cpi_growth", "2022", "target", 3, Qualifiers.AtMost);
        Has(r, "retail_sales_growth", "2022", "target", 7, Qualifiers.Above);
    }

    [Fact]
    public void An_amount_that_looks_like_a_year_is_not_the_period()
    {
        // "2006 billion yuan" is an amount; the growth after it is still last year's.
        var r = Run("Report on the Work of the Hangzhou Municipal Government (2024)\n\nIn the past year, the city's GDP reached 2006 billion yuan, an increase of 5.6%, and per capita GDP reached 152,588.7 yuan.");
        Has(r, "gdp", "2023", "actual", 2_006_000_000_000, unit: Units.Cny);
        Has(r, "gdp_growth", "2023", "actual", 5.6);
        Assert.All(r.Facts.Where(f => f.Unit is Units.Cny or Units.Usd), f => Assert.Equal(Math.Round(f.Value), f.Value));
    }

    [Fact]
    public void Decreases_are_negative()
    {
        var r = Run(CityTitle + "Last year, total exports fell by 3.5%, fixed asset investment decreased by 4.6%, and the total retail sales of consumer goods were down 2.1% year on year. The actual use of foreign capital registered a decline of 12.4%. Foreign trade grew -5.6%.");
        Has(r, "exports_growth", "2021", "actual", -3.5);
        Has(r, "fixed_asset_investment_growth", "2021", "actual", -4.6);
        Has(r, "retail_sales_growth", "2021", "actual", -2.1);
        Has(r, "foreign_investment_growth", "2021", "actual", -12.4);
        Has(r, "foreign_trade_growth", "2021", "actual", -5.6);
    }

    [Fact]
    public void Respectively_lists_give_one_fact_each()
    {
        var r = Run(CityTitle + "The per capita disposable income of urban and rural residents reached 68,000 yuan and 35,000 yuan respectively, up 6.1% and 8.2% respectively. Total fiscal revenue and general public budget revenue reached 103 billion yuan and 59.6 billion yuan respectively.");
        Has(r, "urban_income", "2021", "actual", 68000, unit: Units.Cny);
        Has(r, "rural_income", "2021", "actual", 35000);
        Has(r, "urban_income_growth", "2021", "actual", 6.1);
        Has(r, "rural_income_growth", "2021", "actual", 8.2);
        Has(r, "fiscal_revenue", "2021", "actual", 103e9);
        Has(r, "public_budget_revenue", "2021", "actual", 59.6e9);
    }

    [Fact]
    public void Range_target_is_lower_bound_at_least()
    {
        var r = Run(CityTitle + "This year, GDP is expected to grow by 6% to 6.5%, and fixed asset investment will grow by 8-9%.");
        Has(r, "gdp_growth", "2022", "target", 6, Qualifiers.AtLeast);
        Has(r, "fixed_asset_investment_growth", "2022", "target", 8, Qualifiers.AtLeast);
    }

    [Fact]
    public void Periods_five_years_plan_period_by_year_last_and_this_year()
    {
        var r = Run("Report on the Work of the Jiangmen Municipal Government 2021\n\nOver the past five years, the city's GDP grew at an average annual rate of 7.1%. During the 13th Five-Year Plan period, the general public budget revenue increased by 6.3% annually on average. In 2020, GDP reached 320.1 billion yuan. By 2025, the total retail sales of consumer goods will reach 200 billion yuan. This year, the urban surveyed unemployment rate will be kept within 5.5%.");
        Has(r, "gdp_growth", "2016-2020", "actual", 7.1);
        Has(r, "public_budget_revenue_growth", "2016-2020", "actual", 6.3);
        Has(r, "gdp", "2020", "actual", 320.1e9);
        Has(r, "retail_sales", "2025", "target", 200e9);
        Has(r, "unemployment_rate", "2021", "target", 5.5, Qualifiers.Below);
    }

    [Fact]
    public void News_style_future_tense_for_a_past_year_is_actual()
    {
        var r = Run("GDP target growth is 5%! How Zhaoqing will fight for the economy this year\n\nZhaoqing's 2024 government work report proposed that GDP is expected to grow by 5% this year. Statistics show that Zhaoqing's GDP in 2023 will be 279.25 billion yuan, a year-on-year increase of 3.7%, and fixed asset investment will decrease by 4.6%.");
        Assert.Equal("Zhaoqing", r.Region.Name);
        Assert.Equal(2024, r.Year);
        Has(r, "gdp_growth", "2024", "target", 5);
        Has(r, "gdp", "2023", "actual", 279.25e9);
        Has(r, "gdp_growth", "2023", "actual", 3.7);
        Has(r, "fixed_asset_investment_growth", "2023", "actual", -4.6);
    }

    [Fact]
    public void Region_is_the_one_the_report_is_for()
    {
        var r = Run("Government Work Report\n\nOn behalf of the People's Government of Zhejiang Province, I will now report to you on the work of the government. Hangzhou, Ningbo and Wenzhou did well; Hangzhou hosted the Asian Games and Hangzhou's digital economy grew. The province's GDP reached 6461.3 billion yuan in 2020.");
        Assert.Equal("Zhejiang", r.Region.Name);
        Assert.Equal(RegionLevels.Province, r.Region.Level);

        var j = Run("Report on the Work of the Jiaxing Municipal Government(2023)\n\nJiaxing ranked third in Zhejiang, first in Zhejiang, and second in Zhejiang. Zhejiang's support helped Jiaxing.");
        Assert.Equal("Jiaxing", j.Region.Name);
        Assert.Equal("Zhejiang", j.Region.Province);
        Assert.Equal("title", j.RegionSource);
        Assert.Equal(2023, j.Year);
    }

    [Theory]
    [InlineData("Report on the Work of the Government of Inner Mongolia Autonomous Region", "Inner Mongolia")]
    [InlineData("Nei Mongol government work report", "Inner Mongolia")]
    [InlineData("Report on the Work of the Guangxi Zhuang Autonomous Region People's Government", "Guangxi")]
    [InlineData("Xi'an Municipal Government work report", "Xi'an")]
    [InlineData("Report on the Work of the Huhehaote Municipal Government", "Hohhot")]
    [InlineData("Report on the Work of the Chongqing Municipal Government", "Chongqing")]
    public void Region_variants_resolve(string title, string expected)
    {
        var r = Run(title + " (2022)\n\nLast year, GDP grew by 5.1%.");
        Assert.Equal(expected, r.Region.Name);
        Has(r, "gdp_growth", "2021", "actual", 5.1);
    }

    [Fact]
    public void Source_name_supplies_region_and_year_when_text_cannot()
    {
        var r = Run("Last year the GDP grew by 5.2% and the general public budget revenue increased by 3.1%.", "jiaxing-2023.txt");
        Assert.Equal("Jiaxing", r.Region.Name);
        Assert.Equal("source-name", r.RegionSource);
        Assert.Equal(2023, r.Year);
        Assert.Equal("source-name", r.YearSource);
        Has(r, "gdp_growth", "2022", "actual", 5.2);
    }

    [Fact]
    public void Unknown_region_gives_unknown_facts_and_a_warning()
    {
        var r = Run("Report on the work of the government (2022)\n\nLast year, GDP grew by 5.2%.");
        Assert.True(r.Region.IsUnknown);
        Assert.NotEmpty(r.Warnings);
        Assert.All(r.Facts, f => Assert.Equal("unknown", f.Region));
        Has(r, "gdp_growth", "2021", "actual", 5.2);
    }

    [Fact]
    public void Usd_and_cny_and_restated_currencies()
    {
        var r = Run(CityTitle + "Last year, the actual use of foreign capital was US$1.2 billion, up 8%. Exports reached 300 billion yuan (US$45 billion). Total imports and exports reached RMB 651 billion, exceeding USD 100 billion.");
        Has(r, "foreign_investment", "2021", "actual", 1.2e9, unit: Units.Usd);
        Has(r, "exports", "2021", "actual", 300e9, unit: Units.Cny);
        Has(r, "foreign_trade", "2021", "actual", 651e9, unit: Units.Cny);

        var usdOnly = Run(CityTitle + "Last year, total exports reached USD 50.2 billion.");
        Has(usdOnly, "exports", "2021", "actual", 50.2e9, unit: Units.Usd);
    }

    [Fact]
    public void Counties_districts_ports_other_regions_and_the_nation_are_not_facts()
    {
        var r = Run("Report on the Work of the Jiaxing Municipal Government (2023)\n\nHaining's GDP grew by 6.2%. In Tongxiang County, fixed asset investment increased by 9.1%. The port's cargo throughput rose by 5%. The national GDP grew by 3%. Zhejiang's GDP grew by 3.1%. The GDP of the city grew by 2.5%.");
        Has(r, "gdp_growth", "2022", "actual", 2.5);
        None(r, "fixed_asset_investment_growth");
        Assert.Single(r.Facts);
    }

    [Fact]
    public void Quarters_and_half_years_are_not_facts()
    {
        var r = Run(CityTitle + "In the first quarter, GDP grew by 4.5%. GDP grew by 3.1% in the first half of the year. The economic growth rate rebounded from -5.6% in the first quarter to 5.8% in the second quarter.");
        None(r, "gdp_growth");
    }

    [Fact]
    public void Shares_are_not_facts_unless_a_code_names_them()
    {
        var r = Run(CityTitle + "Last year, the added value of high-tech industries accounted for 45.2% of that of industrial enterprises above designated size. The share of exports in the nation's total rose to 14%. Spending on people's wellbeing was 65.92 billion yuan, accounting for 79.6% of the general public budget expenditure. R&D expenditure accounted for 3.1% of GDP.");
        None(r, "industrial_value_added_growth");
        None(r, "exports_growth");
        Has(r, "livelihood_spending_share", "2021", "actual", 79.6);
        Has(r, "rd_intensity", "2021", "actual", 3.1);
    }

    [Fact]
    public void Pdf_artifacts_nbsp_crlf_bom_and_curly_quotes()
    {
        var text = "\uFEFFReport on the Work of the Jiaxing Municipal Government(2023)\r\n\r\nThe\u00A0gross\u00A0domestic\u00A0product\u00A0(GDP)\u00A0reached 673. 95 billion yuan,\u00A0a growth of\u00A02.5% year\u00A0on\u00A0year. The stock of high- tech enterprises has exceeded 1,800. The Partys leadership and the \u201Cgeneral public budget revenue\u201D of 29. 14-billion-yuan were noted. The actual utilization of foreign capital reached USD 3. 16 billion.";
        var r = Run(text);
        Assert.Equal("Jiaxing", r.Region.Name);
        Has(r, "gdp", "2022", "actual", 673.95e9);
        Has(r, "gdp_growth", "2022", "actual", 2.5);
        Has(r, "high_tech_enterprises", "2022", "actual", 1800, Qualifiers.Above, Units.Count);
        Has(r, "public_budget_revenue", "2022", "actual", 29.14e9);
        Has(r, "foreign_investment", "2022", "actual", 3.16e9, unit: Units.Usd);
    }

    [Fact]
    public void Words_hyphenated_across_a_line_break_are_joined()
    {
        var r = Run(CityTitle + "Last year, the value added of industrial enter-\nprises above designated size grew by 6.1%, and the total retail sales of con-\nsumer goods rose by 4.4%.");
        Has(r, "industrial_value_added_growth", "2021", "actual", 6.1);
        Has(r, "retail_sales_growth", "2021", "actual", 4.4);
    }

    [Fact]
    public void Nominal_and_real_take_the_real_figure()
    {
        var r = Run(CityTitle + "Last year, the per capita disposable income of residents increased by 8.1% in nominal terms and 6.2% in real terms.");
        Has(r, "disposable_income_growth", "2021", "actual", 6.2);
        var n = Run(CityTitle + "Last year, the per capita disposable income of residents increased by 3.5% in nominal terms.");
        Has(n, "disposable_income_growth", "2021", "actual", 3.5);
    }

    [Fact]
    public void Numbers_in_words_and_chinese_style_units()
    {
        var r = Run(CityTitle + "Last year, the city's GDP exceeded one trillion yuan. The general public budget revenue reached 523 100 million yuan. Per capita GDP reached 120,000 yuan. New urban jobs totaled 1.2 million.");
        Has(r, "gdp", "2021", "actual", 1e12, Qualifiers.Above);
        Has(r, "public_budget_revenue", "2021", "actual", 523e8);
        Has(r, "gdp_per_capita", "2021", "actual", 120000);
        Has(r, "new_urban_jobs", "2021", "actual", 1.2e6, unit: Units.Persons);
    }

    [Fact]
    public void From_x_to_y_keeps_the_end_value_and_a_dated_start()
    {
        var r = Run("Report on the Work of the Zhejiang Provincial Government 2021\n\nOver the past five years, the general public budget revenue has increased from 481 billion yuan in 2015 to 724.8 billion yuan; the urbanization rate of permanent residents increased from 65.8% to 71%; the average life expectancy has increased from 78.3 years to 79.2 years.");
        Has(r, "public_budget_revenue", "2015", "actual", 481e9);
        Has(r, "public_budget_revenue", "2020", "actual", 724.8e9);
        Has(r, "urbanization_rate", "2020", "actual", 71);
        Has(r, "life_expectancy", "2020", "actual", 79.2, unit: Units.Years);
    }

    [Fact]
    public void Actual_outcomes_and_targets_in_one_report()
    {
        var r = Run(CityTitle + "Last year, the city's GDP reached 1.8 trillion yuan, an increase of 7.5%, and 320,000 new urban jobs were created. For this year, we will strive to achieve GDP growth of 6% and create 300,000 new urban jobs.");
        Has(r, "gdp", "2021", "actual", 1.8e12);
        Has(r, "gdp_growth", "2021", "actual", 7.5);
        Has(r, "new_urban_jobs", "2021", "actual", 320000);
        Has(r, "gdp_growth", "2022", "target", 6);
        Has(r, "new_urban_jobs", "2022", "target", 300000);
    }

    [Fact]
    public void Not_a_report_yields_no_facts_and_a_reason()
    {
        var r = Run("Lorem ipsum dolor sit amet, consectetur adipiscing elit. 12 apples, 7 pears and 3% butterfat.");
        Assert.Empty(r.Facts);
        Assert.NotNull(r.NotAReportReason);
        var blank = Run("   \n\t  \r\n ");
        Assert.Empty(blank.Facts);
        Assert.Equal("no text", blank.NotAReportReason);
    }

    [Fact]
    public void Newly_added_high_tech_enterprises_are_not_the_stock()
    {
        var r = Run(CityTitle + "Last year we nurtured many new companies, including 86 listed companies and 649 high-tech enterprises. It is estimated that there are 1,520 high-tech enterprises in the city.");
        Has(r, "high_tech_enterprises", "2021", "actual", 1520);
    }

    [Fact]
    public void Pair_without_respectively_and_that_of()
    {
        var r = Run(CityTitle + "Last year, the per capita disposable income of urban and rural residents grew by 5.0% and 6.6%. Per capita disposable income of urban residents was 45,000 yuan, and that of rural residents was 22,000 yuan.");
        Has(r, "urban_income_growth", "2021", "actual", 5.0);
        Has(r, "rural_income_growth", "2021", "actual", 6.6);
        Has(r, "urban_income", "2021", "actual", 45000);
        Has(r, "rural_income", "2021", "actual", 22000);
    }

    [Fact]
    public void Glued_currency_codes_and_output_value_is_not_added_value()
    {
        var r = Run(CityTitle + "Last year, GDP reached RMB1.2 trillion. The total output value of industrial enterprises above designated size reached 2.1 trillion yuan. The number of industrial enterprises above designated size reached 8,000.");
        Has(r, "gdp", "2021", "actual", 1.2e12, unit: Units.Cny);
        None(r, "industrial_value_added");
    }

    [Fact]
    public void Target_list_as_separate_lines()
    {
        var r = Run(CityTitle + "The main targets for this year are as follows.\nGDP to grow by around 6%.\nThe CPI increase to be kept at around 3%.\nThe surveyed urban unemployment rate to be within 5.5%.\n\nLast year we worked hard and the general public budget revenue was 200 billion yuan, which was a big achievement for all of us and for the people of the whole city who supported the government all year long in the face of difficulties and challenges.");
        Has(r, "gdp_growth", "2022", "target", 6, Qualifiers.About);
        Has(r, "cpi_growth", "2022", "target", 3, Qualifiers.About);
        Has(r, "unemployment_rate", "2022", "target", 5.5, Qualifiers.Below);
        Has(r, "public_budget_revenue", "2021", "actual", 200e9);
    }

    [Fact]
    public void Respectively_lists_with_unknown_subjects_are_not_guessed()
    {
        var r = Run(CityTitle + "Last year, the value added of the primary and secondary industries and GDP grew by 1.2%, 2.3% and 4.4% respectively. GDP, fixed asset investment and total retail sales of consumer goods grew by 5%, 6% and 7% respectively.");
        Has(r, "gdp_growth", "2021", "actual", 5);
        Has(r, "fixed_asset_investment_growth", "2021", "actual", 6);
        Has(r, "retail_sales_growth", "2021", "actual", 7);
    }

    [Fact]
    public void Elliptical_income_clause_and_livelihood_share_of_total_expenditure()
    {
        var r = Run(CityTitle + "Last year, rural residents' per capita disposable income grew by 8.0 percent, and urban residents' by 5.1 percent. Livelihood expenditure accounted for 80.1 percent of total expenditure. Urban employment increased by 68,000.");
        Has(r, "rural_income_growth", "2021", "actual", 8.0);
        Has(r, "urban_income_growth", "2021", "actual", 5.1);
        Has(r, "livelihood_spending_share", "2021", "actual", 80.1);
        Has(r, "new_urban_jobs", "2021", "actual", 68000);
    }
}
