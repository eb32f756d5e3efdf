using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: merge. One fact per indicator, period and kind.</summary>
    private sealed partial class Run
    {
        // ------------------------------------------------------------------ dedupe

        private static List<Fact> Dedupe(List<(Fact F, bool Nominal)> facts)
        {
            var order = new List<(string, string, string)>();
            var best = new Dictionary<(string, string, string), (Fact F, bool Nominal)>();
            foreach (var (f, nominal) in facts)
            {
                var key = (f.Indicator, f.Period, f.Kind);
                if (!best.TryGetValue(key, out var cur)) { best[key] = (f, nominal); order.Add(key); continue; }
                var catalogUnit = IndicatorCatalog.TryGet(f.Indicator, out var ind) ? ind.Unit : f.Unit;
                if (cur.F.Unit != f.Unit && f.Unit == catalogUnit && cur.F.Unit != catalogUnit) { best[key] = (f, nominal); continue; }
                if (cur.Nominal && !nominal && Math.Abs(cur.F.EvidenceStart - f.EvidenceStart) < 400) { best[key] = (f, nominal); continue; }
                // "topped 6 trillion yuan ..., reaching 6.01 trillion yuan": the exact figure next to its rounded restatement
                if (cur.F.Qualifier != Qualifiers.Exact && f.Qualifier == Qualifiers.Exact && cur.F.Unit == f.Unit && cur.Nominal == nominal
                    && Math.Abs(cur.F.EvidenceStart - f.EvidenceStart) < 1500
                    && (Math.Abs(cur.F.Value - f.Value) <= Math.Abs(f.Value) * 0.05 || cur.F.Qualifier == Qualifiers.Above && f.Value > cur.F.Value)) // "crossed the 2 trillion yuan mark, reaching 2.9 trillion"
                    best[key] = (f, nominal);
            }
            return order.Select(k => best[k].F).ToList();
        }

    }
}
