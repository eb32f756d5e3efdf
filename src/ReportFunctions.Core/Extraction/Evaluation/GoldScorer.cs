using System.Text.Json;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Extraction.Evaluation;

/// <summary>The matching logic of the shared scorer (eval/score.py), ported: same doc, region, indicator, period and kind,
/// values within 0.5% (0.051 for percentages), money of different currencies never matching.</summary>
public static class GoldScorer
{
    public sealed record Item(string Doc, string Region, string Indicator, string Period, string Kind, double Value, string Unit);

    public sealed record Counts(int Tp, int Fp, int Fn)
    {
        public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);
        public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public sealed record Report(Counts Overall, IReadOnlyDictionary<string, Counts> PerIndicator, IReadOnlyList<string> Errors);

    private static readonly HashSet<string> Catalog = IndicatorCatalog.All.Select(i => i.Code).ToHashSet();

    public static Item FromJson(string line)
    {
        using var d = JsonDocument.Parse(line);
        return FromJson(d.RootElement);
    }

    public static Item FromJson(JsonElement r)
    {
        return new Item(r.GetProperty("doc").GetString()!, r.GetProperty("region").GetString()!, r.GetProperty("indicator").GetString()!,
            r.GetProperty("period").ToString(), r.GetProperty("kind").GetString()!, r.GetProperty("value").GetDouble(), r.GetProperty("unit").GetString()!);
    }

    public static Item FromFact(string doc, Fact f) => new(doc, f.Region, f.Indicator, f.Period, f.Kind, f.Value, f.Unit);

    /// <summary>The report as score.py prints it: overall, then one line per code.</summary>
    public static IEnumerable<string> Format(Report report)
    {
        var o = report.Overall;
        yield return FormattableString.Invariant($"overall  precision {o.Precision:0.000}  recall {o.Recall:0.000}  F1 {o.F1:0.000}  (tp {o.Tp}, fp {o.Fp}, fn {o.Fn})");
        foreach (var (code, c) in report.PerIndicator)
            yield return FormattableString.Invariant($"  {code,-32} P {c.Precision:0.00} R {c.Recall:0.00} F1 {c.F1:0.00}  (tp {c.Tp}, fp {c.Fp}, fn {c.Fn})");
    }

    private static string Norm(string s) => new(s.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray());

    private static bool Agree(Item g, Item p)
    {
        var money = new[] { Units.Cny, Units.Usd };
        if (money.Contains(g.Unit) && money.Contains(p.Unit) && g.Unit != p.Unit) return false;
        if (g.Unit == Units.Percent) return Math.Abs(g.Value - p.Value) <= 0.051;
        return Math.Abs(g.Value - p.Value) <= 0.005 * Math.Max(Math.Abs(g.Value), 1e-9);
    }

    private static bool ValidPeriod(string p) =>
        p.Length == 4 && p.All(char.IsAsciiDigit) || p.Length == 9 && p[4] == '-' && p.Remove(4, 1).All(char.IsAsciiDigit);

    public static Report Score(IReadOnlyList<Item> gold, IReadOnlyList<Item> predicted)
    {
        var pred = predicted.Where(p => Catalog.Contains(p.Indicator) && ValidPeriod(p.Period)).ToList();
        var pool = gold.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        var tp = new Dictionary<string, int>();
        var fp = new Dictionary<string, int>();
        var fn = new Dictionary<string, int>();
        var errors = new List<string>();
        var matched = new HashSet<Item>(ReferenceEqualityComparer.Instance);
        foreach (var p in pred)
        {
            Item? hit = null;
            if (pool.TryGetValue(Key(p), out var cands))
                hit = cands.FirstOrDefault(g => !matched.Contains(g) && Agree(g, p));
            if (hit is not null) { matched.Add(hit); tp[p.Indicator] = tp.GetValueOrDefault(p.Indicator) + 1; }
            else { fp[p.Indicator] = fp.GetValueOrDefault(p.Indicator) + 1; errors.Add($"SPURIOUS {p}"); }
        }
        foreach (var g in gold.Where(g => !matched.Contains(g)))
        {
            fn[g.Indicator] = fn.GetValueOrDefault(g.Indicator) + 1;
            errors.Add($"MISSED   {g}");
        }
        var codes = tp.Keys.Concat(fp.Keys).Concat(fn.Keys).Distinct().OrderBy(c => c, StringComparer.Ordinal);
        var per = codes.ToDictionary(c => c, c => new Counts(tp.GetValueOrDefault(c), fp.GetValueOrDefault(c), fn.GetValueOrDefault(c)));
        var overall = new Counts(tp.Values.Sum(), fp.Values.Sum(), fn.Values.Sum());
        return new Report(overall, per, errors);
    }

    private static (string, string, string, string, string) Key(Item f) => (f.Doc, Norm(f.Region), f.Indicator, f.Period, f.Kind);
}
