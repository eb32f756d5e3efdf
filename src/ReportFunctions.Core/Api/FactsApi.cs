using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Documents;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Api;

/// <summary>
/// The facts and reports endpoints, one implementation for both hosts: health, indicators, regions, region facts,
/// indicator facts, reports, report, upload, extract and the OpenAPI document. Every input is checked against a
/// whitelist (catalog, gazetteer, <see cref="Periods"/>, <see cref="FactKinds"/>, <see cref="RegionLevels"/>, report id shape)
/// before it reaches storage, and storage filters are built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.
/// </summary>
public sealed partial class FactsApi : IApiModule
{
    public static readonly IReadOnlyList<string> FactCsvHeader =
        ["region", "indicator", "period", "kind", "value", "unit", "qualifier", "evidence_display", "evidence_start", "report", "report_year"];

    private const int MaxParameterLength = 200;
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    private readonly ReportStore _store;
    private readonly FactQueries _queries;
    private readonly ReportExtractor _extractor;
    private readonly ReportFunctionsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FactsApi> _logger;
    private readonly Gazetteer _gazetteer = Gazetteer.Default;

    public FactsApi(ReportStore store, FactQueries queries, ReportExtractor extractor, IOptions<ReportFunctionsOptions> options, TimeProvider time, ILogger<FactsApi> logger)
    {
        _store = store;
        _queries = queries;
        _extractor = extractor;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public IEnumerable<ApiEndpoint> Endpoints =>
    [
        new(ApiEndpointNames.Health, "GET", ApiRoutes.Health, HealthAsync),
        new(ApiEndpointNames.ListIndicators, "GET", ApiRoutes.Indicators, ListIndicatorsAsync),
        new(ApiEndpointNames.ListRegions, "GET", ApiRoutes.Regions, ListRegionsAsync),
        new(ApiEndpointNames.GetRegionFacts, "GET", ApiRoutes.RegionFacts, GetRegionFactsAsync),
        new(ApiEndpointNames.GetIndicatorFacts, "GET", ApiRoutes.IndicatorFacts, GetIndicatorFactsAsync),
        new(ApiEndpointNames.ListReports, "GET", ApiRoutes.Reports, ListReportsAsync),
        new(ApiEndpointNames.GetReport, "GET", ApiRoutes.Report, GetReportAsync),
        new(ApiEndpointNames.UploadReport, "POST", ApiRoutes.Reports, UploadReportAsync),
        new(ApiEndpointNames.ExtractText, "POST", ApiRoutes.Extract, ExtractAsync),
        new(ApiEndpointNames.OpenApi, "GET", ApiRoutes.OpenApi, (r, _) => Task.FromResult(OpenApiDocument.Response(r))),
    ];

    // ---------------------------------------------------------------- health, catalog, regions

    private async Task<ApiResponse> HealthAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(HealthTimeout);
        try
        {
            await _store.Storage.Reports.GetEntityIfExistsAsync<TableEntity>(ReportRecord.Partition, "health-probe", cancellationToken: cts.Token).ConfigureAwait(false);
            await _store.Storage.Container.GetPropertiesAsync(cancellationToken: cts.Token).ConfigureAwait(false);
            return ApiResponse.JsonBody(new { Status = "healthy", Storage = "reachable" });
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return ApiResponse.JsonBody(new { Status = "unhealthy", Storage = "reachable", Detail = "the reports container or tables do not exist yet" }, 503);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Health check: storage unreachable");
            return ApiResponse.JsonBody(new { Status = "unhealthy", Storage = "unreachable", Detail = "the storage account could not be reached" }, 503);
        }
    }

    private Task<ApiResponse> ListIndicatorsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckFormat(request) is { } bad) return Task.FromResult(bad);
        var rows = IndicatorCatalog.All.Select(i => new IndicatorDto(i.Code, i.Unit, i.Description,
            i.Direction == RankDirection.HigherIsBetter ? true : i.Direction == RankDirection.LowerIsBetter ? false : null,
            DirectionName(i.Direction))).ToList();
        if (request.WantsCsv)
            return Task.FromResult(ApiResponse.Csv(["code", "unit", "description", "higher_is_better", "direction"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Unit, r.Description, r.HigherIsBetter, r.Direction])));
        return Task.FromResult(ApiResponse.JsonBody(new { Indicators = rows }));
    }

    private static string DirectionName(RankDirection d) => d switch
    {
        RankDirection.HigherIsBetter => "higher_is_better",
        RankDirection.LowerIsBetter => "lower_is_better",
        _ => "neutral",
    };

    private async Task<ApiResponse> ListRegionsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckFormat(request) is { } bad) return bad;
        var regions = await RegionsWithReportsAsync(cancellationToken).ConfigureAwait(false);
        if (request.WantsCsv)
            return ApiResponse.Csv(["name", "level", "province", "report_years", "reports", "name_zh"],
                regions.Select(r => (IReadOnlyList<object?>)[r.Name, r.Level, r.Province, string.Join(';', r.ReportYears), r.Reports, r.NameZh]));
        return ApiResponse.JsonBody(new { Regions = regions });
    }

    private async Task<List<RegionDto>> RegionsWithReportsAsync(CancellationToken cancellationToken)
    {
        var byRegion = new Dictionary<string, (ReportRecord First, SortedSet<int> Years, int Count)>(StringComparer.Ordinal);
        await foreach (var r in _store.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (r.FactCount == 0 || r.Region is null) continue;
            if (!byRegion.TryGetValue(r.Region, out var entry)) entry = (r, new SortedSet<int>(), 0);
            if (r.Year is { } y) entry.Years.Add(y);
            byRegion[r.Region] = (entry.First, entry.Years, entry.Count + 1);
        }
        return byRegion.Values
            .Select(e => new RegionDto(e.First.Region!, e.First.Level ?? RegionLevels.Unknown, e.First.Province, e.Years.ToList(), e.Count, _gazetteer.Find(e.First.Region, e.First.Province)?.NameZh))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    // ---------------------------------------------------------------- facts

    private async Task<ApiResponse> GetRegionFactsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckParameters(request, "indicator", "period", "kind", "all", "continuation", "page_size", "format") is { } bad) return bad;
        var name = request.RouteValue("region");
        if (!TryResolveRegion(name, out var region))
        {
            var available = (await RegionsWithReportsAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Name);
            return ApiResponse.NotFound("Region", $"No region named '{ApiParameters.Echo(name)}' is known. Regions with reports are listed in 'available'.", available);
        }
        var indicator = ApiParameters.Blank(request.QueryValue("indicator"));
        if (indicator is not null && !IndicatorCatalog.TryGet(indicator, out _)) return ApiParameters.IndicatorNotFound(indicator);
        if (ParseFilters(request, out var period, out var kind) is { } badFilter) return badFilter;
        if (ParsePaging(request, out var all, out var pageSize, out var continuation) is { } badPaging) return badPaging;

        FactPage page;
        try { page = await _queries.GetRegionFactsPageAsync(region.Name, indicator, period, kind, all, continuation, pageSize, cancellationToken).ConfigureAwait(false); }
        catch (InvalidContinuationException ex) { return ApiResponse.BadRequest("continuation", ex.Message); }
        if (request.WantsCsv) return FactsCsv(page);
        return ApiResponse.JsonBody(new FactsResponse
        {
            Region = region.Name,
            NameZh = region.NameZh,
            Level = region.Level,
            Province = region.Province,
            Facts = page.Facts.Select(FactDto.From).ToList(),
            Continuation = page.Continuation,
        });
    }

    private async Task<ApiResponse> GetIndicatorFactsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckParameters(request, "period", "kind", "level", "province", "all", "continuation", "page_size", "format") is { } bad) return bad;
        var code = request.RouteValue("code");
        if (!IndicatorCatalog.TryGet(code, out var indicator)) return ApiParameters.IndicatorNotFound(code);
        if (ParseFilters(request, out var period, out var kind) is { } badFilter) return badFilter;
        if (ApiParameters.Level(request, null, out var level) is { } badLevel) return badLevel;
        string? province = null;
        var provinceName = ApiParameters.Blank(request.QueryValue("province"));
        if (provinceName is not null)
        {
            if (!_gazetteer.TryResolve(provinceName, out var p) || p.Level != RegionLevels.Province)
                return ApiResponse.NotFound("Province", $"No province named '{ApiParameters.Echo(provinceName)}' is known.",
                    _gazetteer.All.Where(r => r.Level == RegionLevels.Province).Select(r => r.Name));
            province = p.Name;
        }
        if (ParsePaging(request, out var all, out var pageSize, out var continuation) is { } badPaging) return badPaging;

        FactPage page;
        try { page = await _queries.GetIndicatorFactsPageAsync(indicator.Code, period, kind, level, province, all, continuation, pageSize, cancellationToken).ConfigureAwait(false); }
        catch (InvalidContinuationException ex) { return ApiResponse.BadRequest("continuation", ex.Message); }
        if (request.WantsCsv) return FactsCsv(page);
        return ApiResponse.JsonBody(new FactsResponse
        {
            Indicator = indicator.Code,
            Unit = indicator.Unit,
            Facts = page.Facts.Select(FactDto.From).ToList(),
            Continuation = page.Continuation,
        });
    }

    private static ApiResponse FactsCsv(FactPage page) => ApiResponse.Csv(FactCsvHeader,
        page.Facts.Select(FactRow),
        page.Continuation is null ? null : new Dictionary<string, string> { ["X-Continuation-Token"] = page.Continuation });

    private static IReadOnlyList<object?> FactRow(StoredFact f) =>
        [f.Fact.Region, f.Fact.Indicator, f.Fact.Period, f.Fact.Kind, f.Fact.Value, f.Fact.Unit, f.Fact.Qualifier, EvidenceText.Display(f.Fact.Evidence), f.Fact.EvidenceStart, f.ReportId, f.ReportYear];

    // ---------------------------------------------------------------- reports

    private async Task<ApiResponse> ListReportsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckParameters(request, "continuation", "page_size", "format") is { } bad) return bad;
        if (ParsePaging(request, out _, out var pageSize, out var continuation) is { } badPaging) return badPaging;
        string? after = null;
        if (continuation is not null)
        {
            try { after = ContinuationToken.Read(continuation, "reports"); }
            catch (InvalidContinuationException ex) { return ApiResponse.BadRequest("continuation", ex.Message); }
        }
        var (items, last) = await _store.ListAsync(after, pageSize, cancellationToken).ConfigureAwait(false);
        var next = last is null ? null : ContinuationToken.Create("reports", last);
        var dtos = items.Select(r => ReportDto.From(r, ReportUrl(request, r.Id))).ToList();
        if (request.WantsCsv)
            return ApiResponse.Csv(["id", "name", "status", "region", "level", "province", "year", "fact_count", "warnings", "error", "attempts", "received_at", "ingested_at"],
                dtos.Select(d => (IReadOnlyList<object?>)[d.Id, d.Name, d.Status, d.Region, d.Level, d.Province, d.Year, d.FactCount, string.Join("; ", d.Warnings), d.Error, d.Attempts, d.ReceivedAt, d.IngestedAt]),
                next is null ? null : new Dictionary<string, string> { ["X-Continuation-Token"] = next });
        return ApiResponse.JsonBody(new ReportsResponse { Reports = dtos, Continuation = next });
    }

    private async Task<ApiResponse> GetReportAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckParameters(request, "format") is { } bad) return bad;
        var id = request.RouteValue("id");
        if (!ReportIds.IsWellFormed(id))
            return ApiResponse.BadRequest("id", "A report id is lower-case letters, digits and hyphens ending in a 10-digit hash, as listed by GET /api/reports.");
        var report = await _store.GetAsync(id!, cancellationToken).ConfigureAwait(false);
        if (report is null) return ApiResponse.NotFound("Report", $"No report with id '{id}'. GET /api/reports lists them.");
        var facts = await _queries.GetReportFactsAsync(report, cancellationToken).ConfigureAwait(false);
        if (request.WantsCsv) return ApiResponse.Csv(FactCsvHeader, facts.Select(FactRow));
        // The report's fields, with its facts alongside.
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ReportDto.From(report, ReportUrl(request, report.Id)), ApiResponse.Json)!.AsObject();
        body["facts"] = System.Text.Json.JsonSerializer.SerializeToNode(facts.Select(FactDto.From).ToList(), ApiResponse.Json);
        return ApiResponse.JsonBody(body);
    }

    private async Task<ApiResponse> UploadReportAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var name = request.QueryValue("name");
        if (ValidateBlobName(name) is { } reason) return ApiResponse.BadRequest("name", reason);
        var max = _options.MaxReportBytes;
        if (request.ContentLength > max) return TooLarge(max);
        if (ReportFormats.IsRefusedContentType(request.ContentType))
            return ApiResponse.Problem(415, "Unsupported media type", $"The report must be text, PDF, a web page or a Word document (.docx), not {ApiParameters.Echo(request.ContentType)}.");
        var bytes = await ReportContent.ReadBoundedAsync(request.Body, max, cancellationToken).ConfigureAwait(false);
        if (bytes.TooLarge) return TooLarge(max);
        if (bytes.Length == 0) return ApiResponse.BadRequest("body", "The request body is empty: post the report's text.");
        // Documents are read by ingestion (a bad one ends Failed with its reason); text is checked now.
        var format = DocumentSniffer.Detect(bytes.Span, name);
        if (format == ReportFormat.Text && ReportDecoder.DecodePlainText(bytes.Span) is { Ok: false } notText)
            return ApiResponse.Problem(415, "Unsupported media type", $"The report must be text, PDF, a web page or a Word document (.docx): {notText.Error}.");

        await _store.Storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var blob = _store.Storage.Container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(bytes.Bytes.AsMemory(0, bytes.Length)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ReportFormats.ContentType(format) } }, cancellationToken).ConfigureAwait(false);

        var id = ReportIds.FromBlobName(name!);
        if (await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await _store.SaveAsync(new ReportRecord { Id = id, BlobName = name!, Status = ReportStatus.Processing, ReceivedAt = _time.GetUtcNow(), Size = bytes.Length }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409) { }
        }
        var url = ReportUrl(request, id);
        return ApiResponse.JsonBody(new { Id = id, Name = name, Status = ReportStatus.Processing, Url = url }, 202,
            new Dictionary<string, string> { ["Location"] = url });
    }

    private async Task<ApiResponse> ExtractAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (CheckParameters(request, "name", "format") is { } bad) return bad;
        var max = _options.MaxReportBytes;
        if (request.ContentLength > max) return TooLarge(max);
        var bytes = await ReportContent.ReadBoundedAsync(request.Body, max, cancellationToken).ConfigureAwait(false);
        if (bytes.TooLarge) return TooLarge(max);
        var decoded = ReportIngestor.DecodeText(bytes.Span, _options.ToDocumentLimits(), ApiParameters.Blank(request.QueryValue("name")));
        if (decoded.Text is null)
            return decoded.NotText
                ? ApiResponse.Problem(415, "Unsupported media type", $"The report must be text, PDF, a web page or a Word document (.docx): {decoded.FailureReason}.")
                : ApiResponse.Problem(422, "Unreadable report", $"The {ReportFormats.Name(decoded.Format)} report could not be read: {decoded.FailureReason}.");
        var result = _extractor.Extract(decoded.Text, ApiParameters.Blank(request.QueryValue("name")));
        var facts = result.Facts.Select(f => new FactDto(f.Region, f.Indicator, f.Period, f.Kind, f.Value, f.Unit, f.Qualifier, f.Evidence, f.EvidenceStart, null, result.Year)).ToList();
        if (request.WantsCsv)
            return ApiResponse.Csv(FactCsvHeader, facts.Select(f => (IReadOnlyList<object?>)[f.Region, f.Indicator, f.Period, f.Kind, f.Value, f.Unit, f.Qualifier, f.EvidenceDisplay, f.EvidenceStart, null, f.ReportYear]));
        return ApiResponse.JsonBody(new
        {
            Region = result.Region.Name,
            result.Region.Level,
            result.Region.Province,
            result.Year,
            result.RegionSource,
            result.YearSource,
            result.Language,
            result.NotAReportReason,
            result.Warnings,
            Facts = facts,
        });
    }

    // ---------------------------------------------------------------- input checks

    private static ApiResponse TooLarge(long max) => ApiResponse.Problem(413, "Payload too large", ReportDecoder.TooLarge(max) + ".");

    private static string ReportUrl(ApiRequest request, string id) => $"{request.BaseUrl.TrimEnd('/')}/{ApiRoutes.Prefix}/reports/{id}";

    internal static string? ValidateBlobName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Give the report's file name: POST /api/reports?name=FILE.txt.";
        if (name.Length > 200) return "The name is longer than 200 characters.";
        if (name.Any(char.IsControl)) return "The name contains control characters.";
        if (name.Contains('\\')) return "The name contains a backslash.";
        if (name.StartsWith('/') || name.EndsWith('/') || name.EndsWith('.') || name != name.Trim()) return "The name starts or ends with '/', '.' or a space.";
        if (name.Split('/').Any(s => s.Length == 0 || s is "." or "..")) return "The name contains an empty, '.' or '..' path segment.";
        return null;
    }

    private bool TryResolveRegion(string? name, out RegionInfo region)
    {
        region = RegionInfo.Unknown;
        if (name is null || name.Length > MaxParameterLength || name.Any(char.IsControl)) return false;
        if (string.Equals(name.Trim(), RegionInfo.Unknown.Name, StringComparison.OrdinalIgnoreCase)) return true;
        return _gazetteer.TryResolve(name, out region) && FactQueries.IsRegionKey(region.Name);
    }


    private static ApiResponse? ParseFilters(ApiRequest request, out string? period, out string? kind)
    {
        kind = null;
        return ApiParameters.Period(request, out period) ?? ApiParameters.Kind(request, null, out kind);
    }

    private static ApiResponse? ParsePaging(ApiRequest request, out bool all, out int pageSize, out string? continuation)
    {
        all = false;
        pageSize = FactQueries.DefaultPageSize;
        continuation = ApiParameters.Blank(request.QueryValue("continuation"));
        var allText = ApiParameters.Blank(request.QueryValue("all"));
        if (allText is not null)
        {
            if (allText is "1" || allText.Equals("true", StringComparison.OrdinalIgnoreCase)) all = true;
            else if (!(allText is "0" || allText.Equals("false", StringComparison.OrdinalIgnoreCase)))
                return ApiResponse.BadRequest("all", "'all' must be true or false.");
        }
        var size = ApiParameters.Blank(request.QueryValue("page_size"));
        if (size is not null && (!int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageSize)
                                 || pageSize < 1 || pageSize > FactQueries.MaxPageSize))
            return ApiResponse.BadRequest("page_size", $"'page_size' must be a whole number from 1 to {FactQueries.MaxPageSize}.");
        return null;
    }

    private static ApiResponse? CheckFormat(ApiRequest request)
    {
        var format = ApiParameters.Blank(request.QueryValue("format"));
        if (format is not null && !format.Equals("csv", StringComparison.OrdinalIgnoreCase) && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
            return ApiResponse.BadRequest("format", "'format' must be json or csv.");
        return null;
    }

    /// <summary>Rejects over-long values and control characters in the parameters an endpoint reads.</summary>
    private static ApiResponse? CheckParameters(ApiRequest request, params string[] names)
    {
        foreach (var n in names)
        {
            var v = request.QueryValue(n);
            if (v is null) continue;
            if (v.Length > (n == "continuation" ? 2048 : MaxParameterLength)) return ApiResponse.BadRequest(n, $"'{n}' is too long.");
            if (v.Any(char.IsControl)) return ApiResponse.BadRequest(n, $"'{n}' contains control characters.");
        }
        return CheckFormat(request);
    }
}
