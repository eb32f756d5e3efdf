using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ReportFunctions.Core.Extraction;

/// <summary>What a number must be to belong to a code of an indicator family.</summary>
internal enum ValueRole : byte { Percent, Money, Count, Years }

/// <summary>One catalog code of an indicator family, as its data file declares it.</summary>
internal sealed record IndicatorCode(string Code, string Unit, string Direction, ValueRole Role, string Description);

/// <summary>An example sentence of an indicator file: its test (see Data/indicators/*.indicator).</summary>
internal sealed record IndicatorExample(string File, bool Positive, string Sentence, string Expectation);

/// <summary>An indicator family as data: codes, phrasings, plausible ranges and examples.</summary>
internal sealed record IndicatorFamily(
    string File, Concept Concept, IReadOnlyList<IndicatorCode> Codes, IReadOnlyDictionary<ValueRole, (double Min, double Max)> Ranges,
    IReadOnlyList<string> EnglishPhrases, IReadOnlyList<IndicatorExample> Examples)
{
    /// <summary>Chinese phrasings (<c>zh:</c> lines): each is one word of the Chinese segmenter's vocabulary.</summary>
    public IReadOnlyList<string> ChinesePhrases { get; init; } = [];

    public IndicatorCode? CodeFor(ValueRole role) => Codes.FirstOrDefault(c => c.Role == role);

    public bool InRange(ValueRole role, double value) =>
        !Ranges.TryGetValue(role, out var r) || value >= r.Min && value <= r.Max;
}

/// <summary>
/// The extraction engine's language data, loaded once from the embedded files under <c>Extraction/Data</c>:
/// one file per indicator family (<c>indicators/*.indicator</c>) and the word sets (<c>en/words.txt</c>, extended by <c>zh/words.txt</c>).
/// <see cref="Version"/> changes whenever the data or the engine's rules change, so stored facts can be re-extracted.
/// </summary>
internal static class ExtractionData
{
    /// <summary>Bump when a rule in code changes what is extracted (data changes are hashed in on their own).</summary>
    private const string RulesRevision = "2026-12-04.19";

    private const string Prefix = "ReportFunctions.Core.Extraction.Data.";
    private const string EnglishWords = "en.words.txt";

    public static readonly IReadOnlyList<IndicatorFamily> Families;
    public static readonly IReadOnlyDictionary<string, string[]> WordSets;
    public static readonly string Version;

    static ExtractionData()
    {
        var asm = typeof(ExtractionData).Assembly;
        var names = asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(RulesRevision));
        var families = new List<IndicatorFamily>();
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var text = Read(asm, name);
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            var file = name[Prefix.Length..];
            if (file.EndsWith(".indicator", StringComparison.Ordinal)) families.Add(ParseFamily(file, text));
            else if (file.EndsWith("words.txt", StringComparison.Ordinal)) ParseWords(file, text, words);
        }
        Families = families;
        WordSets = words;
        Version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    public static string[] Words(string set) =>
        WordSets.TryGetValue(set, out var w) ? w : throw new InvalidOperationException($"word set '{set}' is missing from Extraction/Data/en/words.txt");

    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static IEnumerable<(int Line, string Key, string Value)> Lines(string text)
    {
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"line {n}: expected 'key: value'");
            yield return (n, line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
    }

    private static void ParseWords(string file, string text, Dictionary<string, string[]> into)
    {
        foreach (var (n, key, value) in Lines(text))
        {
            var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // a set may be defined once per language file (en/words.txt, zh/words.txt): the sets are the union
            if (into.TryGetValue(key, out var have))
            {
                if (file == EnglishWords) throw new FormatException($"{file}:{n}: word set '{key}' is defined twice");
                into[key] = [.. have, .. words];
            }
            else into[key] = words;
        }
    }

    private static IndicatorFamily ParseFamily(string file, string text)
    {
        Concept? concept = null;
        var codes = new List<IndicatorCode>();
        var ranges = new Dictionary<ValueRole, (double, double)>();
        var en = new List<string>();
        var zh = new List<string>();
        var examples = new List<IndicatorExample>();
        foreach (var (n, key, value) in Lines(text))
        {
            try
            {
                switch (key)
                {
                    case "concept": concept = Enum.Parse<Concept>(value); break;
                    case "code":
                        var p = value.Split('|', StringSplitOptions.TrimEntries);
                        codes.Add(new IndicatorCode(p[0], p[1], p[2], Enum.Parse<ValueRole>(p[3], ignoreCase: true), p[4]));
                        break;
                    case "range":
                        var r = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        ranges[Enum.Parse<ValueRole>(r[0], ignoreCase: true)] = (double.Parse(r[1], CultureInfo.InvariantCulture), double.Parse(r[2], CultureInfo.InvariantCulture));
                        break;
                    case "en": en.Add(value.ToLowerInvariant()); break;
                    case "zh": zh.Add(value); break;
                    case "example":
                        var arrow = value.IndexOf("=>", StringComparison.Ordinal);
                        if (value.Length < 2 || value[0] is not ('+' or '-') || arrow < 0) throw new FormatException("an example is '+ SENTENCE => facts' or '- SENTENCE => code'");
                        examples.Add(new IndicatorExample(file, value[0] == '+', value[1..arrow].Trim(), value[(arrow + 2)..].Trim()));
                        break;
                    default: throw new FormatException($"unknown key '{key}'");
                }
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
            {
                throw new FormatException($"{file}:{n}: {ex.Message}", ex);
            }
        }
        return new IndicatorFamily(file, concept ?? throw new FormatException($"{file}: no 'concept:' line"), codes, ranges, en, examples) { ChinesePhrases = zh };
    }
}
