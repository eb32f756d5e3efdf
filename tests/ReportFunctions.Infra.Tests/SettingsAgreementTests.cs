using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Infra.Tests.Support;
using Xunit;

namespace ReportFunctions.Infra.Tests;

/// <summary>
/// The app reads every setting through <see cref="ReportFunctionsOptions"/>; its names must be the same
/// in local.settings.sample.json, LocalHost's appsettings.json and the Bicep app settings.
/// </summary>
public class SettingsAgreementTests
{
    private static readonly string[] OptionNames = ReportFunctionsOptions.SettingNames.Order(StringComparer.Ordinal).ToArray();

    private static JsonObject ReadJson(string path) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();

    [Fact]
    public void Every_options_property_has_a_ConfigurationKeyName_in_SettingNames()
    {
        var properties = typeof(ReportFunctionsOptions)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToList();
        Assert.NotEmpty(properties);

        var keys = new List<string>();
        foreach (var p in properties)
        {
            var attr = p.GetCustomAttribute<ConfigurationKeyNameAttribute>();
            Assert.True(attr is not null, $"{nameof(ReportFunctionsOptions)}.{p.Name} has no [ConfigurationKeyName]");
            Assert.True(ReportFunctionsOptions.SettingNames.Contains(attr!.Name),
                $"{nameof(ReportFunctionsOptions)}.{p.Name} binds '{attr.Name}', which is not in SettingNames");
            keys.Add(attr.Name);
        }
        // And no name in SettingNames is left without a property (or listed twice).
        Assert.Equal(OptionNames, keys.Order(StringComparer.Ordinal));
        Assert.Equal(ReportFunctionsOptions.SettingNames.Count, ReportFunctionsOptions.SettingNames.Distinct().Count());
    }

    [Fact]
    public void SettingNames_equal_local_settings_sample_values()
    {
        var values = ReadJson(RepoPaths.LocalSettingsSample)["Values"]!.AsObject();
        var names = values.Select(kv => kv.Key)
            .Where(n => n is not (AppSettingNames.Storage or "FUNCTIONS_WORKER_RUNTIME"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(OptionNames, names);
    }

    [Fact]
    public void SettingNames_equal_LocalHost_appsettings()
    {
        var names = ReadJson(RepoPaths.LocalHostAppSettings).Select(kv => kv.Key)
            .Where(n => n is not (AppSettingNames.Storage or "Urls" or "Logging"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(OptionNames, names);
    }

    [Fact]
    public void SettingNames_equal_Bicep_app_settings()
    {
        var names = BicepTemplateTests.AppSettings().Select(s => s.Name)
            .Where(n => !IsPlatformSetting(n))
            .Order(StringComparer.Ordinal);
        Assert.Equal(OptionNames, names);
    }

    [Fact]
    public void Default_values_agree_between_options_sample_LocalHost_and_Bicep()
    {
        var defaults = new ReportFunctionsOptions();
        var fromOptions = typeof(ReportFunctionsOptions).GetProperties()
            .Where(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name,
                          p => Convert.ToString(p.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture));
        var sample = ReadJson(RepoPaths.LocalSettingsSample)["Values"]!.AsObject();
        var localHost = ReadJson(RepoPaths.LocalHostAppSettings);

        foreach (var name in OptionNames)
        {
            Assert.Equal(fromOptions[name], (string?)sample[name]);
            Assert.Equal(fromOptions[name], (string?)localHost[name]);
            Assert.Equal(fromOptions[name], BicepDefault(name));
        }
    }

    /// <summary>Platform settings the app does not read through ReportFunctionsOptions.</summary>
    private static bool IsPlatformSetting(string name) =>
        name.StartsWith(AppSettingNames.Storage + "__", StringComparison.Ordinal)
        || name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal)
        || name.StartsWith("FUNCTIONS_", StringComparison.Ordinal)
        || name.StartsWith("WEBSITE_", StringComparison.Ordinal)
        || name.StartsWith("AzureWebJobs", StringComparison.Ordinal)
        || name.StartsWith("AzureFunctionsJobHost", StringComparison.Ordinal);

    /// <summary>
    /// Default value of a Bicep app setting: the setting's value is `[parameters('x')]` (or
    /// `[string(parameters('x'))]`) in the function app module, main.bicep passes `[parameters('y')]`
    /// for x, and y has a defaultValue in main.bicep.
    /// </summary>
    private static string? BicepDefault(string settingName)
    {
        var value = BicepTemplateTests.AppSettings().Single(s => s.Name == settingName).Value;
        var moduleParam = Assert.Single(ArmTemplate.ParametersIn(value));
        var passed = (string)ArmTemplate.Module("functionapp")["properties"]!["parameters"]![moduleParam]!["value"]!;
        var mainParam = Assert.Single(ArmTemplate.ParametersIn(passed));
        var node = ArmTemplate.Main["parameters"]![mainParam]!["defaultValue"];
        return node?.ToString();
    }
}
