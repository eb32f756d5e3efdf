namespace ReportFunctions.Core.Api;

/// <summary>An HTTP request as the hosts hand it to Core: no ASP.NET or Functions types.</summary>
public sealed class ApiRequest
{
    public string Method { get; init; } = "GET";
    /// <summary>Route values by name ({region}, {code}, {id}), already URL-decoded.</summary>
    public IReadOnlyDictionary<string, string?> RouteValues { get; init; } = new Dictionary<string, string?>();
    /// <summary>Query string values (first value of each name), URL-decoded.</summary>
    public IReadOnlyDictionary<string, string?> Query { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    public string? Accept { get; init; }
    /// <summary>The <c>If-None-Match</c> header: entity tags the client holds (answered 304 when one is current).</summary>
    public string? IfNoneMatch { get; init; }
    public string? ContentType { get; init; }
    public long? ContentLength { get; init; }
    public Stream Body { get; init; } = Stream.Null;
    /// <summary>Scheme, host and path base of the app, e.g. <c>http://127.0.0.1:7071</c>, for links in responses.</summary>
    public string BaseUrl { get; init; } = "";

    public string? RouteValue(string name) => RouteValues.TryGetValue(name, out var v) ? v : null;
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;

    /// <summary>CSV when <c>?format=csv</c> or an Accept header that asks for text/csv.</summary>
    public bool WantsCsv =>
        string.Equals(QueryValue("format"), "csv", StringComparison.OrdinalIgnoreCase)
        || (Accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ?? false);
}
