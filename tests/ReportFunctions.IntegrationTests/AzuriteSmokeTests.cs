using Azure.Data.Tables;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSmokeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Azurite_serves_blobs_and_tables()
    {
        var container = azurite.BlobService().GetBlobContainerClient("smoke-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("a.txt", BinaryData.FromString("hello"));
        var text = (await container.GetBlobClient("a.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal("hello", text);

        var table = azurite.TableService().GetTableClient("smoke" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 42 });
        var row = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, row.Value.GetInt32("V"));
    }
}
