namespace ReportFunctions.Core.Domain;

/// <summary>A region a report can be about: the nation, a province-level unit, or a prefecture-level city.</summary>
/// <param name="Name">Canonical English name: <c>Zhanjiang</c>, <c>Zhejiang</c>, <c>China</c>.</param>
/// <param name="Level"><see cref="RegionLevels"/>.</param>
/// <param name="Province">For a city, the canonical name of its province; otherwise null.</param>
public sealed record RegionInfo(string Name, string Level, string? Province)
{
    /// <summary>The region of a report whose region could not be recognised.</summary>
    public static readonly RegionInfo Unknown = new("unknown", RegionLevels.Unknown, null);
    public bool IsUnknown => Level == RegionLevels.Unknown;

    /// <summary>Chinese full name (<c>嘉兴市</c>, <c>浙江省</c>, <c>内蒙古自治区</c>, <c>中国</c>); null when not known.
    /// A label, not part of the region's identity: equality is by name, level and province.</summary>
    public string? NameZh { get; init; }

    public bool Equals(RegionInfo? other) =>
        other is not null && Name == other.Name && Level == other.Level && Province == other.Province;

    public override int GetHashCode() => HashCode.Combine(Name, Level, Province);
}

public static class RegionLevels
{
    public const string Country = "country";
    public const string Province = "province";
    public const string City = "city";
    public const string Unknown = "unknown";
    public static readonly IReadOnlyList<string> All = [Country, Province, City];
    public static bool IsValid(string? level) => level is Country or Province or City;
}
