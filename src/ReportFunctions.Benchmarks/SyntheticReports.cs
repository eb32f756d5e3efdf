using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportFunctions.Core.Domain;
using RegionInfo = ReportFunctions.Core.Domain.RegionInfo;

namespace ReportFunctions.Benchmarks;

/// <summary>
/// Makes synthetic reports for load tests and benchmarks from the seeds' own sentences: the seed's
/// region is replaced by another city of the gazetteer and every number (but years) is scaled by a
/// random factor, so the extractor does the same work on different regions and values.
/// </summary>
public sealed partial class SyntheticReports
{
    private readonly IReadOnlyList<(string Region, string Text)> _seeds;
    private readonly IReadOnlyList<RegionInfo> _cities;

    /// <param name="seeds">Seed texts with the canonical name of the region each is about.</param>
    public SyntheticReports(IReadOnlyList<(string Region, string Text)> seeds, Gazetteer? gazetteer = null)
    {
        if (seeds.Count == 0) throw new ArgumentException("no seeds", nameof(seeds));
        _seeds = seeds;
        var seedRegions = seeds.Select(s => s.Region).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _cities = (gazetteer ?? Gazetteer.Default).All
            .Where(r => r.Level == RegionLevels.City && !seedRegions.Contains(r.Name))
            .ToList();
        if (_cities.Count == 0) throw new InvalidOperationException("the gazetteer has no cities");
    }

    /// <summary>Loads seeds/*.txt, naming each seed's region by the most frequent gazetteer name in it.</summary>
    public static SyntheticReports FromSeedFolder(string folder, Gazetteer? gazetteer = null)
    {
        gazetteer ??= Gazetteer.Default;
        var seeds = new List<(string, string)>();
        foreach (var path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            var region = MostMentioned(text, gazetteer);
            if (region is not null) seeds.Add((region, text));
        }
        return new SyntheticReports(seeds, gazetteer);
    }

    private static string? MostMentioned(string text, Gazetteer gazetteer) =>
        gazetteer.All.Where(r => r.Level is RegionLevels.City or RegionLevels.Province)
            .Select(r => (r.Name, Count: Regex.Count(text, $@"\b{Regex.Escape(r.Name)}\b")))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count).Select(x => x.Name).FirstOrDefault();

    public int CityCount => _cities.Count;

    /// <summary>The i-th synthetic report: (blob name, region, text). Deterministic for a given i and seed.</summary>
    public (string Name, string Region, string Text) Create(int i, int randomSeed = 17)
    {
        var rng = new Random(HashCode.Combine(i, randomSeed));
        var (seedRegion, text) = _seeds[i % _seeds.Count];
        var city = _cities[(i / _seeds.Count + i) % _cities.Count];
        var replaced = Regex.Replace(text, $@"\b{Regex.Escape(seedRegion)}\b", city.Name);
        replaced = Number().Replace(replaced, m => Scale(m.Value, rng));
        return ($"synthetic/{city.Name.ToLowerInvariant()}-{i:D5}.txt", city.Name, replaced);
    }

    private static string Scale(string number, Random rng)
    {
        var digits = number.Replace(",", "");
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return number;
        var isYear = !digits.Contains('.') && value is >= 1949 and <= 2100;
        if (isYear) return number;
        var decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
        var scaled = value * (0.8 + rng.NextDouble() * 0.4);
        return scaled.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")]
    private static partial Regex Number();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
