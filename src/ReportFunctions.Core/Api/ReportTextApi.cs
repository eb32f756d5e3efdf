using System.Globalization;
using System.Text;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Core.Api;

/// <summary>
/// <c>GET /api/reports/{id}/text</c>: the plain text read from a report (whatever its format), which the evidence
/// offsets of its facts refer to; <c>?start=&amp;length=</c> gives a span of it (the context around a fact).
/// </summary>
public sealed class ReportTextApi(ReportStore store) : IApiModule
{
    public IEnumerable<ApiEndpoint> Endpoints =>
    [
        new(ApiEndpointNames.GetReportText, "GET", ApiRoutes.ReportText, GetTextAsync),
    ];

    private async Task<ApiResponse> GetTextAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var id = request.RouteValue("id");
        if (!ReportIds.IsWellFormed(id))
            return ApiResponse.BadRequest("id", "A report id is lower-case letters, digits and hyphens ending in a 10-digit hash, as listed by GET /api/reports.");
        if (ParseOffset(request, "start", out var start) is { } badStart) return badStart;
        if (ParseOffset(request, "length", out var length) is { } badLength) return badLength;

        var report = await store.GetAsync(id!, cancellationToken).ConfigureAwait(false);
        if (report is null) return ApiResponse.NotFound("Report", $"No report with id '{id}'. GET /api/reports lists them.");
        if (report.Status != ReportStatus.Succeeded)
            return ApiResponse.NotFound("Report text", $"Report '{id}' is {report.Status}{(report.Error is null ? "" : ": " + report.Error)}; only a report read successfully has a text.");
        var stored = await ReportTexts.GetAsync(store.Storage, report.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.ContentHash != report.ContentHash)
            return ApiResponse.NotFound("Report text", $"The text of report '{id}' is not stored yet (it was ingested before texts were kept, or is being re-ingested).");

        var text = stored.Text;
        var from = start ?? 0;
        if (from > text.Length)
            return ApiResponse.BadRequest("start", $"'start' must be at most the text's length, {text.Length}.");
        var count = length ?? text.Length - from;
        if (count > text.Length - from)
            return ApiResponse.BadRequest("length", $"'start' + 'length' must be at most the text's length, {text.Length} (the text from {from} has {text.Length - from} characters).");
        var headers = new Dictionary<string, string>
        {
            ["X-Report-Format"] = stored.Format,
            ["X-Text-Length"] = text.Length.ToString(CultureInfo.InvariantCulture),
        };
        return new ApiResponse
        {
            ContentType = "text/plain; charset=utf-8",
            Body = Encoding.UTF8.GetBytes(text.Substring(from, count)),
            Headers = headers,
        };
    }

    /// <summary>A non-negative whole number of characters (null when absent), or 400 naming the parameter.</summary>
    private static ApiResponse? ParseOffset(ApiRequest request, string name, out int? value)
    {
        value = null;
        var raw = ApiParameters.Blank(request.QueryValue(name));
        if (raw is null) return null;
        if (raw.Length > 10 || !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return ApiResponse.BadRequest(name, $"'{name}' must be a whole number of characters from 0 (got '{ApiParameters.Echo(raw)}').");
        value = v;
        return null;
    }
}
