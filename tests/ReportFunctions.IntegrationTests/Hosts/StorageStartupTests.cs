using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;
using ReportFunctions.Functions;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Hosts;

/// <summary>
/// Containers and tables are created once, by the hosts' start-up step; ingestion, reconciliation and ranking refreshes
/// then issue no create request (each such request answered 409 and logged a warning on every run). Requests are counted
/// by a pipeline policy on the app's own storage clients, against a real Azurite of this test's own.
/// </summary>
public sealed class StorageStartupTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Start_up_creates_every_container_and_table_and_later_runs_issue_no_create_request()
    {
        var recorder = new StorageRequestRecorder();
        await using var provider = recorder.AppServices(_azurite.ConnectionString);

        // Start-up: the host starts its hosted services; one of them creates everything.
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, h => h is StorageStartup);
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        var created = recorder.Creates();
        Assert.Equal(StorageNames.AllTables.Count + 3, created.Count); // the tables, the reports, report-texts and leases containers
        var admin = new TableServiceClient(_azurite.ConnectionString);
        var tables = admin.QueryAsync().ToBlockingEnumerable().Select(t => t.Name).ToHashSet();
        Assert.Superset(StorageNames.AllTables.ToHashSet(), tables);
        var blobs = new BlobServiceClient(_azurite.ConnectionString);
        Assert.True((await blobs.GetBlobContainerClient(StorageNames.ReportsContainer).ExistsAsync()).Value);
        Assert.True((await blobs.GetBlobContainerClient(StorageNames.LeasesContainer).ExistsAsync()).Value);
        Assert.True((await blobs.GetBlobContainerClient(StorageNames.TextsContainer).ExistsAsync()).Value);

        // Hot paths: an ingestion, two reconciliations, two ranking refreshes.
        recorder.Clear();
        var seed = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order().First();
        await blobs.GetBlobContainerClient(StorageNames.ReportsContainer).GetBlobClient(Path.GetFileName(seed)).UploadAsync(seed, overwrite: true);
        var ingestor = provider.GetRequiredService<ReportIngestor>();
        var outcome = await ingestor.IngestBlobAsync(Path.GetFileName(seed), CancellationToken.None);
        Assert.Equal(IngestResult.Succeeded, outcome.Result);
        await ingestor.ReconcileAsync();
        await ingestor.ReconcileAsync();
        var refresher = provider.GetRequiredService<RankingRefresher>();
        var first = await refresher.RefreshAsync(CancellationToken.None);
        var second = await refresher.RefreshAsync(CancellationToken.None);
        Assert.True(first.HeldLease && second.HeldLease);
        Assert.True(first.FactsRead > 0);

        Assert.True(recorder.Count > 20, $"only {recorder.Count} requests were seen: the recorder is not on the app's clients");
        Assert.Empty(recorder.Creates());
    }

    [Fact]
    public async Task Concurrent_first_callers_create_the_reports_storage_once()
    {
        var recorder = new StorageRequestRecorder();
        var storage = new ReportStorage(recorder.TableService(_azurite.ConnectionString),
            recorder.BlobService(_azurite.ConnectionString), "once" + Guid.NewGuid().ToString("N")[..8]);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => storage.EnsureCreatedAsync())));
        await storage.EnsureCreatedAsync();

        Assert.Equal(6, recorder.Creates().Count); // two containers (reports, report texts), four tables (Reports, FactsByRegion, FactsByIndicator, RankingChanges)
    }
}
