using ReportFunctions.Core.Domain;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>The synthetic reports, ingested through the pipeline, give exactly the facts make_reports.py wrote down (facts.jsonl).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsSyntheticReportPipelineTests(AzuriteFixture azurite)
{
    private static string Line(StoredFact f) => string.Join(" | ", f.Fact.Region, f.Fact.Indicator, f.Fact.Period, f.Fact.Kind,
        f.Fact.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), f.Fact.Unit, f.Fact.Qualifier, f.ReportId, f.ReportYear, f.Level, f.Province);

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
