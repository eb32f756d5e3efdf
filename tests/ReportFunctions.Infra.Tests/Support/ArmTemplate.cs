using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReportFunctions.Infra.Tests.Support;

/// <summary>One resource of the compiled ARM JSON, with the (nested) template that declares it.</summary>
public sealed record ArmResource(JsonObject Resource, JsonObject Template, string ModuleName)
{
    public string Type => (string)Resource["type"]!;
    public JsonObject Properties => Resource["properties"]?.AsObject() ?? [];
}

/// <summary>
/// Main.bicep compiled once per test run with `bicep build --stdout`, and helpers to read the ARM JSON:
/// every resource across nested module deployments, and a small resolver for `[variables('x')]` and
/// `[parameters('x')]` expressions.
/// </summary>
public static partial class ArmTemplate
{
    private static readonly Lazy<(BicepRun Run, JsonObject? Json)> Compiled = new(() =>
    {
        var run = BicepCli.Run("build", RepoPaths.MainBicep, "--stdout");
        JsonObject? json = null;
        if (run.ExitCode == 0) json = JsonNode.Parse(run.StdOut)!.AsObject();
        return (run, json);
    });

    public static BicepRun BuildRun => Compiled.Value.Run;

    /// <summary>The compiled main template (throws with the Bicep output if the build failed).</summary>
    public static JsonObject Main => Compiled.Value.Json ?? throw new InvalidOperationException(BuildRun.ToString());

    /// <summary>The raw compiled JSON text.</summary>
    public static string MainText => Main.ToJsonString();

    public static IEnumerable<ArmResource> AllResources() => ResourcesOf(Main, "main");

    public static IEnumerable<ArmResource> OfType(string type) =>
        AllResources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public static ArmResource Single(string type)
    {
        var list = OfType(type).ToList();
        if (list.Count != 1) throw new InvalidOperationException($"Expected one {type}, found {list.Count}.");
        return list[0];
    }

    /// <summary>The module deployment named <paramref name="name"/> in main.bicep.</summary>
    public static JsonObject Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(r => (string?)r.Resource["name"] == name).Resource;

    private static IEnumerable<ArmResource> ResourcesOf(JsonObject template, string moduleName)
    {
        var resources = template["resources"];
        IEnumerable<JsonNode?> items = resources switch
        {
            JsonArray a => a,
            JsonObject o => o.Select(kv => kv.Value), // languageVersion 2.0 symbolic names
            _ => [],
        };
        foreach (var node in items)
        {
            var r = node!.AsObject();
            yield return new ArmResource(r, template, moduleName);
            if ((string?)r["type"] == "Microsoft.Resources/deployments" && r["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested, (string?)r["name"] ?? "?"))
                    yield return inner;
            }
        }
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableRef();

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterRef();

    /// <summary>Names of the variables an ARM expression refers to.</summary>
    public static IEnumerable<string> VariablesIn(string expression) =>
        VariableRef().Matches(expression).Select(m => m.Groups[1].Value);

    /// <summary>Names of the parameters an ARM expression refers to.</summary>
    public static IEnumerable<string> ParametersIn(string expression) =>
        ParameterRef().Matches(expression).Select(m => m.Groups[1].Value);

    /// <summary>
    /// Every literal string a variable of <paramref name="template"/> stands for, following
    /// `[variables('x')]` references (arrays are flattened).
    /// </summary>
    public static IEnumerable<string> LiteralStringsOfVariable(JsonObject template, string variable, int depth = 0)
    {
        if (depth > 10) throw new InvalidOperationException("variable references too deep");
        var value = template["variables"]?[variable]
            ?? throw new InvalidOperationException($"No variable '{variable}' in the template.");
        return LiteralStrings(template, value, depth);
    }

    private static IEnumerable<string> LiteralStrings(JsonObject template, JsonNode value, int depth)
    {
        switch (value)
        {
            case JsonArray a:
                foreach (var item in a)
                    foreach (var s in LiteralStrings(template, item!, depth))
                        yield return s;
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (s.StartsWith('[') && !s.StartsWith("[["))
                {
                    foreach (var name in VariablesIn(s))
                        foreach (var inner in LiteralStringsOfVariable(template, name, depth + 1))
                            yield return inner;
                }
                else
                {
                    yield return s;
                }
                break;
        }
    }
}
