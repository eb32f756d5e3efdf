using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Rankings;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

/// <summary>The registration every host uses (<see cref="ReportFunctionsServices.AddReportFunctionsCore"/>) resolves every class.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DependencyInjectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_class_the_hosts_use_resolves_from_the_core_registration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSettingNames.Storage] = azurite.ConnectionString, [AppSettingNames.MaxIngestAttempts] = "5" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReportFunctionsCore(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal(5, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportFunctionsOptions>>().Value.MaxIngestAttempts);
        Assert.Equal(StorageNames.ReportsContainer, provider.GetRequiredService<ReportStorage>().Container.Name);
        Assert.Equal(StorageNames.ReportsTable, provider.GetRequiredService<ReportStorage>().Reports.Name);
        Assert.Equal(StorageNames.RankingsTable, provider.GetRequiredService<RankingStore>().TableName);
        Assert.Equal(StorageNames.AttainmentTable, provider.GetRequiredService<AttainmentStore>().TableName);
        Assert.IsType<FactQueries>(provider.GetRequiredService<IFactReader>());
        Assert.NotNull(provider.GetRequiredService<RankingRefresher>());
        await provider.GetRequiredService<ReportIngestor>().EnsureCreatedAsync();

        // Every endpoint of ApiEndpointNames is served by exactly one module.
        var dispatcher = provider.GetRequiredService<ApiDispatcher>();
        var names = typeof(ApiEndpointNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(names, dispatcher.Endpoints.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(200, (await dispatcher.HandleAsync(ApiEndpointNames.Health, new ApiRequest(), default)).StatusCode);
        Assert.Equal(200, (await dispatcher.HandleAsync(ApiEndpointNames.ListIndicators, new ApiRequest(), default)).StatusCode);
    }
}
