using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Ingestion;
using ReportFunctions.Core.Queries;
using ReportFunctions.Core.Storage;
using ReportFunctions.IntegrationTests.Support;
using RegionInfo = ReportFunctions.Core.Domain.RegionInfo;

namespace ReportFunctions.IntegrationTests.Rankings;

/// <summary>
/// The synthetic reports of Data/rankings ingested through the real pipeline: the real <see cref="ReportIngestor"/>
/// writes the fact tables (under a name prefix of its own) and the real <see cref="IFactReader"/>
/// (<see cref="FactQueries"/>) reads them back, and the real <see cref="ReportExtractor"/> reads the reports.
/// <c>RANKINGS_TEMPLATE_EXTRACTOR=1</c> swaps in <see cref="TemplateExtractor"/>, which reads the reports' fixed
/// sentences, to tell an extraction regression from a rankings one.
/// </summary>
public sealed class SyntheticReportPipeline
{
    public static bool UseRealExtractor => Environment.GetEnvironmentVariable("RANKINGS_TEMPLATE_EXTRACTOR") != "1";

    private SyntheticReportPipeline(AzuriteFixture azurite, string prefix)
    {
        Storage = new ReportStorage(azurite.TableService(), azurite.BlobService(), prefix);
        Store = new ReportStore(Storage, NullLogger<ReportStore>.Instance);
        Ingestor = new ReportIngestor(Store, new ReportExtractor(), Options.Create(new ReportFunctionsOptions()), TimeProvider.System, NullLogger<ReportIngestor>.Instance);
        if (!UseRealExtractor) Ingestor.Extract = (text, _) => TemplateExtractor.Extract(text);
        Reader = new FactQueries(Store);
    }

    public ReportStorage Storage { get; }
    public ReportStore Store { get; }
    public ReportIngestor Ingestor { get; }
    public FactQueries Reader { get; }

    /// <summary>A pipeline over fresh tables with every synthetic report ingested, the oldest first.</summary>
    public static async Task<SyntheticReportPipeline> CreateAsync(AzuriteFixture azurite, string prefix)
    {
        var p = new SyntheticReportPipeline(azurite, prefix);
        await p.Ingestor.EnsureCreatedAsync();
        foreach (var name in ReportNames)
            await p.IngestAsync(name, ReportText(name));
        return p;
    }

    public static IReadOnlyList<string> ReportNames { get; } = Directory.GetFiles(InMemoryFactReader.DataFolder, "*.txt")
        .Select(Path.GetFileName).OfType<string>()
        .OrderBy(n => n[^8..], StringComparer.Ordinal).ThenBy(n => n, StringComparer.Ordinal).ToList();

    public static string ReportText(string name) => File.ReadAllText(Path.Combine(InMemoryFactReader.DataFolder, name));

    /// <summary>The report id the pipeline gives the report of a blob name such as <c>ningbo-2023.txt</c>.</summary>
    public static string ReportId(string name) => ReportIds.FromBlobName(name.EndsWith(".txt", StringComparison.Ordinal) ? name : name + ".txt");

    public async Task IngestAsync(string name, string text)
    {
        var outcome = await Ingestor.IngestAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);
        Assert.True(outcome.Result == IngestResult.Succeeded, $"{name}: {outcome.Result} {outcome.Reason}");
    }
}

/// <summary>Reads the fixed sentences of the synthetic reports (make_reports.py); can stand in for the extraction engine.</summary>
public static partial class TemplateExtractor
{
    /// <summary>Cities of the synthetic reports that the gazetteer may not know yet, with their provinces.</summary>
    private static readonly Dictionary<string, string> Provinces = new(StringComparer.Ordinal)
    {
        ["Hangzhou"] = "Zhejiang", ["Jiaxing"] = "Zhejiang", ["Ningbo"] = "Zhejiang",
        ["Zhanjiang"] = "Guangdong", ["Zhaoqing"] = "Guangdong", ["Guangzhou"] = "Guangdong",
    };

    public static ExtractionResult Extract(string text)
    {
        var title = Title().Match(text);
        if (!title.Success) return new ExtractionResult { Region = RegionInfo.Unknown, NotAReportReason = "not a synthetic report" };
        var name = title.Groups[1].Value;
        var year = int.Parse(title.Groups[3].Value, CultureInfo.InvariantCulture);
        var region = Gazetteer.Default.TryResolve(name, out var known) ? known
            : title.Groups[2].Value == "Provincial" ? new RegionInfo(name, RegionLevels.Province, null)
            : new RegionInfo(name, RegionLevels.City, Provinces.GetValueOrDefault(name));
        var facts = new List<Fact>();
        void Add(Match m, string indicator, int period, string kind, double value, string unit, string qualifier) => facts.Add(new Fact
        {
            Region = region.Name, Indicator = indicator, Period = period.ToString(CultureInfo.InvariantCulture), Kind = kind,
            Value = value, Unit = unit, Qualifier = qualifier, Evidence = m.Value, EvidenceStart = m.Index,
        });
        double D(Group g) => double.Parse(g.Value, CultureInfo.InvariantCulture);

        if (Gdp().Match(text) is { Success: true } gdp)
        {
            var y = int.Parse(gdp.Groups[1].Value, CultureInfo.InvariantCulture);
            Add(gdp, "gdp", y, FactKinds.Actual, Math.Round(D(gdp.Groups[2]) * 1e9), Units.Cny, Qualifiers.Exact);
            Add(gdp, "gdp_growth", y, FactKinds.Actual, D(gdp.Groups[3]), Units.Percent, Qualifiers.Exact);
        }
        if (Unemployment().Match(text) is { Success: true } u) Add(u, "unemployment_rate", year - 1, FactKinds.Actual, D(u.Groups[1]), Units.Percent, Qualifiers.Exact);
        if (Cpi().Match(text) is { Success: true } c) Add(c, "cpi_growth", year - 1, FactKinds.Actual, D(c.Groups[1]), Units.Percent, Qualifiers.Exact);
        if (GrowthTarget().Match(text) is { Success: true } gt)
        {
            var q = gt.Groups[1].Value switch { "of about" => Qualifiers.About, "of no less than" => Qualifiers.AtLeast, "of more than" => Qualifiers.Above, _ => Qualifiers.Below };
            Add(gt, "gdp_growth", year, FactKinds.Target, D(gt.Groups[2]), Units.Percent, q);
        }
        if (UnemploymentTarget().Match(text) is { Success: true } ut) Add(ut, "unemployment_rate", year, FactKinds.Target, D(ut.Groups[1]), Units.Percent, Qualifiers.Below);
        if (CpiTarget().Match(text) is { Success: true } ct) Add(ct, "cpi_growth", year, FactKinds.Target, D(ct.Groups[1]), Units.Percent, Qualifiers.About);
        return new ExtractionResult { Region = region, Year = year, RegionSource = "title", YearSource = "title", Facts = facts };
    }

    [GeneratedRegex(@"Report on the Work of the (\w+) (Municipal|Provincial) Government \((\d{4})\)")]
    private static partial Regex Title();
    [GeneratedRegex(@"In (\d{4}), the (?:city|province)'s GDP reached ([\d.]+) billion yuan, an increase of ([\d.]+)%")]
    private static partial Regex Gdp();
    [GeneratedRegex(@"The urban surveyed unemployment rate was ([\d.]+)%")]
    private static partial Regex Unemployment();
    [GeneratedRegex(@"consumer prices rose by ([\d.]+)%")]
    private static partial Regex Cpi();
    [GeneratedRegex(@"GDP growth (of about|of no less than|of more than|within) ([\d.]+)%")]
    private static partial Regex GrowthTarget();
    [GeneratedRegex(@"urban surveyed unemployment rate within ([\d.]+)%")]
    private static partial Regex UnemploymentTarget();
    [GeneratedRegex(@"CPI increase of around ([\d.]+)%")]
    private static partial Regex CpiTarget();
}
