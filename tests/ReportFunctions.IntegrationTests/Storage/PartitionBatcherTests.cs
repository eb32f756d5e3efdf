using Azure.Data.Tables;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

/// <summary>
/// The shared entity-group transactions of concurrent writers (<c>Storage/PartitionBatcher.cs</c>), against Azurite:
/// submissions to one partition that arrive together share transactions, every row is written before its caller
/// returns, a transaction stays under the size limit, and one bad submission fails only its own caller.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartitionBatcherTests(AzuriteFixture azurite)
{
    private async Task<(TableClient Table, StorageRequestRecorder Recorder)> NewTableAsync()
    {
        var recorder = new StorageRequestRecorder();
        var table = recorder.TableService(azurite.ConnectionString).GetTableClient("pb" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        recorder.Clear();
        return (table, recorder);
    }

    private static TableTransactionAction Upsert(string partition, string row, string text = "x") =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["Text"] = text });

    private static int Transactions(StorageRequestRecorder recorder) => recorder.All.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("$batch"));

    [Fact]
    public async Task Concurrent_submissions_to_one_partition_share_transactions_and_every_row_is_written()
    {
        var (table, recorder) = await NewTableAsync();
        var batcher = new PartitionBatcher { Linger = TimeSpan.FromMilliseconds(100) };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => batcher.SubmitAsync(table, "p", [Upsert("p", $"r{i:D2}")], CancellationToken.None)));

        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync();
        Assert.Equal(40, rows.Count);
        Assert.InRange(Transactions(recorder), 1, 10); // 40 alone would be 40
    }

    [Fact]
    public async Task A_shared_transaction_stays_under_the_size_limit()
    {
        var (table, recorder) = await NewTableAsync();
        var batcher = new PartitionBatcher { Linger = TimeSpan.FromMilliseconds(200) };
        var text = new string('a', 30_000); // about 45 KB each as estimated: 100 of them would be over the limit

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => batcher.SubmitAsync(table, "p", [Upsert("p", $"r{i:D3}", text)], CancellationToken.None)));

        Assert.Equal(100, (await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync()).Count);
        var estimated = 100 * ReportFunctions.Core.Rankings.EntityText.EstimateBytes(new TableEntity("p", "r000") { ["Text"] = text });
        // Split by size (more than one), yet shared (not one each, as after a refused oversize transaction).
        Assert.InRange(Transactions(recorder), (estimated + PartitionBatcher.MaxBytes - 1) / PartitionBatcher.MaxBytes, 10);
    }

    [Fact]
    public async Task A_bad_submission_fails_only_its_own_caller()
    {
        var (table, _) = await NewTableAsync();
        var batcher = new PartitionBatcher { Linger = TimeSpan.FromMilliseconds(100) };
        var bad = new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "bad") { ["Text"] = new string('b', 70_000) }); // over the 64 KiB property limit

        var good = Enumerable.Range(0, 5).Select(i => batcher.SubmitAsync(table, "p", [Upsert("p", $"g{i}")], CancellationToken.None)).ToList();
        var failing = batcher.SubmitAsync(table, "p", [bad], CancellationToken.None);

        await Task.WhenAll(good);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => failing);
        Assert.Equal(5, (await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync()).Count);
    }
}
