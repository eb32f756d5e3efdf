using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Storage;

namespace ReportFunctions.Benchmarks;

/// <summary>
/// The ingestion path alone, without a host or trigger: N synthetic reports are uploaded, then ingested in this process
/// P at a time (as the reconciliation pass does), into tables and containers under a fresh name prefix. Prints reports/s and
/// the storage requests per report by kind (counted by a pipeline policy), which is what costs an emulator or an account.
/// </summary>
public static class IngestProfileBenchmark
{
    public static async Task<int> RunAsync(string connectionString, string seeds, int reports, int parallelism, TextWriter output, bool batching = true)
    {
        PartitionBatcher.Shared.Enabled = batching;
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var counter = new RequestCounter(prefix);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new ReportStorage(new TableServiceClient(connectionString, tableOptions), new BlobServiceClient(connectionString, blobOptions), prefix);
        await storage.EnsureCreatedAsync();
        var stamp = new DataChangeStamp(storage.TableService.GetTableClient(storage.NamePrefix + StorageNames.DataStampTable));
        await stamp.EnsureCreatedAsync();
        var ingestor = new ReportIngestor(new ReportStore(storage), new ReportExtractor(), Options.Create(new ReportFunctionsOptions()),
            TimeProvider.System, NullLogger<ReportIngestor>.Instance, stamp);

        var synthetic = SyntheticReports.FromSeedFolder(seeds);
        var names = new List<string>();
        foreach (var r in Enumerable.Range(0, reports).Select(i => synthetic.Create(i, randomSeed: 7)))
        {
            await storage.Container.GetBlobClient(r.Name).UploadAsync(BinaryData.FromString(r.Text));
            names.Add(r.Name);
        }
        counter.Clear();
        var clock = Stopwatch.StartNew();
        var failed = 0;
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (name, ct) =>
        {
            var outcome = await ingestor.IngestBlobAsync(name, ct);
            if (outcome.Result != IngestResult.Succeeded) Interlocked.Increment(ref failed);
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        var byKind = counter.ByKind();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest (in process, {parallelism} at a time, batching {(batching ? "on" : "off")}): {reports} reports in {elapsed:F1} s, {reports / elapsed:F1} reports/s, {failed} not succeeded; {byKind.Values.Sum() / (double)reports:F1} storage requests per report:"));
        foreach (var (kind, count) in byKind.OrderByDescending(k => k.Value))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count / (double)reports,6:F2}  {kind}"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Counts requests by method and resource kind (table or container, batch, entity, query).</summary>
    private sealed class RequestCounter(string prefix) : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();

        public void Clear() => _counts.Clear();
        public IReadOnlyDictionary<string, int> ByKind() => _counts.ToDictionary();

        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            var segments = uri.AbsolutePath.Trim('/').Split('/'); // account, table or container, blob...
            var resource = (segments.Length > 1 ? segments[1] : "").Replace(prefix + "-", "").Replace(prefix, "");
            var kind = new StringBuilder(message.Request.Method.ToString()).Append(' ');
            if (resource == "$batch") kind.Append("table batch");
            else if (resource.Contains('(')) kind.Append(resource[..resource.IndexOf('(')]).Append(resource.Contains("()") ? " query" : " entity");
            else kind.Append(segments.Length > 2 ? "blob in " + resource : resource);
            _counts.AddOrUpdate(kind.ToString(), 1, (_, n) => n + 1);
        }
    }
}
