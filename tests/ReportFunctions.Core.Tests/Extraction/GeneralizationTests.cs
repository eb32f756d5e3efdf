using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using Xunit;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>
/// Passages for regions, years and styles that are not in the seeds: national reports, provinces, cities and news
/// about reports. Each test lists every catalog fact the passage states (docs/indicators.md) and fails on any other.
/// </summary>
public sealed class GeneralizationTests
{
    internal static ReportExtractor X => ExtractionTestSupport.X;

    internal readonly record struct E(string Code, string Period, string Kind, double Value, string Qual = Qualifiers.Exact, string? Unit = null);

    internal static string Dump(ExtractionResult r) => ExtractionTestSupport.Dump(r);

    internal static bool Same(Fact f, E e)
    {
        if (f.Indicator != e.Code || f.Period != e.Period || f.Kind != e.Kind) return false;
        var unit = e.Unit ?? (IndicatorCatalog.TryGet(e.Code, out var ind) ? ind.Unit : f.Unit);
        if (f.Unit != unit) return false;
        var tol = f.Unit == Units.Percent ? 0.051 : Math.Abs(e.Value) * 0.005;
        return Math.Abs(f.Value - e.Value) <= tol;
    }

    internal static void Expect(string text, string region, int year, params E[] expected)
    {
        var r = X.Extract(text);
        foreach (var f in r.Facts) Assert.Equal(f.Evidence, text.Substring(f.EvidenceStart, f.Evidence.Length));
        Assert.True(region == r.Region.Name, $"region {r.Region.Name} != {region}");
        Assert.True(year == r.Year, $"year {r.Year} != {year}");
        var problems = new List<string>();
        foreach (var e in expected)
        {
            var hits = r.Facts.Where(f => Same(f, e)).ToList();
            if (hits.Count != 1) problems.Add($"missing {e.Code} {e.Period} {e.Kind} {e.Value} {e.Qual} {e.Unit}");
            else if (hits[0].Qualifier != e.Qual) problems.Add($"qualifier {e.Code} {e.Period}: {hits[0].Qualifier} != {e.Qual}");
            if (hits.Count == 1) Assert.Equal(region, hits[0].Region);
        }
        foreach (var f in r.Facts.Where(f => IndicatorCatalog.TryGet(f.Indicator, out _)))
            if (!expected.Any(e => Same(f, e))) problems.Add($"unexpected {f.Indicator} {f.Period} {f.Kind} {f.Value} {f.Unit} «{f.Evidence}»");
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nfacts:\n" + Dump(r));
    }

    internal const string A = FactKinds.Actual, T = FactKinds.Target;
    internal const string Ab = Qualifiers.About, Ov = Qualifiers.Above, Al = Qualifiers.AtLeast, Bl = Qualifiers.Below, Am = Qualifiers.AtMost;

    [Fact]
    public void National_report_2024_with_targets_list_and_deficit_ratio()
    {
        var text = """
            Report on the Work of the Government

            Delivered at the Second Session of the 14th National People's Congress of the People's Republic of China on March 5, 2024

            Li Qiang
            Premier of the State Council

            Fellow Deputies,

            I. Review of Our Work in 2023

            Last year, China's gross domestic product (GDP) grew by 5.2 percent to over 126 trillion yuan. A total of 11.5 million new urban jobs were added. The consumer price index (CPI) rose by 0.2 percent. Per capita disposable income increased by 6.1 percent in real terms. Total imports and exports of goods reached 41.76 trillion yuan, and grain output reached 695.41 million metric tons. In the fourth quarter, GDP grew 5.2 percent year on year.

            II. Overall Requirements and Policy Priorities for 2024

            The main projected targets for development this year are as follows:
            • GDP growth of around 5 percent;
            • over 12 million new urban jobs;
            • a surveyed urban unemployment rate of around 5.5 percent;
            • CPI increase of around 3 percent;
            • growth in personal income that is in step with economic growth;
            • a drop of around 2.5 percent in energy consumption per unit of GDP.

            We have set the deficit-to-GDP ratio for 2024 at 3 percent, and the deficit will total 4.06 trillion yuan. Some 3.9 trillion yuan of special-purpose bonds for local governments will be issued.
            """;
        Expect(text, "China", 2024,
            new E("gdp_growth", "2023", A, 5.2),
            new E("gdp", "2023", A, 126e12, Ov),
            new E("new_urban_jobs", "2023", A, 11.5e6),
            new E("cpi_growth", "2023", A, 0.2),
            new E("disposable_income_growth", "2023", A, 6.1),
            new E("foreign_trade", "2023", A, 41.76e12),
            new E("gdp_growth", "2024", T, 5, Ab),
            new E("new_urban_jobs", "2024", T, 12e6, Ov),
            new E("unemployment_rate", "2024", T, 5.5, Ab),
            new E("cpi_growth", "2024", T, 3, Ab));
    }

    [Fact]
    public void National_report_2023_with_five_year_review()
    {
        var text = """
            Report on the Work of the Government

            Delivered at the First Session of the 14th National People's Congress of the People's Republic of China on March 5, 2023

            Li Keqiang
            Premier of the State Council

            Esteemed Deputies,

            Over the past five years, China's economy grew at an average annual rate of 5.2 percent. Some 13 million urban jobs were created each year on average.

            Last year, GDP grew by 3 percent, 12.06 million new urban jobs were added, the year-end surveyed urban unemployment rate dropped to 5.5 percent, and consumer prices rose by 2 percent. Total imports and exports exceeded 40 trillion yuan.

            The main projected targets for development this year are:
            GDP growth of around 5 percent;
            around 12 million new urban jobs;
            a surveyed urban unemployment rate of around 5.5 percent;
            CPI increase of around 3 percent.
            The deficit-to-GDP ratio is projected at 3 percent.
            """;
        Expect(text, "China", 2023,
            new E("gdp_growth", "2018-2022", A, 5.2),
            new E("gdp_growth", "2022", A, 3),
            new E("new_urban_jobs", "2022", A, 12.06e6),
            new E("unemployment_rate", "2022", A, 5.5),
            new E("cpi_growth", "2022", A, 2),
            new E("foreign_trade", "2022", A, 40e12, Ov),
            new E("gdp_growth", "2023", T, 5, Ab),
            new E("new_urban_jobs", "2023", T, 12e6, Ab),
            new E("unemployment_rate", "2023", T, 5.5, Ab),
            new E("cpi_growth", "2023", T, 3, Ab));
    }

    [Fact]
    public void Province_report_with_usd_fdi_respectively_and_ranges()
    {
        var text = """
            Report on the Work of the Government of Guangdong Province

            Delivered at the Second Session of the 14th Guangdong Provincial People's Congress on January 22, 2024

            Fellow Deputies,

            In 2023, the regional GDP exceeded 13 trillion yuan, up 4.8%. Total imports and exports of 8.3 trillion yuan grew 0.3%. The actual use of foreign capital reached US$ 21.8 billion. The general public budget revenue reached 1.39 trillion yuan, up 4.4%. The per capita disposable income of urban and rural residents increased by 4.4% and 6.1% respectively. R&D expenditure accounted for 3.42% of GDP. The urbanization rate of the permanent population reached 74.8%. Average life expectancy reached 79.3 years. The number of high-tech enterprises exceeded 75,000. Shenzhen's GDP exceeded 3.46 trillion yuan, and Guangzhou's GDP grew 4.6%. In the first quarter, exports fell 3.2%.

            The main expected targets for this year are: regional GDP growth of around 5%; fixed asset investment growth of 5 to 5.5 percent; general public budget revenue growth of 4%; the surveyed urban unemployment rate within 5.5%; and the CPI increase of around 3%.
            """;
        Expect(text, "Guangdong", 2024,
            new E("gdp", "2023", A, 13e12, Ov),
            new E("gdp_growth", "2023", A, 4.8),
            new E("foreign_trade", "2023", A, 8.3e12),
            new E("foreign_trade_growth", "2023", A, 0.3),
            new E("foreign_investment", "2023", A, 21.8e9, Unit: Units.Usd),
            new E("public_budget_revenue", "2023", A, 1.39e12),
            new E("public_budget_revenue_growth", "2023", A, 4.4),
            new E("urban_income_growth", "2023", A, 4.4),
            new E("rural_income_growth", "2023", A, 6.1),
            new E("rd_intensity", "2023", A, 3.42),
            new E("urbanization_rate", "2023", A, 74.8),
            new E("life_expectancy", "2023", A, 79.3),
            new E("high_tech_enterprises", "2023", A, 75000, Ov),
            new E("gdp_growth", "2024", T, 5, Ab),
            new E("fixed_asset_investment_growth", "2024", T, 5, Al),
            new E("public_budget_revenue_growth", "2024", T, 4),
            new E("unemployment_rate", "2024", T, 5.5, Bl),
            new E("cpi_growth", "2024", T, 3, Ab));
    }

    [Fact]
    public void Province_news_article_with_restated_currency_and_decreases()
    {
        var text = """
            Jiangsu's economy grows 5.8% in 2023

            Updated: 2024-01-24

            Jiangsu's GDP reached 12.82 trillion yuan ($1.8 trillion) in 2023, up 5.8 percent year-on-year, Governor Xu Kunlin said while delivering the government work report at the second session of the 14th Jiangsu Provincial People's Congress.
            Per capita GDP exceeded 150,000 yuan (about US$21,000). The total imports and exports reached 5.25 trillion yuan, down 5.2 percent. Exports amounted to 3.37 trillion yuan, a decrease of 3.8 percent. The per capita disposable income of residents was 52,674 yuan, up 6.4 percent. Suzhou's GDP reached 2.47 trillion yuan, while the national GDP grew 5.2 percent.
            For 2024, Jiangsu set its GDP growth target at above 5 percent, and the CPI increase at around 3 percent.
            """;
        Expect(text, "Jiangsu", 2024,
            new E("gdp", "2023", A, 12.82e12),
            new E("gdp_growth", "2023", A, 5.8),
            new E("gdp_per_capita", "2023", A, 150000, Ov),
            new E("foreign_trade", "2023", A, 5.25e12),
            new E("foreign_trade_growth", "2023", A, -5.2),
            new E("exports", "2023", A, 3.37e12),
            new E("exports_growth", "2023", A, -3.8),
            new E("disposable_income_growth", "2023", A, 6.4),
            new E("gdp_growth", "2024", T, 5, Ov),
            new E("cpi_growth", "2024", T, 3, Ab));
    }

    [Fact]
    public void City_report_with_districts_quarters_and_five_year_average()
    {
        var text = """
            Report on the Work of the Suzhou Municipal Government

            Delivered at the Third Session of the 17th Suzhou Municipal People's Congress on January 10, 2024

            Fellow Deputies,

            Over the past year, the city's GDP reached 2.47 trillion yuan, an increase of 4.6%. The added value of industrial enterprises above designated size grew 4.0%. Kunshan's GDP exceeded 530 billion yuan, and the GDP of Suzhou Industrial Park reached 368.6 billion yuan. In the first three quarters, retail sales grew 7.5%. Total retail sales of consumer goods reached 967.1 billion yuan, up 6.6%. Actually utilized foreign investment was US$7.4 billion. General public budget revenue reached 245.6 billion yuan, up 3.8% on a comparable basis. The number of national high-tech enterprises reached 15,000, with 2,000 newly recognized. China's GDP grew 5.2%.

            Over the past five years, Suzhou's GDP grew at an average annual rate of 6.5%.

            The main expected targets for this year are: GDP growth of about 5%; general public budget revenue growth of 3%; and the surveyed urban unemployment rate kept within 5%.
            """;
        Expect(text, "Suzhou", 2024,
            new E("gdp", "2023", A, 2.47e12),
            new E("gdp_growth", "2023", A, 4.6),
            new E("industrial_value_added_growth", "2023", A, 4.0),
            new E("retail_sales", "2023", A, 967.1e9),
            new E("retail_sales_growth", "2023", A, 6.6),
            new E("foreign_investment", "2023", A, 7.4e9, Unit: Units.Usd),
            new E("public_budget_revenue", "2023", A, 245.6e9),
            new E("public_budget_revenue_growth", "2023", A, 3.8),
            new E("high_tech_enterprises", "2023", A, 15000),
            new E("gdp_growth", "2019-2023", A, 6.5),
            new E("gdp_growth", "2024", T, 5, Ab),
            new E("public_budget_revenue_growth", "2024", T, 3),
            new E("unemployment_rate", "2024", T, 5, Bl));
    }

    [Fact]
    public void City_report_with_plan_period_averages_and_by_2025_targets()
    {
        var text = """
            Report on the Work of the Chengdu Municipal Government

            Delivered at the First Session of the 18th Chengdu Municipal People's Congress on January 6, 2023

            Fellow Deputies,

            During the 13th Five-Year Plan period, the city's GDP grew at an average annual rate of 7.1%. In 2022, the city's GDP reached 2.08 trillion yuan, up 2.8%. Per capita GDP reached 97,300 yuan ($14,500). The per capita disposable income of farmers grew 6.2%, and that of urban residents 4.3%. The GDP of Tianfu New Area grew 7%. Sichuan's GDP grew 2.9%.

            By 2025, the city's GDP will exceed 2.5 trillion yuan, and R&D expenditure will account for 4% of GDP.

            This year, we will strive for GDP growth of around 6%, with general public budget revenue growth no lower than 5%.
            """;
        Expect(text, "Chengdu", 2023,
            new E("gdp_growth", "2016-2020", A, 7.1),
            new E("gdp", "2022", A, 2.08e12),
            new E("gdp_growth", "2022", A, 2.8),
            new E("gdp_per_capita", "2022", A, 97300),
            new E("rural_income_growth", "2022", A, 6.2),
            new E("urban_income_growth", "2022", A, 4.3),
            new E("gdp", "2025", T, 2.5e12, Ov),
            new E("rd_intensity", "2025", T, 4),
            new E("gdp_growth", "2023", T, 6, Ab),
            new E("public_budget_revenue_growth", "2023", T, 5, Al));
    }

    [Fact]
    public void City_report_with_usd_only_totals_and_per_capita_gdp_in_dollars()
    {
        var text = """
            Report on the Work of the Qingdao Municipal Government

            Delivered at the First Session of the 17th Qingdao Municipal People's Congress on January 9, 2023

            Fellow Deputies,

            Last year, the city's GDP reached 1.49 trillion yuan, up 3.9%. Per capita GDP exceeded US$20,000. Total imports and exports amounted to US$ 130 billion, and exports totaled US$ 83.5 billion, up 9.2%. Actual use of foreign capital reached US$ 6.1 billion, up 3.5%. The GDP of Huangdao District grew 4.5%. In the fourth quarter, GDP grew 4.1%. Shandong's GDP grew 3.2%, and the city's GDP accounted for 17% of the province's total. The per capita disposable income of urban residents reached 65,751 yuan, and that of rural residents 28,006 yuan. The number of high-tech enterprises reached 6,600, and 1,200 were newly added.

            The main expected targets for this year are: GDP growth of more than 6%; the CPI increase of about 3%; and over 0.3 million new urban jobs.
            """;
        Expect(text, "Qingdao", 2023,
            new E("gdp", "2022", A, 1.49e12),
            new E("gdp_growth", "2022", A, 3.9),
            new E("gdp_per_capita", "2022", A, 20000, Ov, Units.Usd),
            new E("foreign_trade", "2022", A, 130e9, Unit: Units.Usd),
            new E("exports", "2022", A, 83.5e9, Unit: Units.Usd),
            new E("exports_growth", "2022", A, 9.2),
            new E("foreign_investment", "2022", A, 6.1e9, Unit: Units.Usd),
            new E("foreign_investment_growth", "2022", A, 3.5),
            new E("urban_income", "2022", A, 65751),
            new E("rural_income", "2022", A, 28006),
            new E("high_tech_enterprises", "2022", A, 6600),
            new E("gdp_growth", "2023", T, 6, Ov),
            new E("cpi_growth", "2023", T, 3, Ab),
            new E("new_urban_jobs", "2023", T, 300000, Ov));
    }

    [Fact]
    public void City_report_with_five_year_cumulative_and_from_to()
    {
        var text = """
            Report on the Work of the Xi'an Municipal Government

            Delivered at the First Session of the 17th Xi'an Municipal People's Congress on January 12, 2023

            Fellow Deputies,

            Over the past five years, the city's GDP grew at an average annual rate of 6.5%. Cumulative fixed asset investment over the five years exceeded 3.5 trillion yuan. The urbanization rate rose from 73.4% to 79.6%.

            Last year, the GDP of Xi'an reached 1,148.7 billion yuan, up 4.4%. Fixed asset investment fell 1.6%. The surveyed urban unemployment rate was 5.6%. Average life expectancy reached 78.5 years, and the number of high-tech enterprises exceeded 10,000.

            The main expected targets for this year are: GDP growth of 5.5%-6%; the growth of fixed asset investment of no lower than 8%; and the CPI increase kept within 3%.
            """;
        Expect(text, "Xi'an", 2023,
            new E("gdp_growth", "2018-2022", A, 6.5),
            new E("fixed_asset_investment", "2018-2022", A, 3.5e12, Ov),
            new E("urbanization_rate", "2022", A, 79.6),
            new E("gdp", "2022", A, 1148.7e9),
            new E("gdp_growth", "2022", A, 4.4),
            new E("fixed_asset_investment_growth", "2022", A, -1.6),
            new E("unemployment_rate", "2022", A, 5.6),
            new E("life_expectancy", "2022", A, 78.5),
            new E("high_tech_enterprises", "2022", A, 10000, Ov),
            new E("gdp_growth", "2023", T, 5.5, Al),
            new E("fixed_asset_investment_growth", "2023", T, 8, Al),
            new E("cpi_growth", "2023", T, 3, Bl));
    }

    [Fact]
    public void Province_report_with_three_subject_respectively_and_newly_added_counts()
    {
        var text = """
            Report on the Work of the Henan Provincial Government

            Delivered at the Second Session of the 14th Henan Provincial People's Congress on January 25, 2024

            Fellow Deputies,

            In 2023, the province's GDP reached 5.91 trillion yuan, up 4.1%. The added value of the primary, secondary and tertiary industries grew by 1.8%, 4.7% and 5.1% respectively. Fixed asset investment, total retail sales of consumer goods and exports grew by 2.1%, 6.6% and 3.4% respectively. The per capita disposable income of urban and rural residents reached 40,234 yuan and 20,053 yuan respectively. The urbanization rate of the permanent population reached 58.08%. A total of 1.22 million new urban jobs were created. We newly added 1,500 high-tech enterprises, bringing the total to 12,000. Zhengzhou's GDP exceeded 1.36 trillion yuan.

            The main expected targets for this year are: GDP growth of around 5.5%; general public budget revenue growth of no lower than 4%; the surveyed urban unemployment rate kept within 5.5%; and over 1.1 million new urban jobs.
            """;
        Expect(text, "Henan", 2024,
            new E("gdp", "2023", A, 5.91e12),
            new E("gdp_growth", "2023", A, 4.1),
            new E("fixed_asset_investment_growth", "2023", A, 2.1),
            new E("retail_sales_growth", "2023", A, 6.6),
            new E("exports_growth", "2023", A, 3.4),
            new E("urban_income", "2023", A, 40234),
            new E("rural_income", "2023", A, 20053),
            new E("urbanization_rate", "2023", A, 58.08),
            new E("new_urban_jobs", "2023", A, 1.22e6),
            new E("high_tech_enterprises", "2023", A, 12000),
            new E("gdp_growth", "2024", T, 5.5, Ab),
            new E("public_budget_revenue_growth", "2024", T, 4, Al),
            new E("unemployment_rate", "2024", T, 5.5, Bl),
            new E("new_urban_jobs", "2024", T, 1.1e6, Ov));
    }

    [Fact]
    public void Province_news_article_with_dollar_restatement_and_year_target()
    {
        var text = """
            Sichuan's economy tops 6 trillion yuan

            Updated: 2024-01-23

            Sichuan's GDP topped 6 trillion yuan for the first time in 2023, reaching 6.01 trillion yuan ($845 billion), up 6 percent year-on-year, Governor Huang Qiang said while delivering the government work report at the second session of the 14th Sichuan Provincial People's Congress. The province's total imports and exports were 951.5 billion yuan, and the per capita disposable income of rural residents rose 7.1 percent. Chengdu's GDP grew 6.6 percent. The province aims for GDP growth of around 6 percent in 2024.
            """;
        Expect(text, "Sichuan", 2024,
            new E("gdp", "2023", A, 6.01e12),
            new E("gdp_growth", "2023", A, 6),
            new E("foreign_trade", "2023", A, 951.5e9),
            new E("rural_income_growth", "2023", A, 7.1),
            new E("gdp_growth", "2024", T, 6, Ab));
    }

    [Fact]
    public void City_report_with_restated_per_capita_gdp_and_rankings()
    {
        var text = """
            Report on the Work of the Shenzhen Municipal Government

            Delivered at the Fifth Session of the Seventh Shenzhen Municipal People's Congress on January 30, 2024

            Fellow Deputies,

            In 2023, the city's GDP reached 3.46 trillion yuan, up 6%. Per capita GDP reached 195,230 yuan, about US$27,700. Total imports and exports reached 3.87 trillion yuan, and exports of 2.45 trillion yuan ranked first among mainland cities for the 31st consecutive year. Nanshan District's GDP exceeded 900 billion yuan. The number of national high-tech enterprises exceeded 24,000. R&D investment accounted for 6.46% of GDP. Some 184,000 new urban jobs were created. Average life expectancy reached 83.53 years.

            The main expected targets for this year are: GDP growth of around 5.5%; fixed asset investment growth of 8%; and total retail sales of consumer goods to grow by 7%.
            """;
        Expect(text, "Shenzhen", 2024,
            new E("gdp", "2023", A, 3.46e12),
            new E("gdp_growth", "2023", A, 6),
            new E("gdp_per_capita", "2023", A, 195230),
            new E("foreign_trade", "2023", A, 3.87e12),
            new E("exports", "2023", A, 2.45e12),
            new E("high_tech_enterprises", "2023", A, 24000, Ov),
            new E("rd_intensity", "2023", A, 6.46),
            new E("new_urban_jobs", "2023", A, 184000, Ab), // "some" is approximate
            new E("life_expectancy", "2023", A, 83.53),
            new E("gdp_growth", "2024", T, 5.5, Ab),
            new E("fixed_asset_investment_growth", "2024", T, 8),
            new E("retail_sales_growth", "2024", T, 7));
    }

    [Fact]
    public void National_news_article_from_a_wire_service()
    {
        var text = """
            China sets GDP growth target of around 5 pct for 2024

            Source: Xinhua | 2024-03-05 10:15:02

            BEIJING, March 5 (Xinhua) -- China has set its GDP growth target for 2024 at around 5 percent, according to the government work report submitted Tuesday to the national legislature for deliberation.
            China's economy grew 5.2 percent year on year in 2023, with GDP exceeding 126 trillion yuan (about 17.7 trillion U.S. dollars). Per capita GDP reached 89,358 yuan. Total imports and exports reached 41.76 trillion yuan, with exports up 0.6 percent.
            The country aims to create over 12 million new urban jobs this year and keep the surveyed urban unemployment rate at around 5.5 percent. The deficit-to-GDP ratio is set at 3 percent, and the defense budget will grow 7.2 percent.
            """;
        Expect(text, "China", 2024,
            new E("gdp_growth", "2024", T, 5, Ab),
            new E("gdp_growth", "2023", A, 5.2),
            new E("gdp", "2023", A, 126e12, Ov),
            new E("gdp_per_capita", "2023", A, 89358),
            new E("foreign_trade", "2023", A, 41.76e12),
            new E("exports_growth", "2023", A, 0.6),
            new E("new_urban_jobs", "2024", T, 12e6, Ov),
            new E("unemployment_rate", "2024", T, 5.5, Ab));
    }

    [Fact]
    public void Province_report_opening_a_five_year_plan()
    {
        var text = """
            Report on the Work of the Government of Shandong Province

            Delivered at the Fifth Session of the 13th Shandong Provincial People's Congress on February 21, 2021

            Fellow Deputies,

            During the 13th Five-Year Plan period, the province's GDP grew at an average annual rate of 6.3%, and the per capita disposable income of urban residents and farmers grew by 6.8% and 7.9% respectively. From January to November last year, exports grew 10.2%. In the first half of 2020, GDP fell 1.6%.

            In 2020, the GDP of the province reached 7.31 trillion yuan, up 3.6%. The per capita disposable income of all residents, urban residents and rural residents grew by 4.1%, 3.3% and 5.5% respectively. Rural residents' per capita disposable income reached 18,753 yuan. Fixed asset investment grew 3.6%, while exports saw a decrease of 0.9%.

            During the 14th Five-Year Plan period, GDP will grow at an average annual rate of around 5.5%. By 2025, the urbanization rate of the permanent population will reach 67%, and R&D intensity will exceed 2.8%.
            """;
        Expect(text, "Shandong", 2021,
            new E("gdp_growth", "2016-2020", A, 6.3),
            new E("urban_income_growth", "2016-2020", A, 6.8),
            new E("rural_income_growth", "2016-2020", A, 7.9),
            new E("gdp", "2020", A, 7.31e12),
            new E("gdp_growth", "2020", A, 3.6),
            new E("disposable_income_growth", "2020", A, 4.1),
            new E("urban_income_growth", "2020", A, 3.3),
            new E("rural_income_growth", "2020", A, 5.5),
            new E("rural_income", "2020", A, 18753),
            new E("fixed_asset_investment_growth", "2020", A, 3.6),
            new E("exports_growth", "2020", A, -0.9),
            new E("gdp_growth", "2021-2025", T, 5.5, Ab),
            new E("urbanization_rate", "2025", T, 67),
            new E("rd_intensity", "2025", T, 2.8, Ov));
    }

    [Fact]
    public void City_report_with_year_like_amounts_and_national_comparisons()
    {
        var text = """
            Report on the Work of the Wuhan Municipal Government

            Delivered at the Second Session of the 15th Wuhan Municipal People's Congress on January 8, 2024

            Fellow Deputies,

            Last year, the city's GDP reached 2001 billion yuan, up 5.7%, 0.5 percentage points higher than the national average. Total retail sales of consumer goods reached 794.6 billion yuan, up 8.2%. The general public budget revenue was 161.2 billion yuan. The per capita disposable income of urban residents was 64,000 yuan, ranking first in the country among sub-provincial cities. The national CPI rose 0.2%, and the city's CPI rose 0.3%. Hubei's GDP grew 6%.

            This year, the city aims for GDP growth of 5.5% or above, and fixed asset investment growth of around 6%.
            """;
        Expect(text, "Wuhan", 2024,
            new E("gdp", "2023", A, 2001e9),
            new E("gdp_growth", "2023", A, 5.7),
            new E("retail_sales", "2023", A, 794.6e9),
            new E("retail_sales_growth", "2023", A, 8.2),
            new E("public_budget_revenue", "2023", A, 161.2e9),
            new E("urban_income", "2023", A, 64000),
            new E("cpi_growth", "2023", A, 0.3),
            new E("gdp_growth", "2024", T, 5.5, Al),
            new E("fixed_asset_investment_growth", "2024", T, 6, Ab));
    }

    [Fact]
    public void Province_report_with_trade_restated_in_dollars_and_net_income_of_farmers()
    {
        var text = """
            Report on the Work of the Government of Fujian Province

            Delivered at the Second Session of the 14th Fujian Provincial People's Congress on January 23, 2024

            Fellow Deputies,

            Last year, the province's GDP was estimated to have reached 5.44 trillion yuan, up 4.5 percent. Total imports and exports reached RMB 1.98 trillion, exceeding USD 280 billion. Exports stood at 1.22 trillion yuan. Per capita GDP exceeded 130,000 yuan, or about 18,500 US dollars. Fujian's per capita GDP ranked fourth in the country. The per capita net income of farmers rose 7.2 percent to 26,722 yuan. Total fiscal revenue was 553.6 billion yuan, of which the local general public budget revenue was 359.2 billion yuan. Spending on people's livelihood accounted for over 70 percent of general public budget expenditure. Xiamen's exports grew 3.1 percent.

            This year, GDP growth is targeted at around 5.5 percent, and the total retail sales of consumer goods are expected to increase by about 6 percent. Consumer prices will rise by around 3 percent.
            """;
        Expect(text, "Fujian", 2024,
            new E("gdp", "2023", A, 5.44e12),
            new E("gdp_growth", "2023", A, 4.5),
            new E("foreign_trade", "2023", A, 1.98e12),
            new E("exports", "2023", A, 1.22e12),
            new E("gdp_per_capita", "2023", A, 130000, Ov),
            new E("rural_income_growth", "2023", A, 7.2),
            new E("rural_income", "2023", A, 26722),
            new E("fiscal_revenue", "2023", A, 553.6e9),
            new E("public_budget_revenue", "2023", A, 359.2e9),
            new E("livelihood_spending_share", "2023", A, 70, Ov),
            new E("gdp_growth", "2024", T, 5.5, Ab),
            new E("retail_sales_growth", "2024", T, 6, Ab),
            new E("cpi_growth", "2024", T, 3, Ab));
    }

    [Fact]
    public void City_report_with_prose_targets_and_growth_rate_wording()
    {
        var text = """
            Report on the Work of the Nanjing Municipal Government

            Delivered at the Second Session of the 17th Nanjing Municipal People's Congress on January 15, 2023

            Fellow Deputies,

            Last year, Nanjing's regional GDP reached 1.69 trillion yuan, a year-on-year growth of 2.1%. The total retail sales of consumer goods reached 732.2 billion yuan, with a growth rate of 0.6%. The general public budget revenue was 155.8 billion yuan, a decrease of 6.3% on a comparable basis. Jiangning District's GDP exceeded 300 billion yuan, and the GDP of Jiangbei New Area grew 3%. The urban registered unemployment rate was 1.8%. Rural residents' per capita disposable income was 35,000 yuan, an increase of 6.8% over the previous year.

            This year, we will aim for GDP growth of more than 5.5%, keep the increase in consumer prices at around 3%, and create 250,000 new urban jobs. The growth of per capita disposable income of residents will keep pace with economic growth.
            """;
        Expect(text, "Nanjing", 2023,
            new E("gdp", "2022", A, 1.69e12),
            new E("gdp_growth", "2022", A, 2.1),
            new E("retail_sales", "2022", A, 732.2e9),
            new E("retail_sales_growth", "2022", A, 0.6),
            new E("public_budget_revenue", "2022", A, 155.8e9),
            new E("public_budget_revenue_growth", "2022", A, -6.3),
            new E("unemployment_rate", "2022", A, 1.8),
            new E("rural_income", "2022", A, 35000),
            new E("rural_income_growth", "2022", A, 6.8),
            new E("gdp_growth", "2023", T, 5.5, Ov),
            new E("cpi_growth", "2023", T, 3, Ab),
            new E("new_urban_jobs", "2023", T, 250000));
    }

    [Fact]
    public void City_report_with_economic_aggregate_dotted_dollars_and_vivid_verbs()
    {
        var text = """
            Report on the Work of the Hefei Municipal Government

            Delivered at the Third Session of the 17th Hefei Municipal People's Congress on January 20, 2024

            Fellow Deputies,

            In 2023, the city's economic aggregate surpassed 1.2 trillion yuan, ranking among the top 20 cities in the country, and GDP grew 5.8 percent. The output value of strategic emerging industries grew 20.3%, accounting for 56% of industrial output above designated size. Foreign trade volume hit 362 billion yuan, surging 8.4 percent. The actually utilized foreign capital reached 3.2 billion U.S. dollars, up 5%. The number of high-tech enterprises rose to 8,500, an increase of 1,800. The proportion of R&D expenditure in GDP rose from 3.52% to 3.91%. Some 112,000 new urban jobs were created in the first half of the year. Feixi County's GDP exceeded 100 billion yuan. Exports slid 2.4%.

            The targets for this year are GDP growth of 6% to 6.5% and an increase in general public budget revenue of 5%.
            """;
        Expect(text, "Hefei", 2024,
            new E("gdp", "2023", A, 1.2e12, Ov),
            new E("gdp_growth", "2023", A, 5.8),
            new E("foreign_trade", "2023", A, 362e9),
            new E("foreign_trade_growth", "2023", A, 8.4),
            new E("foreign_investment", "2023", A, 3.2e9, Unit: Units.Usd),
            new E("foreign_investment_growth", "2023", A, 5),
            new E("high_tech_enterprises", "2023", A, 8500),
            new E("rd_intensity", "2023", A, 3.91),
            new E("exports_growth", "2023", A, -2.4),
            new E("gdp_growth", "2024", T, 6, Al),
            new E("public_budget_revenue_growth", "2024", T, 5));
    }

    [Fact]
    public void National_report_opening_the_14th_five_year_plan()
    {
        var text = """
            Report on the Work of the Government

            Delivered at the Fourth Session of the 13th National People's Congress of the People's Republic of China on March 5, 2021

            Li Keqiang
            Premier of the State Council

            Fellow Deputies,

            Last year, China's GDP grew by 2.3 percent, reaching 101.6 trillion yuan. A total of 11.86 million urban jobs were added, and the surveyed urban unemployment rate stood at 5.2 percent at the end of the year. Per capita disposable income increased by 2.1 percent in real terms. Exports rose by 4 percent. The year-on-year CPI increase was 2.5 percent.
            During the 13th Five-Year Plan period, China's GDP grew at an average annual rate of 5.7 percent, and the urbanization rate of permanent residents exceeded 60 percent. Average life expectancy reached 77.3 years. Spending on research and development reached 2.4 percent of GDP.
            The main targets for the 14th Five-Year Plan period are: keeping GDP growth within an appropriate range; raising the urbanization rate of permanent residents to 65 percent; increasing spending on research and development by more than 7 percent per year; and raising average life expectancy by one year.
            The main projected targets for development this year are:
            GDP growth of over 6 percent;
            over 11 million new urban jobs;
            a surveyed urban unemployment rate of around 5.5 percent;
            CPI increase of around 3 percent;
            a drop of around 3 percent in energy consumption per unit of GDP.
            This year's deficit-to-GDP ratio is projected at around 3.2 percent.
            In the first quarter, GDP grew 18.3 percent year on year.
            Per capita GDP topped 10,000 US dollars for the second year in a row.
            """;
        Expect(text, "China", 2021,
            new E("gdp_growth", "2020", A, 2.3),
            new E("gdp", "2020", A, 101.6e12),
            new E("new_urban_jobs", "2020", A, 11.86e6),
            new E("unemployment_rate", "2020", A, 5.2),
            new E("disposable_income_growth", "2020", A, 2.1),
            new E("exports_growth", "2020", A, 4),
            new E("cpi_growth", "2020", A, 2.5),
            new E("gdp_growth", "2016-2020", A, 5.7),
            new E("urbanization_rate", "2020", A, 60, Ov),
            new E("life_expectancy", "2020", A, 77.3),
            new E("rd_intensity", "2020", A, 2.4),
            new E("urbanization_rate", "2025", T, 65),
            new E("gdp_growth", "2021", T, 6, Ov),
            new E("new_urban_jobs", "2021", T, 11e6, Ov),
            new E("unemployment_rate", "2021", T, 5.5, Ab),
            new E("cpi_growth", "2021", T, 3, Ab),
            new E("gdp_per_capita", "2020", A, 10000, Ov, Units.Usd));
    }

    [Fact]
    public void City_news_article_naming_its_province_as_location()
    {
        var text = """
            Guangzhou's GDP tops 3 trillion yuan

            By Zhang Wei | China Daily | Updated: 2024-01-25 09:12

            Guangzhou, capital of South China's Guangdong province, saw its GDP exceed 3 trillion yuan ($422 billion) in 2023, up 4.6 percent year-on-year, Mayor Guo Yonghang said when delivering the government work report on Wednesday.
            The city's total retail sales of consumer goods rose 6.7 percent to 1.1 trillion yuan, while its foreign trade volume reached 1.09 trillion yuan, up 0.1 percent.
            Guangdong's GDP exceeded 13.5 trillion yuan last year, and the province's per capita GDP reached 106,985 yuan. Nationwide, GDP grew 5.2 percent.
            Shenzhen's GDP grew 6 percent to 3.46 trillion yuan.
            Guangzhou set its economic growth target for 2024 at around 5 percent, according to the report. The city also aims to increase the per capita disposable income of residents in step with economic growth, and keep the surveyed urban unemployment rate within 5.5 percent.
            Tianhe district's GDP reached 650 billion yuan.
            """;
        Expect(text, "Guangzhou", 2024,
            new E("gdp", "2023", A, 3e12, Ov),
            new E("gdp_growth", "2023", A, 4.6),
            new E("retail_sales", "2023", A, 1.1e12),
            new E("retail_sales_growth", "2023", A, 6.7),
            new E("foreign_trade", "2023", A, 1.09e12),
            new E("foreign_trade_growth", "2023", A, 0.1),
            new E("gdp_growth", "2024", T, 5, Ab),
            new E("unemployment_rate", "2024", T, 5.5, Bl));
    }

    [Fact]
    public void Province_report_with_label_colon_value_lists()
    {
        var text = """
            Report on the Work of the Government of Sichuan Province

            Delivered at the Second Session of the 14th Sichuan Provincial People's Congress on January 21, 2024

            Key indicators for 2023:
            - GDP: 6.01 trillion yuan, up 6.0%
            - Per capita disposable income of urban residents: 45,227 yuan, up 4.4%
            - Per capita disposable income of rural residents: 19,978 yuan, up 6.7%
            - Urbanization rate: 59.5%

            Main targets for 2024:
            - GDP growth: around 6%
            - Surveyed urban unemployment rate: within 5.5%
            - New urban jobs: over 800,000

            The added value of the digital economy's core industries accounted for 10% of GDP. The urban-rural income ratio narrowed to 2.26. The general public budget revenue reached 552.93 billion yuan, an increase of 1.2 percentage points over the previous year's growth. Investment in fixed assets grew 4.4% year on year, 1.4 percentage points higher than the national average. The GDP of the province reached 60,132.9 hundred million yuan.
            """;
        Expect(text, "Sichuan", 2024,
            new E("gdp", "2023", A, 6.01e12),
            new E("gdp_growth", "2023", A, 6),
            new E("urban_income", "2023", A, 45227),
            new E("urban_income_growth", "2023", A, 4.4),
            new E("rural_income", "2023", A, 19978),
            new E("rural_income_growth", "2023", A, 6.7),
            new E("urbanization_rate", "2023", A, 59.5),
            new E("gdp_growth", "2024", T, 6, Ab),
            new E("unemployment_rate", "2024", T, 5.5, Bl),
            new E("new_urban_jobs", "2024", T, 800000, Ov),
            new E("public_budget_revenue", "2023", A, 552.93e9),
            new E("fixed_asset_investment_growth", "2023", A, 4.4));
    }

    [Fact]
    public void City_report_with_missed_target_of_which_incomes_and_next_five_years()
    {
        var text = """
            Report on the Work of the Zhengzhou Municipal Government

            Delivered at the Second Session of the 16th Zhengzhou Municipal People's Congress on February 20, 2023

            Fellow Deputies,

            Last year, the city's GDP grew by 1 percent, lower than the target of around 7 percent set at the beginning of the year. Its GDP reached 1.29 trillion yuan, ranking first in the province. The per capita disposable income of residents was 41,049 yuan, of which urban residents 45,246 yuan and rural residents 28,000 yuan.
            At the end of 2022, the urbanization rate of the permanent population was 79.4%. The city's exports accounted for 60% of the province's total.
            Consumer price index went up by 1.8%.
            In the next five years, the city's GDP will grow at an average annual rate of about 6%, and by the end of 2027 the number of high-tech enterprises will reach 10,000.
            This year, we aim for GDP growth of 6% or so, and general public budget revenue growth of above 5%.
            """;
        Expect(text, "Zhengzhou", 2023,
            new E("gdp_growth", "2022", A, 1),
            new E("gdp", "2022", A, 1.29e12),
            new E("urban_income", "2022", A, 45246),
            new E("rural_income", "2022", A, 28000),
            new E("urbanization_rate", "2022", A, 79.4),
            new E("cpi_growth", "2022", A, 1.8),
            new E("gdp_growth", "2023-2027", T, 6, Ab),
            new E("high_tech_enterprises", "2027", T, 10000),
            new E("gdp_growth", "2023", T, 6, Ab),
            new E("public_budget_revenue_growth", "2023", T, 5, Ov));
    }

    [Fact]
    public void Province_report_with_varied_target_wording_and_years_per_value()
    {
        var text = """
            Report on the Work of the Government of Hunan Province

            Delivered at the Second Session of the 14th Hunan Provincial People's Congress on January 22, 2024

            Fellow Deputies,

            In 2023, the province's GDP grew 4.6 percent, reaching 5.0 trillion yuan, and per capita GDP was 75,938 yuan. Hunan's total imports and exports fell 11.7 percent, while the number of high-tech enterprises exceeded 16,000, 2.3 times that of 2019.
            We have set the GDP growth target at around 5.5 percent for this year. The expected growth of fixed asset investment is about 6%. The target for new urban jobs is 700,000. It is expected that the general public budget revenue will increase by 5%. Total retail sales of consumer goods are projected to grow by 6.5 percent. The growth of per capita disposable income of residents is expected to be 6%.
            GDP grew 7.7% in 2021 and 4.5% in 2022.
            """;
        Expect(text, "Hunan", 2024,
            new E("gdp_growth", "2023", A, 4.6),
            new E("gdp", "2023", A, 5.0e12),
            new E("gdp_per_capita", "2023", A, 75938),
            new E("foreign_trade_growth", "2023", A, -11.7),
            new E("high_tech_enterprises", "2023", A, 16000, Ov),
            new E("gdp_growth", "2024", T, 5.5, Ab),
            new E("fixed_asset_investment_growth", "2024", T, 6, Ab),
            new E("new_urban_jobs", "2024", T, 700000),
            new E("public_budget_revenue_growth", "2024", T, 5),
            new E("retail_sales_growth", "2024", T, 6.5),
            new E("disposable_income_growth", "2024", T, 6),
            new E("gdp_growth", "2021", A, 7.7),
            new E("gdp_growth", "2022", A, 4.5));
        var ht = X.Extract(text).Facts.Single(f => f.Indicator == "high_tech_enterprises");
        Assert.Equal("high-tech enterprises exceeded 16,000", ht.Evidence);
    }

    [Fact]
    public void Province_report_with_national_comparisons_and_earlier_levels()
    {
        var text = """
            Report on the Work of the Government of Zhejiang Province

            Delivered at the Second Session of the 14th Zhejiang Provincial People's Congress on January 23, 2024

            Fellow Deputies,

            Last year, the province's GDP expanded 6 percent year-on-year to 8.26 trillion yuan. China's GDP grew 5.2%, and Zhejiang's growth was 0.8 percentage points higher. The per capita disposable income of urban and rural residents grew by 4.6% and 6.3% in real terms respectively. Per capita GDP in US dollar terms exceeded 17,000. Fixed-asset investment grew 6.1 percent, up from 9.1% the year before. The value added of the service sector accounted for 55% of GDP. A 5.2-percent increase was registered in exports. Consumer prices went up 0.4%, down from 2.2% in 2022. Hangzhou's GDP reached 2.01 trillion yuan, accounting for 24.3% of the province.
            """;
        Expect(text, "Zhejiang", 2024,
            new E("gdp_growth", "2023", A, 6),
            new E("gdp", "2023", A, 8.26e12),
            new E("urban_income_growth", "2023", A, 4.6),
            new E("rural_income_growth", "2023", A, 6.3),
            new E("fixed_asset_investment_growth", "2023", A, 6.1),
            new E("cpi_growth", "2023", A, 0.4),
            new E("cpi_growth", "2022", A, 2.2));
    }

    [Fact]
    public void City_report_with_five_year_levels_totals_and_q3()
    {
        var text = """
            Report on the Work of the Xiamen Municipal Government

            Delivered at the First Session of the 16th Xiamen Municipal People's Congress on January 8, 2022

            Fellow Deputies,

            Over the past five years, the city's GDP increased from 378.4 billion yuan to 703.4 billion yuan, growing at an average annual rate of 7.6%. In the past five years, fixed asset investment totaled 1.2 trillion yuan. Total imports and exports rose from 584 billion yuan in 2016 to 887.6 billion yuan in 2021.
            In Q3, GDP grew 8%. Over the past five years, general public budget revenue grew from 64.6 billion yuan to 87.9 billion yuan.
            """;
        Expect(text, "Xiamen", 2022,
            new E("gdp", "2021", A, 703.4e9),
            new E("gdp_growth", "2017-2021", A, 7.6),
            new E("fixed_asset_investment", "2017-2021", A, 1.2e12),
            new E("foreign_trade", "2016", A, 584e9),
            new E("foreign_trade", "2021", A, 887.6e9),
            new E("public_budget_revenue", "2021", A, 87.9e9));
    }

    [Fact]
    public void City_report_with_subjects_after_respectively_values()
    {
        var text = """
            Report on the Work of the Changsha Municipal Government

            Delivered at the Third Session of the 16th Changsha Municipal People's Congress on January 10, 2024

            Fellow Deputies,

            Per capita disposable income grew by 4.9% and 6.5% for urban and rural residents respectively. Some 130,000 new jobs were created in cities and towns. Consumer prices remained stable, rising 0.2%. The value added of industrial enterprises with annual revenue of 20 million yuan or more grew 6.1%. Rural and urban residents' per capita disposable income reached 48,000 yuan and 72,000 yuan respectively. The city's GDP totaled 1.43 trillion yuan, with growth of 4.8%.
            """;
        Expect(text, "Changsha", 2024,
            new E("urban_income_growth", "2023", A, 4.9),
            new E("rural_income_growth", "2023", A, 6.5),
            new E("new_urban_jobs", "2023", A, 130000, Ab),
            new E("cpi_growth", "2023", A, 0.2),
            new E("industrial_value_added_growth", "2023", A, 6.1),
            new E("rural_income", "2023", A, 48000),
            new E("urban_income", "2023", A, 72000),
            new E("gdp", "2023", A, 1.43e12),
            new E("gdp_growth", "2023", A, 4.8));
    }

    [Fact]
    public void Title_variants_name_the_region_not_its_province()
    {
        Expect("Government Work Report of Nanning, Guangxi Zhuang Autonomous Region (2024)\n\nLast year, the GDP of the city grew 4.1%. Guangxi's GDP grew 4.5%.\n",
            "Nanning", 2024, new E("gdp_growth", "2023", A, 4.1));
        Expect("Shanghai Municipal Government Work Report 2024\n\nDelivered by Mayor Gong Zheng\n\nLast year, the city's GDP exceeded 4.7 trillion yuan, up 5%. Pudong New Area's GDP grew 7%.\n",
            "Shanghai", 2024, new E("gdp", "2023", A, 4.7e12, Ov), new E("gdp_growth", "2023", A, 5));
        Expect("2023 Government Work Report of Inner Mongolia Autonomous Region\n\nIn 2022, the region's GDP reached 2.3 trillion yuan, up 4.2%.\n",
            "Inner Mongolia", 2023, new E("gdp", "2022", A, 2.3e12), new E("gdp_growth", "2022", A, 4.2));
        Expect("Full text: Report on the work of Beijing municipal government\n\nUpdated: 2024-01-29\n\nIn 2023, Beijing's GDP grew 5.2%, and the city's per capita GDP exceeded 200,000 yuan.\n",
            "Beijing", 2024, new E("gdp_growth", "2023", A, 5.2), new E("gdp_per_capita", "2023", A, 200000, Ov));
    }

    [Fact]
    public void City_targets_with_every_range_and_bound_wording()
    {
        var text = """
            Report on the Work of the Kunming Municipal Government

            Delivered at the Third Session of the 15th Kunming Municipal People's Congress on January 18, 2024

            The main expected targets for this year are as follows: GDP growth of 5-5.5%; fixed asset investment growth of 5 percent to 6 percent; retail sales growth of between 6% and 7%; general public budget revenue growth of not lower than 5%; CPI increase of no more than 3%; urban and rural residents' per capita disposable income to grow by 5.5 percent and 7 percent respectively; the surveyed urban unemployment rate below 5.5%; and 120,000 new urban jobs or more.
            """;
        Expect(text, "Kunming", 2024,
            new E("gdp_growth", "2024", T, 5, Al),
            new E("fixed_asset_investment_growth", "2024", T, 5, Al),
            new E("retail_sales_growth", "2024", T, 6, Al),
            new E("public_budget_revenue_growth", "2024", T, 5, Al),
            new E("cpi_growth", "2024", T, 3, Am),
            new E("urban_income_growth", "2024", T, 5.5),
            new E("rural_income_growth", "2024", T, 7),
            new E("unemployment_rate", "2024", T, 5.5, Bl),
            new E("new_urban_jobs", "2024", T, 120000, Al));
    }

    [Fact]
    public void City_report_with_trade_and_sales_subcategories()
    {
        var text = """
            Report on the Work of the Ningbo Municipal Government

            Delivered at the Third Session of the 16th Ningbo Municipal People's Congress on January 16, 2024

            Last year, exports to Belt and Road countries grew 8.9%. Exports of new energy vehicles grew 50%. Exports of mechanical and electrical products rose 5.1%. Imports and exports of private enterprises grew 6.3%. Cross-border e-commerce imports and exports reached 200 billion yuan. Industrial investment grew 12%, and manufacturing investment rose 9.8%. Investment in infrastructure fell 2%. Retail sales of automobiles grew 7%. Online retail sales reached 300 billion yuan. Foreign trade in services grew 10%. The city's total exports reached 842.6 billion yuan, up 2.2%. We added 1,000 high-tech enterprises.
            """;
        Expect(text, "Ningbo", 2024,
            new E("exports", "2023", A, 842.6e9),
            new E("exports_growth", "2023", A, 2.2));
    }

    [Fact]
    public void City_report_with_investment_by_sector()
    {
        var text = """
            Report on the Work of the Wuxi Municipal Government

            Delivered at the Third Session of the 17th Wuxi Municipal People's Congress on January 10, 2024

            Last year, fixed asset investment in manufacturing grew 12.3%. Private fixed asset investment fell 1.2%. Fixed asset investment in the city grew 5.1%. Investment in fixed assets in infrastructure rose 8%. Fixed asset investment in 2023 reached 400 billion yuan.
            """;
        Expect(text, "Wuxi", 2024,
            new E("fixed_asset_investment_growth", "2023", A, 5.1),
            new E("fixed_asset_investment", "2023", A, 400e9));
    }

    [Fact]
    public void City_report_with_net_increases_and_totals_of_counts()
    {
        var text = """
            Report on the Work of the Hangzhou Municipal Government

            Delivered at the Second Session of the 14th Hangzhou Municipal People's Congress on February 1, 2024

            Last year, there was a net increase of 1,300 high-tech enterprises. High-tech enterprises grew by 1,200 to 15,000. The number of high-tech enterprises increased by 20%. Average life expectancy was 83.6 years. Urban employment increased by 310,000. The city's R&D investment intensity reached 3.86%. The urbanization rate stood at 84.2 percent, 0.3 percentage points higher than a year earlier.
            """;
        Expect(text, "Hangzhou", 2024,
            new E("high_tech_enterprises", "2023", A, 15000),
            new E("life_expectancy", "2023", A, 83.6),
            new E("new_urban_jobs", "2023", A, 310000),
            new E("rd_intensity", "2023", A, 3.86),
            new E("urbanization_rate", "2023", A, 84.2));
    }

    [Fact]
    public void Province_report_with_exports_and_imports_as_two_subjects()
    {
        var text = """
            Report on the Work of the Government of Shandong Province

            Delivered at the Second Session of the 14th Shandong Provincial People's Congress on January 23, 2024

            Last year, total imports and exports reached 3.26 trillion yuan, of which exports were 1.99 trillion yuan and imports 1.27 trillion yuan. Exports and imports grew by 3% and 4% respectively. Imports rose 2%.
            By 2025, the import and export volume of goods trade and service trade will reach 4.5 trillion yuan and 600 billion yuan respectively.
            """;
        Expect(text, "Shandong", 2024,
            new E("foreign_trade", "2023", A, 3.26e12),
            new E("exports", "2023", A, 1.99e12),
            new E("exports_growth", "2023", A, 3),
            new E("foreign_trade", "2025", T, 4.5e12));
    }

    [Fact]
    public void Pdf_translation_with_lines_wrapped_mid_sentence()
    {
        var text = "Report on the Work of the Government of Qingdao\n(Delivered at the Second Session of the 17th Qingdao Municipal People's Congress on January 15, 2024)\nZhao Haozhi, Mayor of Qingdao\n\nFellow Deputies,\n"
            + "In 2023, the city's GDP reached 1,576.0 billion yuan, an in-\ncrease of 5.9%; the general public budget revenue\nwas 133.7 billion yuan, up 5.4%; total imports and exports reached\n885.0 billion yuan; the per capita disposable income of urban and rural\nresidents increased by 4.8% and 6.9% respectively.\n";
        Expect(text, "Qingdao", 2024,
            new E("gdp", "2023", A, 1576e9),
            new E("gdp_growth", "2023", A, 5.9),
            new E("public_budget_revenue", "2023", A, 133.7e9),
            new E("public_budget_revenue_growth", "2023", A, 5.4),
            new E("foreign_trade", "2023", A, 885e9),
            new E("urban_income_growth", "2023", A, 4.8),
            new E("rural_income_growth", "2023", A, 6.9));
    }

    [Fact]
    public void Close_to_and_in_excess_of_are_qualifiers()
    {
        Expect("Report on the Work of the Dalian Municipal Government\n\nDelivered at the Second Session of the 17th Dalian Municipal People's Congress on January 10, 2024\n\nLast year, GDP reached close to 900 billion yuan, growing 6.7%. Total imports and exports were in excess of 400 billion yuan.\n",
            "Dalian", 2024,
            new E("gdp", "2023", A, 900e9, Ab),
            new E("gdp_growth", "2023", A, 6.7),
            new E("foreign_trade", "2023", A, 400e9, Ov));
    }
}
