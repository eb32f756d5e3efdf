using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportFunctions.Core.Api;

/// <summary>An HTTP response as Core produces it; each host writes it out.</summary>
public sealed class ApiResponse
{
    public int StatusCode { get; init; } = 200;
    public string ContentType { get; init; } = "application/json; charset=utf-8";
    public byte[] Body { get; init; } = [];
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// For answers that show ages (rankings, attainment): renders the same data as of another time, so a cached answer
    /// shows current ages without reading storage again (<see cref="ReadCache"/>). The time may only enter as ages clamped
    /// at zero: rendered at the Unix epoch, the answer is the time-independent form its ETag is computed from.
    /// </summary>
    public Func<DateTimeOffset, ApiResponse>? RenderAt { get; init; }

    /// <summary>An answer rendered now by <paramref name="render"/>, which can render it again at another time (<see cref="RenderAt"/>).</summary>
    public static ApiResponse TimeVarying(Func<DateTimeOffset, ApiResponse> render, DateTimeOffset now)
    {
        var r = render(now);
        return new ApiResponse { StatusCode = r.StatusCode, ContentType = r.ContentType, Body = r.Body, Headers = r.Headers, RenderAt = render };
    }

    /// <summary>The body as text, without the UTF-8 byte-order mark CSV answers start with.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.AsSpan().StartsWith(CsvBom.Utf8Bom) ? Body.AsSpan(CsvBom.Utf8Bom.Length) : Body);

    /// <summary>JSON as every endpoint writes it: snake_case names (the spec's fact fields are single words).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Evidence is Chinese-report English with curly quotes and non-breaking spaces: keep it readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static ApiResponse JsonBody<T>(T value, int status = 200, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        StatusCode = status,
        Body = JsonSerializer.SerializeToUtf8Bytes(value, Json),
        Headers = headers ?? new Dictionary<string, string>(),
    };

    /// <summary>CSV with a header row (RFC 4180 quoting), for spreadsheets; UTF-8 with a byte-order mark (<see cref="CsvBom"/>).</summary>
    public static ApiResponse Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyDictionary<string, string>? headers = null)
    {
        var sb = new StringBuilder();
        AppendCsvRow(sb, header);
        foreach (var row in rows) AppendCsvRow(sb, row);
        return new ApiResponse
        {
            ContentType = "text/csv; charset=utf-8",
            Body = CsvBom.Prepend(sb.ToString()),
            Headers = headers ?? new Dictionary<string, string>(),
        };
    }

    private static void AppendCsvRow<T>(StringBuilder sb, IReadOnlyList<T> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            var s = cells[i] switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString() ?? "",
            };
            // Cells a spreadsheet would run as a formula are prefixed with a quote.
            if (s.Length > 0 && s[0] is '=' or '+' or '@' && cells[i] is string) s = "'" + s;
            if (s.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(s.Replace("\"", "\"\"")).Append('"');
            else sb.Append(s);
        }
        sb.Append("\r\n");
    }

    /// <summary>RFC 9457 problem details. Never carries a stack trace.</summary>
    public static ApiResponse Problem(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (extensions is not null) foreach (var (k, v) in extensions) body[k] = v;
        return new ApiResponse
        {
            StatusCode = status,
            ContentType = "application/problem+json; charset=utf-8",
            Body = JsonSerializer.SerializeToUtf8Bytes(body, Json),
        };
    }

    public static ApiResponse BadRequest(string parameter, string detail) =>
        Problem(400, "Bad request", detail, new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ApiResponse NotFound(string what, string detail, IEnumerable<string>? available = null) =>
        Problem(404, $"{what} not found", detail, available is null ? null : new Dictionary<string, object?> { ["available"] = available.ToArray() });
}
