using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

/// <summary>
/// Reads across many reports (an indicator's partition holds rows of every region's reports) judge each row against its
/// report's active hash: read for the whole page at once, by one range query of the reports partition, not one point read
/// per report (which made the first amplification answer over 300 cities take 1.8 s). The answer is the same.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActiveFactReadsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_indicator_read_over_40_reports_reads_their_active_hashes_in_one_query_and_keeps_only_current_rows()
    {
        var recorder = new StorageRequestRecorder();
        var env = await StorageTestEnv.CreateAsync(azurite, recorder: recorder);
        // 40 reports (one region, a report a year), each stating its own 2024 growth target.
        for (var year = 1990; year < 2030; year++)
            await env.IngestTextAsync($"zj-{year}.txt", StorageTestEnv.Report("Zhejiang", year, ("gdp_growth", "2024", "target", year - 1980)));
        // Three reports replaced by new content (their old rows are superseded), one of them failed (no current facts).
        foreach (var year in new[] { 1995, 2005 })
            await env.IngestTextAsync($"zj-{year}.txt", StorageTestEnv.Report("Zhejiang", year, ("gdp_growth", "2024", "target", 100 + year - 1980)));
        await env.IngestTextAsync("zj-2015.txt", "NOTREPORT replaced by a press release");
        // Rows no reader may show: a stale row of a current report (as a crash leaves) and a row of a report never switched to.
        var record = (await env.Store.GetAsync(ReportIds.FromBlobName("zj-2020.txt"), default))!;
        var stale = new StoredFact
        {
            Fact = new Fact { Region = "Zhejiang", Indicator = "gdp_growth", Period = "2024", Kind = "target", Value = 999, Unit = "%", Evidence = "stale" },
            ReportId = record.Id, ReportYear = 2020, Level = RegionLevels.Province,
        };
        await env.Store.WriteFactsAsync(record, new string('e', 64), [stale], default);
        var ghost = ReportIds.FromBlobName("ghost.txt");
        await env.Store.WriteFactsAsync(new ReportRecord { Id = ghost }, new string('f', 64), [stale with { ReportId = ghost }], default);

        recorder.Clear();
        var facts = new List<StoredFact>();
        await foreach (var f in env.Queries.GetIndicatorFactsAsync("gdp_growth", "2024", "target")) facts.Add(f);

        var expected = Enumerable.Range(1990, 40).Where(y => y != 2015).Select(y => y is 1995 or 2005 ? 100 + y - 1980 : y - 1980.0).Order();
        Assert.Equal(expected, facts.Select(f => f.Fact.Value).Order());
        Assert.Equal(39, facts.Select(f => f.ReportId).Distinct().Count());
        // One query of the facts, one of the reports' active hashes; a point read only to re-check the two reports with rows
        // of another hash (did either switch while we read?), as before.
        var requests = recorder.All;
        var pointReads = requests.Where(r => r.Contains("RowKey='", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pointReads.Count);
        Assert.Contains(pointReads, r => r.Contains(record.Id, StringComparison.Ordinal));
        Assert.Contains(pointReads, r => r.Contains(ghost, StringComparison.Ordinal));
        Assert.Equal(4, requests.Count);
    }

    [Fact]
    public async Task The_pages_of_one_read_share_the_active_hashes_they_read()
    {
        var recorder = new StorageRequestRecorder();
        var env = await StorageTestEnv.CreateAsync(azurite, recorder: recorder);
        // 40 reports x 28 periods: 1,120 current target rows of one indicator, more than one page (1,000) of facts.
        for (var year = 1990; year < 2030; year++)
            await env.IngestTextAsync($"zj-{year}.txt", StorageTestEnv.Report("Zhejiang", year,
                Enumerable.Range(2000, 28).Select(p => ("gdp_growth", p.ToString(), "target", (double)year)).ToArray()));

        recorder.Clear();
        var facts = new List<StoredFact>();
        await foreach (var f in env.Queries.GetIndicatorFactsOfAllPagesAsync("gdp_growth", null, "target", all: true)) facts.Add(f);

        Assert.Equal(1120, facts.Count);
        Assert.Equal(40, facts.Select(f => f.ReportId).Distinct().Count());
        var reportReads = recorder.All.Where(r => r.Contains("/" + env.Storage.Reports.Name, StringComparison.Ordinal)).ToList();
        Assert.Single(reportReads); // one range query on the first page; the second page knows every report
        Assert.DoesNotContain("RowKey='", reportReads[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_read_over_a_few_reports_reads_each_active_hash_once()
    {
        var recorder = new StorageRequestRecorder();
        var env = await StorageTestEnv.CreateAsync(azurite, recorder: recorder);
        for (var year = 2020; year < 2024; year++)
            await env.IngestTextAsync($"js-{year}.txt", StorageTestEnv.Report("Jiangsu", year, ("gdp_growth", (year - 1).ToString(), "actual", year - 2015), ("gdp_growth", year.ToString(), "target", 5)));

        recorder.Clear();
        var facts = new List<StoredFact>();
        await foreach (var f in env.Queries.GetRegionFactsAsync("Jiangsu")) facts.Add(f);

        Assert.Equal(8, facts.Count);
        Assert.Equal([5.0, 6, 7, 8], facts.Where(f => f.Fact.Kind == "actual").Select(f => f.Fact.Value).Order());
        var pointReads = recorder.All.Where(r => r.Contains("RowKey='", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, pointReads.Count);
        Assert.Equal(4, pointReads.Distinct().Count());
    }
}
