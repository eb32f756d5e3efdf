using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Core.Rankings;

/// <summary>The refresh lease: one run computes at a time (correctness never depends on it).</summary>
public sealed partial class RankingRefresher
{
    private async Task<RefreshLease> AcquireLeaseAsync(CancellationToken ct)
    {
        try
        {
            var container = _blobs.GetBlobContainerClient(StorageNames.LeasesContainer);
            await _leasesCreated.EnsureAsync(ct).ConfigureAwait(false); // done at start-up: no request here
            var blob = container.GetBlobClient(_settings.LeaseBlobName);
            try
            {
                await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412) { } // exists (or leased)
            var leaseClient = blob.GetBlobLeaseClient();
            var deadline = _time.GetUtcNow() + _settings.LeaseWait;
            while (true)
            {
                try
                {
                    await leaseClient.AcquireAsync(LeaseDuration, cancellationToken: ct).ConfigureAwait(false);
                    return new RefreshLease(leaseClient, _logger, LeaseRenewEvery);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    if (_time.GetUtcNow() >= deadline)
                    {
                        _logger.LogWarning("The rankings refresh lease is still held by another run after {Wait}; running anyway.", _settings.LeaseWait);
                        return RefreshLease.None;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException ex)
        {
            _logger.LogWarning(ex, "Could not take the rankings refresh lease ({Status} {Code}); running without it.", ex.Status, ex.ErrorCode);
            return RefreshLease.None;
        }
    }

    /// <summary>A held lease, renewed in the background until disposed, then released.</summary>
    private sealed class RefreshLease : IAsyncDisposable
    {
        public static readonly RefreshLease None = new(null, null, TimeSpan.Zero);

        private readonly BlobLeaseClient? _client;
        private readonly ILogger? _logger;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing = Task.CompletedTask;

        public RefreshLease(BlobLeaseClient? client, ILogger? logger, TimeSpan renewEvery)
        {
            _client = client;
            _logger = logger;
            if (client is not null) _renewing = RenewAsync(renewEvery);
        }

        public bool Held => _client is not null;

        private async Task RenewAsync(TimeSpan every)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(every, _stop.Token).ConfigureAwait(false);
                    await _client!.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { }
            catch (RequestFailedException ex)
            {
                _logger?.LogWarning(ex, "Lost the rankings refresh lease; the run goes on (publishing is safe without it).");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is null) return;
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            try { await _client.ReleaseAsync().ConfigureAwait(false); }
            catch (RequestFailedException ex) { _logger?.LogWarning(ex, "Could not release the rankings refresh lease; it expires by itself."); }
            _stop.Dispose();
        }
    }
}
