using Azure;
using Azure.Data.Tables;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Writes many rows within Table Storage's limits: entity-group transactions of at most 100 operations and about
/// 3 MB, all in one partition; several partitions at once (bounded); a request the service refuses for load
/// (<see cref="TableRetry"/>) is tried again after an exponential, jittered delay.
/// </summary>
internal static class TableWriter
{
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 3_000_000;

    /// <summary>One batch that the service rejected (a 4xx of one of its operations, e.g. an ETag that no longer matches).</summary>
    public sealed record FailedBatch(IReadOnlyList<TableTransactionAction> Actions, TableTransactionFailedException Error);

    /// <summary>
    /// Submits <paramref name="actions"/> in batches (per partition, in the given order within one); returns the
    /// batches that failed with a 4xx so that the caller can handle their rows one by one.
    /// </summary>
    /// <param name="rowWritten">Called with each row written and its new ETag (from the batch's responses).</param>
    public static async Task<List<FailedBatch>> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, int parallelism,
        Action<int>? written, CancellationToken ct, Action<TableTransactionAction, ETag>? rowWritten = null)
    {
        var batches = Batches(actions).ToList();
        var failed = new List<FailedBatch>();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct }, async (batch, token) =>
        {
            try
            {
                var responses = await TableRetry.RunAsync(() => table.SubmitTransactionAsync(batch, token), token).ConfigureAwait(false);
                written?.Invoke(batch.Count);
                if (rowWritten is not null)
                    for (var i = 0; i < batch.Count && i < responses.Value.Count; i++)
                        if (responses.Value[i].Headers.ETag is { } etag) rowWritten(batch[i], etag);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is >= 400 and < 500)
            {
                lock (failed) failed.Add(new FailedBatch(batch, ex));
            }
        }).ConfigureAwait(false);
        return failed;
    }

    /// <summary>Deletes rows (each with its ETag, or any), ignoring rows already gone or changed since listed; returns the rows deleted.</summary>
    public static async Task<int> DeleteAsync(TableClient table, IEnumerable<ITableEntity> rows, int parallelism, CancellationToken ct)
    {
        var deleted = 0;
        var failed = await SubmitAsync(table, rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag == default ? ETag.All : r.ETag)),
            parallelism, n => Interlocked.Add(ref deleted, n), ct).ConfigureAwait(false);
        foreach (var batch in failed)
        {
            foreach (var a in batch.Actions)
            {
                try
                {
                    await TableRetry.RunAsync(() => table.DeleteEntityAsync(a.Entity.PartitionKey, a.Entity.RowKey, a.ETag, ct), ct).ConfigureAwait(false);
                    deleted++;
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412) { }
            }
        }
        return deleted;
    }

    internal static IEnumerable<List<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions)
    {
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            var bytes = 0;
            foreach (var a in partition)
            {
                var size = a.Entity is TableEntity e ? EntityText.EstimateBytes(e) : 500;
                if (batch.Count > 0 && (batch.Count == MaxBatchOperations || bytes + size > MaxBatchBytes))
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }
                batch.Add(a);
                bytes += size;
            }
            if (batch.Count > 0) yield return batch;
        }
    }
}

/// <summary>
/// Retries a storage request the service refused for load: 503 (ServerBusy), 500 (OperationTimedOut, InternalError),
/// 429 and 408, after 0.25 s, 0.5 s, 1 s... (at most 16 s) with +-50% jitter, up to <see cref="MaxAttempts"/> tries.
/// The clients' own retry policy (Azure.Core: 3 tries, exponential) runs inside each try; this covers the failures
/// it leaves, such as a refused entity-group transaction.
/// </summary>
internal static class TableRetry
{
    public const int MaxAttempts = 6;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(16);

    public static bool IsTransient(RequestFailedException ex) =>
        ex.Status is 408 or 429 or 503 or 502 or 504
        || (ex.Status == 500 && ex.ErrorCode is null or "OperationTimedOut" or "InternalError" or "ServerBusy");

    public static TimeSpan Delay(int attempt)
    {
        var ms = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ms * (0.5 + Random.Shared.NextDouble()));
    }

    public static async Task RunAsync(Func<Task> request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await request().ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (IsTransient(ex) && attempt + 1 < MaxAttempts)
            {
                await Task.Delay(Delay(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request().ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (IsTransient(ex) && attempt + 1 < MaxAttempts)
            {
                await Task.Delay(Delay(attempt), ct).ConfigureAwait(false);
            }
        }
    }
}
