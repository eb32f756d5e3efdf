using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Rankings;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>Rankings stores, refreshers and the API module over the test Azurite, under a table prefix of their own.</summary>
public sealed class RankingHarness
{
    private readonly AzuriteFixture _azurite;

    public RankingHarness(AzuriteFixture azurite, IFactReader facts, string? prefix = null)
    {
        _azurite = azurite;
        Facts = facts;
        Prefix = prefix ?? "rk" + Guid.NewGuid().ToString("N")[..10];
        Rankings = new RankingStore(azurite.TableService(), Prefix);
        Attainment = new AttainmentStore(azurite.TableService(), Prefix);
        Api = new RankingApiModule(Rankings, Attainment, NewRefresher(), TimeProvider.System);
        Dispatcher = new ApiDispatcher([Api]);
    }

    /// <summary>Fact tables filled by ingesting the synthetic reports through the real pipeline, and rankings, under one prefix.</summary>
    public static async Task<RankingHarness> FromReportsAsync(AzuriteFixture azurite)
    {
        var prefix = "rk" + Guid.NewGuid().ToString("N")[..10];
        var pipeline = await SyntheticReportPipeline.CreateAsync(azurite, prefix);
        return new RankingHarness(azurite, pipeline.Reader, prefix) { Pipeline = pipeline };
    }

    /// <summary>The ingestion pipeline when the facts come from it.</summary>
    public SyntheticReportPipeline? Pipeline { get; private init; }

    public string Prefix { get; }
    public IFactReader Facts { get; }
    public RankingStore Rankings { get; }
    public AttainmentStore Attainment { get; }
    public RankingApiModule Api { get; }
    public ApiDispatcher Dispatcher { get; }

    public TableClient RankingsTable => _azurite.TableService().GetTableClient(Rankings.TableName);

    /// <summary>A separate refresher instance (as on another host instance), with its own stores and clients.</summary>
    public RankingRefresher NewRefresher(bool useLease = true) => new(
        Facts, new RankingStore(_azurite.TableService(), Prefix), new AttainmentStore(_azurite.TableService(), Prefix),
        _azurite.BlobService(), TimeProvider.System, NullLogger<RankingRefresher>.Instance,
        new RankingRefresherSettings { UseLease = useLease, LeaseBlobName = Prefix + "-rankings-refresh", LeaseWait = TimeSpan.FromSeconds(30) });

    public Task<ApiResponse> GetAsync(string endpoint, IReadOnlyDictionary<string, string?> route, IReadOnlyDictionary<string, string?>? query = null, string? accept = null) =>
        Dispatcher.HandleAsync(endpoint, new ApiRequest
        {
            RouteValues = route,
            Query = new Dictionary<string, string?>(query ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase),
            Accept = accept,
        }, CancellationToken.None);

    public Task<ApiResponse> GetRankingAsync(string code, string? period = null, string? kind = null, string? level = null, string? province = null, string? format = null)
    {
        var q = new Dictionary<string, string?>();
        if (period is not null) q["period"] = period;
        if (kind is not null) q["kind"] = kind;
        if (level is not null) q["level"] = level;
        if (province is not null) q["province"] = province;
        if (format is not null) q["format"] = format;
        return GetAsync(ApiEndpointNames.GetRanking, new Dictionary<string, string?> { ["code"] = code }, q);
    }
}
