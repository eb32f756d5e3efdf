using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReportFunctions.Core.Configuration;

/// <summary>
/// Registers the Blob and Table service clients from the <c>AzureWebJobsStorage</c> connection, the
/// same connection the blob trigger uses: either a connection string (Azurite:
/// <c>UseDevelopmentStorage=true</c>) or identity-based settings
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>).
/// </summary>
public static class StorageClientRegistration
{
    public static IServiceCollection AddReportStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = StorageConnection.From(configuration);
        services.AddAzureClients(clients =>
        {
            if (connection.ConnectionString is { } cs)
            {
                clients.AddBlobServiceClient(cs);
                clients.AddTableServiceClient(cs);
            }
            else
            {
                clients.AddBlobServiceClient(connection.BlobServiceUri!);
                clients.AddTableServiceClient(connection.TableServiceUri!);
                clients.UseCredential(connection.CreateCredential());
            }
        });
        return services;
    }
}

/// <summary>The storage connection as configured under <see cref="AppSettingNames.Storage"/>.</summary>
public sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? TableServiceUri, string? Credential, string? ClientId)
{
    public static StorageConnection From(IConfiguration configuration, string name = AppSettingNames.Storage)
    {
        var section = configuration.GetSection(name);
        var cs = section.Value ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(cs)) return new StorageConnection(cs, null, null, null, null);

        var account = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } u ? new Uri(u)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;
        var blob = Endpoint("blobServiceUri", "blob");
        var table = Endpoint("tableServiceUri", "table");
        if (blob is null || table is null)
            throw new InvalidOperationException(
                $"Storage is not configured: set {name} to a connection string (UseDevelopmentStorage=true for Azurite) " +
                $"or set {name}__blobServiceUri and {name}__tableServiceUri (identity-based).");
        return new StorageConnection(null, blob, table, section["credential"], section["clientId"]);
    }

    public TokenCredential CreateCredential() =>
        string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? (ClientId is { Length: > 0 } id ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id)) : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });

    /// <summary>Builds clients without DI, for the CLI and benchmarks.</summary>
    public (BlobServiceClient Blobs, TableServiceClient Tables) CreateClients() =>
        ConnectionString is { } cs
            ? (new BlobServiceClient(cs), new TableServiceClient(cs))
            : (new BlobServiceClient(BlobServiceUri, CreateCredential()), new TableServiceClient(TableServiceUri, CreateCredential()));
}
