using System.Text;
using ReportFunctions.Core.Extraction;
using Xunit;
using static ReportFunctions.Core.Tests.Extraction.GeneralizationTests;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>
/// Reports in Chinese, as the Chinese issue lists what they must give (passages written here in the style of the originals):
/// scales, qualifiers before and after the value, ranges, a striving figure after the target, estimates, numerals, full-width
/// digits, wrapped lines, structure, the region and year from the title and the dateline, and the encodings users have.
/// Each test lists every catalog fact the passage states and fails on any other.
/// </summary>
public sealed class ChineseExtractionTests
{
    private const string Header = "嘉兴市2024年政府工作报告\n——2024年1月16日在嘉兴市第九届人民代表大会第三次会议上\n\n";

    [Fact]
    public void Review_and_targets_with_scales_qualifiers_ranges_and_a_striving_figure()
    {
        Expect(Header + """
            一、2023年工作回顾
            过去一年，全市地区生产总值预计达到7062.5亿元，增长6.3%；城镇新增就业14.6万人；居民消费价格上涨0.4%；常住人口城镇化率提高0.8个百分点。

            二、2024年主要目标任务
            今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，力争7%；一般公共预算收入增长5%—5.5%；固定资产投资增长不低于7%；城镇新增就业10万人以上；城镇调查失业率控制在5%以内；居民消费价格涨幅不超过3%。
            """, "Jiaxing", 2024,
            new E("gdp", "2023", A, 706.25e9),
            new E("gdp_growth", "2023", A, 6.3),
            new E("new_urban_jobs", "2023", A, 146000),
            new E("cpi_growth", "2023", A, 0.4),
            new E("gdp_growth", "2024", T, 6, Ab),
            new E("public_budget_revenue_growth", "2024", T, 5, Al),
            new E("fixed_asset_investment_growth", "2024", T, 7, Al),
            new E("new_urban_jobs", "2024", T, 100000, Ov),
            new E("unemployment_rate", "2024", T, 5, Bl),
            new E("cpi_growth", "2024", T, 3, Am));
    }

    [Fact]
    public void Numerals_full_width_digits_pairs_and_wrapped_lines()
    {
        Expect(Header + """
            过去一年，地区生产总值六千一百亿元，增长百分之十二；一般公共预算收入５４８．６亿元，增长７．１％；城镇、农村居民人均可支配收入分别增长4.9%和6.6%；社会消费品零售总额2493亿元，增长
            6.9%；规模以上工业增
            加值增长7.5%。
            """, "Jiaxing", 2024,
            new E("gdp", "2023", A, 610e9),
            new E("gdp_growth", "2023", A, 12),
            new E("public_budget_revenue", "2023", A, 54.86e9),
            new E("public_budget_revenue_growth", "2023", A, 7.1),
            new E("urban_income_growth", "2023", A, 4.9),
            new E("rural_income_growth", "2023", A, 6.6),
            new E("retail_sales", "2023", A, 249.3e9),
            new E("retail_sales_growth", "2023", A, 6.9),
            new E("industrial_value_added_growth", "2023", A, 7.5));
    }

    [Fact]
    public void The_nations_report_and_a_province_naming_where_its_city_lies()
    {
        Expect("""
            政府工作报告
            ——2024年3月5日在第十四届全国人民代表大会第二次会议上
            国务院总理

            一、2023年工作回顾
            过去一年，国内生产总值超过126万亿元，增长5.2%。
            """, "China", 2024,
            new E("gdp", "2023", A, 126e12, Ov),
            new E("gdp_growth", "2023", A, 5.2));
        Expect("""
            （山东省）烟台市2021年政府工作报告
            过去一年，地区生产总值达到7820.6亿元，比上年增长3.7%。
            """, "Yantai", 2021,
            new E("gdp", "2020", A, 782.06e9),
            new E("gdp_growth", "2020", A, 3.7));
    }

    [Fact]
    public void An_English_report_quoting_Chinese_names_still_reads_as_English()
    {
        Assert.Equal("en", ExtractionTestSupport.X.Extract("Report on the Work of the Jiaxing (嘉兴) Municipal Government 2024\n\nGDP grew 6.3 percent.").Language);
        Expect("""
            Report on the Work of the Jiaxing (嘉兴) Municipal Government 2024

            Last year, Jiaxing's GDP reached 706.25 billion yuan, up 6.3 percent.
            """, "Jiaxing", 2024,
            new E("gdp", "2023", A, 706.25e9),
            new E("gdp_growth", "2023", A, 6.3));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Chinese_reports_decode_in_the_encodings_users_have(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Header + "过去一年，地区生产总值7062.5亿元，增长6.3%。\n";
        byte[] bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(text),
            "utf-8-bom" => [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            _ => Encoding.BigEndianUnicode.GetBytes(text),
        };
        var decoded = ReportDecoder.Decode(bytes);
        Assert.True(decoded.Ok, decoded.Error);
        Assert.Equal(text, decoded.Text);
        var result = ExtractionTestSupport.X.Extract(decoded.Text!);
        Assert.Equal("zh", result.Language);
        var facts = result.Facts;
        Assert.Contains(facts, f => f.Region == "Jiaxing" && f.Indicator == "gdp_growth" && f.Period == "2023" && f.Value == 6.3);
    }
}
