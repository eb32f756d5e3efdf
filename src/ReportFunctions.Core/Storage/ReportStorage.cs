using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// The app's storage: the <c>reports</c> container and the Reports, FactsByRegion, FactsByIndicator and RankingChanges tables
/// (names from <see cref="StorageNames"/>). An optional name prefix lets tests share one storage account
/// without seeing each other's data; production uses no prefix.
/// </summary>
public sealed class ReportStorage
{
    private readonly CreateOnce _created;

    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public ReportStorage(TableServiceClient tables, BlobServiceClient blobs) : this(tables, blobs, null) { }

    /// <param name="namePrefix">Letters and digits, starting with a letter; prepended to every table and container name.</param>
    public ReportStorage(TableServiceClient tables, BlobServiceClient blobs, string? namePrefix)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        if (!string.IsNullOrEmpty(namePrefix) && (!char.IsAsciiLetter(namePrefix[0]) || !namePrefix.All(char.IsAsciiLetterOrDigit) || namePrefix.Length > 20))
            throw new ArgumentException("The name prefix must be up to 20 letters and digits, starting with a letter.", nameof(namePrefix));
        var prefix = namePrefix ?? "";
        NamePrefix = prefix;
        TableService = tables;
        BlobService = blobs;
        Reports = tables.GetTableClient(prefix + StorageNames.ReportsTable);
        FactsByRegion = tables.GetTableClient(prefix + StorageNames.FactsByRegionTable);
        FactsByIndicator = tables.GetTableClient(prefix + StorageNames.FactsByIndicatorTable);
        RankingChanges = tables.GetTableClient(prefix + StorageNames.RankingChangesTable);
        Container = blobs.GetBlobContainerClient(prefix.Length == 0 ? StorageNames.ReportsContainer : prefix.ToLowerInvariant() + "-" + StorageNames.ReportsContainer);
        Texts = blobs.GetBlobContainerClient(prefix.Length == 0 ? StorageNames.TextsContainer : prefix.ToLowerInvariant() + "-" + StorageNames.TextsContainer);
        _created = new CreateOnce(async ct =>
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await Texts.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await Reports.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await FactsByRegion.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await FactsByIndicator.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await RankingChanges.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        });
    }

    /// <summary>The prefix of every table and container name ("" in production).</summary>
    public string NamePrefix { get; }
    public TableServiceClient TableService { get; }
    public BlobServiceClient BlobService { get; }
    public TableClient Reports { get; }
    public TableClient FactsByRegion { get; }
    public TableClient FactsByIndicator { get; }
    /// <summary>The (indicator, period) groups whose facts changed since the last ranking refresh (<see cref="StorageNames.RankingChangesTable"/>; see Rankings/README.md).</summary>
    public TableClient RankingChanges { get; }
    public BlobContainerClient Container { get; }
    /// <summary>The text read from each report (<see cref="StorageNames.TextsContainer"/>).</summary>
    public BlobContainerClient Texts { get; }

    /// <summary>
    /// Creates the container and the tables if they do not exist, once per instance (the hosts' start-up step,
    /// <see cref="StorageStartup"/>, does it; later calls return the finished task and issue no request).
    /// </summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _created.EnsureAsync(cancellationToken);
}
