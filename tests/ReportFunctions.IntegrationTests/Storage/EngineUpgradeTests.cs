using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

/// <summary>Improvements reach stored facts: a report read by an older engine version is re-extracted without a re-upload.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineUpgradeTests(AzuriteFixture azurite)
{
    private const string Text = """
        Report on the Work of the Government of Jiaxing
        Delivered at the Third Session of the Ninth Jiaxing Municipal People's Congress on January 15, 2024

        Last year the city's GDP reached 737.3 billion yuan, up 6.3 percent. Per capita disposable income of urban residents
        grew 4.9 percent and that of rural residents 6.8 percent. The main targets for this year are: GDP growth of around 6 percent.
        """;

    /// <summary>The "old engine": the real one, minus every growth fact (so the upgrade visibly adds facts).</summary>
    private static ExtractionResult OldEngine(string text, string? source)
    {
        var r = new ReportExtractor().Extract(text, source);
        return r with { Facts = r.Facts.Where(f => !f.Indicator.EndsWith("_growth", StringComparison.Ordinal)).ToList() };
    }

    private static async Task<List<string>> RegionFacts(StorageTestEnv env)
    {
        var list = new List<string>();
        await foreach (var f in env.Queries.GetRegionFactsAsync("Jiaxing")) list.Add($"{f.Fact.Indicator} {f.Fact.Period} {f.Fact.Kind} {f.Fact.Value}");
        return list.Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Report_of_an_older_engine_version_is_re_extracted_by_reconciliation_or_reextract(bool byReextract)
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        env.Ingestor.Extract = OldEngine;
        env.Ingestor.EngineVersion = "old-engine";
        await env.UploadBlobAsync("jiaxing-2024.txt", Text);
        var first = await env.Ingestor.IngestBlobAsync("jiaxing-2024.txt", CancellationToken.None);
        Assert.Equal(IngestResult.Succeeded, first.Result);
        var before = await RegionFacts(env);
        Assert.Equal(["gdp 2023 actual 737300000000"], before);
        var oldRow = (await env.Store.GetAsync(first.ReportId, default))!;
        Assert.Equal("old-engine", oldRow.EngineVersion);

        // The same process with the new engine: nothing re-uploaded.
        env.Ingestor.Extract = (text, source) => new ReportExtractor().Extract(text, source);
        env.Ingestor.EngineVersion = ReportExtractor.EngineVersion;
        Assert.False(env.Ingestor.IsCurrent(oldRow));
        var summary = byReextract
            ? await env.Ingestor.ReextractAsync(null, CancellationToken.None)
            : await env.Ingestor.ReconcileAsync(CancellationToken.None);
        Assert.Equal(1, summary.Ingested);

        var row = (await env.Store.GetAsync(first.ReportId, default))!;
        Assert.Equal(ReportStatus.Succeeded, row.Status);
        Assert.Equal(ReportExtractor.EngineVersion, row.EngineVersion);
        Assert.Equal(oldRow.ContentHash, row.ContentHash);
        Assert.NotEqual(oldRow.ActiveHash, row.ActiveHash);
        Assert.Equal(
            ["gdp 2023 actual 737300000000", "gdp_growth 2023 actual 6.3", "gdp_growth 2024 target 6", "rural_income_growth 2023 actual 6.8", "urban_income_growth 2023 actual 4.9"],
            await RegionFacts(env));
        // The old rows are gone from both tables: each fact is stored once per table.
        Assert.Equal(5, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);
        Assert.Equal(5, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count);

        // A second pass finds nothing outdated and re-reads nothing.
        var again = await env.Ingestor.ReconcileAsync(CancellationToken.None);
        Assert.Equal(0, again.Ingested);
        Assert.Equal(0, (await env.Ingestor.ReextractAsync(null, CancellationToken.None)).Blobs);
    }
}
