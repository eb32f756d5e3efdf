using System.Text.Json;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Api;

/// <summary>Evidence stays verbatim with its offsets; <c>evidence_display</c> normalises whitespace, and CSV shows it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceDisplayTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("CPI\u00a0is\u00a0controlled", "CPI is controlled")]
    [InlineData("  GDP grew\r\nby   5.5%\t\u202f ", "GDP grew by 5.5%")]
    [InlineData("a\u2003\u00a0\nb\u200bc", "a b c")]
    [InlineData("plain", "plain")]
    [InlineData(" \u00a0\n ", "")]
    public void Display_form_collapses_every_whitespace_run_to_one_space_and_trims(string verbatim, string display) =>
        Assert.Equal(display, EvidenceText.Display(verbatim));

    [Fact]
    public async Task Api_keeps_verbatim_evidence_and_offsets_and_csv_shows_the_display_form()
    {
        const string verbatim = "GDP\u00a0grew\r\nby  5.5%";
        var env = await StorageTestEnv.CreateAsync(azurite);
        env.Ingestor.Extract = (text, _) =>
        {
            var r = LineExtractor.Extract(text);
            return new ExtractionResult
            {
                Region = r.Region, Year = r.Year, RegionSource = r.RegionSource, YearSource = r.YearSource,
                Facts = r.Facts.Select(f => f with { Evidence = verbatim, EvidenceStart = 17 }).ToList(),
            };
        };
        var outcome = await env.IngestTextAsync("pdf-born.txt", StorageTestEnv.Report("Jiaxing", 2024, ("gdp_growth", "2023", "actual", 5.5)));
        Assert.Equal(1, outcome.FactCount);

        var json = await env.CallAsync(ApiEndpointNames.GetReport, new Dictionary<string, string?> { ["id"] = outcome.ReportId });
        Assert.Equal(200, json.StatusCode);
        var fact = JsonDocument.Parse(json.BodyText).RootElement.GetProperty("facts").EnumerateArray().Single();
        Assert.Equal(verbatim, fact.GetProperty("evidence").GetString());
        Assert.Equal("GDP grew by 5.5%", fact.GetProperty("evidence_display").GetString());
        Assert.Equal(17, fact.GetProperty("evidence_start").GetInt32());
        Assert.Equal(verbatim.Length, fact.GetProperty("evidence_length").GetInt32());

        var csv = await env.CallAsync(ApiEndpointNames.GetRegionFacts, new Dictionary<string, string?> { ["region"] = "Jiaxing" }, accept: "text/csv");
        Assert.Equal(200, csv.StatusCode);
        var lines = csv.BodyText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // header and one row: no line break inside a cell
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal("GDP grew by 5.5%", row[Array.IndexOf(header, "evidence_display")]);
        Assert.Equal("17", row[Array.IndexOf(header, "evidence_start")]);
        Assert.DoesNotContain('\u00a0', csv.BodyText);
    }
}
