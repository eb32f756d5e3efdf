using System.Text.Json.Nodes;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Core.Api;

/// <summary>The OpenAPI 3 document of every route in <see cref="ApiRoutes"/> (including the rankings module's).</summary>
public static partial class OpenApiDocument
{
    public static ApiResponse Response(ApiRequest request) => new()
    {
        Body = System.Text.Encoding.UTF8.GetBytes(Build(request.BaseUrl).ToJsonString()),
    };

    public static JsonObject Build(string baseUrl = "")
    {
        var paths = new JsonObject
        {
            [P(ApiRoutes.Health)] = Get(ApiEndpointNames.Health, "Storage reachable or not", [],
                R(200, "Storage reachable", "Health"), R(503, "Storage unreachable or not created", "Health")),
            [P(ApiRoutes.Indicators)] = Get(ApiEndpointNames.ListIndicators, "The indicator catalog: code, unit, description, direction", [Format()],
                R(200, "The catalog", "IndicatorList", csv: true), Problem(400, "format is not json or csv")),
            [P(ApiRoutes.Regions)] = Get(ApiEndpointNames.ListRegions, "Regions with reports: name, level, province, report years", [Format()],
                R(200, "Regions", "RegionList", csv: true), Problem(400, "format is not json or csv")),
            [P(ApiRoutes.RegionFacts)] = Get(ApiEndpointNames.GetRegionFacts,
                "Facts about one region (matched case-insensitively and by variants: jiaxing, Jiaxing City). By default the value of the most recently delivered report per (indicator, period, kind); all=true gives every report's value.",
                [Path("region", "Region name or variant, or 'unknown'; also its Chinese name with or without suffix (嘉兴, 嘉兴市, URL-encoded). Answers carry the Chinese full name as name_zh"), Query("indicator", "Indicator code"), Period(), Kind(), All(), Continuation(), PageSize(), Format()],
                R(200, "One page of facts", "RegionFacts", csv: true), Problem(400, "Malformed period, kind, page_size, all or continuation"), Problem(404, "Unknown region or indicator")),
            [P(ApiRoutes.IndicatorFacts)] = Get(ApiEndpointNames.GetIndicatorFacts,
                "One indicator across regions (latest report's value per region, period and kind unless all=true)",
                [Path("code", "Indicator code"), Period(), Kind(), Enum("level", "Region level", "country", "province", "city"), Query("province", "Province name (cities of it)"), All(), Continuation(), PageSize(), Format()],
                R(200, "One page of facts", "IndicatorFacts", csv: true), Problem(400, "Malformed period, kind, level, page_size, all or continuation"), Problem(404, "Unknown indicator or province")),
            [P(ApiRoutes.Reports)] = new JsonObject
            {
                ["get"] = Op(ApiEndpointNames.ListReports, "Reports: status and parse statistics", [Continuation(), PageSize(), Format()],
                    R(200, "One page of reports", "ReportList", csv: true), Problem(400, "Malformed page_size or continuation")),
                ["post"] = OpWithBody(ApiEndpointNames.UploadReport, "Upload a report (text in UTF-8 or GB18030, PDF, a web page or a Word .docx, recognised by content); ingestion follows", [Required(Query("name", "File name of the report"))],
                    TextBody(), R(202, "Accepted: Location header and body give the report's URL", "UploadAccepted"),
                    Problem(400, "Missing or bad name, or empty body"), Problem(413, "Larger than the size limit"), Problem(415, "In no accepted format (image, zip, old .doc...)")),
            },
            [P(ApiRoutes.Report)] = Get(ApiEndpointNames.GetReport, "One report: status, statistics, and its facts with evidence and evidence offsets",
                [Path("id", "Report id from GET /api/reports"), Format()],
                R(200, "The report", "ReportDetail", csv: true), Problem(400, "Malformed id"), Problem(404, "No such report")),
            [P(ApiRoutes.ReportText)] = ReportTextPath(),
            [P(ApiRoutes.Extract)] = new JsonObject
            {
                ["post"] = OpWithBody(ApiEndpointNames.ExtractText, "Extract the facts of the posted text without storing them", [Query("name", "Optional source name (helps find region and year)"), Format()],
                    TextBody(), R(200, "What the extractor read", "Extraction", csv: true), Problem(400, "name too long or with control characters, or format not json or csv"), Problem(413, "Larger than the size limit"), Problem(415, "In no accepted format"),
                    Problem(422, "A PDF, web page or Word document that could not be read (encrypted, scanned, corrupt, over a limit)")),
            },
            [P(ApiRoutes.Rankings)] = Get(ApiEndpointNames.GetRanking, "Ranking of regions by one indicator",
                [Path("code", "Indicator code"), Period(), Kind(), Enum("level", "Region level", "country", "province", "city"), Query("province", "Province name"), Continuation(), PageSize(), Format()],
                R(200, "The ranking", "Ranking", csv: true), Problem(400, "Malformed parameter"), Problem(404, "Unknown indicator or no ranking yet")),
            [P(ApiRoutes.RankingsRefresh)] = new JsonObject
            {
                ["post"] = Op(ApiEndpointNames.RefreshRankings, "Recompute rankings and attainment now: the groups whose facts changed, or every group with full=true",
                    [Param("full", "query", "true: recompute every (indicator, period) group from the fact tables; false (default): only the groups ingestion marked as changed", new JsonObject { ["type"] = "boolean" })],
                    R(200, "The refresh ran to completion (waiting for a run in progress); its summary", "Object"), Problem(400, "full is not true or false")),
            },
            [P(ApiRoutes.RegionAttainment)] = Get(ApiEndpointNames.GetRegionAttainment, "Target attainment of one region: targets set and what was achieved",
                [Path("region", "Region name or variant"), Query("indicator", "Indicator code"), Period(), Format()],
                R(200, "Attainment rows", "Attainment", csv: true), Problem(400, "Malformed parameter"), Problem(404, "Unknown region or indicator")),
            [P(ApiRoutes.Attainment)] = Get(ApiEndpointNames.GetAttainment, "Target attainment of one indicator across regions",
                [Path("code", "Indicator code"), Period(), Enum("level", "Region level", "country", "province", "city"), Query("province", "Province name"), Format()],
                R(200, "Attainment rows", "Attainment", csv: true), Problem(400, "Malformed parameter"), Problem(404, "Unknown indicator")),
            [P(ApiRoutes.Amplification)] = AmplificationPath(),
            [P(ApiRoutes.OpenApi)] = Get(ApiEndpointNames.OpenApi, "This document", [], R(200, "OpenAPI 3 document", "Object")),
        };
        AddConditionalGets(paths);

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "ReportFunctions API",
                ["version"] = "1.0",
                ["description"] = "Facts from government work reports (docs/indicators.md). Lists page with ?continuation= and ?page_size= (default 100, max 1000); ?format=csv or Accept: text/csv returns CSV. Errors are RFC 9457 problem details.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl.TrimEnd('/') + "/" + ApiRoutes.Prefix }),
            ["paths"] = paths,
            // In Azure every route takes a function key, in the query (?code=) or a header (x-functions-key); LocalHost has none.
            ["security"] = new JsonArray(new JsonObject { [KeyInQuery] = new JsonArray() }, new JsonObject { [KeyInHeader] = new JsonArray() }),
            ["components"] = new JsonObject { ["schemas"] = Schemas(), ["securitySchemes"] = SecuritySchemes() },
        };
    }

    private static string P(string route) => "/" + route;

    /// <summary>The security schemes' names: the Functions host's function key, in the query or a header.</summary>
    public const string KeyInQuery = "functionKeyQuery", KeyInHeader = "functionKeyHeader";

    private static JsonObject SecuritySchemes() => new()
    {
        [KeyInQuery] = new JsonObject { ["type"] = "apiKey", ["in"] = "query", ["name"] = "code", ["description"] = "A function key (Azure only; LocalHost listens on 127.0.0.1 and takes none)" },
        [KeyInHeader] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-functions-key", ["description"] = "A function key (Azure only; LocalHost listens on 127.0.0.1 and takes none)" },
    };

    /// <summary>The Functions host's answer to a request without a valid key: 401 with an empty body.</summary>
    private static JsonObject Unauthorized() => new() { ["description"] = "No valid function key (?code= or x-functions-key); Azure only" };

    private static JsonObject Get(string id, string summary, JsonObject[] parameters, params JsonObject[] responses) =>
        new() { ["get"] = Op(id, summary, parameters, responses) };

    private static JsonObject Op(string id, string summary, JsonObject[] parameters, params JsonObject[] responses) => OpWithBody(id, summary, parameters, null, responses);

    private static JsonObject OpWithBody(string id, string summary, JsonObject[] parameters, JsonObject? body, params JsonObject[] responses)
    {
        var r = new JsonObject();
        foreach (var resp in responses)
            foreach (var (k, v) in resp.ToList()) { resp.Remove(k); r[k] = v; }
        if (!r.ContainsKey("401")) r["401"] = Unauthorized();
        if (!r.ContainsKey("500")) r["500"] = Problem(500, "Internal error")["500"]!.DeepClone();
        if (!r.ContainsKey("503")) r["503"] = Problem(503, "Storage unavailable")["503"]!.DeepClone();
        var op = new JsonObject
        {
            ["operationId"] = id,
            ["summary"] = summary,
            ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)p).ToArray()),
            ["responses"] = r,
        };
        if (body is not null) op["requestBody"] = body;
        return op;
    }

    private static JsonObject R(int status, string description, string schema, bool csv = false)
    {
        var content = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } };
        if (csv) content["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
        var response = new JsonObject { ["description"] = description, ["content"] = content };
        if (status == 202) response["headers"] = new JsonObject { ["Location"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" }, ["description"] = "URL of the report" } };
        return new JsonObject { [status.ToString()] = response };
    }

    private static JsonObject Problem(int status, string description) => new()
    {
        [status.ToString()] = new JsonObject
        {
            ["description"] = description,
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
        },
    };

    private static JsonObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };

    private static JsonObject TextBody() => new()
    {
        ["required"] = true,
        ["content"] = new JsonObject
        {
            ["text/plain"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } },
            ["application/pdf"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
            ["text/html"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } },
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
        },
    };

    private static JsonObject Param(string name, string @in, string description, JsonObject schema, bool required = false) => new()
    {
        ["name"] = name, ["in"] = @in, ["description"] = description, ["required"] = required || @in == "path", ["schema"] = schema,
    };

    private static JsonObject Str(string? pattern = null)
    {
        var s = new JsonObject { ["type"] = "string" };
        if (pattern is not null) s["pattern"] = pattern;
        return s;
    }

    private static JsonObject Path(string name, string description) => Param(name, "path", description, Str());
    private static JsonObject Query(string name, string description) => Param(name, "query", description, Str());
    private static JsonObject Required(JsonObject p) { p["required"] = true; return p; }
    private static JsonObject Period() => Param("period", "query", "A year (2020) or a span of years (2016-2020)", Str("^[12][0-9]{3}(-[12][0-9]{3})?$"));
    private static JsonObject Kind() => Enum("kind", "actual or target", "actual", "target");
    private static JsonObject All() => Param("all", "query", "true: every report's value; false (default): the most recently delivered report's", new JsonObject { ["type"] = "boolean" });
    private static JsonObject Continuation() => Query("continuation", "Token from the previous page");
    private static JsonObject PageSize() => Param("page_size", "query", "Items per page (default 100, max 1000)", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000 });
    private static JsonObject Format() => Enum("format", "json (default) or csv (same as Accept: text/csv)", "json", "csv");

    private static JsonObject Enum(string name, string description, params string[] values) =>
        Param(name, "query", description, new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()) });

    private static JsonObject Obj(params (string Name, JsonNode Schema)[] props)
    {
        var p = new JsonObject();
        foreach (var (n, s) in props) p[n] = s;
        return new JsonObject { ["type"] = "object", ["properties"] = p };
    }

    private static JsonObject T(string type) => new() { ["type"] = type };
    private static JsonObject ArrayOf(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Schemas()
    {
        JsonObject Fact() => Obj(("region", T("string")), ("indicator", T("string")), ("period", T("string")), ("kind", T("string")),
            ("value", T("number")), ("unit", T("string")), ("qualifier", T("string")), ("evidence", T("string")), ("evidence_display", T("string")),
            ("evidence_start", T("integer")), ("evidence_length", T("integer")), ("report", T("string")), ("report_year", T("integer")));
        JsonObject Report() => Obj(("id", T("string")), ("name", T("string")), ("status", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Processing", "Succeeded", "Failed") }),
            ("region", T("string")), ("level", T("string")), ("province", T("string")), ("year", T("integer")),
            ("region_source", T("string")), ("year_source", T("string")), ("size", T("integer")), ("fact_count", T("integer")),
            ("warnings", ArrayOf(T("string"))), ("error", T("string")), ("attempts", T("integer")),
            ("received_at", T("string")), ("ingested_at", T("string")), ("content_hash", T("string")), ("url", T("string")));
        var detail = Report();
        detail["properties"]!["facts"] = ArrayOf(Ref("Fact"));
        return new JsonObject
        {
            ["Fact"] = Fact(),
            ["Report"] = Report(),
            ["ReportDetail"] = detail,
            ["Health"] = Obj(("status", T("string")), ("storage", T("string")), ("detail", T("string"))),
            ["Indicator"] = Obj(("code", T("string")), ("unit", T("string")), ("description", T("string")), ("higher_is_better", T("boolean")), ("direction", T("string"))),
            ["IndicatorList"] = Obj(("indicators", ArrayOf(Ref("Indicator")))),
            ["Region"] = Obj(("name", T("string")), ("level", T("string")), ("province", T("string")), ("report_years", ArrayOf(T("integer"))), ("reports", T("integer"))),
            ["RegionList"] = Obj(("regions", ArrayOf(Ref("Region")))),
            ["RegionFacts"] = Obj(("region", T("string")), ("level", T("string")), ("province", T("string")), ("facts", ArrayOf(Ref("Fact"))), ("continuation", T("string"))),
            ["IndicatorFacts"] = Obj(("indicator", T("string")), ("unit", T("string")), ("facts", ArrayOf(Ref("Fact"))), ("continuation", T("string"))),
            ["ReportList"] = Obj(("reports", ArrayOf(Ref("Report"))), ("continuation", T("string"))),
            ["UploadAccepted"] = Obj(("id", T("string")), ("name", T("string")), ("status", T("string")), ("url", T("string"))),
            ["Extraction"] = Obj(("region", T("string")), ("level", T("string")), ("province", T("string")), ("year", T("integer")),
                ("region_source", T("string")), ("year_source", T("string")), ("not_a_report_reason", T("string")), ("warnings", ArrayOf(T("string"))), ("facts", ArrayOf(Ref("Fact")))),
            ["Ranking"] = new JsonObject { ["type"] = "object", ["description"] = "Ranking rows (rankings module)", ["additionalProperties"] = true },
            ["Attainment"] = new JsonObject { ["type"] = "object", ["description"] = "Attainment rows (rankings module)", ["additionalProperties"] = true },
            ["AmplificationTarget"] = AmplificationTargetSchema(),
            ["Amplification"] = AmplificationSchema(),
            ["Object"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
            ["Problem"] = Obj(("type", T("string")), ("title", T("string")), ("status", T("integer")), ("detail", T("string")), ("parameter", T("string")), ("available", ArrayOf(T("string")))),
        };
    }
}
