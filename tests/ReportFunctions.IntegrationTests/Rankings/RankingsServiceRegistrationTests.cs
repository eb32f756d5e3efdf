using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>The registrations the hosts need (see the rankings README), resolved by the real container.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RankingsServiceRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rankings_classes_resolve_from_the_container()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(azurite.TableService());
        services.AddSingleton(azurite.BlobService());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IFactReader>(new InMemoryFactReader(InMemoryFactReader.LoadSyntheticFacts()));
        // What the lead registers:
        services.AddSingleton<RankingStore>();
        services.AddSingleton<AttainmentStore>();
        services.AddSingleton<RankingRefresher>();
        services.AddSingleton<IApiModule, RankingApiModule>();
        services.AddSingleton<ApiDispatcher>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal("Rankings", provider.GetRequiredService<RankingStore>().TableName);
        Assert.Equal("Attainment", provider.GetRequiredService<AttainmentStore>().TableName);
        var dispatcher = provider.GetRequiredService<ApiDispatcher>();
        Assert.Equal(
            [ApiEndpointNames.GetAttainment, ApiEndpointNames.GetRanking, ApiEndpointNames.GetRegionAttainment, ApiEndpointNames.RefreshRankings],
            dispatcher.Endpoints.Select(e => e.Name).Order(StringComparer.Ordinal));
        // The default tables belong to the whole Azurite run (hosts' tests): resolve only, refresh nothing here.
        Assert.NotNull(provider.GetRequiredService<RankingRefresher>());
    }
}
