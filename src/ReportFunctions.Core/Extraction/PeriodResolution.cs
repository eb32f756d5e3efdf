using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: resolution. Period and kind of a fact against the delivery year, cues and spans.</summary>
    private sealed partial class Run
    {
        // ------------------------------------------------------------------ periods

        private const int PeriodContextBack = 150;

        private (string Period, string Kind)? PeriodKind(int s, int segStart, int clauseStart, Value v, string code, bool targetMode, int groupEnd, out string rule)
        {
            rule = "period:none";
            var isGrowth = code.EndsWith("_growth", StringComparison.Ordinal) && code != "cpi_growth" || code == "cpi_growth" && false;
            var isAmount = v.Unit == UnitKind.Money;
            var isTotal = isAmount || v.Unit == UnitKind.None; // money and counts add up over a span
            var Y = _year;
            var back = Math.Max(s, v.Tok - PeriodContextBack); // the context of a value: at most this many tokens before it

            // context: explicit years, spans, cues
            int ctxYear = 0;
            var byYear = false;
            int spanFrom = 0, spanTo = 0;
            var pastSpan = false;
            var futureSpan = false;
            var thisYear = false;
            var lastYear = false;
            for (var k = v.Tok - 1; k >= back; k--)
            {
                var t = _t[k];
                if (ctxYear == 0 && t.IsYear && IsContextYear(k, s))
                {
                    ctxYear = (int)t.Num;
                    byYear = k > s && _t[k - 1].W == By || k > s + 2 && _t[k - 1].W == Of && _t[k - 2].W == End && _t[k - 3].W == By;
                }
                var w = t.W;
                if (w is null) continue;
                if (spanFrom == 0 && Ordinals.Contains(w) && k + 3 < _t.Count && _t[k + 1].W == Five && MatchWordsSkip(k + 1, Five, Year, Plan))
                {
                    var ord = OrdinalValue(w);
                    if (ord > 0) { spanFrom = 1966 + (ord - 3) * 5; spanTo = spanFrom + 4; }
                }
                if (w == Five && k + 1 < _t.Count && _t[k + 1].W == Years && k > s)
                {
                    var p = _t[k - 1].W;
                    if (PastSpanWords.Has(p)) pastSpan = true;
                    else if (FutureSpanWords.Has(p)) futureSpan = true;
                    else if (PastSpanLeadIns.Has(p)) pastSpan = true;
                }
                if (w == This && k + 1 < v.Tok && _t[k + 1].W == Year && !(k > s && (_t[k - 1].W == Of || _t[k - 1].W == Than))) thisYear = true;
                if (Tokenizer.IsHan(w[0]))
                {
                    if (ThisYearWords.Contains(w)) thisYear = true; // 今年
                    if (LastYearWords.Contains(w)) lastYear = true; // 去年, 上年
                    if (PastFiveYearsWords.Contains(w)) pastSpan = true; // 过去五年
                }
                if ((w == Last || w == Past) && k + 1 < v.Tok && _t[k + 1].W == Year && !(k > s && ComparisonBasePrepositions.Has(_t[k - 1].W) || k > s + 1 && _t[k - 1].W == The && ComparisonBasePrepositions.Has(_t[k - 2].W))) lastYear = true;
            }
            // "(5.9%) in five years" after the value
            for (var k = v.EndTok; k < Math.Min(_t.Count, v.EndTok + 5); k++)
            {
                var w = _t[k].W;
                // "growth of around 4.5% this year" / "grew 4.3% last year": a year word right after the value, in its clause,
                // outweighs one earlier in the sentence
                if (k + 1 < _t.Count && _t[k + 1].W == Year && k <= v.EndTok + (v.Unit == UnitKind.None ? 4 : 1)) // "90,000 new urban jobs this year"
                {
                    if (w == This) { thisYear = true; lastYear = false; }
                    else if (w == Last) { lastYear = true; thisYear = false; }
                }
                if (_t[k].Kind == TokKind.Punct && _t[k].P is ',') break;
                if (w == Five && k + 1 < _t.Count && _t[k + 1].W == Years) pastSpan = true;
                if (_t[k].Kind == TokKind.Punct && _t[k].P is ';' or '.') break;
            }
            // "About 90,000 new jobs will be created this year": a goal word after the value, in its clause
            var goalAfter = false;
            for (var k = v.EndTok; k < Math.Min(_t.Count, v.EndTok + 12); k++)
            {
                var t = _t[k];
                if (t.Kind is TokKind.Break or TokKind.Number || t.Kind == TokKind.Punct && t.P is ',' or ';' or '.' or ':' || ClauseJoiners.Has(t.W)) break;
                if (t.W is { } gw && GoalVerbsAfterValue.Contains(gw)) { goalAfter = true; break; }
                if (PastVerbs.Contains(t.W ?? "")) break;
            }
            if (goalAfter && _inReview) goalAfter = false;
            // a past span is the default for actuals (the five years before the delivery year)
            var avgAnnual = false;
            var accumulated = false;
            // a count's indicator comes after it ("168,000 new urban jobs were created during the period"): its cues come later
            var cueEnd = Math.Max(groupEnd, v.EndTok + (v.Unit == UnitKind.None ? 14 : 6)); // a pair's cues follow its last value
            var scanEnd = Math.Max(groupEnd, v.EndTok);
            for (var k = clauseStart; k < Math.Min(_t.Count, cueEnd); k++)
            {
                var w = _t[k].W;
                if (k >= scanEnd && _t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or '.') break;
                if (w is null) continue;
                if (w == Average && k + 1 < _t.Count && (_t[k + 1].W == Annual || _t[k + 1].W == Annually) || w == Annual && k + 1 < _t.Count && _t[k + 1].W == Average || w == Annually && k >= v.EndTok) avgAnnual = true;
                if (Accumulated.Contains(w) && !(w == Aggregate && (_t[k + 1].W == Economic || k > 0 && _t[k - 1].W == Economic))) accumulated = true; // not "economic aggregate"
                if (w == Five && k + 1 < _t.Count && _t[k + 1].W == Years && k >= v.EndTok) accumulated |= isTotal;
                if (w == Over && k + 3 < _t.Count && (_t[k + 1].W == Past || _t[k + 1].W == Last || _t[k + 1].W == The) && _t[k + 2].W == Five) accumulated |= isAmount; // "over the five years"
                // "In the past five years, fixed asset investment totaled 1.2 trillion yuan": a total over the span
                if (pastSpan && isAmount && k < v.Tok && TotalVerbs.Contains(w)) accumulated = true;
                // "grew by an average of 7.6% a year", "8.7% a year on average", "per year": a yearly average rate
                if (AverageRateCues.Contains(w) && k + 1 < _t.Count && _t[k + 1].W == Year && !(k > 0 && YearDeterminers.Has(_t[k - 1].W))
                    && !(k + 2 < _t.Count && (NotPerYearAfterAYear.Has(_t[k + 2].W) || _t[k + 2].IsP('-')))) avgAnnual = true;
                if (w == Average && (k + 1 < _t.Count && _t[k + 1].W == Of || k > 0 && (_t[k - 1].W == On || _t[k - 1].W == In))) avgAnnual = true;
                if (AnnualAverageWords.Contains(w)) avgAnnual = true; // 年均增长 // "an average of", "on average", "in average"
                // "created during the period", "over the five years", "in total" within a five-year review: a cumulative total
                if ((pastSpan || _fiveYearReview) && isTotal && SpanTotalCues.Contains(w)) accumulated = true;
            }
            if (_fiveYearReview) pastSpan = true;

            string kind;
            int endYear;
            // "the 8.5 percent target set a year earlier", "the 10 percent it set for 2011": a past year's target restated
            if (RestatedTargetYear(v) is { } ry)
            {
                rule = "period:restated-past-target";
                return (ry.ToString(System.Globalization.CultureInfo.InvariantCulture), FactKinds.Target);
            }
            if (v.AttachedYear > 0)
            {
                endYear = v.AttachedYear;
                rule = "period:year-after-value";
                kind = Y is { } y0 ? (endYear < y0 ? FactKinds.Actual : FactKinds.Target) : FactKinds.Actual;
            }
            else if (ctxYear > 0 && byYear)
            {
                endYear = ctxYear; kind = FactKinds.Target;
                rule = "period:by-year";
                if (Y is { } yb && ctxYear < yb) kind = FactKinds.Actual;
            }
            else if (ctxYear > 0)
            {
                endYear = ctxYear;
                rule = "period:year-in-sentence";
                if (Y is { } y1) kind = ctxYear < y1 ? FactKinds.Actual : ctxYear > y1 ? FactKinds.Target : (HasCue(segStart, v.Tok) || targetMode || !HasPastVerb(clauseStart, v.Tok) ? FactKinds.Target : FactKinds.Actual);
                else kind = HasCue(segStart, v.Tok) || targetMode ? FactKinds.Target : FactKinds.Actual;
            }
            else
            {
                if (Y is null) return null;
                var target = targetMode || HasCue(segStart, v.Tok) || thisYear && !lastYear || goalAfter;
                if (lastYear) target = false;
                rule = lastYear ? "period:last-year" : targetMode ? "period:target-list" : target ? (thisYear ? "period:this-year" : "period:target-cue") : "period:review-of-last-year";
                if (spanTo > 0 && !avgAnnual)
                {
                    // a level during a plan period: its end year
                    kind = spanTo < Y ? FactKinds.Actual : FactKinds.Target;
                    endYear = spanTo;
                    rule = "period:plan-period-end";
                }
                else
                {
                    kind = target ? FactKinds.Target : FactKinds.Actual;
                    endYear = target ? Y.Value : Y.Value - 1;
                }
            }

            // a growth rate stated for a plan period ("During the 13th Five-Year Plan period, ... grew by 6.8%") is its annual average
            var span = isGrowth && (avgAnnual || spanTo > 0 && ctxYear == 0 && v.AttachedYear == 0) || isTotal && accumulated;
            if (span)
            {
                rule += "+span";
                if (spanTo > 0) return ($"{spanFrom}-{spanTo}", spanTo < (Y ?? 9999) ? FactKinds.Actual : kind);
                if (kind == FactKinds.Target && !futureSpan && ctxYear == 0 && Y is { } yt) { var st = yt; return ($"{st}-{st + 4}", kind); }
                if (futureSpan && Y is { } yf) return ($"{yf}-{yf + 4}", FactKinds.Target);
                if (kind == FactKinds.Target) return ($"{endYear - 4}-{endYear}", kind);
                return ($"{endYear - 4}-{endYear}", kind);
            }
            return (endYear.ToString(System.Globalization.CultureInfo.InvariantCulture), kind);
        }

        private int? RestatedTargetYear(Value v)
        {
            if (_year is not { } y) return null;
            for (var k = v.EndTok; k < Math.Min(_t.Count, v.EndTok + 5); k++)
            {
                var t = _t[k];
                if (t.Kind == TokKind.Punct || t.Kind == TokKind.Break) return null;
                if (t.W != Set) continue;
                if (k + 3 < _t.Count && _t[k + 1].W == A && _t[k + 2].W == Year && _t[k + 3].W is { } ago && RestatedAgoWords.Contains(ago)) return y - 1;
                if (k + 2 < _t.Count && _t[k + 1].W == Last && _t[k + 2].W == Year) return y - 1;
                if (k + 2 < _t.Count && _t[k + 1].W == For && _t[k + 2].IsYear && _t[k + 2].Num < y) return (int)_t[k + 2].Num;
                return null;
            }
            return null;
        }

        private static int OrdinalValue(string w) => PlanOrdinalNumbers.TryGetValue(w, out var n) ? (int)n : 0;

        private bool MatchWordsSkip(int i, params string[] words)
        {
            var j = i;
            foreach (var w in words)
            {
                while (j < _t.Count && (_t[j].IsP('-') || _t[j].Kind == TokKind.Punct && _t[j].P == '"')) j++;
                if (j >= _t.Count || _t[j].W != w) return false;
                j++;
            }
            return true;
        }

        private bool IsContextYear(int k, int s)
        {
            // not an amount ("2006 billion yuan", "2010 yuan", "2020%"), not a date part, not a range part, not a comparison base
            if (k + 1 < _t.Count && (_t[k + 1].IsP('%') || _t[k + 1].W is { } nw && (Scales.ContainsKey(nw) || Yuan.Contains(nw) || UnitWordsAfterYear.Contains(nw)))) return false;
            if (k + 2 < _t.Count && _t[k + 1].IsP('-') && _t[k + 2].IsYear) return false;
            if (k > s + 1 && _t[k - 1].IsP('-') && _t[k - 2].IsYear) return false;
            if (k > s && (_t[k - 1].Kind == TokKind.Number || _t[k - 1].W is { } mw && Months.Contains(mw))) return false;
            if (k > s && _t[k - 1].IsP(',') && k > s + 1 && _t[k - 2].Kind == TokKind.Number) return false;
            var p = k > s ? _t[k - 1].W : null;
            var pp = k > s + 1 ? _t[k - 2].W : null;
            if (YearComparisonPrepositions.Has(p) || p == In && YearInPrepositions.Has(pp) || p == With && pp == Compared) return false;
            if (k > s + 1 && _t[k - 1].W == In && (_t[k - 2].Kind == TokKind.Number || _t[k - 2].W is { } u && (Yuan.Contains(u) || Scales.ContainsKey(u) || u == Dollars) || _t[k - 2].IsP('%'))) return false; // attached to a value
            return true;
        }

        /// <summary>Nearest verb wins: a goal word ("will", "strive", "target") before any outcome verb ("reached", "achieved").</summary>
        private bool HasCue(int segStart, int tok)
        {
            for (var k = tok - 1; k >= Math.Max(segStart, tok - 60); k--)
            {
                if (_t[k].W is not { } w) continue;
                // "the unemployment rate is to be kept below 5 percent"
                if (w == Be && k >= 2 && _t[k - 1].W == To && _t[k - 2].W is { } bw && (bw == Is || bw == Are)) return !_inReview;
                if (TargetCues.Contains(w))
                {
                    if (w == Expected && k > 0 && _t[k - 1].W == Than) continue;
                    // "GDP is expected to grow 5.8%" in the review, "it is estimated that GDP will grow ...": an estimate of the year just ended
                    var estimate = EstimateCues.Contains(w) ? w : EstimateBefore(segStart, k);
                    if (estimate is not null && (_inReview || FirmEstimateCues.Contains(estimate))) return false;
                    return true;
                }
                if (IsPastVerbAt(k)) return false;
            }
            // "GDP growth target: 6% or so": a cue in the label before the colon of the segment
            if (segStart >= 2 && _t[segStart - 1].IsP(':'))
                for (var k = segStart - 2; k >= Math.Max(0, segStart - 18); k--)
                {
                    var t = _t[k];
                    if (t.Kind == TokKind.Break || t.Kind == TokKind.Punct && t.P is '.' or ';' or ':') break;
                    if (t.W is { } w && TargetCues.Contains(w)) return !(_inReview && EstimateCues.Contains(w)); // "Expected GDP growth: 2.1%" in the review
                    if (IsPastVerbAt(k)) return false;
                }
            return false;
        }

        private string? EstimateBefore(int segStart, int k)
        {
            for (var j = k - 1; j >= Math.Max(segStart, k - 12); j--)
                if (_t[j].W is { } w && EstimateCues.Contains(w)) return w;
            return null;
        }

        private bool HasTargetCue(int from, int to)
        {
            for (var k = from; k < to; k++) if (_t[k].W is { } w && TargetCues.Contains(w)) return true;
            return false;
        }

        /// <summary>An outcome verb ("reached", "registered 5%"), not a participle before an indicator ("the registered urban unemployment rate").</summary>
        private bool IsPastVerbAt(int k)
        {
            if (_t[k].W is not { } w || !PastVerbs.Contains(w)) return false;
            return !(k + 1 < _t.Count && _t[k + 1].W is { } n && (n == Urban || n == Rural || Phrases.ContainsKey(n)));
        }

        private bool HasPastVerb(int from, int tok)
        {
            for (var k = from; k < tok; k++) if (IsPastVerbAt(k)) return true;
            return false;
        }

    }
}
