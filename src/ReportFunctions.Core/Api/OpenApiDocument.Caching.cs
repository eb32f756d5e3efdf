using System.Text.Json.Nodes;

namespace ReportFunctions.Core.Api;

/// <summary>The conditional GETs of the cached read endpoints (<see cref="ReadCache"/>): ETag, If-None-Match and 304.</summary>
public static partial class OpenApiDocument
{
    /// <summary>How stale a cached answer can be, as the document and the README state it.</summary>
    public const string FreshnessNote =
        "Answers are cached per instance; a change (ingestion, re-extraction, a ranking refresh) is seen by every instance within 3 seconds " +
        "(each instance reads a change stamp every second, and serves from memory only while that read succeeded in the last 3 seconds).";

    private static void AddConditionalGets(JsonObject paths)
    {
        foreach (var (_, path) in paths)
        {
            if (path?["get"] is not JsonObject get || (string?)get["operationId"] is not { } id || !ReadCache.CachedEndpoints.ContainsKey(id)) continue;
            get["description"] = FreshnessNote;
            ((JsonArray)get["parameters"]!).Add(Param("If-None-Match", "header",
                "Entity tags of answers the client holds (from ETag); a current one is answered 304 without a body", Str()));
            var responses = (JsonObject)get["responses"]!;
            if (responses["200"] is JsonObject ok) ok["headers"] = CacheHeaders();
            responses["304"] = new JsonObject
            {
                ["description"] = "Not modified: the answer the If-None-Match tag names is current",
                ["headers"] = CacheHeaders(),
            };
        }
    }

    private static JsonObject CacheHeaders() => new()
    {
        ["ETag"] = new JsonObject
        {
            ["description"] = "Entity tag of the answer (weak, W/\"...\", for rankings and attainment, whose ages move on while the data stays)",
            ["schema"] = new JsonObject { ["type"] = "string" },
        },
        ["Cache-Control"] = new JsonObject
        {
            ["description"] = "no-cache: a client may keep the answer but asks again with If-None-Match",
            ["schema"] = new JsonObject { ["type"] = "string" },
        },
    };
}
