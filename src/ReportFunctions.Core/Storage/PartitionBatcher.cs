using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// Combines fact-row upserts of concurrent ingestions that go to the same partition into shared entity-group
/// transactions (up to 100 actions): while one transaction of a partition is in flight, the submissions that arrive are
/// sent together in the next. With many reports ingested at once, most go to the same indicator partitions, so this
/// turns a dozen transactions per report into a few. A transaction also stays under <see cref="MaxBytes"/> (estimated;
/// the service allows 4 MiB), since some rows carry a report's facts as text. Each caller's rows are still written before its call returns;
/// rows of different reports never share a key (their RowKeys carry the content hash), and a submission that repeats a
/// key already in the forming transaction waits for the next one. If a combined transaction fails, each submission in
/// it is retried alone, so one bad submission fails only its own caller. Used for upserts only (deletes carry ETags
/// and go straight to the table).
/// </summary>
internal sealed class PartitionBatcher
{
    public const int MaxActions = 100;

    /// <summary>The estimated size a shared transaction stays under (a submission larger than this goes alone).</summary>
    public const int MaxBytes = Rankings.TableWriter.MaxBatchBytes;

    private readonly ConcurrentDictionary<(Uri Table, string Partition), Queue> _queues = new();

    public static PartitionBatcher Shared { get; } = new();

    /// <summary>How long the first submission to an idle partition waits for others to join its transaction.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Off: each submission is its own transaction (for comparison in <c>reports bench-ingest --no-batching</c>).</summary>
    internal bool Enabled { get; set; } = true;

    /// <summary>Upserts <paramref name="actions"/> (all of one partition, at most <see cref="MaxActions"/>) in a transaction, possibly shared with others.</summary>
    public Task SubmitAsync(TableClient table, string partition, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count > MaxActions) throw new ArgumentOutOfRangeException(nameof(actions), "at most 100 actions per submission");
        if (!Enabled) return table.SubmitTransactionAsync(actions, cancellationToken);
        var key = (table.Uri, partition);
        var queue = _queues.GetOrAdd(key, k => new Queue(table, this, q => _queues.TryRemove(KeyValuePair.Create(k, q))));
        return queue.Enqueue(actions).WaitAsync(cancellationToken);
    }

    /// <summary>One partition's pending submissions; forgotten when idle (a caller still holding it just runs its own loop).</summary>
    private sealed class Queue(TableClient table, PartitionBatcher owner, Action<Queue> forget)
    {
        private readonly object _gate = new();
        private readonly List<(IReadOnlyList<TableTransactionAction> Actions, int Bytes, TaskCompletionSource Done)> _pending = [];
        private bool _running;

        public Task Enqueue(IReadOnlyList<TableTransactionAction> actions)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _pending.Add((actions, actions.Sum(a => a.Entity is TableEntity e ? Rankings.EntityText.EstimateBytes(e) : 1000), done));
                if (!_running)
                {
                    _running = true;
                    _ = Task.Run(RunAsync);
                }
            }
            return done.Task;
        }

        private async Task RunAsync()
        {
            if (owner.Linger > TimeSpan.Zero) await Task.Delay(owner.Linger).ConfigureAwait(false);
            while (true)
            {
                var batch = new List<(IReadOnlyList<TableTransactionAction> Actions, TaskCompletionSource Done)>();
                lock (_gate)
                {
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    var (count, bytes) = (0, 0);
                    for (var i = 0; i < _pending.Count;)
                    {
                        var (actions, size, done) = _pending[i];
                        if (count + actions.Count > MaxActions || (batch.Count > 0 && bytes + size > MaxBytes)) break;
                        // A submission repeating a key already in this transaction waits for a later one (the first always goes).
                        if (batch.Count > 0 && actions.Any(a => keys.Contains(a.Entity.RowKey))) { i++; continue; }
                        foreach (var a in actions) keys.Add(a.Entity.RowKey);
                        batch.Add((actions, done));
                        count += actions.Count;
                        bytes += size;
                        _pending.RemoveAt(i);
                    }
                    if (batch.Count == 0)
                    {
                        _running = false;
                        forget(this);
                        return;
                    }
                }
                await SendAsync(batch).ConfigureAwait(false);
            }
        }

        private async Task SendAsync(List<(IReadOnlyList<TableTransactionAction> Actions, TaskCompletionSource Done)> batch)
        {
            try
            {
                await table.SubmitTransactionAsync(batch.SelectMany(b => b.Actions).ToList(), CancellationToken.None).ConfigureAwait(false);
                foreach (var (_, done) in batch) done.TrySetResult();
                return;
            }
            catch (Exception) when (batch.Count > 1)
            {
                // Retried one by one below: only the submission at fault fails.
            }
            catch (Exception ex)
            {
                batch[0].Done.TrySetException(ex);
                return;
            }
            foreach (var (actions, done) in batch)
            {
                try
                {
                    await table.SubmitTransactionAsync(actions, CancellationToken.None).ConfigureAwait(false);
                    done.TrySetResult();
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                }
            }
        }
    }
}
