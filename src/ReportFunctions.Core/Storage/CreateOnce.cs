namespace ReportFunctions.Core.Storage;

/// <summary>
/// Runs a create-if-not-exists step once per instance: every caller awaits the same task, so the step issues its
/// requests once, however many callers arrive at once. A failed attempt is forgotten, so the next caller tries again.
/// </summary>
internal sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private readonly object _gate = new();
    private Task? _task;

    public bool Done => _task is { IsCompletedSuccessfully: true };

    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
                // Not the caller's token: one caller giving up must not cancel the creation others wait for.
                _task = Task.Run(() => create(CancellationToken.None), CancellationToken.None);
            return cancellationToken.CanBeCanceled ? _task.WaitAsync(cancellationToken) : _task;
        }
    }
}
