using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document declares the function-key security and documents the error answers the API really gives
/// (./test.sh also lints it with Redocly: 0 errors).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiContractTests(AzuriteFixture azurite)
{
    private static readonly JsonElement Doc = JsonDocument.Parse(OpenApiDocument.Build("http://localhost:7071").ToJsonString()).RootElement;

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name.ToUpperInvariant(), o.Value)));

    [Fact]
    public void Function_key_in_query_code_or_header_x_functions_key_is_declared_for_every_operation()
    {
        var schemes = Doc.GetProperty("components").GetProperty("securitySchemes");
        var byLocation = schemes.EnumerateObject().ToDictionary(s => s.Value.GetProperty("in").GetString()!, s => (s.Name, Key: s.Value.GetProperty("name").GetString()));
        Assert.All(schemes.EnumerateObject(), s => Assert.Equal("apiKey", s.Value.GetProperty("type").GetString()));
        Assert.Equal("code", byLocation["query"].Key);
        Assert.Equal("x-functions-key", byLocation["header"].Key);
        // Either one: two alternatives at the root, each naming one scheme.
        var security = Doc.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single().Name).Order().ToList();
        Assert.Equal(new[] { byLocation["header"].Name, byLocation["query"].Name }.Order(), security);
        Assert.All(Operations(), o => Assert.True(o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Method} {o.Path} has no 401"));
    }

    [Fact]
    public async Task Every_error_answer_to_bad_input_is_documented_for_its_operation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSettingNames.Storage] = azurite.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReportFunctionsCore(configuration);
        await using var provider = services.BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<ApiDispatcher>();
        var byOperationId = Operations().ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!);
        var route = new Dictionary<string, string?> { ["region"] = "Jiaxing", ["code"] = "gdp_growth", ["id"] = "not an id" };
        var badQueries = new[]
        {
            new Dictionary<string, string?> { ["format"] = "xml" },
            new Dictionary<string, string?> { ["period"] = "last year", ["kind"] = "guess", ["page_size"] = "0" },
            new Dictionary<string, string?> { ["name"] = "../x\u0001" },
        };
        var seen = 0;
        foreach (var endpoint in dispatcher.Endpoints)
        {
            if (endpoint.Name == ApiEndpointNames.RefreshRankings) continue; // its one input (full) is tested in RankingsIncrementalRefreshTests
            var responses = byOperationId[endpoint.Name].Operation.GetProperty("responses");
            foreach (var query in badQueries)
            {
                var response = await dispatcher.HandleAsync(endpoint.Name, new ApiRequest
                {
                    Method = endpoint.Method,
                    RouteValues = route,
                    Query = new Dictionary<string, string?>(query, StringComparer.OrdinalIgnoreCase),
                    Body = new MemoryStream(Encoding.UTF8.GetBytes("")),
                    ContentLength = 0,
                    BaseUrl = "http://localhost:7071",
                }, CancellationToken.None);
                if (response.StatusCode is >= 400 and < 500)
                {
                    seen++;
                    Assert.True(responses.TryGetProperty(response.StatusCode.ToString(), out _),
                        $"{endpoint.Method} {endpoint.Route} answered {response.StatusCode} to {string.Join('&', query.Select(kv => kv.Key + "=" + kv.Value))}, which its operation does not document");
                }
            }
        }
        Assert.True(seen >= 10, $"only {seen} error answers were provoked");
    }
}
