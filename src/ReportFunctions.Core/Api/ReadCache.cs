using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Api;

/// <summary>Tuning of <see cref="ReadCache"/> and <see cref="DataChangeWatcher"/>; the defaults suit the hosts.</summary>
public sealed class ReadCacheSettings
{
    /// <summary>How often each instance reads the <see cref="DataChangeStamp"/> row (one point read).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// Cached answers are served only while the last successful stamp read started at most this long ago; otherwise every
    /// request reads storage. This is the bound on how stale an answer can be (<see cref="ReadCache"/>).
    /// </summary>
    public TimeSpan TrustFor { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Bytes of answers kept per instance (bodies and keys, for each data area).</summary>
    public long SizeLimitBytes { get; init; } = 32L << 20;
    /// <summary>A backstop: an answer is read again at the latest this long after it was cached, even without a change seen.</summary>
    public TimeSpan MaxEntryAge { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>An answer that shows ages is rendered again when its ages are older than this (their resolution is 0.1 s).</summary>
    public TimeSpan RerenderAfter { get; init; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// The read endpoints' answer cache, one per instance. Region facts, indicator facts, rankings and attainment answers
/// (200 and 404, JSON and CSV) are kept serialized, keyed by endpoint, route values, every query parameter (so each
/// continuation page and all=true is its own entry) and the format asked for. A 200 carries a strong <c>ETag</c> (hash of
/// the body; for answers showing ages, of the body rendered with ages zero, and then weak) and <c>Cache-Control: no-cache</c>;
/// <c>If-None-Match</c> with a current tag is answered 304 without a body.
/// <para>Freshness: <see cref="DataChangeWatcher"/> reads the <see cref="DataChangeStamp"/> row every
/// <see cref="ReadCacheSettings.PollInterval"/> and calls <see cref="Observe"/>; an area whose stamp moved gets a new generation
/// and entries of an older one are never served. Entries are served only while the last successful read started within
/// <see cref="ReadCacheSettings.TrustFor"/>, so a change is seen by every instance within that bound (plus the writer's touch
/// and the request's own time), also when storage cannot be read. The generation is taken before the storage read, so an
/// answer read before a change and stored after it is not served.</para>
/// </summary>
public sealed class ReadCache : IDisposable
{
    /// <summary>The cached endpoints and the data each answer depends on.</summary>
    public static readonly IReadOnlyDictionary<string, DataArea> CachedEndpoints = new Dictionary<string, DataArea>(StringComparer.Ordinal)
    {
        [ApiEndpointNames.ListRegions] = DataArea.Facts, // regions of the reports with facts: changes when a report's facts do
        [ApiEndpointNames.GetRegionFacts] = DataArea.Facts,
        [ApiEndpointNames.GetAmplification] = DataArea.Facts, // from the stored target facts
        [ApiEndpointNames.GetIndicatorFacts] = DataArea.Facts,
        [ApiEndpointNames.GetRanking] = DataArea.Rankings,
        [ApiEndpointNames.GetAttainment] = DataArea.Rankings,
        [ApiEndpointNames.GetRegionAttainment] = DataArea.Rankings,
    };

    private static readonly int Areas = Enum.GetValues<DataArea>().Length;

    private readonly TimeProvider _time;
    private readonly MemoryCache[] _caches;
    private readonly long[] _generations = new long[Areas];
    private readonly string?[] _stamps = new string?[Areas];
    private readonly object _observeGate = new();
    private long _validatedAtTicks = long.MinValue;
    private long _hits, _misses;

    public ReadCache(ReadCacheSettings settings, TimeProvider time)
    {
        Settings = settings;
        _time = time;
        _caches = Enumerable.Range(0, Areas).Select(_ => new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.SizeLimitBytes })).ToArray();
    }

    public ReadCacheSettings Settings { get; }
    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The endpoint, answering through this cache when it is one of <see cref="CachedEndpoints"/>.</summary>
    public ApiEndpoint Wrap(ApiEndpoint endpoint) =>
        endpoint.Method == "GET" && CachedEndpoints.TryGetValue(endpoint.Name, out var area)
            ? endpoint with { Handler = (request, ct) => HandleAsync(endpoint, area, request, ct) }
            : endpoint;

    /// <summary>Whether cached answers may be served now: the stamps were read successfully within <see cref="ReadCacheSettings.TrustFor"/>.</summary>
    public bool IsTrusted(DateTimeOffset now) =>
        Interlocked.Read(ref _validatedAtTicks) is var at && at != long.MinValue && now.UtcTicks - at <= Settings.TrustFor.Ticks;

    /// <summary>
    /// A successful read of the stamps (<paramref name="stamps"/> null: the row does not exist yet), started at
    /// <paramref name="readStartedAt"/>: drops the answers of every area whose stamp moved since the last read.
    /// </summary>
    public void Observe(IReadOnlyDictionary<DataArea, string>? stamps, DateTimeOffset readStartedAt)
    {
        lock (_observeGate)
        {
            for (var i = 0; i < Areas; i++)
            {
                var value = stamps?.GetValueOrDefault((DataArea)i) ?? "";
                if (_stamps[i] is { } known && known != value) Invalidate((DataArea)i);
                _stamps[i] = value;
            }
            if (readStartedAt.UtcTicks > Interlocked.Read(ref _validatedAtTicks)) Interlocked.Exchange(ref _validatedAtTicks, readStartedAt.UtcTicks);
        }
    }

    /// <summary>The stamp of <paramref name="area"/> as last read (null before the first read).</summary>
    public string? Observed(DataArea area)
    {
        lock (_observeGate) return _stamps[(int)area];
    }

    /// <summary>How many times the answers of <paramref name="area"/> were dropped (a change seen).</summary>
    public long Generation(DataArea area) => Interlocked.Read(ref _generations[(int)area]);

    /// <summary>Forgets every answer of <paramref name="area"/> (also those being read now).</summary>
    public void Invalidate(DataArea area)
    {
        Interlocked.Increment(ref _generations[(int)area]);
        _caches[(int)area].Clear();
    }

    private async Task<ApiResponse> HandleAsync(ApiEndpoint endpoint, DataArea area, ApiRequest request, CancellationToken ct)
    {
        var key = Key(endpoint.Name, request);
        var now = _time.GetUtcNow();
        var trusted = IsTrusted(now);
        var generation = Interlocked.Read(ref _generations[(int)area]);
        if (trusted && _caches[(int)area].TryGetValue(key, out Entry? hit) && hit!.Generation == generation)
        {
            Interlocked.Increment(ref _hits);
            return hit.Answer(request, now, Settings.RerenderAfter);
        }
        Interlocked.Increment(ref _misses);
        var fresh = await endpoint.Handler(request, ct).ConfigureAwait(false);
        if (fresh.StatusCode is not (200 or 404)) return fresh;
        var entry = new Entry(fresh, generation, now);
        if (trusted)
            _caches[(int)area].Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Size + key.Length * 2, AbsoluteExpirationRelativeToNow = Settings.MaxEntryAge });
        return entry.Answer(request, now, Settings.RerenderAfter);
    }

    /// <summary>Endpoint, route values, query parameters (names case-insensitive, each value length-prefixed) and the format.</summary>
    internal static string Key(string endpoint, ApiRequest request)
    {
        var sb = new StringBuilder(endpoint).Append('|').Append(request.WantsCsv ? "csv" : "json");
        foreach (var (name, value) in request.RouteValues.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
            Append(sb.Append("|r"), name.ToLowerInvariant(), value);
        foreach (var (name, value) in request.Query.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
            Append(sb.Append("|q"), name.ToLowerInvariant(), value);
        return sb.ToString();

        static void Append(StringBuilder sb, string name, string? value) =>
            sb.Append(name.Length).Append(':').Append(name).Append(value?.Length ?? -1).Append(':').Append(value);
    }

    public void Dispose()
    {
        foreach (var c in _caches) c.Dispose();
    }

    /// <summary>One cached answer: the body as last rendered, its entity tag, and how to render it again (ages).</summary>
    private sealed class Entry
    {
        private sealed record Rendered(ApiResponse Response, DateTimeOffset At);

        private readonly Func<DateTimeOffset, ApiResponse>? _renderAt;
        private readonly Dictionary<string, string> _cacheHeaders;
        private Rendered _current;

        public Entry(ApiResponse response, long generation, DateTimeOffset now)
        {
            Generation = generation;
            _renderAt = response.RenderAt;
            if (response.StatusCode == 200)
            {
                var basis = _renderAt is null ? response.Body : _renderAt(DateTimeOffset.UnixEpoch).Body;
                var hash = Convert.ToHexStringLower(SHA256.HashData(basis).AsSpan(0, 16));
                ETag = _renderAt is null ? $"\"{hash}\"" : $"W/\"{hash}\"";
                _cacheHeaders = new(StringComparer.OrdinalIgnoreCase) { ["ETag"] = ETag, ["Cache-Control"] = "no-cache", ["Vary"] = "Accept" };
            }
            else _cacheHeaders = new(StringComparer.OrdinalIgnoreCase) { ["Vary"] = "Accept" };
            _current = new Rendered(WithHeaders(response), now);
            Size = response.Body.Length + 256;
        }

        public long Generation { get; }
        public string? ETag { get; }
        public long Size { get; }

        public ApiResponse Answer(ApiRequest request, DateTimeOffset now, TimeSpan rerenderAfter)
        {
            if (ETag is not null && EntityTags.Match(request.IfNoneMatch, ETag))
                return new ApiResponse { StatusCode = 304, ContentType = "", Headers = _cacheHeaders };
            var current = Volatile.Read(ref _current);
            if (_renderAt is null || now - current.At < rerenderAfter) return current.Response;
            // Ages moved on: the same data rendered as of now (a benign race: concurrent renderers produce the same).
            var rendered = new Rendered(WithHeaders(_renderAt(now)), now);
            Volatile.Write(ref _current, rendered);
            return rendered.Response;
        }

        private ApiResponse WithHeaders(ApiResponse r)
        {
            var headers = new Dictionary<string, string>(r.Headers, StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in _cacheHeaders) headers[k] = v;
            return new ApiResponse { StatusCode = r.StatusCode, ContentType = r.ContentType, Body = r.Body, Headers = headers };
        }
    }
}

/// <summary><c>If-None-Match</c> against an entity tag (RFC 9110 13.1.2: weak comparison; <c>*</c> matches any).</summary>
public static class EntityTags
{
    public static bool Match(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)) return false;
        var opaque = Opaque(etag);
        foreach (var part in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (part == "*" || Opaque(part) == opaque) return true;
        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
