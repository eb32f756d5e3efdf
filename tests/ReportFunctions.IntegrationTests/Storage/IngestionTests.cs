using System.Text;
using Azure.Data.Tables;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionTests(AzuriteFixture azurite)
{
    private static readonly (string, string, string, double)[] ZhejiangFacts =
    [
        ("gdp", "2020", "actual", 6461300000000), ("gdp_growth", "2020", "actual", 3.6), ("gdp_growth", "2021", "target", 6),
    ];

    /// <summary>The key the fact rows of a content carry: the content hash with the current engine version.</summary>
    private static string Generation(string contentHash) => ReportRecord.Generation(contentHash, ReportExtractor.EngineVersion);

    private static async Task<List<StoredFact>> RegionFacts(StorageTestEnv env, string region)
    {
        var list = new List<StoredFact>();
        await foreach (var f in env.Queries.GetRegionFactsAsync(region)) list.Add(f);
        return list;
    }

    private static async Task<List<StoredFact>> IndicatorFacts(StorageTestEnv env, string indicator, string? period = null, string? kind = null)
    {
        var list = new List<StoredFact>();
        await foreach (var f in env.Queries.GetIndicatorFactsAsync(indicator, period, kind)) list.Add(f);
        return list;
    }

    [Fact]
    public async Task Ingest_stores_report_row_and_facts_in_both_tables()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var outcome = await env.IngestTextAsync("Zhejiang 2021.txt", StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));

        Assert.Equal(IngestResult.Succeeded, outcome.Result);
        Assert.Equal(3, outcome.FactCount);
        var row = await env.Store.GetAsync(outcome.ReportId, default);
        Assert.NotNull(row);
        Assert.Equal(ReportStatus.Succeeded, row!.Status);
        Assert.Equal("Zhejiang", row.Region);
        Assert.Equal(RegionLevels.Province, row.Level);
        Assert.Equal(2021, row.Year);
        Assert.Equal(3, row.FactCount);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(64, row.ContentHash!.Length);
        Assert.Equal(ReportExtractor.EngineVersion, row.EngineVersion);
        Assert.Equal(ReportRecord.Generation(row.ContentHash, row.EngineVersion), row.ActiveHash);
        Assert.NotNull(row.IngestedAt);
        Assert.False(row.NeedsCleanup);

        var facts = await RegionFacts(env, "Zhejiang");
        Assert.Equal(3, facts.Count);
        var gdp = Assert.Single(facts, f => f.Fact.Indicator == "gdp");
        Assert.Equal(6461300000000, gdp.Fact.Value);
        Assert.Equal("CNY", gdp.Fact.Unit);
        Assert.Equal(outcome.ReportId, gdp.ReportId);
        Assert.Equal(2021, gdp.ReportYear);
        Assert.StartsWith("gdp 2020 actual", gdp.Fact.Evidence);
        Assert.True(gdp.Fact.EvidenceStart > 0);

        var growth = await IndicatorFacts(env, "gdp_growth", "2020", "actual");
        Assert.Equal(3.6, Assert.Single(growth).Fact.Value);
        Assert.Equal(3, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);
        Assert.Equal(3, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count);
    }

    [Fact]
    public async Task Same_blob_delivered_twice_leaves_one_copy_of_each_fact_and_is_skipped()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var text = StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts);
        Assert.Equal(IngestResult.Succeeded, (await env.IngestTextAsync("zj.txt", text)).Result);
        var second = await env.IngestTextAsync("zj.txt", text);
        Assert.Equal(IngestResult.Skipped, second.Result);
        Assert.Equal(1, env.ExtractCalls);

        Assert.Equal(3, (await RegionFacts(env, "Zhejiang")).Count);
        Assert.Equal(3, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);
        Assert.Equal(3, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count);
    }

    [Fact]
    public async Task Changed_blob_replaces_old_facts_without_stale_rows()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        await env.IngestTextAsync("report.txt", StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));
        // Same name, new content: another region and other facts.
        var outcome = await env.IngestTextAsync("report.txt", StorageTestEnv.Report("Jiaxing", 2022, ("gdp", "2021", "actual", 635500000000), ("cpi_growth", "2022", "target", 3)));
        Assert.Equal(IngestResult.Succeeded, outcome.Result);

        Assert.Empty(await RegionFacts(env, "Zhejiang"));
        Assert.Equal(2, (await RegionFacts(env, "Jiaxing")).Count);
        Assert.Empty(await IndicatorFacts(env, "gdp_growth"));
        var byRegion = await env.RawRowsAsync(env.Storage.FactsByRegion);
        var byIndicator = await env.RawRowsAsync(env.Storage.FactsByIndicator);
        Assert.Equal(2, byRegion.Count);
        Assert.Equal(2, byIndicator.Count);
        Assert.All(byRegion.Concat(byIndicator), e => Assert.Equal(Generation(outcome.ContentHash!), e.GetString("Hash")));
        var row = await env.Store.GetAsync(outcome.ReportId, default);
        Assert.Equal(["Jiaxing"], row!.TouchedRegions);
        Assert.Equal("Zhejiang", row.Province);
    }

    [Fact]
    public async Task Two_reports_stating_the_same_fact_are_both_kept()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var r2023 = await env.IngestTextAsync("zhejiang-2023.txt", StorageTestEnv.Report("Zhejiang", 2023, ("gdp_growth", "2023", "target", 5), ("gdp", "2022", "actual", 7700000000000)));
        var r2024 = await env.IngestTextAsync("zhejiang-2024.txt", StorageTestEnv.Report("Zhejiang", 2024, ("gdp", "2022", "actual", 7771500000000), ("gdp", "2023", "actual", 8255300000000)));

        var all = await RegionFacts(env, "Zhejiang");
        Assert.Equal(4, all.Count);
        var latest = FactSelection.LatestPerKey(all);
        var gdp2022 = Assert.Single(latest, f => f.Fact.Indicator == "gdp" && f.Fact.Period == "2022");
        Assert.Equal(r2024.ReportId, gdp2022.ReportId);
        Assert.Equal(7771500000000, gdp2022.Fact.Value);

        // The 2023 report's facts stay with it.
        Assert.Equal(2, (await env.Queries.GetReportFactsAsync((await env.Store.GetAsync(r2023.ReportId, default))!, default)).Count);
    }

    [Fact]
    public async Task Failure_mid_write_leaves_old_facts_visible_and_retry_recovers()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var v1 = await env.IngestTextAsync("zj.txt", StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));
        Assert.Equal(IngestResult.Succeeded, v1.Result);

        // v2: 150 facts (two transactions in FactsByRegion) over several indicators.
        var codes = new[] { "gdp", "retail_sales", "exports" };
        var v2Facts = Enumerable.Range(0, 150).Select(i => (codes[i % 3], (1900 + i / 3).ToString(), "actual", (double)i)).ToArray();
        var v2Text = StorageTestEnv.Report("Zhejiang", 2022, v2Facts);
        var transactions = 0;
        env.Store.AfterFactTransaction = () =>
        {
            if (++transactions == 1) throw new IOException("simulated crash after the first transaction");
            return Task.CompletedTask;
        };
        await Assert.ThrowsAsync<IOException>(() => env.IngestTextAsync("zj.txt", v2Text));

        // Some v2 rows exist, but readers see exactly v1.
        Assert.Equal(100, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count(e => e.GetString("Hash") != Generation(v1.ContentHash!)));
        await AssertSeesExactly(env, Generation(v1.ContentHash!), 3);
        var row = await env.Store.GetAsync(v1.ReportId, default);
        Assert.Equal(ReportStatus.Processing, row!.Status);
        Assert.Equal(ReportRecord.Generation(v1.ContentHash!, row.EngineVersion), row.ActiveHash);
        Assert.Contains("simulated crash", row.LastError);

        // The retry (the trigger's) writes everything, switches, and deletes the v1 rows.
        env.Store.AfterFactTransaction = null;
        var v2 = await env.IngestTextAsync("zj.txt", v2Text);
        Assert.Equal(IngestResult.Succeeded, v2.Result);
        await AssertSeesExactly(env, Generation(v2.ContentHash!), 150);
        Assert.Equal(150, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);
        Assert.Equal(150, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count);
        Assert.Equal(2, (await env.Store.GetAsync(v1.ReportId, default))!.Attempts);
    }

    private static async Task AssertSeesExactly(StorageTestEnv env, string hash, int count)
    {
        var facts = await RegionFacts(env, "Zhejiang");
        Assert.Equal(count, facts.Count);
        var raw = (await env.RawRowsAsync(env.Storage.FactsByRegion)).Where(e => e.GetString("Hash") == hash).Select(e => e.GetString("Evidence")).ToHashSet();
        Assert.All(facts, f => Assert.Contains(f.Fact.Evidence, raw));
        foreach (var code in new[] { "gdp", "retail_sales", "exports", "gdp_growth" })
        {
            var rows = (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Where(e => e.PartitionKey == code && e.GetString("Hash") == hash).ToList();
            Assert.Equal(rows.Count, (await IndicatorFacts(env, code)).Count);
        }
    }

    [Fact]
    public async Task Rows_left_by_a_crash_after_the_switch_are_invisible_and_deleted_by_the_next_run()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var text = StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts);
        var v1 = await env.IngestTextAsync("zj.txt", text);
        // As if a crash stopped a run after it wrote rows of another content and before they were deleted.
        var record = (await env.Store.GetAsync(v1.ReportId, default))!;
        var stale = new StoredFact
        {
            Fact = new Fact { Region = "Zhejiang", Indicator = "gdp", Period = "2020", Kind = "actual", Value = 999, Unit = "CNY", Evidence = "stale" },
            ReportId = v1.ReportId, ReportYear = 2030, Level = RegionLevels.Province,
        };
        await env.Store.WriteFactsAsync(record, new string('e', 64), [stale], default);
        // Rows of a report that has no active content (its row was created without a switch).
        await env.Store.WriteFactsAsync(new ReportRecord { Id = ReportIds.FromBlobName("ghost.txt") }, new string('f', 64), [stale with { ReportId = ReportIds.FromBlobName("ghost.txt") }], default);
        Assert.Equal(5, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);

        var visible = await RegionFacts(env, "Zhejiang");
        Assert.Equal(3, visible.Count);
        Assert.DoesNotContain(visible, f => f.Fact.Value == 999);
        Assert.DoesNotContain(await IndicatorFacts(env, "gdp"), f => f.Fact.Value == 999);

        // The next delivery of the same content is skipped but finishes the cleanup.
        Assert.Equal(IngestResult.Skipped, (await env.IngestTextAsync("zj.txt", text)).Result);
        var rows = await env.RawRowsAsync(env.Storage.FactsByRegion);
        Assert.Equal(4, rows.Count); // v1's 3 + the ghost's row (never active, never shown)
        Assert.Equal(3, rows.Count(e => e.GetString("ReportId") == v1.ReportId));
        Assert.Equal(3, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count(e => e.GetString("ReportId") == v1.ReportId));
        Assert.False((await env.Store.GetAsync(v1.ReportId, default))!.NeedsCleanup);
    }

    [Fact]
    public async Task A_cleanup_running_while_new_content_is_written_keeps_the_new_rows()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var v1 = await env.IngestTextAsync("zj.txt", StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));
        var old = (await env.Store.GetAsync(v1.ReportId, default))!;
        old.NeedsCleanup = true; // as an earlier run, still cleaning up, holds it

        var codes = new[] { "gdp", "retail_sales", "exports" };
        var v2Text = StorageTestEnv.Report("Zhejiang", 2022, Enumerable.Range(0, 150).Select(i => (codes[i % 3], (1900 + i / 3).ToString(), "actual", (double)i)).ToArray());
        var ran = false;
        env.Store.AfterFactTransaction = async () =>
        {
            if (ran) return;
            ran = true;
            await env.Store.CleanupAsync(old, default); // between the new content's first and second transaction
        };
        var v2 = await env.IngestTextAsync("zj.txt", v2Text);
        Assert.True(ran);
        Assert.Equal(IngestResult.Succeeded, v2.Result);
        Assert.Equal(150, (await RegionFacts(env, "Zhejiang")).Count);
        Assert.Equal(150, (await env.RawRowsAsync(env.Storage.FactsByRegion)).Count);
        Assert.Equal(150, (await env.RawRowsAsync(env.Storage.FactsByIndicator)).Count);
    }

    [Fact]
    public async Task Report_that_keeps_throwing_ends_failed_after_max_attempts()
    {
        var env = await StorageTestEnv.CreateAsync(azurite, new ReportFunctionsOptions { MaxIngestAttempts = 3 });
        var text = "REGION: Zhejiang\nTHROW\n";
        await Assert.ThrowsAsync<InvalidOperationException>(() => env.IngestTextAsync("bad.txt", text));
        await Assert.ThrowsAsync<InvalidOperationException>(() => env.IngestTextAsync("bad.txt", text));
        var third = await env.IngestTextAsync("bad.txt", text);
        Assert.Equal(IngestResult.Failed, third.Result);
        Assert.Contains("after 3 attempts", third.Reason);
        Assert.Contains("test extractor was told to throw", third.Reason);
        var row = await env.Store.GetAsync(third.ReportId, default);
        Assert.Equal(ReportStatus.Failed, row!.Status);
        Assert.Equal(3, row.Attempts);
        // Final: the next delivery of the same content is skipped.
        Assert.Equal(IngestResult.Skipped, (await env.IngestTextAsync("bad.txt", text)).Result);

        // The reconciliation pass keeps going past a failing blob.
        await env.UploadBlobAsync("throws.txt", "THROW\n");
        await env.UploadBlobAsync("good.txt", StorageTestEnv.Report("Hangzhou", 2021, ("gdp", "2020", "actual", 1.6e12)));
        var summary = await env.Ingestor.ReconcileAsync();
        Assert.Equal(1, summary.Errors);
        Assert.Equal(1, summary.Ingested);
        Assert.Single(await RegionFacts(env, "Hangzhou"));
    }

    [Theory]
    [InlineData("%PDF-1.7\n...", "corrupt PDF: ")]
    [InlineData("PK\u0003\u0004zipdata", "not text: looks like a zip")]
    [InlineData("NOTREPORT it is a menu", "not a work report: it is a menu")]
    [InlineData("Nothing to see here\n", "no region recognised")]
    public async Task Content_errors_are_recorded_as_failed_with_a_reason(string content, string reason)
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var outcome = await env.IngestTextAsync("x.txt", content);
        Assert.Equal(IngestResult.Failed, outcome.Result);
        Assert.StartsWith(reason, outcome.Reason);
        var row = await env.Store.GetAsync(outcome.ReportId, default);
        Assert.Equal(ReportStatus.Failed, row!.Status);
        Assert.StartsWith(reason, row.Error);
    }

    [Fact]
    public async Task Empty_file_is_failed_and_a_deleted_blob_is_skipped()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        Assert.Equal("file is empty", (await env.IngestTextAsync("empty.txt", "")).Reason);
        var gone = await env.Ingestor.IngestBlobAsync("never-uploaded.txt", default);
        Assert.Equal(IngestResult.Skipped, gone.Result);
        Assert.Null(await env.Store.GetAsync(gone.ReportId, default));
    }

    [Fact]
    public async Task Image_and_invalid_encoding_are_failed()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var png = await env.Ingestor.IngestAsync("a.png", new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]), default);
        Assert.StartsWith("not text: looks like a PNG", png.Reason);
        var junk = await env.Ingestor.IngestAsync("junk.txt", new MemoryStream([0x41, 0xFF, 0xFF, 0xFF, 0x80, 0x41]), default);
        Assert.Equal("not valid UTF-8 or GB18030 text", junk.Reason);
    }

    [Fact]
    public async Task Gb18030_text_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var env = await StorageTestEnv.CreateAsync(azurite);
        var text = "政府工作报告\n" + StorageTestEnv.Report("Zhaoqing", 2021, ("gdp", "2020", "actual", 2.3e11));
        var outcome = await env.Ingestor.IngestAsync("zhaoqing.txt", new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(text)), default);
        Assert.Equal(IngestResult.Succeeded, outcome.Result);
        Assert.Single(await RegionFacts(env, "Zhaoqing"));
    }

    [Fact]
    public async Task Oversized_report_is_failed_without_reading_it_all()
    {
        var env = await StorageTestEnv.CreateAsync(azurite, new ReportFunctionsOptions { MaxReportBytes = 10 * 1024 * 1024 });
        var stream = new CountingStream(50L * 1024 * 1024);
        var outcome = await env.Ingestor.IngestAsync("huge.txt", stream, default);
        Assert.Equal(IngestResult.Failed, outcome.Result);
        Assert.Equal("file is larger than the 10 MiB limit", outcome.Reason);
        Assert.True(stream.BytesRead <= 10 * 1024 * 1024 + 1, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task Unknown_region_with_facts_is_stored_under_unknown_with_a_warning()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var outcome = await env.IngestTextAsync("mystery.txt", "REGION: Atlantis\nYEAR: 2021\ngdp 2020 actual 100 CNY\n");
        Assert.Equal(IngestResult.Succeeded, outcome.Result);
        var row = await env.Store.GetAsync(outcome.ReportId, default);
        Assert.Equal("unknown", row!.Region);
        Assert.Contains(row.Warnings, w => w.Contains("no region recognised"));
        Assert.Single(await RegionFacts(env, "unknown"));
    }

    [Fact]
    public async Task Content_failure_after_success_removes_the_old_facts()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        await env.IngestTextAsync("r.txt", StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));
        var outcome = await env.IngestTextAsync("r.txt", "%PDF-1.4 binary");
        Assert.Equal(IngestResult.Failed, outcome.Result);
        Assert.Empty(await RegionFacts(env, "Zhejiang"));
        Assert.Empty(await env.RawRowsAsync(env.Storage.FactsByRegion));
        Assert.Empty(await env.RawRowsAsync(env.Storage.FactsByIndicator));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("dir/sub dir/浙江 2021 报告.txt")]
    [InlineData("a#b?c\\d.txt")]
    [InlineData("报告.txt")]
    public async Task Report_ids_are_safe_for_keys_and_urls(string name)
    {
        var id = ReportIds.FromBlobName(name);
        Assert.True(ReportIds.IsWellFormed(id), id);
        Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || c > 127);
        Assert.NotEqual(id, ReportIds.FromBlobName(name + "x"));
        Assert.Equal(id, ReportIds.FromBlobName(name));

        var env = await StorageTestEnv.CreateAsync(azurite);
        var outcome = await env.IngestTextAsync(name, StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));
        Assert.Equal(IngestResult.Succeeded, outcome.Result);
        Assert.Equal(id, outcome.ReportId);
        Assert.Equal(name, (await env.Store.GetAsync(id, default))!.BlobName);
    }

    [Fact]
    public async Task Reconcile_ingests_missed_blobs_skips_unchanged_and_reingests_changed()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        await env.UploadBlobAsync("a.txt", StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts));
        await env.UploadBlobAsync("b.txt", StorageTestEnv.Report("Jiaxing", 2021, ("gdp", "2020", "actual", 5.5e11)));
        await env.UploadBlobAsync("c.pdf", "%PDF-1.4");

        var first = await env.Ingestor.ReconcileAsync();
        Assert.Equal(new ReconcileSummary(3, 2, 0, 1, 0), first);
        var calls = env.ExtractCalls;

        var second = await env.Ingestor.ReconcileAsync();
        Assert.Equal(new ReconcileSummary(3, 0, 3, 0, 0), second);
        Assert.Equal(calls, env.ExtractCalls);

        await env.UploadBlobAsync("b.txt", StorageTestEnv.Report("Jiaxing", 2021, ("gdp", "2020", "actual", 5.6e11)));
        var third = await env.Ingestor.ReconcileAsync();
        Assert.Equal(new ReconcileSummary(3, 1, 2, 0, 0), third);
        Assert.Equal(5.6e11, Assert.Single(await RegionFacts(env, "Jiaxing")).Fact.Value);
    }

    [Fact]
    public async Task Blob_ingested_by_the_trigger_is_not_reprocessed_by_reconcile()
    {
        var env = await StorageTestEnv.CreateAsync(azurite);
        var text = StorageTestEnv.Report("Zhejiang", 2021, ZhejiangFacts);
        await env.UploadBlobAsync("t.txt", text);
        Assert.Equal(IngestResult.Succeeded, (await env.Ingestor.IngestBlobAsync("t.txt", default)).Result);
        var summary = await env.Ingestor.ReconcileAsync();
        Assert.Equal(new ReconcileSummary(1, 0, 1, 0, 0), summary);
        Assert.Equal(1, env.ExtractCalls);
    }

    /// <summary>A large non-seekable stream of text that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            BytesRead += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
