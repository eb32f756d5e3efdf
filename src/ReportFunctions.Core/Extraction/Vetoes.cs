using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: vetoes. Named reasons an attached quantity is not a fact of the region as a whole.</summary>
    private sealed partial class Run
    {
        // ------------------------------------------------------------------ mapping and checks

        private static readonly Dictionary<Concept, IndicatorFamily> FamilyOf = ExtractionData.Families.ToDictionary(f => f.Concept);

        /// <summary>The catalog code a quantity gives its indicator family (Data/indicators), or null when the family has none
        /// for that kind of number or the number is outside the family's plausible range.</summary>
        private static string? CodeFor(Concept c, Value v, out string unit)
        {
            unit = Units.Percent;
            if (!FamilyOf.TryGetValue(c, out var family)) return null;
            var role = v.Unit switch
            {
                UnitKind.Pct => ValueRole.Percent,
                UnitKind.Money => ValueRole.Money,
                UnitKind.Years => ValueRole.Years,
                _ => family.CodeFor(ValueRole.Count) is not null ? ValueRole.Count : ValueRole.Years,
            };
            var code = family.CodeFor(role);
            if (code is null || !family.InRange(role, Math.Abs(v.Num))) return null;
            if (code.Unit == Units.Count && v.Num != Math.Floor(v.Num)) return null; // a count is whole
            unit = role == ValueRole.Money ? (v.Usd ? Units.Usd : Units.Cny) : code.Unit;
            return code.Code;
        }

        private bool ConceptAccepts(Concept c, Value v, int clauseStart, Match m, int s, int e)
        {
            if (c == Concept.Rd)
            {
                // R&D intensity needs a share context ("account for", "intensity", "proportion", "% of GDP")
                var from = Math.Min(m.Start, clauseStart);
                for (var k = from; k < v.Tok; k++)
                    if (ShareIndicatorWords.Has(_t[k].W)) return true;
                var a = v.EndTok;
                if (a + 1 < e && (_t[a].W == Of || _t[a].W == In) && (_t[a + 1].W == Gdp || a + 2 < e && _t[a + 2].W == Gdp)) return true;
                return false;
            }
            if (c == Concept.HighTech && !TotalClause(clauseStart, v.Tok))
            {
                // "a net increase of 1,300", "grew by 1,200": the change, not the number
                for (var k = v.Tok - 1; k >= s && k >= v.Tok - 6; k--)
                {
                    var w = _t[k].W;
                    if (w == Net) return false;
                    if (GrowthVerbsBeforeBy.Has(w) && k + 1 < v.Tok && (_t[k + 1].W == By || _t[k + 1].W == Of)) return false;
                    if (_t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or ':' or '.' || _t[k].Kind == TokKind.Number || w == To) break; // "grew by 1,200 to 15,000"
                }
                // a stock, not the number newly added
                for (var k = Math.Max(s, v.Tok - 40); k < v.Tok; k++)
                {
                    var t = _t[k];
                    if (t.Kind == TokKind.Punct && t.P is ';' or ':') { continue; }
                    if (t.W is { } w && NewWords.Contains(w) && !(k > 0 && _t[k - 1].W == Lexicon.Value) && !(k + 1 < _t.Count && HighTechStart.Has(_t[k + 1].W) && w == New && k + 2 < _t.Count && _t[k + 2].W == And)) return false;
                }
            }
            if (c == Concept.Jobs && v.Unit == UnitKind.None && v.Num < 1000) return false;
            return true;
        }

        /// <summary>The name of the veto that keeps the quantity from being a fact of its indicator, or null.</summary>
        private string? Blocked(int s, int e, int clauseStart, int segStart, Match c, Value v, bool backSearched, bool forward)
        {
            var shareConcept = c.C is Concept.Rd or Concept.Livelihood or Concept.Urbanization or Concept.Unemployment;
            if (v.ShareOf && !shareConcept) return "veto:share-of-something";
            // quarters and half-years anywhere in the segment before the value or in its clause
            var ce = ClauseEnd(v.EndTok, e);
            for (var k = segStart; k < ce; k++)
            {
                var w = _t[k].W;
                if (w is null) continue;
                if (QuarterWords.Contains(w)) return "veto:quarter";
                // "From January to November": part of a year
                if (Months.Contains(w) && k + 2 < ce && (MonthRangeWords.Has(_t[k + 1].W) || _t[k + 1].IsP('-')) && _t[k + 2].W is { } m2 && Months.Contains(m2)
                    && !(January.Contains(w) && December.Contains(m2))) return "veto:months-of-year";
                if (w == HalfWord && (k + 1 < ce && (_t[k + 1].W == Year || _t[k + 1].W == Of) || k > 0 && HalfDeterminers.Has(_t[k - 1].W))) return "veto:half-year";
                if (MonthWords.Has(w) && k > 0 && (_t[k - 1].Kind == TokKind.Number || MonthsCountWords.Has(_t[k - 1].W))) return "veto:months";
            }
            // between the concept and the value: shares, ratios, per-unit
            var from = backSearched ? clauseStart : c.End;
            if (!forward)
            {
                for (var k = from; k < v.Tok; k++)
                {
                    var w = _t[k].W;
                    if (w is null) continue;
                    if (!shareConcept && ShareWords.Contains(w))
                    {
                        if (w == Rate && k > 0 && RateModifiers.Has(_t[k - 1].W)) continue;
                        return "veto:share-word-between";
                    }
                    if (w == Per && !(k + 1 < e && _t[k + 1].W == Capita)) return "veto:per-unit";
                    if (GapWords.Has(w)) return "veto:gap";
                }
                // the concept itself preceded by "share of", "proportion of"
                for (var k = Math.Max(clauseStart, c.Start - 4); k < c.Start; k++)
                {
                    var w = _t[k].W;
                    if (!shareConcept && ShareOfWords.Has(w)) return "veto:share-of-indicator";
                    if (w == Per && !(k + 1 < e && _t[k + 1].W == Capita)) return "veto:per-unit";
                }
            }
            // other places: counties, districts, ports, zones, other regions, the nation
            var start = clauseStart;
            if (start > s)
            {
                // an introductory "In Haining," clause counts too
                var ps = ClauseStart(s, start - 1);
                if (start - ps <= 6 && PlacePrepositions.Has(_t[ps].W)) start = ps;
                // an introductory "Nationwide," or "Nationally," clause too
                else if (start - ps <= 2 && NationwideWords.Has(_t[ps].W)) start = ps;
            }
            var lo = Math.Min(start, Math.Min(c.Start, v.Tok));
            for (var k = lo; k < v.Tok; k++)
            {
                var t = _t[k];
                if (_otherPlace.Length > k && _otherPlace[k] == 2 && !AfterRank(k, lo)) return "veto:other-region";
                // "Haining's GDP": a capitalised name in the possessive that is not the report's region
                if (t.Poss && t.Kind == TokKind.Word && t.Cap && (_otherPlace.Length <= k || _otherPlace[k] == 0) && !AfterRank(k, lo)) return "veto:other-place-possessive";
                var w = t.W;
                if (w is null) continue;
                if (AreaWords.Contains(w) && !AfterRank(k, lo) && !CitiesAndTowns(k)) return "veto:area-inside-region";
                if (_region.Level != RegionLevels.Country && NationWords.Contains(w) && !AfterRank(k, lo))
                {
                    if (t.Poss && k > 0 && _t[k - 1].W is { } dw && Directions.Contains(dw)) continue; // "East China's Zhejiang Province": where, not who
                    if (w == National && k + 1 < e && HighTechStart.Has(_t[k + 1].W)) continue;
                    return "veto:nation";
                }
                if (_region.Level == RegionLevels.City && ProvinceWords.Contains(w) && !AfterRank(k, lo)) return "veto:province";
            }
            return null;
        }

        /// <summary>"13 million urban jobs were created each year on average": a yearly average over a span is neither a year's figure nor a cumulative total.</summary>
        private bool PerYearAverage(int clauseStart, Value v, int e)
        {
            var ce = ClauseEnd(v.EndTok, e);
            for (var k = clauseStart; k < ce; k++)
            {
                var w = _t[k].W;
                if (w is null) continue;
                var n = k + 1 < ce ? _t[k + 1].W : null;
                if (EachWords.Has(w) && n == Year) return true;
                if (w == A && n == Year && !(k + 2 < _t.Count && (_t[k + 2].IsP('-') || NotYearlyAfterAYear.Has(_t[k + 2].W)))) return true;
                if (w == On && n == Average || w == Annually || w == Average && n == Annual || w == Annual && n == Average) return true;
            }
            return false;
        }

        /// <summary>"new jobs in cities and towns": the urban jobs' own wording, not an area inside the region.</summary>
        private bool CitiesAndTowns(int k) =>
            _t[k].W == Cities && k + 2 < _t.Count && _t[k + 1].W == And && _t[k + 2].W == Towns
            || _t[k].W == Towns && k >= 2 && _t[k - 1].W == And && _t[k - 2].W == Cities;

        private bool AfterRank(int k, int lo)
        {
            for (var j = k - 1; j >= lo && j >= k - 5; j--) if (_t[j].W is { } w && RankWords.Contains(w)) return true;
            return false;
        }

    }
}
