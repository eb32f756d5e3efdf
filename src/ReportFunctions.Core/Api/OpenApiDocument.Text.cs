using System.Text.Json.Nodes;

namespace ReportFunctions.Core.Api;

public static partial class OpenApiDocument
{
    /// <summary><c>GET /reports/{id}/text</c>: the text evidence offsets refer to.</summary>
    private static JsonObject ReportTextPath()
    {
        JsonObject Offset(string name, string description) =>
            Param(name, "query", description, new JsonObject { ["type"] = "integer", ["minimum"] = 0 });
        var ok = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "The text (or the span asked for); X-Report-Format gives the original format (txt, pdf, html, docx), X-Text-Length the whole text's length",
                ["content"] = new JsonObject { ["text/plain"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } },
            },
        };
        return Get(ApiEndpointNames.GetReportText,
            "The plain text read from a report, whatever its format: the text every fact's evidence_start and evidence_length refer to",
            [Path("id", "Report id from GET /api/reports"),
             Offset("start", "First character of the span (default 0)"),
             Offset("length", "Characters of the span (default: to the end)")],
            ok, Problem(400, "Malformed id, or start / length not whole numbers within the text"),
            Problem(404, "No such report, or it has no text (not read successfully)"));
    }
}
