namespace ReportFunctions.Core.Domain;

/// <summary>
/// Chinese provinces (incl. municipalities and autonomous regions), prefecture-level cities and the
/// nation, with common English variants, for recognising a report's region and for matching region
/// names in queries (<c>jiaxing</c>, <c>Jiaxing City</c>), and their Chinese names with or without suffix (<c>嘉兴市</c>,
/// <c>嘉兴</c>; see <see cref="TryResolveChinese"/>).
/// </summary>
public sealed class Gazetteer
{
    public static Gazetteer Default { get; } = new(GazetteerChinese.Apply(GazetteerData.Regions));

    private readonly Dictionary<string, RegionInfo> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RegionInfo>> _allByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionInfo>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly Dictionary<string, List<RegionInfo>>.AlternateLookup<ReadOnlySpan<char>> _spanAllLookup;
    private readonly Dictionary<string, RegionInfo> _byZh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RegionInfo>> _allByZh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RegionInfo>>.AlternateLookup<ReadOnlySpan<char>> _spanAllZhLookup;
    private readonly Dictionary<(string Name, string? Province), RegionInfo> _byIdentity = new();
    private readonly HashSet<string> _keyPrefixes = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _keyPrefixLookup;

    /// <summary>Longest variant, in words, of any entry (for scanning text for names).</summary>
    public int MaxWords { get; private set; } = 1;

    private readonly Dictionary<char, int> _maxZhByFirst = new();

    /// <summary>Longest Chinese name starting with this character (0: none does), so a scan tries only lengths that can match.</summary>
    public int MaxChineseLengthFrom(char first) => _maxZhByFirst.GetValueOrDefault(first);

    /// <summary>Longest Chinese name, in characters, of any entry (for scanning Chinese text for names).</summary>
    public int MaxChineseLength { get; private set; }

    public IReadOnlyList<RegionInfo> All { get; }

    public Gazetteer(IEnumerable<(RegionInfo Region, string[] Variants)> entries)
    {
        var all = new List<RegionInfo>();
        foreach (var (region, variants) in entries)
        {
            all.Add(region);
            _byIdentity.TryAdd((region.Name, region.Province), region);
            Add(region.Name, region);
            if (region.NameZh is not null) AddChinese(region.NameZh, region);
            foreach (var v in variants) Add(v, region);
        }
        All = all;
        _spanLookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _spanAllLookup = _allByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _spanAllZhLookup = _allByZh.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in _allByKey.Keys)
            for (var l = 1; l <= key.Length; l++) _keyPrefixes.Add(key[..l]);
        _keyPrefixLookup = _keyPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private void Add(string name, RegionInfo region)
    {
        if (GazetteerChinese.ContainsCjk(name)) { AddChinese(name, region); return; }
        var key = Key(name);
        MaxWords = Math.Max(MaxWords, name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        if (!_allByKey.TryGetValue(key, out var list)) _allByKey[key] = list = [];
        if (!list.Contains(region)) list.Add(region);
        // A province wins a name it shares with a city only if it came first; keep the first entry.
        _byKey.TryAdd(key, region);
    }

    /// <summary>A Chinese name and its short form (嘉兴市 and 嘉兴); a name two entries share resolves to the first one.</summary>
    private void AddChinese(string name, RegionInfo region)
    {
        name = GazetteerChinese.Normalize(name);
        foreach (var n in (string?[])[name, GazetteerChinese.ShortForm(name)])
        {
            if (n is null) continue;
            MaxChineseLength = Math.Max(MaxChineseLength, n.Length);
            _maxZhByFirst[n[0]] = Math.Max(_maxZhByFirst.GetValueOrDefault(n[0]), n.Length);
            if (!_allByZh.TryGetValue(n, out var list)) _allByZh[n] = list = [];
            if (!list.Contains(region)) list.Add(region);
            _byZh.TryAdd(n, region);
        }
    }

    /// <summary>Resolves a region name or variant, case-insensitively, ignoring suffixes such as City or Province;
    /// a name in Chinese characters as <see cref="TryResolveChinese"/> does.</summary>
    public bool TryResolve(string? name, out RegionInfo region)
    {
        region = RegionInfo.Unknown;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return false;
        if (GazetteerChinese.ContainsCjk(name) && TryResolveChinese(name, out region)) return true;
        var key = Key(name);
        if (key.Length == 0) return false;
        if (_byKey.TryGetValue(key, out var found)) { region = found; return true; }
        var stripped = StripSuffixes(key);
        if (stripped != key && _byKey.TryGetValue(stripped, out found)) { region = found; return true; }
        return false;
    }

    /// <summary>
    /// Resolves a Chinese name with or without its suffix: 嘉兴市 and 嘉兴 are Jiaxing, 内蒙古自治区 and 内蒙古 Inner Mongolia,
    /// 广西壮族自治区 and 广西 Guangxi, 嘉兴市人民政府 Jiaxing. A bare short form two regions share is the first listed (吉林 is
    /// the province, 吉林市 the city; 海南 the province, 海南藏族自治州 or 海南州 the prefecture of Qinghai).
    /// </summary>
    public bool TryResolveChinese(string? name, out RegionInfo region)
    {
        region = RegionInfo.Unknown;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return false;
        string? n = GazetteerChinese.Normalize(name);
        while (n is not null)
        {
            if (_byZh.TryGetValue(n, out var found)) { region = found; return true; }
            n = GazetteerChinese.ShortForm(n);
        }
        return false;
    }

    /// <summary>Every entry an exact Chinese name or short form names (for scanning Chinese text; see <see cref="MaxChineseLength"/>).</summary>
    public IReadOnlyList<RegionInfo> CandidatesForChinese(ReadOnlySpan<char> name) =>
        _spanAllZhLookup.TryGetValue(name, out var list) ? list : [];

    /// <summary>The entry with this canonical name and province (null for the nation and provinces), e.g. to label stored facts'
    /// regions with <see cref="RegionInfo.NameZh"/>; falls back to <see cref="TryResolve"/> for a name stored without its province.</summary>
    public RegionInfo? Find(string? name, string? province)
    {
        if (string.IsNullOrEmpty(name)) return null;
        if (_byIdentity.TryGetValue((name, string.IsNullOrEmpty(province) ? null : province), out var found)) return found;
        return string.IsNullOrEmpty(province) && TryResolve(name, out found) ? found : null;
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

    /// <summary>
    /// Whether some normalised key begins with <paramref name="prefix"/>: a scan of text for names skips a word that
    /// cannot begin one ("We", "The") without building the longer keys it would try from there.
    /// </summary>
    public bool IsKeyPrefix(ReadOnlySpan<char> prefix) => prefix.IsEmpty || _keyPrefixLookup.Contains(prefix);

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
