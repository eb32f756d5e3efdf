namespace ReportFunctions.Core.Domain;

/// <summary>Reads the current facts (of each report's current content, never a half-written one).</summary>
public interface IFactReader
{
    /// <summary>Current facts of one indicator across all regions, optionally for one period and kind.</summary>
    IAsyncEnumerable<StoredFact> GetIndicatorFactsAsync(string indicator, string? period = null, string? kind = null, CancellationToken cancellationToken = default);

    /// <summary>Current facts about one region (canonical name).</summary>
    IAsyncEnumerable<StoredFact> GetRegionFactsAsync(string region, CancellationToken cancellationToken = default);
}
