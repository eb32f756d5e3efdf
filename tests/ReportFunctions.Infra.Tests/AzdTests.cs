using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Infra.Tests.Support;
using Xunit;

namespace ReportFunctions.Infra.Tests;

/// <summary>azure.yaml, main.parameters.json and the postdeploy hook fit main.bicep and each other.</summary>
public class AzdTests
{
    public const string ServiceName = "api";
    public const string HookScript = "infra/scripts/create-eventgrid-subscription.sh";

    private static readonly string AzureYaml = File.ReadAllText(RepoPaths.AzureYaml);

    [Fact]
    public void Azure_yaml_deploys_the_Functions_project_as_service_api()
    {
        // A small, line-based reading of azure.yaml (no YAML library needed for this shape).
        var service = Regex.Match(AzureYaml, @"^services:\s*\n  (\w[\w-]*):\s*\n((?:    .*\n)+)", RegexOptions.Multiline);
        Assert.True(service.Success, "azure.yaml has no services: block");
        Assert.Equal(ServiceName, service.Groups[1].Value);
        var body = service.Groups[2].Value;
        Assert.Matches(@"(?m)^    project: \./src/ReportFunctions\.Functions\s*$", body);
        Assert.Matches(@"(?m)^    language: dotnet\s*$", body);
        Assert.Matches(@"(?m)^    host: function\s*$", body);
        Assert.True(File.Exists(RepoPaths.Combine("src", "ReportFunctions.Functions", "ReportFunctions.Functions.csproj")));
        Assert.Matches(@"(?m)^  path: infra\s*$", AzureYaml);
    }

    [Fact]
    public void Postdeploy_hook_script_exists_is_executable_and_parses()
    {
        Assert.Contains($"run: ./{HookScript}", AzureYaml);
        Assert.Contains("postdeploy:", AzureYaml);
        var path = RepoPaths.Combine(HookScript.Split('/'));
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{HookScript} is not executable");

        var psi = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-n");
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }

    [Fact]
    public void Hook_subscribes_the_IngestReport_blobs_webhook_to_BlobCreated_in_reports()
    {
        var script = File.ReadAllText(RepoPaths.Combine(HookScript.Split('/')));
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.$INGEST_FUNCTION_NAME&code=$key", script);
        Assert.Contains("systemKeys.blobs_extension", script);
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", script);
        Assert.Contains("/blobServices/default/containers/$REPORTS_CONTAINER_NAME/blobs/", script);
        Assert.Contains("--endpoint-type webhook", script);

        // Every azd environment value the hook needs is an output of main.bicep...
        var outputs = ArmTemplate.Main["outputs"]!.AsObject();
        foreach (Match m in Regex.Matches(script, @"\$\{?([A-Z][A-Z0-9_]+)"))
        {
            var name = m.Groups[1].Value;
            if (name is "EVENTGRID_SUBSCRIPTION_NAME") continue; // optional override, has a default
            if (Regex.IsMatch(script, $@"(?m)^{name}=") || name is "key" or "host") continue; // set by the script
            Assert.True(outputs.ContainsKey(name), $"{HookScript} uses ${name}, which main.bicep does not output");
        }
        // ...with the values the app uses.
        Assert.Equal("IngestReport", ConstantOutput(outputs, "INGEST_FUNCTION_NAME"));
        Assert.Contains("reportsContainerName", (string)outputs["REPORTS_CONTAINER_NAME"]!["value"]!);
        Assert.Contains($"REPORTS_CONTAINER_NAME:-{StorageNames.ReportsContainer}", script);
    }

    [Fact]
    public void Parameters_file_matches_main_bicep_parameters()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepoPaths.MainParameters))!["parameters"]!.AsObject();
        var declared = ArmTemplate.Main["parameters"]!.AsObject();
        foreach (var (name, _) in file)
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare");
        foreach (var (name, p) in declared)
        {
            if (p!["defaultValue"] is null)
                Assert.True(file.ContainsKey(name), $"main.bicep requires '{name}', which main.parameters.json does not set");
        }
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
    }

    private static string? ConstantOutput(JsonObject outputs, string name) => (string?)outputs[name]!["value"];
}
