namespace ReportFunctions.Core.Api;

/// <summary>One HTTP endpoint: its name (also the Azure Function's name), method, route and handler.</summary>
public sealed record ApiEndpoint(string Name, string Method, string Route, Func<ApiRequest, CancellationToken, Task<ApiResponse>> Handler);

/// <summary>A group of endpoints implemented in Core (facts and reports, rankings, ...).</summary>
public interface IApiModule
{
    IEnumerable<ApiEndpoint> Endpoints { get; }
}

/// <summary>All endpoints of all modules, looked up by name. Both hosts route every request through here.</summary>
public sealed class ApiDispatcher
{
    private readonly Dictionary<string, ApiEndpoint> _byName;

    /// <param name="cache">Answers the read endpoints it caches (<see cref="ReadCache.CachedEndpoints"/>) from memory while the data is unchanged.</param>
    public ApiDispatcher(IEnumerable<IApiModule> modules, ReadCache? cache = null)
    {
        _byName = modules.SelectMany(m => m.Endpoints).Select(e => cache?.Wrap(e) ?? e).ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<ApiEndpoint> Endpoints => _byName.Values;

    public async Task<ApiResponse> HandleAsync(string endpointName, ApiRequest request, CancellationToken cancellationToken)
    {
        if (!_byName.TryGetValue(endpointName, out var endpoint))
            return ApiResponse.Problem(404, "Endpoint not found", $"No endpoint named '{endpointName}'.");
        try
        {
            return await endpoint.Handler(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Azure.RequestFailedException ex)
        {
            return ApiResponse.Problem(503, "Storage unavailable", $"The storage service failed ({ex.Status} {ex.ErrorCode}). Try again later.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ApiResponse.Problem(500, "Internal error", "The request could not be completed. The error was logged.");
        }
    }
}
