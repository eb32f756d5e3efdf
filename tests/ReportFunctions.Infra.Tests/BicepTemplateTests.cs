using System.Text.Json.Nodes;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Infra.Tests.Support;
using Xunit;

namespace ReportFunctions.Infra.Tests;

/// <summary>Assertions on the ARM JSON compiled from infra/main.bicep.</summary>
public class BicepTemplateTests
{
    // Built-in role definition ids.
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string Owner = "8e3af657-a8ff-4c82-a615-0ef48be5c1f7";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

    private static JsonObject Site => ArmTemplate.Single("Microsoft.Web/sites").Resource;

    internal static IReadOnlyList<(string Name, string Value)> AppSettings() =>
        Site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => ((string)s!["name"]!, s["value"]?.ToString() ?? ""))
            .ToList();

    private static string Setting(string name) =>
        AppSettings().Single(s => s.Name == name).Value;

    [Fact]
    public void Storage_account_disables_shared_key_and_public_blob_access()
    {
        var props = ArmTemplate.Single("Microsoft.Storage/storageAccounts").Properties;
        Assert.False((bool)props["allowSharedKeyAccess"]!);
        Assert.False((bool)props["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)props["minimumTlsVersion"]);
        Assert.True((bool)props["supportsHttpsTrafficOnly"]!);

        foreach (var container in ArmTemplate.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"))
            Assert.Equal("None", (string?)container.Properties["publicAccess"]);
    }

    [Fact]
    public void Container_and_table_names_equal_StorageNames()
    {
        // main.bicep loads infra/storage-names.json; bicep inlines it as a variable.
        var main = ArmTemplate.Main;
        var names = main["variables"]!.AsObject()
            .Select(kv => kv.Value).OfType<JsonObject>()
            .Single(v => v.ContainsKey("reportsContainer"));
        Assert.Equal(StorageNames.ReportsContainer, (string?)names["reportsContainer"]);
        Assert.Equal(StorageNames.LeasesContainer, (string?)names["leasesContainer"]);
        Assert.Equal(StorageNames.AllTables, names["tables"]!.AsArray().Select(t => (string)t!).ToArray());

        // ...and the storage module really creates those containers and tables from it.
        var storageParams = ArmTemplate.Module("storage")["properties"]!["parameters"]!;
        Assert.Equal("[variables('storageNames').reportsContainer]", (string?)storageParams["reportsContainerName"]!["value"]);
        Assert.Equal("[variables('storageNames').leasesContainer]", (string?)storageParams["leasesContainerName"]!["value"]);
        Assert.Equal("[variables('storageNames').tables]", (string?)storageParams["tableNames"]!["value"]);

        var containerNames = ArmTemplate.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => (string)c.Resource["name"]!).ToList();
        Assert.Contains(containerNames, n => n.Contains("parameters('reportsContainerName')"));
        Assert.Contains(containerNames, n => n.Contains("parameters('leasesContainerName')"));
        Assert.Contains(containerNames, n => n.Contains("parameters('deploymentContainerName')"));

        var tables = ArmTemplate.Single("Microsoft.Storage/storageAccounts/tableServices/tables").Resource;
        Assert.Equal("[length(parameters('tableNames'))]", (string?)tables["copy"]!["count"]);
        Assert.Contains("parameters('tableNames')[copyIndex()]", (string)tables["name"]!);
    }

    [Fact]
    public void Host_storage_is_identity_based_without_any_connection_string_or_key()
    {
        var settings = AppSettings();
        Assert.Equal("managedidentity", Setting("AzureWebJobsStorage__credential"));
        Assert.Equal("[parameters('identityClientId')]", Setting("AzureWebJobsStorage__clientId"));
        Assert.Contains("primaryEndpoints.blob", Setting("AzureWebJobsStorage__blobServiceUri"));
        Assert.Contains("primaryEndpoints.queue", Setting("AzureWebJobsStorage__queueServiceUri"));
        Assert.Contains("primaryEndpoints.table", Setting("AzureWebJobsStorage__tableServiceUri"));

        Assert.DoesNotContain(settings, s => s.Name == AppSettingNames.Storage);
        Assert.DoesNotContain(settings, s => s.Value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings, s => s.Value.Contains("DefaultEndpointsProtocol", StringComparison.OrdinalIgnoreCase));

        // Nothing in the whole deployment reads account keys or SAS tokens.
        var text = ArmTemplate.MainText;
        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity()
    {
        var identity = Site["identity"]!;
        Assert.Equal("UserAssigned", (string?)identity["type"]);
        var ids = identity["userAssignedIdentities"]!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Single(ids);
        Assert.Contains("parameters('identityId')", ids[0]);

        var auth = Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", (string?)auth["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)auth["userAssignedIdentityResourceId"]);

        // The module gets the id and client id of the identity module's identity...
        var appParams = ArmTemplate.Module("functionapp")["properties"]!["parameters"]!;
        Assert.Contains("'identity'", (string)appParams["identityId"]!["value"]!);
        Assert.Contains("outputs.id.value", (string)appParams["identityId"]!["value"]!);
        Assert.Contains("'identity'", (string)appParams["identityClientId"]!["value"]!);
        Assert.Contains("outputs.clientId.value", (string)appParams["identityClientId"]!["value"]!);
        // ...and the role assignments go to the same identity's principal.
        var rbacParams = ArmTemplate.Module("rbac")["properties"]!["parameters"]!;
        Assert.Contains("'identity'", (string)rbacParams["appPrincipalId"]!["value"]!);
        Assert.Contains("outputs.principalId.value", (string)rbacParams["appPrincipalId"]!["value"]!);
        Assert.Single(ArmTemplate.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Fact]
    public void Plan_is_Flex_Consumption_FC1_with_dotnet_isolated_10()
    {
        var plan = ArmTemplate.Single("Microsoft.Web/serverfarms").Resource;
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        Assert.Equal("functionapp,linux", (string?)Site["kind"]);
        var config = Site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Contains("parameters('deploymentContainerName')", (string)config["deployment"]!["storage"]!["value"]!);
        Assert.Empty(config["scaleAndConcurrency"]!["alwaysReady"]!.AsArray());

        // Flex Consumption takes the runtime from functionAppConfig; these settings are not allowed.
        var names = AppSettings().Select(s => s.Name).ToList();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", names);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", names);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", names);
    }

    [Fact]
    public void Function_app_is_tagged_with_the_azd_service_name()
    {
        var tags = (string)Site["tags"]!;
        Assert.Contains("'azd-service-name', parameters('serviceName')", tags);
        var serviceParam = (string)ArmTemplate.Module("functionapp")["properties"]!["parameters"]!["serviceName"]!["value"]!;
        var variable = Assert.Single(ArmTemplate.VariablesIn(serviceParam));
        Assert.Equal(AzdTests.ServiceName, (string?)ArmTemplate.Main["variables"]![variable]);
    }

    [Fact]
    public void Role_assignments_are_exactly_the_storage_data_roles_and_metrics_publisher()
    {
        var assignments = ArmTemplate.OfType("Microsoft.Authorization/roleAssignments").ToList();
        Assert.NotEmpty(assignments);

        var appRoles = new Dictionary<string, string>(); // role id -> scope expression
        foreach (var a in assignments)
        {
            var roleExpr = (string)a.Properties["roleDefinitionId"]!;
            // Every role id the assignment can take (a copy loop over an array variable: each element).
            var roleIds = ArmTemplate.VariablesIn(roleExpr)
                .SelectMany(v => ArmTemplate.LiteralStringsOfVariable(a.Template, v)).ToList();
            Assert.NotEmpty(roleIds);
            if (a.Resource["copy"] is null) Assert.Single(roleIds);
            Assert.All(roleIds, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id));
            var scope = (string?)a.Resource["scope"];
            Assert.False(string.IsNullOrEmpty(scope), $"role assignment without a resource scope: {roleExpr}");

            var principal = (string)a.Properties["principalId"]!;
            if (principal == "[parameters('appPrincipalId')]")
            {
                foreach (var id in roleIds) appRoles.Add(id, scope!);
            }
            else
            {
                // The only other principal: the uploader, Blob Data Contributor on the reports container.
                Assert.Equal("[parameters('uploaderPrincipalId')]", principal);
                Assert.Equal([StorageBlobDataContributor], roleIds);
                Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers'", scope);
                Assert.Contains("parameters('reportsContainerName')", scope);
                Assert.Equal("[not(empty(parameters('uploaderPrincipalId')))]", (string?)a.Resource["condition"]);
            }
        }

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher }.Order(),
            appRoles.Keys.Order());
        foreach (var storageRole in new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor })
            Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", appRoles[storageRole]);
        Assert.Equal("[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]", appRoles[MonitoringMetricsPublisher]);

        // No broad role appears anywhere in the deployment, not even in an unused variable.
        var text = ArmTemplate.MainText;
        foreach (var broad in new[] { Owner, Contributor, UserAccessAdministrator })
            Assert.DoesNotContain(broad, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Application_Insights_is_workspace_based_with_Entra_ID_auth()
    {
        Assert.Single(ArmTemplate.OfType("Microsoft.OperationalInsights/workspaces"));
        var ai = ArmTemplate.Single("Microsoft.Insights/components").Properties;
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string)ai["WorkspaceResourceId"]!);
        Assert.True((bool)ai["DisableLocalAuth"]!);

        Assert.Contains("ConnectionString", Setting("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        var auth = Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        Assert.Contains("ClientId=", auth);
        Assert.Contains("parameters('identityClientId')", auth);
        Assert.Contains("Authorization=AAD", auth);
    }

    [Fact]
    public void App_settings_include_every_ReportFunctions_setting()
    {
        var names = AppSettings().Select(s => s.Name).ToList();
        Assert.Contains(AppSettingNames.RankingSchedule, names);
        Assert.Contains(AppSettingNames.ReconcileSchedule, names);
        Assert.Contains(AppSettingNames.MaxReportBytes, names);
        Assert.Contains(AppSettingNames.MaxIngestAttempts, names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Event_Grid_system_topic_watches_the_storage_account()
    {
        var topic = ArmTemplate.Single("Microsoft.EventGrid/systemTopics").Properties;
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["topicType"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string)topic["source"]!);
        // The subscription is created after deploy by the azd hook (its webhook needs the deployed code).
        Assert.Empty(ArmTemplate.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
    }
}
