namespace ReportFunctions.Core.Domain;

/// <summary>A fact as stored: the fact and the report it came from.</summary>
public sealed record StoredFact
{
    public required Fact Fact { get; init; }
    /// <summary>Id of the report row (see the Reports table).</summary>
    public required string ReportId { get; init; }
    /// <summary>The year the report was delivered (null when unknown).</summary>
    public int? ReportYear { get; init; }
    /// <summary>When the report's current content was ingested.</summary>
    public DateTimeOffset IngestedAt { get; init; }
    /// <summary>Level of the fact's region (<see cref="RegionLevels"/>).</summary>
    public required string Level { get; init; }
    /// <summary>Province of the fact's region when it is a city.</summary>
    public string? Province { get; init; }

    /// <summary>(region, indicator, period, kind): two facts with the same key state the same thing.</summary>
    public (string Region, string Indicator, string Period, string Kind) Key => (Fact.Region, Fact.Indicator, Fact.Period, Fact.Kind);
}

public static class FactSelection
{
    /// <summary>
    /// Orders reports by delivery: the later report year first, then the later ingestion, then report id
    /// (so the choice is deterministic).
    /// </summary>
    public static int CompareDelivery(StoredFact a, StoredFact b)
    {
        var c = (a.ReportYear ?? int.MinValue).CompareTo(b.ReportYear ?? int.MinValue);
        if (c != 0) return c;
        c = a.IngestedAt.CompareTo(b.IngestedAt);
        return c != 0 ? c : string.CompareOrdinal(a.ReportId, b.ReportId);
    }

    /// <summary>
    /// For each (region, indicator, period, kind), the fact of the most recently delivered report that
    /// states it. When two reports state the same fact, the later one revises the earlier one.
    /// </summary>
    public static IReadOnlyList<StoredFact> LatestPerKey(IEnumerable<StoredFact> facts)
    {
        var best = new Dictionary<(string, string, string, string), StoredFact>();
        foreach (var f in facts)
        {
            var key = f.Key;
            if (!best.TryGetValue(key, out var current) || CompareDelivery(f, current) > 0) best[key] = f;
        }
        return best.Values.ToList();
    }
}
