using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Storage;

/// <summary>The registrations the hosts make (Storage/README.md) resolve every storage, ingestion and API class.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DependencyInjectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_class_is_constructible_from_DI()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<ReportFunctionsOptions>();
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReportExtractor>();
        services.AddSingleton<ReportStorage>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportIngestor>();
        services.AddSingleton<FactQueries>();
        services.AddSingleton<IFactReader>(sp => sp.GetRequiredService<FactQueries>());
        services.AddSingleton<IApiModule, FactsApi>();
        services.AddSingleton<ApiDispatcher>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal(StorageNames.ReportsContainer, provider.GetRequiredService<ReportStorage>().Container.Name);
        Assert.Equal(StorageNames.ReportsTable, provider.GetRequiredService<ReportStorage>().Reports.Name);
        await provider.GetRequiredService<ReportIngestor>().EnsureCreatedAsync();
        Assert.IsType<FactQueries>(provider.GetRequiredService<IFactReader>());
        var dispatcher = provider.GetRequiredService<ApiDispatcher>();
        Assert.Equal(200, (await dispatcher.HandleAsync(ApiEndpointNames.Health, new ApiRequest(), default)).StatusCode);
        Assert.Equal(200, (await dispatcher.HandleAsync(ApiEndpointNames.ListIndicators, new ApiRequest(), default)).StatusCode);
    }
}
