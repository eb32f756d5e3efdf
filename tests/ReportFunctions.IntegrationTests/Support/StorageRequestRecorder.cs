using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Functions;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>
/// Records each request (method and URI) the storage clients it is added to send: for tests that count storage requests
/// against a real Azurite.
/// </summary>
public sealed class StorageRequestRecorder : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<(string Method, Uri Uri)> _requests = new();

    /// <summary>"METHOD uri" of each request so far, in order.</summary>
    public IReadOnlyList<string> All => _requests.Select(r => r.Method + " " + r.Uri).ToArray();

    public int Count => _requests.Count;

    public void Clear() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message) =>
        _requests.Enqueue((message.Request.Method.ToString(), message.Request.Uri.ToUri()));

    /// <summary>Create requests: a table create (POST …/Tables) or a container create (PUT ?restype=container without comp).</summary>
    public List<string> Creates() => _requests
        .Where(r => (r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/Tables", StringComparison.Ordinal))
                 || (r.Method == "PUT" && r.Uri.Query.Contains("restype=container", StringComparison.Ordinal) && !r.Uri.Query.Contains("comp=", StringComparison.Ordinal)))
        .Select(r => r.Method + " " + r.Uri)
        .ToList();

    /// <summary>A table service client on <paramref name="connectionString"/> whose requests this records.</summary>
    public TableServiceClient TableService(string connectionString)
    {
        var options = new TableClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return new TableServiceClient(connectionString, options);
    }

    /// <summary>A blob service client on <paramref name="connectionString"/> whose requests this records.</summary>
    public BlobServiceClient BlobService(string connectionString)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return new BlobServiceClient(connectionString, options);
    }

    /// <summary>The Functions app's services on <paramref name="connectionString"/>, its storage clients recorded by this.</summary>
    public ServiceProvider AppServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSettingNames.Storage] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReportFunctionsApp(configuration);
        services.AddSingleton(BlobService(connectionString));
        services.AddSingleton(TableService(connectionString));
        return services.BuildServiceProvider();
    }
}
