namespace ReportFunctions.Core.Domain;

/// <summary>
/// One number a government work report states about its region as a whole
/// (docs/indicators.md). Field names serialize as the spec names them.
/// </summary>
public sealed record Fact
{
    public required string Region { get; init; }
    public required string Indicator { get; init; }
    /// <summary><c>2020</c> or <c>2016-2020</c>.</summary>
    public required string Period { get; init; }
    /// <summary><see cref="FactKinds.Actual"/> or <see cref="FactKinds.Target"/>.</summary>
    public required string Kind { get; init; }
    public required double Value { get; init; }
    public required string Unit { get; init; }
    public string Qualifier { get; init; } = Qualifiers.Exact;
    /// <summary>The shortest verbatim span of the report that states the fact.</summary>
    public required string Evidence { get; init; }
    /// <summary>Character offset of <see cref="Evidence"/> in the decoded report text.</summary>
    public int EvidenceStart { get; init; }
    public int EvidenceLength => Evidence.Length;
    /// <summary>The named rules of the extraction engine that produced the fact (attachment, then period), for <c>--explain</c>.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}

public static class FactKinds
{
    public const string Actual = "actual";
    public const string Target = "target";
    public static readonly IReadOnlyList<string> All = [Actual, Target];
    public static bool IsValid(string? kind) => kind is Actual or Target;
}

public static class Qualifiers
{
    public const string Exact = "exact";
    public const string About = "about";
    public const string Above = "above";
    public const string AtLeast = "at_least";
    public const string Below = "below";
    public const string AtMost = "at_most";
    public static readonly IReadOnlyList<string> All = [Exact, About, Above, AtLeast, Below, AtMost];
}

public static class Units
{
    public const string Percent = "%";
    public const string Cny = "CNY";
    public const string Usd = "USD";
    public const string Persons = "persons";
    public const string Count = "count";
    public const string Teu = "TEU";
    public const string Years = "years";
}

public static class Periods
{
    /// <summary>A calendar year (<c>2020</c>) or a span of years (<c>2016-2020</c>).</summary>
    public static bool IsValid(string? period)
    {
        if (period is null) return false;
        if (period.Length == 4) return IsYear(period, 0);
        return period.Length == 9 && IsYear(period, 0) && period[4] == '-' && IsYear(period, 5)
               && string.CompareOrdinal(period, 0, period, 5, 4) < 0;
    }

    private static bool IsYear(string s, int at)
    {
        for (var i = at; i < at + 4; i++) if (s[i] is < '0' or > '9') return false;
        return s[at] is '1' or '2';
    }
}
