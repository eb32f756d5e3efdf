using Xunit;
using static ReportFunctions.Core.Tests.Extraction.GeneralizationTests;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>
/// The invented examples of the extraction issue, one test per failure class it names (in the style of the real
/// sentences, not copied from any report). Each test lists every catalog fact the passage states and fails on any other.
/// </summary>
public sealed class IssueExampleTests
{
    [Fact]
    public void Target_list_keeps_its_mode_after_the_heading_and_the_first_item()
    {
        Expect("""
            Report on the Work of the Jiangsu Provincial Government 2024

            Main expectations for this year:
            - GDP growth of about 6%
            - over 80,000 new urban jobs, and a surveyed unemployment rate within 5.5%
            """, "Jiangsu", 2024,
            new E("gdp_growth", "2024", T, 6, Ab),
            new E("new_urban_jobs", "2024", T, 80000, Ov),
            new E("unemployment_rate", "2024", T, 5.5, Bl));
    }

    [Fact]
    public void Estimate_of_the_year_just_ended_is_an_actual()
    {
        Expect("""
            Report on the Work of the Jiangsu Provincial Government 2024

            It is estimated that GDP will grow by about 5.8% and retail sales by more than 6%.
            """, "Jiangsu", 2024,
            new E("gdp_growth", "2023", A, 5.8, Ab),
            new E("retail_sales_growth", "2023", A, 6, Ov));
    }

    [Fact]
    public void Headline_year_names_the_year_reviewed_when_the_dateline_is_early_next_year()
    {
        Expect("""
            Lanzhou unveils 2023 government work report
            Updated: 2024-01-15

            The report, delivered January 12 at the session of the municipal people's congress, said the city's GDP grew 4.5 percent last year. The city aims for GDP growth of around 6 percent this year.
            """, "Lanzhou", 2024,
            new E("gdp_growth", "2023", A, 4.5),
            new E("gdp_growth", "2024", T, 6, Ab));
    }

    [Fact]
    public void Review_heading_sets_the_delivery_year()
    {
        Expect("""
            Gansu: 2023 in review

            The province's GDP grew 6.4 percent, the government work report delivered on January 25, 2024 said. The province aims for GDP growth of around 6 percent this year.
            """, "Gansu", 2024,
            new E("gdp_growth", "2023", A, 6.4),
            new E("gdp_growth", "2024", T, 6, Ab));
    }

    [Fact]
    public void Five_year_review_gives_span_facts_never_the_base_year()
    {
        Expect("""
            Report on the Work of the Hubei Provincial Government 2024

            Over the past five years, GDP registered an increase of 7.4% per year, retail sales grew 6.2% in average over the past five years, and fixed asset investment accumulated to 500 billion yuan in the past five years. GDP per capita reached 1.5 times that of 2018.
            """, "Hubei", 2024,
            new E("gdp_growth", "2019-2023", A, 7.4),
            new E("retail_sales_growth", "2019-2023", A, 6.2),
            new E("fixed_asset_investment", "2019-2023", A, 500e9));
    }

    [Fact]
    public void Cue_after_the_number_number_words_and_glued_words()
    {
        Expect("""
            Report on the Work of the Hubei Provincial Government 2024

            About 90,000 new jobs will be created this year. Consumer prices rose by three percent last year. Urban residents' per capita disposable income reached 23,400yuan. Surveyedunemployment rate stood at 5.1%.
            """, "Hubei", 2024,
            new E("new_urban_jobs", "2024", T, 90000, Ab),
            new E("cpi_growth", "2023", A, 3),
            new E("urban_income", "2023", A, 23400),
            new E("unemployment_rate", "2023", A, 5.1));
    }

    [Fact]
    public void Pairs_gapped_lists_and_a_currency_conversion_inside_a_pair()
    {
        Expect("""
            Report on the Work of the Hubei Provincial Government 2024

            Last year, GDP grew 6.1%; retail sales, 7.3%. Per capita disposable income of urban and rural residents rose 6 and 8 percent, and reached 52,300 and 24,100 yuan. Exports reached 120 billion yuan (about 17 billion US dollars) and imports 80 billion yuan, up 5% and 3% respectively.
            """, "Hubei", 2024,
            new E("gdp_growth", "2023", A, 6.1),
            new E("retail_sales_growth", "2023", A, 7.3),
            new E("urban_income_growth", "2023", A, 6),
            new E("rural_income_growth", "2023", A, 8),
            new E("urban_income", "2023", A, 52300),
            new E("rural_income", "2023", A, 24100),
            new E("exports", "2023", A, 120e9),
            new E("exports_growth", "2023", A, 5));
    }

    [Fact]
    public void Income_subjects_each_with_their_phrase_or_after_the_value()
    {
        Expect("""
            Report on the Work of the Zhejiang Provincial Government 2013

            In 2012, the per capita disposable income of urban residents and the per capita net income of rural residents were 34,620 yuan and 14,580 yuan, up 11.4 percent and 11.1 percent respectively.

            This year, per capita disposable income is expected to grow 7.5% for urban residents and 9% for rural residents.
            """, "Zhejiang", 2013,
            new E("urban_income", "2012", A, 34620),
            new E("rural_income", "2012", A, 14580),
            new E("urban_income_growth", "2012", A, 11.4),
            new E("rural_income_growth", "2012", A, 11.1),
            new E("urban_income_growth", "2013", T, 7.5),
            new E("rural_income_growth", "2013", T, 9));
    }

    [Fact]
    public void Province_of_a_city_and_a_newspaper_name_do_not_take_the_region()
    {
        Expect("""
            China Daily | Updated: 2024-01-20

            Lanzhou, the capital of northwest China's Gansu province, grew its GDP by 6.1 percent last year, the city's government work report said.
            """, "Lanzhou", 2024,
            new E("gdp_growth", "2023", A, 6.1));
    }

    [Fact]
    public void Milestones_are_levels_above_and_the_exact_figure_wins()
    {
        Expect("""
            Report on the Work of the Hubei Provincial Government 2024

            General public budget revenue rose 7.5%, surpassing 90 billion yuan. GDP broke the 400 billion yuan mark and reached 402.3 billion yuan. Total imports and exports crossed the 10-billion-yuan mark.
            """, "Hubei", 2024,
            new E("public_budget_revenue_growth", "2023", A, 7.5),
            new E("public_budget_revenue", "2023", A, 90e9, Ov),
            new E("gdp", "2023", A, 402.3e9),
            new E("foreign_trade", "2023", A, 10e9, Ov));
    }

    [Fact]
    public void Wordings_of_the_issue_are_known()
    {
        Expect("""
            Report on the Work of the Hubei Provincial Government 2024

            Last year, the total regional output value reached 5.58 trillion yuan. Fixed investments of the whole society grew 5%. The value added of industries above a designated scale rose 7.5%. Trade in goods reached 640 billion yuan. Input in research and experimental development equalled 2.1% of GDP. Local fiscal revenue was 310 billion yuan. Total retail sales of social consumer goods grew 8.2%.
            """, "Hubei", 2024,
            new E("gdp", "2023", A, 5.58e12),
            new E("fixed_asset_investment_growth", "2023", A, 5),
            new E("industrial_value_added_growth", "2023", A, 7.5),
            new E("foreign_trade", "2023", A, 640e9),
            new E("rd_intensity", "2023", A, 2.1),
            new E("public_budget_revenue", "2023", A, 310e9),
            new E("retail_sales_growth", "2023", A, 8.2));
    }

    [Fact]
    public void Restated_past_target_and_goal_wordings()
    {
        Expect("""
            Report on the Work of the Shandong Provincial Government 2016

            Last year the province's GDP rose 8.1 percent, exceeding the annual target of about 8 percent set a year earlier. The surveyed urban unemployment rate is to be kept below 5 percent. The government pledged to create at least 90,000 new urban jobs this year.
            """, "Shandong", 2016,
            new E("gdp_growth", "2015", A, 8.1),
            new E("gdp_growth", "2015", T, 8, Ab),
            new E("unemployment_rate", "2016", T, 5, Bl),
            new E("new_urban_jobs", "2016", T, 90000, Al));
    }

    [Fact]
    public void Yearly_averages_of_a_pair_in_a_five_year_review()
    {
        Expect("""
            Report on the Work of the Fujian Provincial Government 2018

            Over the past five years, the per capita disposable income of urban and rural residents rose by 8.7% and 9.6% a year on average respectively.
            """, "Fujian", 2018,
            new E("urban_income_growth", "2013-2017", A, 8.7),
            new E("rural_income_growth", "2013-2017", A, 9.6));
    }
}
