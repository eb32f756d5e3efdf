using ReportFunctions.Core.Domain;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>The synthetic reports, ingested through the pipeline (the real extraction engine by default), give exactly the facts make_reports.py wrote down (facts.jsonl).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsSyntheticReportPipelineTests(AzuriteFixture azurite)
{
    private static string Line(StoredFact f) => string.Join(" | ", f.Fact.Region, f.Fact.Indicator, f.Fact.Period, f.Fact.Kind,
        // Money in whole units (the extractor may give 8255.3 billion as 8255299999999.999).
        Math.Round(f.Fact.Value, f.Fact.Unit == "%" ? 6 : 0).ToString("R", System.Globalization.CultureInfo.InvariantCulture), f.Fact.Unit, f.Fact.Qualifier, f.ReportId, f.ReportYear, f.Level, f.Province);

    [Fact]
    public async Task Ingested_synthetic_reports_give_the_expected_facts()
    {
        var pipeline = await SyntheticReportPipeline.CreateAsync(azurite, "rp" + Guid.NewGuid().ToString("N")[..10]);
        Assert.Equal(16, SyntheticReportPipeline.ReportNames.Count);
        var ingested = new List<StoredFact>();
        foreach (var indicator in IndicatorCatalog.All)
            await foreach (var f in pipeline.Reader.GetIndicatorFactsAsync(indicator.Code)) ingested.Add(f);
        var expected = InMemoryFactReader.LoadSyntheticFacts();
        Assert.Equal(expected.Select(Line).Order(StringComparer.Ordinal), ingested.Select(Line).Order(StringComparer.Ordinal));

        var jiaxing = new List<StoredFact>();
        await foreach (var f in pipeline.Reader.GetRegionFactsAsync("Jiaxing")) jiaxing.Add(f);
        Assert.Equal(14, jiaxing.Count);
    }
}
