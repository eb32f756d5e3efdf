namespace ReportFunctions.Core.Extraction;

/// <summary>
/// Numbers written in Chinese numerals ("六千一百", "三万二千二百", "二十一点五"), read where a report states a value with them:
/// before a unit or scale ("六千一百亿元", "一万三千一百元") or after "百分之" ("百分之十二"). The characters and their values are
/// data (<c>ChineseDigits</c>, <c>ChineseNumeralUnits</c>, <c>ChineseDecimalPoint</c>, <c>ChineseNumberFollowers</c>, <c>PercentBefore</c>).
/// </summary>
internal static class ChineseNumerals
{
    private static readonly Dictionary<char, int> Digits = BuildDigits();
    private static readonly Dictionary<char, long> Units = BuildUnits();
    private static readonly HashSet<char> Point = [.. Lexicon.ChineseDecimalPoint.SelectMany(w => w)];
    private static readonly HashSet<char> Followers = [.. Lexicon.ChineseNumberFollowers.SelectMany(w => w)];

    private static Dictionary<char, int> BuildDigits()
    {
        var d = new Dictionary<char, int>();
        var v = 0;
        foreach (var w in Lexicon.ChineseDigits) { foreach (var ch in w) d[ch] = v; v++; }
        foreach (var w in Lexicon.ChineseTwo) foreach (var ch in w) d[ch] = 2; // 两
        return d;
    }

    private static Dictionary<char, long> BuildUnits()
    {
        var u = new Dictionary<char, long>();
        var factors = new long[] { 10, 100, 1000, 10_000, 100_000_000 };
        for (var k = 0; k < Lexicon.ChineseNumeralUnits.Length && k < factors.Length; k++)
            foreach (var ch in Lexicon.ChineseNumeralUnits[k]) u[ch] = factors[k];
        return u;
    }

    /// <summary>The value of a Chinese digit (〇 to 九, and 两).</summary>
    public static bool TryDigit(char c, out int value) => Digits.TryGetValue(c, out value);

    public static bool IsNumeral(char c) => Digits.ContainsKey(c) || Units.ContainsKey(c) || Point.Contains(c);

    /// <summary>Reads a number at <paramref name="at"/>; false unless it stands where a value does (see the class summary).</summary>
    public static bool TryRead(string s, int at, Token previous, out int end, out double value, out bool isInt)
    {
        end = at; value = 0; isInt = true;
        if (!IsNumeral(s[at])) return false;
        var e = at;
        while (e < s.Length && e - at < 24 && IsNumeral(s[e])) e++;
        // a trailing 万 or 亿 is the scale of the value, read as its own word ("十五万人" is 十五 then 万)
        while (e > at + 1 && Units.TryGetValue(s[e - 1], out var f) && f >= 10_000) e--;
        var afterPercent = previous.W is { } pw && Lexicon.PercentBefore.Contains(pw);
        if (!afterPercent && !(e < s.Length && (Followers.Contains(s[e]) || Units.TryGetValue(s[e], out var g) && g >= 10_000))) return false;
        if (e - at == 1 && !afterPercent && !Digits.ContainsKey(s[at])) return false;
        if (!Parse(s.AsSpan(at, e - at), out value, out isInt)) return false;
        end = e;
        return true;
    }

    private static bool Parse(ReadOnlySpan<char> t, out double value, out bool isInt)
    {
        value = 0; isInt = true;
        var point = -1;
        for (var k = 0; k < t.Length; k++) if (Point.Contains(t[k])) { point = k; break; }
        var whole = point < 0 ? t : t[..point];
        long total = 0, section = 0, digit = 0;
        var any = false;
        foreach (var ch in whole)
        {
            if (Digits.TryGetValue(ch, out var d)) { digit = d; any = true; continue; }
            if (!Units.TryGetValue(ch, out var u)) return false;
            if (u >= 10_000) { total += (section + digit) * u; section = 0; digit = 0; }
            else { section += (digit == 0 && !any ? 1 : digit) * u; digit = 0; any = true; } // "十二" is 12
        }
        value = total + section + digit;
        if (point >= 0)
        {
            isInt = false;
            var scale = 0.1;
            foreach (var ch in t[(point + 1)..])
            {
                if (!Digits.TryGetValue(ch, out var d)) return false;
                value += d * scale;
                scale /= 10;
            }
        }
        return any;
    }
}
