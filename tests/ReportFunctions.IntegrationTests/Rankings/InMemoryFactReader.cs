using System.Runtime.CompilerServices;
using System.Text.Json;
using ReportFunctions.Core.Domain;
using ReportFunctions.IntegrationTests.Support;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// The input source of the rankings tests until ingestion is merged: the facts the synthetic reports of
/// Data/rankings state (facts.jsonl, written with the reports by make_reports.py). Only the facts are in memory;
/// rankings and attainment are stored in a real Azurite. Report ids are the ones the ingestion gives the report files.
/// </summary>
public sealed class InMemoryFactReader : IFactReader
{
    private volatile IReadOnlyList<StoredFact> _facts;

    public InMemoryFactReader(IEnumerable<StoredFact> facts) => _facts = facts.ToList();

    /// <summary>Replaces the facts (as ingesting a new report would).</summary>
    public void Set(IEnumerable<StoredFact> facts) => _facts = facts.ToList();

    public IReadOnlyList<StoredFact> Facts => _facts;

    public async IAsyncEnumerable<StoredFact> GetIndicatorFactsAsync(string indicator, string? period = null, string? kind = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var f in _facts)
            if (f.Fact.Indicator == indicator && (period is null || f.Fact.Period == period) && (kind is null || f.Fact.Kind == kind))
                yield return f;
    }

    public async IAsyncEnumerable<StoredFact> GetRegionFactsAsync(string region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var f in _facts)
            if (f.Fact.Region == region) yield return f;
    }

    public static string DataFolder => Path.Combine(RepoPaths.TestData, "rankings");

    /// <summary>The facts of the synthetic reports (Data/rankings/facts.jsonl).</summary>
    public static List<StoredFact> LoadSyntheticFacts()
    {
        var ingested = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<StoredFact>();
        foreach (var line in File.ReadLines(Path.Combine(DataFolder, "facts.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var j = JsonDocument.Parse(line).RootElement;
            var reportYear = j.GetProperty("report_year").GetInt32();
            list.Add(new StoredFact
            {
                Fact = new Fact
                {
                    Region = j.GetProperty("region").GetString()!,
                    Indicator = j.GetProperty("indicator").GetString()!,
                    Period = j.GetProperty("period").GetString()!,
                    Kind = j.GetProperty("kind").GetString()!,
                    Value = j.GetProperty("value").GetDouble(),
                    Unit = j.GetProperty("unit").GetString()!,
                    Qualifier = j.GetProperty("qualifier").GetString()!,
                    Evidence = j.GetProperty("evidence").GetString()!,
                },
                ReportId = SyntheticReportPipeline.ReportId(j.GetProperty("report_id").GetString()!),
                ReportYear = reportYear,
                IngestedAt = ingested.AddYears(reportYear - 2024),
                Level = j.GetProperty("level").GetString()!,
                Province = j.GetProperty("province").ValueKind == JsonValueKind.String ? j.GetProperty("province").GetString() : null,
            });
        }
        return list;
    }
}
