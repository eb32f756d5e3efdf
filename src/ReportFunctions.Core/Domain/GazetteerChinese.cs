using System.Reflection;

namespace ReportFunctions.Core.Domain;

/// <summary>
/// The gazetteer's Chinese names, from the embedded <c>Domain/Data/regions-zh.tsv</c>: one row per region (the nation,
/// the 31 province-level units and the 333 prefecture-level units), its Chinese full name and other Chinese names.
/// </summary>
internal static class GazetteerChinese
{
    public sealed record Row(string Name, string? Province, string NameZh, string[] Variants);

    private const string ResourceSuffix = "regions-zh.tsv";

    /// <summary>Suffixes whose removal gives a region's short form (嘉兴市 -> 嘉兴), longest first.</summary>
    internal static readonly string[] Suffixes = ["人民政府", "自治区", "自治州", "地区", "省", "市", "盟"];

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Load);

    /// <summary>The entries with their Chinese full name set and their other Chinese names added to their variants.</summary>
    /// <exception cref="InvalidDataException">A row names no entry, or two rows name the same one.</exception>
    public static IReadOnlyList<(RegionInfo Region, string[] Variants)> Apply(IEnumerable<(RegionInfo Region, string[] Variants)> entries) =>
        Apply(entries, Rows.Value);

    internal static IReadOnlyList<(RegionInfo Region, string[] Variants)> Apply(IEnumerable<(RegionInfo Region, string[] Variants)> entries, IReadOnlyList<Row> rows)
    {
        var byIdentity = new Dictionary<(string, string?), Row>();
        foreach (var row in rows)
            if (!byIdentity.TryAdd((row.Name, row.Province), row))
                throw new InvalidDataException($"{ResourceSuffix}: '{row.Name}' ({row.Province ?? "-"}) is listed twice.");
        var used = new HashSet<(string, string?)>();
        var result = new List<(RegionInfo, string[])>();
        foreach (var (region, variants) in entries)
        {
            if (byIdentity.TryGetValue((region.Name, region.Province), out var row) && used.Add((region.Name, region.Province)))
                result.Add((region with { NameZh = row.NameZh }, [.. variants, .. row.Variants]));
            else
                result.Add((region, variants));
        }
        var unused = byIdentity.Keys.Where(k => !used.Contains(k)).ToList();
        if (unused.Count > 0)
            throw new InvalidDataException($"{ResourceSuffix}: no gazetteer entry for {string.Join(", ", unused.Select(k => $"'{k.Item1}' ({k.Item2 ?? "-"})"))}.");
        return result;
    }

    internal static IReadOnlyList<Row> Parse(TextReader reader)
    {
        var rows = new List<Row>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < 3 || cells[0].Trim().Length == 0 || cells[2].Trim().Length == 0)
                throw new InvalidDataException($"{ResourceSuffix}:{lineNo}: expected name, province, Chinese name[, other Chinese names].");
            var variants = cells.Length > 3
                ? cells[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            rows.Add(new Row(cells[0].Trim(), cells[1].Trim() is { Length: > 0 } p ? p : null, cells[2].Trim(), variants));
        }
        return rows;
    }

    private static IReadOnlyList<Row> Load()
    {
        var assembly = typeof(GazetteerChinese).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>Any CJK ideograph (the names' script); Latin letters with diacritics (Lüliang) are not.</summary>
    public static bool ContainsCjk(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF') return true;
        return false;
    }

    /// <summary>Whitespace (incl. the ideographic space) removed: "嘉兴 市" -> "嘉兴市".</summary>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        if (!trimmed.AsSpan().ContainsAny(" \t\u3000\u00A0")) return trimmed;
        return string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>The name without one administrative suffix (嘉兴市 -> 嘉兴, 内蒙古自治区 -> 内蒙古), or null when it has none
    /// or fewer than two characters would remain.</summary>
    public static string? ShortForm(string name)
    {
        foreach (var s in Suffixes)
            if (name.Length >= s.Length + 2 && name.EndsWith(s, StringComparison.Ordinal)) return name[..^s.Length];
        return null;
    }
}
