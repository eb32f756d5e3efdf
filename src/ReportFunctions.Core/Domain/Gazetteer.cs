namespace ReportFunctions.Core.Domain;

/// <summary>
/// Chinese provinces (incl. municipalities and autonomous regions), prefecture-level cities and the
/// nation, with common English variants, for recognising a report's region and for matching region
/// names in queries (<c>jiaxing</c>, <c>Jiaxing City</c>).
/// </summary>
public sealed class Gazetteer
{
    public static Gazetteer Default { get; } = new(GazetteerData.Regions);

    private readonly Dictionary<string, RegionInfo> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RegionInfo>> _allByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionInfo>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly Dictionary<string, List<RegionInfo>>.AlternateLookup<ReadOnlySpan<char>> _spanAllLookup;

    /// <summary>Longest variant, in words, of any entry (for scanning text for names).</summary>
    public int MaxWords { get; private set; } = 1;

    public IReadOnlyList<RegionInfo> All { get; }

    public Gazetteer(IEnumerable<(RegionInfo Region, string[] Variants)> entries)
    {
        var all = new List<RegionInfo>();
        foreach (var (region, variants) in entries)
        {
            all.Add(region);
            Add(region.Name, region);
            foreach (var v in variants) Add(v, region);
        }
        All = all;
        _spanLookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _spanAllLookup = _allByKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private void Add(string name, RegionInfo region)
    {
        var key = Key(name);
        MaxWords = Math.Max(MaxWords, name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        if (!_allByKey.TryGetValue(key, out var list)) _allByKey[key] = list = [];
        if (!list.Contains(region)) list.Add(region);
        // A province wins a name it shares with a city only if it came first; keep the first entry.
        _byKey.TryAdd(key, region);
    }

    /// <summary>Resolves a region name or variant, case-insensitively, ignoring suffixes such as City or Province.</summary>
    public bool TryResolve(string? name, out RegionInfo region)
    {
        region = RegionInfo.Unknown;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return false;
        var key = Key(name);
        if (_byKey.TryGetValue(key, out var found)) { region = found; return true; }
        var stripped = StripSuffixes(key);
        if (stripped != key && _byKey.TryGetValue(stripped, out found)) { region = found; return true; }
        return false;
    }

    /// <summary>Resolves an already normalised key (lower-case ASCII letters only), without suffix stripping.</summary>
    public bool TryResolveKey(ReadOnlySpan<char> key, out RegionInfo region)
    {
        if (_spanLookup.TryGetValue(key, out var found)) { region = found; return true; }
        region = RegionInfo.Unknown;
        return false;
    }

    /// <summary>Every entry a normalised key names (several for names such as Suzhou or Taizhou).</summary>
    public IReadOnlyList<RegionInfo> CandidatesForKey(ReadOnlySpan<char> key) =>
        _spanAllLookup.TryGetValue(key, out var list) ? list : [];

    /// <summary>Lower-case letters only: "Jiaxing City" -> "jiaxingcity".</summary>
    internal static string Key(string name)
    {
        Span<char> buf = stackalloc char[Math.Min(name.Length, 128)];
        var n = 0;
        foreach (var c in name)
        {
            if (n == buf.Length) break;
            if (char.IsAsciiLetter(c)) buf[n++] = char.ToLowerInvariant(c);
        }
        return new string(buf[..n]);
    }

    private static readonly string[] Suffixes =
        ["municipalpeoplesgovernment", "peoplesgovernment", "municipality", "municipal", "province", "autonomousregion", "city", "shi", "sheng", "prefecture"];

    private static string StripSuffixes(string key)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var s in Suffixes)
            {
                if (key.Length > s.Length + 2 && key.EndsWith(s, StringComparison.Ordinal))
                {
                    key = key[..^s.Length];
                    changed = true;
                }
            }
        }
        return key;
    }
}
