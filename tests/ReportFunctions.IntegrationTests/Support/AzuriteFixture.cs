using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>
/// One Azurite for the whole test run. ./test.sh starts one and passes its connection string in
/// <c>AZURITE_CONNECTION_STRING</c>; without it the fixture starts its own, in memory, on free ports.
/// Tests isolate themselves with their own table and container name prefixes where they need to.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";

    private AzuriteProcess? _own;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }
        _own = await AzuriteProcess.StartAsync();
        ConnectionString = _own.ConnectionString;
    }

    public BlobServiceClient BlobService() => new(ConnectionString);
    public TableServiceClient TableService() => new(ConnectionString);

    public async Task DisposeAsync()
    {
        if (_own is not null) await _own.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
