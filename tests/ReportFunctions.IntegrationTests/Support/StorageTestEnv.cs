using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Api;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;
using RegionInfo = ReportFunctions.Core.Domain.RegionInfo;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>
/// Storage, ingestor, queries and API over a real Azurite, with table and container names under a prefix of
/// its own (so tests never see each other's data), and a test extractor that reads a line format:
/// <c>REGION: Zhejiang</c>, <c>YEAR: 2021</c>, <c>gdp 2020 actual 6461300000000 CNY</c>, <c>NOTREPORT reason</c>, <c>THROW</c>.
/// </summary>
public sealed class StorageTestEnv
{
    public ReportStorage Storage { get; }
    public ReportStore Store { get; }
    public ReportIngestor Ingestor { get; }
    public FactQueries Queries { get; }
    public FactsApi Api { get; }
    public ApiDispatcher Dispatcher { get; }
    public ReportFunctionsOptions Options { get; }
    public int ExtractCalls;

    private StorageTestEnv(AzuriteFixture azurite, string connectionString, ReportFunctionsOptions options, StorageRequestRecorder? recorder)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        Options = options;
        Storage = recorder is null
            ? new ReportStorage(new TableServiceClient(connectionString), new Azure.Storage.Blobs.BlobServiceClient(connectionString), prefix)
            : new ReportStorage(recorder.TableService(connectionString), recorder.BlobService(connectionString), prefix);
        Store = new ReportStore(Storage, NullLogger<ReportStore>.Instance);
        var opts = Microsoft.Extensions.Options.Options.Create(options);
        Ingestor = new ReportIngestor(Store, new ReportExtractor(), opts, TimeProvider.System, NullLogger<ReportIngestor>.Instance);
        Ingestor.Extract = (text, name) => { Interlocked.Increment(ref ExtractCalls); return LineExtractor.Extract(text); };
        Queries = new FactQueries(Store);
        Api = new FactsApi(Store, Queries, new ReportExtractor(), opts, TimeProvider.System, NullLogger<FactsApi>.Instance);
        Dispatcher = new ApiDispatcher([Api, new ReportTextApi(Store)]);
    }

    /// <param name="recorder">Records every storage request of this environment's clients (none when null).</param>
    public static async Task<StorageTestEnv> CreateAsync(AzuriteFixture azurite, ReportFunctionsOptions? options = null, string? connectionString = null,
        StorageRequestRecorder? recorder = null)
    {
        var env = new StorageTestEnv(azurite, connectionString ?? azurite.ConnectionString, options ?? new ReportFunctionsOptions(), recorder);
        await env.Ingestor.EnsureCreatedAsync();
        return env;
    }

    public Task<IngestOutcome> IngestTextAsync(string blobName, string text) =>
        Ingestor.IngestAsync(blobName, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    public async Task UploadBlobAsync(string blobName, string text) =>
        await Storage.Container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(text), overwrite: true);

    public Task<ApiResponse> CallAsync(string endpoint, IDictionary<string, string?>? route = null, IDictionary<string, string?>? query = null,
        string method = "GET", byte[]? body = null, string? accept = null, long? contentLength = null) =>
        Dispatcher.HandleAsync(endpoint, new ApiRequest
        {
            Method = method,
            RouteValues = new Dictionary<string, string?>(route ?? new Dictionary<string, string?>()),
            Query = new Dictionary<string, string?>(query ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase),
            Body = body is null ? Stream.Null : new MemoryStream(body),
            ContentLength = contentLength ?? body?.LongLength,
            Accept = accept,
            BaseUrl = "http://localhost:7071",
        }, CancellationToken.None);

    /// <summary>Every raw row of a fact table under this env's prefix (for asserting no stale or duplicate rows).</summary>
    public async Task<List<TableEntity>> RawRowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>()) rows.Add(e);
        return rows;
    }

    /// <summary>A report in the test extractor's line format.</summary>
    public static string Report(string region, int year, params (string Indicator, string Period, string Kind, double Value)[] facts)
    {
        var sb = new StringBuilder();
        sb.Append("REGION: ").Append(region).Append('\n');
        sb.Append("YEAR: ").Append(year).Append('\n');
        foreach (var f in facts)
        {
            var unit = IndicatorCatalog.TryGet(f.Indicator, out var i) ? i.Unit : "%";
            sb.Append(f.Indicator).Append(' ').Append(f.Period).Append(' ').Append(f.Kind).Append(' ')
              .Append(f.Value.ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(unit).Append('\n');
        }
        return sb.ToString();
    }
}

/// <summary>The test extractor (stands in for the extraction engine).</summary>
public static class LineExtractor
{
    public static ExtractionResult Extract(string text)
    {
        var region = RegionInfo.Unknown;
        int? year = null;
        var facts = new List<Fact>();
        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var start = offset;
            offset += rawLine.Length + 1;
            if (line.StartsWith("THROW", StringComparison.Ordinal)) throw new InvalidOperationException("test extractor was told to throw");
            if (line.StartsWith("NOTREPORT", StringComparison.Ordinal))
                return new ExtractionResult { Region = RegionInfo.Unknown, NotAReportReason = line[9..].Trim() };
            if (line.StartsWith("REGION:", StringComparison.Ordinal)) { Gazetteer.Default.TryResolve(line[7..].Trim(), out region); continue; }
            if (line.StartsWith("YEAR:", StringComparison.Ordinal)) { year = int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture); continue; }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 5) continue;
            facts.Add(new Fact
            {
                Region = region.Name,
                Indicator = parts[0],
                Period = parts[1],
                Kind = parts[2],
                Value = double.Parse(parts[3], CultureInfo.InvariantCulture),
                Unit = parts[4],
                Evidence = line,
                EvidenceStart = start,
            });
        }
        return new ExtractionResult
        {
            Region = region,
            Year = year,
            RegionSource = region.IsUnknown ? "none" : "title",
            YearSource = year is null ? "none" : "title",
            Facts = facts,
        };
    }
}
