using System.Text;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Tests.Api;

/// <summary>
/// The answer cache's rules, on an endpoint whose answer is the current "data version" (what storage would hold):
/// served from memory only while the stamp was read recently, dropped when a stamp moves, never keeping an answer read
/// before a change that was seen while it was being read, and 304 only for the current tag.
/// </summary>
public sealed class ReadCacheTests
{
    private int _version = 1;
    private int _reads;
    private TaskCompletionSource? _gate;

    private ApiEndpoint Endpoint => new(ApiEndpointNames.GetRegionFacts, "GET", ApiRoutes.RegionFacts, async (request, ct) =>
    {
        Interlocked.Increment(ref _reads);
        var version = _version; // read "storage" first, then maybe wait (a slow request in flight)
        if (_gate is { } gate) await gate.Task;
        return new ApiResponse { Body = Encoding.UTF8.GetBytes($"{{\"version\":{version}}}") };
    });

    private static ApiRequest Request(string? ifNoneMatch = null) => new()
    {
        RouteValues = new Dictionary<string, string?> { ["region"] = "Jiaxing" },
        IfNoneMatch = ifNoneMatch,
    };

    private static Dictionary<DataArea, string> Stamps(string facts) => new() { [DataArea.Facts] = facts, [DataArea.Rankings] = "r" };

    [Fact]
    public async Task Serves_from_memory_only_while_the_stamp_was_read_within_the_bound()
    {
        using var cache = new ReadCache(new ReadCacheSettings { TrustFor = TimeSpan.FromSeconds(3) }, TimeProvider.System);
        var handler = cache.Wrap(Endpoint).Handler;

        await handler(Request(), default);
        await handler(Request(), default);
        Assert.Equal(2, _reads); // never read the stamp: no answer from memory

        cache.Observe(Stamps("a"), DateTimeOffset.UtcNow);
        await handler(Request(), default);
        await handler(Request(), default);
        Assert.Equal(3, _reads);

        cache.Observe(Stamps("a"), DateTimeOffset.UtcNow - TimeSpan.FromSeconds(10)); // an older read does not extend trust
        Assert.True(cache.IsTrusted(DateTimeOffset.UtcNow));
        Assert.False(cache.IsTrusted(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task A_moved_stamp_drops_the_answer_and_its_tag_is_no_longer_current()
    {
        using var cache = new ReadCache(new ReadCacheSettings(), TimeProvider.System);
        var handler = cache.Wrap(Endpoint).Handler;
        cache.Observe(Stamps("a"), DateTimeOffset.UtcNow);

        var first = await handler(Request(), default);
        var etag = first.Headers["ETag"];
        Assert.Equal(304, (await handler(Request(etag), default)).StatusCode);

        _version = 2;
        Assert.Equal(304, (await handler(Request(etag), default)).StatusCode); // the change is not seen yet (within the bound)
        cache.Observe(Stamps("a"), DateTimeOffset.UtcNow); // a Rankings-only or no change: nothing dropped
        Assert.Equal(304, (await handler(Request(etag), default)).StatusCode);
        cache.Observe(Stamps("b"), DateTimeOffset.UtcNow);
        var second = await handler(Request(etag), default);
        Assert.Equal(200, second.StatusCode);
        Assert.Equal("{\"version\":2}", second.BodyText);
        Assert.NotEqual(etag, second.Headers["ETag"]);
    }

    [Fact]
    public async Task An_answer_read_before_a_change_seen_during_the_read_is_not_kept()
    {
        using var cache = new ReadCache(new ReadCacheSettings(), TimeProvider.System);
        var handler = cache.Wrap(Endpoint).Handler;
        cache.Observe(Stamps("a"), DateTimeOffset.UtcNow);

        _gate = new TaskCompletionSource();
        var slow = handler(Request(), default); // reads version 1, then waits
        _version = 2;
        cache.Observe(Stamps("b"), DateTimeOffset.UtcNow); // the change is seen while the read is in flight
        _gate.SetResult();
        _gate = null;
        Assert.Equal("{\"version\":1}", (await slow).BodyText);

        Assert.Equal("{\"version\":2}", (await handler(Request(), default)).BodyText);
    }

    [Fact]
    public async Task Other_endpoints_and_errors_are_not_cached()
    {
        using var cache = new ReadCache(new ReadCacheSettings(), TimeProvider.System);
        cache.Observe(Stamps("a"), DateTimeOffset.UtcNow);
        var reads = 0;
        var reports = cache.Wrap(new ApiEndpoint(ApiEndpointNames.ListReports, "GET", ApiRoutes.Reports, (_, _) =>
            { reads++; return Task.FromResult(new ApiResponse()); }));
        await reports.Handler(Request(), default);
        await reports.Handler(Request(), default);
        Assert.Equal(2, reads);

        var failing = cache.Wrap(new ApiEndpoint(ApiEndpointNames.GetRegionFacts, "GET", ApiRoutes.RegionFacts, (_, _) =>
            { reads++; return Task.FromResult(ApiResponse.BadRequest("period", "bad")); }));
        await failing.Handler(Request(), default);
        await failing.Handler(Request(), default);
        Assert.Equal(4, reads);
    }

    [Fact]
    public void Keys_keep_parameters_apart()
    {
        ApiRequest R(params (string, string)[] query) => new()
        {
            RouteValues = new Dictionary<string, string?> { ["region"] = "a" },
            Query = query.ToDictionary(q => q.Item1, q => (string?)q.Item2, StringComparer.OrdinalIgnoreCase),
        };
        Assert.NotEqual(ReadCache.Key("e", R(("a", "b|q1:c2:d"))), ReadCache.Key("e", R(("a", "b"), ("c", "d"))));
        Assert.Equal(ReadCache.Key("e", R(("Kind", "x"), ("period", "y"))), ReadCache.Key("e", R(("period", "y"), ("kind", "x"))));
        Assert.NotEqual(ReadCache.Key("e", R()), ReadCache.Key("e", R(("format", "csv"))));
    }
}
