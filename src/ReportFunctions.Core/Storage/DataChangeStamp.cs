using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Core.Storage;

/// <summary>What a change touched: the facts (ingestion, re-extraction, a report failing) or the rankings and attainment sets (a refresh).</summary>
public enum DataArea
{
    Facts,
    Rankings,
}

/// <summary>
/// One row (table <see cref="StorageNames.DataStampTable"/>) saying when each <see cref="DataArea"/> last changed: writers
/// <see cref="TouchAsync"/> it after a change is visible to readers, and every instance's <see cref="Api.DataChangeWatcher"/>
/// reads it once per poll interval (one point read) and drops its cached answers of an area whose stamp moved.
/// Every touch writes a new random value into the area's column (a merge: other areas' columns stay), so any touch since
/// a read is seen, whoever wrote it. Touches arriving while one is being written are coalesced into the next write,
/// which starts after they arrived (so a caller's change is always covered by a write that began after it).
/// </summary>
public sealed class DataChangeStamp
{
    public const string Partition = "stamp";
    public const string Row = "data";

    private readonly TableClient _table;
    private readonly ILogger<DataChangeStamp> _logger;
    private readonly CreateOnce _created;
    private readonly Coalescer[] _coalescers;

    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public DataChangeStamp(ReportStorage storage, ILogger<DataChangeStamp> logger)
        : this(storage.TableService.GetTableClient(storage.NamePrefix + StorageNames.DataStampTable), logger) { }

    public DataChangeStamp(TableClient table, ILogger<DataChangeStamp>? logger = null)
    {
        _table = table;
        _logger = logger ?? NullLogger<DataChangeStamp>.Instance;
        _created = new CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
        _coalescers = Enum.GetValues<DataArea>().Select(a => new Coalescer(ct => WriteAsync(a, ct))).ToArray();
    }

    public TableClient Table => _table;

    /// <summary>Creates the table once per instance (the hosts' start-up step, <see cref="StorageStartup"/>).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _created.EnsureAsync(cancellationToken);

    /// <summary>
    /// Records that <paramref name="area"/> changed; call it after the change is visible to readers. Returns once a write
    /// that started after this call has landed. A storage error is logged, not thrown (the change itself is done; cached
    /// answers then expire after <see cref="Api.ReadCacheSettings.MaxEntryAge"/> at the latest).
    /// </summary>
    public async Task TouchAsync(DataArea area, CancellationToken cancellationToken = default)
    {
        try
        {
            await _coalescers[(int)area].RunAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "Could not record a change of the {Area} data; caches drop their answers at their maximum age", area);
        }
    }

    /// <summary>The stamp of every area (one point read; empty strings for areas never touched), or null if the row does not exist yet.</summary>
    public async Task<IReadOnlyDictionary<DataArea, string>?> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue) return null;
        return Enum.GetValues<DataArea>().ToDictionary(a => a, a => row.Value!.GetString(a.ToString()) ?? "");
    }

    private async Task WriteAsync(DataArea area, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, Row) { [area.ToString()] = Guid.NewGuid().ToString("N") };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (attempt < 3 && ex.Status is 408 or 429 or 500 or 503)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs a write for every caller, merging callers that arrive while a write is in flight into one next write
    /// (which starts after all of them arrived).
    /// </summary>
    private sealed class Coalescer(Func<CancellationToken, Task> write)
    {
        private readonly object _gate = new();
        private TaskCompletionSource? _next;
        private bool _running;

        public Task RunAsync()
        {
            lock (_gate)
            {
                _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var task = _next.Task;
                if (!_running)
                {
                    _running = true;
                    _ = Task.Run(LoopAsync);
                }
                return task;
            }
        }

        private async Task LoopAsync()
        {
            while (true)
            {
                TaskCompletionSource batch;
                lock (_gate)
                {
                    if (_next is null) { _running = false; return; }
                    batch = _next;
                    _next = null;
                }
                try
                {
                    await write(CancellationToken.None).ConfigureAwait(false);
                    batch.SetResult();
                }
                catch (Exception ex)
                {
                    batch.SetException(ex);
                }
            }
        }
    }
}
