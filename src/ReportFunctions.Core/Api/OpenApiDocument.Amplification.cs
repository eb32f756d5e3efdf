using System.Text.Json.Nodes;

namespace ReportFunctions.Core.Api;

public static partial class OpenApiDocument
{
    /// <summary><c>GET /amplification/{code}</c>: each city's target beside its province's and the nation's.</summary>
    private static JsonObject AmplificationPath() => Get(ApiEndpointNames.GetAmplification,
        "Target amplification of one indicator: each city's target beside its province's and the nation's, with city minus province and province minus nation",
        [Path("code", "Indicator code"), Period(), Query("province", "Province name (its cities only)"), Format()],
        R(200, "Cities (entries; the CSV has one row per city), provinces and the nation's target for the period (default: the latest with a target)", "Amplification", csv: true),
        Problem(400, "Malformed period or format, or an unknown province"), Problem(404, "Unknown indicator, or no target for it yet"));

    private static JsonObject AmplificationTargetSchema() => Obj(("region", T("string")), ("value", T("number")), ("unit", T("string")),
        ("qualifier", T("string")), ("report_id", T("string")), ("report_year", T("integer")));

    private static JsonObject AmplificationSchema()
    {
        var number = new JsonObject { ["type"] = "number", ["nullable"] = true };
        return Obj(("indicator", T("string")), ("unit", T("string")), ("description", T("string")), ("period", T("string")),
            ("province", T("string")), ("definition", T("string")), ("available_periods", ArrayOf(T("string"))),
            ("national", Ref("AmplificationTarget")),
            ("provinces", ArrayOf(Obj(("province", T("string")), ("target", Ref("AmplificationTarget")), ("national_target", Ref("AmplificationTarget")),
                ("province_minus_nation", number.DeepClone())))),
            ("entries", ArrayOf(Obj(("city", T("string")), ("province", T("string")), ("target", Ref("AmplificationTarget")),
                ("province_target", Ref("AmplificationTarget")), ("national_target", Ref("AmplificationTarget")),
                ("city_minus_province", number.DeepClone()), ("province_minus_nation", number.DeepClone())))));
    }
}
