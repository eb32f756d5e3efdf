using Xunit;
using static ReportFunctions.Core.Tests.Extraction.GeneralizationTests;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>
/// More styles not in the seeds: municipalities, autonomous regions, table-like target lists, news quoting a mayor,
/// Chinese-style money units, and national figures quoted for comparison. Each test lists every catalog fact.
/// </summary>
public sealed class GeneralizationTests2
{
    [Fact]
    public void Municipality_report_with_district_figures()
    {
        var text = """
            Report on the Work of the Chongqing Municipal Government

            Delivered at the Second Session of the Sixth Chongqing Municipal People's Congress on January 21, 2024

            Hu Henghua, Mayor of Chongqing

            In 2023, the city's GDP reached 3.01 trillion yuan, an increase of 6.1%. The GDP of Liangjiang New Area exceeded 500 billion yuan, and Yubei District's GDP grew 7.2%. The added value of industrial enterprises above designated size increased by 6.6%. Total retail sales of consumer goods reached 1.51 trillion yuan, up 7.8%. The general public budget revenue was 241.3 billion yuan, up 16%. The per capita disposable income of urban and rural residents increased by 4.8% and 7.2% respectively. Wanzhou District added 20,000 new urban jobs. In the first quarter, the city's GDP grew 4.7%.

            The main expected goals for economic and social development this year are: GDP growth of more than 6%, general public budget revenue growth of 5%, and a surveyed urban unemployment rate within 5.5%.
            """;
        Expect(text, "Chongqing", 2024,
            new E("gdp", "2023", A, 3.01e12),
            new E("gdp_growth", "2023", A, 6.1),
            new E("industrial_value_added_growth", "2023", A, 6.6),
            new E("retail_sales", "2023", A, 1.51e12),
            new E("retail_sales_growth", "2023", A, 7.8),
            new E("public_budget_revenue", "2023", A, 241.3e9),
            new E("public_budget_revenue_growth", "2023", A, 16),
            new E("urban_income_growth", "2023", A, 4.8),
            new E("rural_income_growth", "2023", A, 7.2),
            new E("gdp_growth", "2024", T, 6, Ov),
            new E("public_budget_revenue_growth", "2024", T, 5),
            new E("unemployment_rate", "2024", T, 5.5, Bl));
    }

    [Fact]
    public void Municipality_report_with_new_area_port_and_plural_places()
    {
        // "The five new cities' fixed asset investment" is about places inside the municipality, as is the port's trade.
        var text = """
            Report on the Work of the Shanghai Municipal Government

            Delivered at the Second Session of the 16th Shanghai Municipal People's Congress on January 23, 2024

            Last year, Shanghai's GDP reached 4.72 trillion yuan, an increase of 5%. Pudong New Area's GDP exceeded 1.7 trillion yuan. Lingang Special Area's industrial output grew 30%. The five new cities' fixed asset investment grew 12%. The municipal general public budget revenue was 861.5 billion yuan, up 9.3%. The per capita disposable income of residents reached 84,834 yuan, up 6.6%. The total imports and exports at Shanghai Port exceeded 10 trillion yuan. The city's total imports and exports reached 4.21 trillion yuan, up 0.7%. The container throughput of Shanghai Port reached 49.158 million TEU. Actually utilized foreign capital reached US$24.087 billion.
            """;
        Expect(text, "Shanghai", 2024,
            new E("gdp", "2023", A, 4.72e12),
            new E("gdp_growth", "2023", A, 5),
            new E("public_budget_revenue", "2023", A, 861.5e9),
            new E("public_budget_revenue_growth", "2023", A, 9.3),
            new E("disposable_income_growth", "2023", A, 6.6),
            new E("foreign_trade", "2023", A, 4.21e12),
            new E("foreign_trade_growth", "2023", A, 0.7),
            new E("foreign_investment", "2023", A, 24.087e9));
    }

    [Fact]
    public void Autonomous_region_report_with_capital_city_and_port()
    {
        var text = """
            Government Work Report of Guangxi Zhuang Autonomous Region

            Delivered at the Second Session of the 14th People's Congress of Guangxi Zhuang Autonomous Region on January 22, 2024

            Last year, the autonomous region's GDP reached 2.72 trillion yuan, up 4.1%. Nanning's GDP exceeded 550 billion yuan. The region's fixed asset investment decreased by 15.5%. Total imports and exports reached 693.7 billion yuan, up 16.7%, and the container throughput of Beibu Gulf Port reached 8.02 million TEU. The actual use of foreign capital was US$1.06 billion. The per capita disposable income of urban residents was 42,294 yuan and that of rural residents was 18,656 yuan, increasing by 4.1% and 6.4% respectively. The urbanization rate of the permanent population reached 56.78%.

            The main targets for 2024 are: GDP growth of about 5.5%, growth of fixed asset investment of 5%, and growth of per capita disposable income of rural residents of about 7%.
            """;
        Expect(text, "Guangxi", 2024,
            new E("gdp", "2023", A, 2.72e12),
            new E("gdp_growth", "2023", A, 4.1),
            new E("fixed_asset_investment_growth", "2023", A, -15.5),
            new E("foreign_trade", "2023", A, 693.7e9),
            new E("foreign_trade_growth", "2023", A, 16.7),
            new E("foreign_investment", "2023", A, 1.06e9),
            new E("urban_income", "2023", A, 42294),
            new E("rural_income", "2023", A, 18656),
            new E("urban_income_growth", "2023", A, 4.1),
            new E("rural_income_growth", "2023", A, 6.4),
            new E("urbanization_rate", "2023", A, 56.78),
            new E("gdp_growth", "2024", T, 5.5, Ab),
            new E("fixed_asset_investment_growth", "2024", T, 5),
            new E("rural_income_growth", "2024", T, 7, Ab));
    }

    [Fact]
    public void Autonomous_region_report_with_prefectures_and_national_levels()
    {
        // "while the region's was 59.24%": the possessive stands for the concept of the national clause before it.
        var text = """
            Government Work Report of Xinjiang Uygur Autonomous Region

            Delivered at the Second Session of the 14th People's Congress of Xinjiang Uygur Autonomous Region on January 24, 2024

            Last year, the GDP of the whole region grew 6.8%, 1.6 percentage points higher than the national average of 5.2%. Kashgar Prefecture's GDP grew 7.5%, and the Ili Kazak Autonomous Prefecture's fixed asset investment grew 10%. The per capita disposable income of urban residents across the region reached 40,578 yuan, compared with the national average of 51,821 yuan. The national urbanization rate was 66.16%, while the region's was 59.24%. The region's new urban jobs reached 480,000.
            """;
        Expect(text, "Xinjiang", 2024,
            new E("gdp_growth", "2023", A, 6.8),
            new E("urban_income", "2023", A, 40578),
            new E("urbanization_rate", "2023", A, 59.24),
            new E("new_urban_jobs", "2023", A, 480000));
    }

    [Fact]
    public void Report_with_table_like_target_list()
    {
        var text = """
            Report on the Work of the Dongguan Municipal Government

            Delivered at the Fourth Session of the 17th Dongguan Municipal People's Congress on January 9, 2024

            Last year, the city's GDP reached 1.14 trillion yuan, up 2.6%.

            Main expected targets for 2024:
            - GDP growth target: 5.5% or so
            - Fixed asset investment growth target for 2024: 6%
            - Growth of total retail sales of consumer goods: 6% or so
            - General public budget revenue growth: 4%
            - Surveyed urban unemployment rate: within 5.5%
            - New urban jobs: 110,000 or more
            - CPI increase: around 3%
            - Target for the per capita disposable income of rural residents in 2024: over 50,000 yuan
            - Growth of per capita disposable income of residents: in step with economic growth
            """;
        Expect(text, "Dongguan", 2024,
            new E("gdp", "2023", A, 1.14e12),
            new E("gdp_growth", "2023", A, 2.6),
            new E("gdp_growth", "2024", T, 5.5, Ab),
            new E("fixed_asset_investment_growth", "2024", T, 6),
            new E("retail_sales_growth", "2024", T, 6, Ab),
            new E("public_budget_revenue_growth", "2024", T, 4),
            new E("unemployment_rate", "2024", T, 5.5, Bl),
            // "110,000 or more" is a floor, the same as "at least 110,000".
            new E("new_urban_jobs", "2024", T, 110000, Al),
            new E("cpi_growth", "2024", T, 3, Ab),
            new E("rural_income", "2024", T, 50000, Ov));
    }

    [Fact]
    public void Report_with_numbered_target_list()
    {
        // Items numbered "1.", "(3)", "5)" and bulleted "•" in one list; the marker numbers are not values.
        var text = """
            Report on the Work of the Tianjin Municipal Government

            Delivered at the Second Session of the 18th Tianjin Municipal People's Congress on January 22, 2024

            The main expected targets for economic and social development this year are:
            1. GDP growth target: around 4.5%;
            2. General public budget revenue: up 2%;
            (3) Surveyed urban unemployment rate: below 5.5%;
            (4) New urban jobs: no less than 380,000;
            • Fixed asset investment: growth of 3%;
            5) CPI: up about 3%;
            6. Growth of per capita disposable income of residents: basically in step with economic growth.
            """;
        Expect(text, "Tianjin", 2024,
            new E("gdp_growth", "2024", T, 4.5, Ab),
            new E("public_budget_revenue_growth", "2024", T, 2),
            new E("unemployment_rate", "2024", T, 5.5, Bl),
            new E("new_urban_jobs", "2024", T, 380000, Al),
            new E("fixed_asset_investment_growth", "2024", T, 3),
            new E("cpi_growth", "2024", T, 3, Ab));
    }

    [Fact]
    public void News_article_quoting_a_mayor_with_last_year_and_this_year_in_one_sentence()
    {
        var text = """
            Tianjin sets 2024 growth target at around 4.5%

            TIANJIN, Jan. 22, 2024 -- After growing 4.3% last year, the city aims for GDP growth of around 4.5% this year, Mayor Zhang Gong said in the government work report delivered to the Second Session of the 18th Tianjin Municipal People's Congress on Monday.

            The city's general public budget revenue rose 8.2% last year to 202.7 billion yuan, and it is expected to grow 3% this year, Zhang said. Fixed asset investment is expected to grow 3% in 2024, after a decline of 16.4% in 2023. Binhai New Area's GDP grew 5.1%.
            """;
        Expect(text, "Tianjin", 2024,
            new E("gdp_growth", "2023", A, 4.3),
            new E("gdp_growth", "2024", T, 4.5, Ab),
            new E("public_budget_revenue_growth", "2023", A, 8.2),
            new E("public_budget_revenue", "2023", A, 202.7e9),
            new E("public_budget_revenue_growth", "2024", T, 3),
            new E("fixed_asset_investment_growth", "2024", T, 3),
            new E("fixed_asset_investment_growth", "2023", A, -16.4));
    }

    [Fact]
    public void News_article_whose_dateline_has_no_year()
    {
        // The dateline "Jan. 21 (Xinhua)" has no year: the delivery year is the one the lead's target names.
        var text = """
            Beijing aims for around 5% growth in 2024

            BEIJING, Jan. 21 (Xinhua) -- Beijing will target GDP growth of around 5 percent in 2024, Mayor Yin Yong said Sunday while delivering the government work report at the Second Session of the 16th Beijing Municipal People's Congress. The city's GDP grew 5.2 percent in 2023 to 4.38 trillion yuan, he said. The city's per capita disposable income grew 5.6 percent last year, while its general public budget revenue was 611.7 billion yuan, up 8.2 percent. Haidian District's GDP topped 1 trillion yuan. Beijing aims to keep the surveyed urban unemployment rate within 5 percent and CPI increase at around 3 percent this year.
            """;
        Expect(text, "Beijing", 2024,
            new E("gdp_growth", "2024", T, 5, Ab),
            new E("gdp_growth", "2023", A, 5.2),
            new E("gdp", "2023", A, 4.38e12),
            new E("disposable_income_growth", "2023", A, 5.6),
            new E("public_budget_revenue", "2023", A, 611.7e9),
            new E("public_budget_revenue_growth", "2023", A, 8.2),
            new E("unemployment_rate", "2024", T, 5, Bl),
            new E("cpi_growth", "2024", T, 3, Ab));
    }

    [Fact]
    public void News_article_with_its_economy_and_national_rate()
    {
        // "Last year's growth of 6.1%" restates the 2023 figure: one fact, not two.
        var text = """
            Chongqing targets 6% growth

            CHONGQING, Jan. 21, 2024 -- Chongqing's GDP expanded 6.1 percent year on year in 2023, 0.9 percentage points above the national growth rate, Mayor Hu Henghua said. The municipality aims to expand its economy by more than 6 percent this year. Retail sales, which grew 7.8% in 2023, are projected to rise by 6% in 2024. The country's GDP grew 5.2% last year. Last year's growth of 6.1% beat the 2023 target.
            """;
        Expect(text, "Chongqing", 2024,
            new E("gdp_growth", "2023", A, 6.1),
            new E("gdp_growth", "2024", T, 6, Ov),
            new E("retail_sales_growth", "2023", A, 7.8),
            new E("retail_sales_growth", "2024", T, 6));
    }

    [Fact]
    public void Report_with_chinese_money_units()
    {
        var text = """
            Report on the Work of the Foshan Municipal Government

            Delivered at the Third Session of the 16th Foshan Municipal People's Congress on January 15, 2024

            Last year, the regional GDP reached 13,276.14 hundred million yuan, an increase of 5%. Per capita GDP reached 13.9 ten thousand yuan. The total fiscal revenue was 30.5 billion yuan. The general public budget revenue was 812.5 hundred million yuan, up 3.5%. The per capita disposable income of urban residents reached 71,000 yuan, and that of rural residents reached 42.3 thousand yuan. Fixed asset investment was RMB 350.2 billion. Total retail sales of consumer goods reached 2,350 hundred-million yuan, of which Shunde District's retail sales were 100 billion yuan. The per capita disposable income of all residents was 6.5 ten-thousand yuan, up 4.8 percent.
            """;
        Expect(text, "Foshan", 2024,
            new E("gdp", "2023", A, 1327614e6),
            new E("gdp_growth", "2023", A, 5),
            new E("gdp_per_capita", "2023", A, 139000),
            new E("fiscal_revenue", "2023", A, 30.5e9),
            new E("public_budget_revenue", "2023", A, 81.25e9),
            new E("public_budget_revenue_growth", "2023", A, 3.5),
            new E("urban_income", "2023", A, 71000),
            new E("rural_income", "2023", A, 42300),
            new E("fixed_asset_investment", "2023", A, 350.2e9),
            new E("retail_sales", "2023", A, 235e9),
            // the all-residents income level has no catalog code; its growth does
            new E("disposable_income_growth", "2023", A, 4.8));
    }

    [Fact]
    public void City_report_quoting_national_figures_for_comparison()
    {
        var text = """
            Report on the Work of the Xuzhou Municipal Government

            Delivered at the Second Session of the 17th Xuzhou Municipal People's Congress on January 12, 2024

            Last year, the city's GDP grew 6.8%, higher than the national average of 5.2%. The national consumer price index rose 0.2%, while the city's CPI rose 0.5%. The per capita disposable income of urban residents was 45,600 yuan, compared with the national level of 51,821 yuan. Nationwide, total retail sales of consumer goods grew 7.2%; in Xuzhou they grew 8.1%. The growth rate of fixed asset investment was 5.5%, compared with 3.0% for the country as a whole. Per capita GDP of 113,000 yuan was above the national level of 89,000 yuan. Compared with the national figure of 6.3%, the city's total imports and exports grew 9.1%. The surveyed urban unemployment rate was 4.9%, lower than the national figure of 5.2%. China's GDP exceeded 126 trillion yuan.
            """;
        Expect(text, "Xuzhou", 2024,
            new E("gdp_growth", "2023", A, 6.8),
            new E("cpi_growth", "2023", A, 0.5),
            new E("urban_income", "2023", A, 45600),
            new E("retail_sales_growth", "2023", A, 8.1),
            new E("fixed_asset_investment_growth", "2023", A, 5.5),
            new E("gdp_per_capita", "2023", A, 113000),
            new E("foreign_trade_growth", "2023", A, 9.1),
            new E("unemployment_rate", "2023", A, 4.9));
    }
}
