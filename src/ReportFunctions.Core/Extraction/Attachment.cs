using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: attachment. Ties each quantity of a sentence to the indicator phrase that governs it, by named rules.</summary>
    private sealed partial class Run
    {
        // ------------------------------------------------------------------ sentences

        private int Sentence(int s, int e, int targetMode, List<(Fact, bool)> facts)
        {
            // header of a target list ("main expected goals ... are", "main projected targets ... go as follows")
            var headerAt = -1;
            var headerColonLine = false;
            for (var i = s; i < e; i++)
            {
                var w = _t[i].W;
                if (w is null || !TargetHeader.Contains(w)) continue;
                // "今年经济社会发展的主要预期目标是：": a Chinese header names its targets in one word, then a colon
                if (w.Length >= 4 && Tokenizer.IsHan(w[0]))
                {
                    for (var z = i + 1; z < e && z < i + 4; z++)
                        if (_t[z].IsP(':')) { headerAt = i; headerColonLine = _text.AsSpan(_t[z].End, (z + 1 < e ? _t[z + 1].Start : _t[z].End) - _t[z].End).Contains('\n'); break; }
                    if (headerAt >= 0) break;
                }
                for (var k = Math.Max(s, i - 4); k < i; k++)
                {
                    var q = _t[k].W;
                    if (TargetHeaderModifiers.Has(q))
                    {
                        for (var z = i + 1; z < e && z < i + 25; z++)
                            if (_t[z].IsP(':') || _t[z].W == Follows || (_t[z].W == Are || _t[z].W == Is) && z + 1 < e && _t[z + 1].Kind != TokKind.Word)
                            {
                                headerAt = i;
                                // "Main targets for 2024:" then one item per line
                                if (_t[z].IsP(':') && z + 1 < e && _text.AsSpan(_t[z].End, _t[z + 1].Start - _t[z].End).Contains('\n')) headerColonLine = true;
                                break;
                            }
                        break;
                    }
                }
                if (headerAt >= 0) break;
            }
            // a long sentence is prose, not an item of a target list
            if (headerAt < 0 && targetMode > 0 && e - s > 45) targetMode = 0;
            // a sentence reporting outcomes ("... reached 552.93 billion yuan") is not an item of a target list
            if (headerAt < 0 && targetMode > 0 && HasPastVerb(s, e) && !HasTargetCue(s, e)) targetMode = 0;
            var newTargetMode = targetMode;
            if (headerAt >= 0)
            {
                // header sentence: covers the rest of this paragraph, and the next one if it ends the paragraph
                var endsList = _t[e - 1].IsP(':') || _t[e - 1].W == Follows || headerColonLine && e < _t.Count && _t[e].Kind == TokKind.Break;
                newTargetMode = endsList ? (e < _t.Count && _t[e].Kind == TokKind.Break ? 2 : 1) : 0;
            }

            var anyNumber = false;
            for (var i = s; i < e && !anyNumber; i++) anyNumber = _t[i].Kind == TokKind.Number || _t[i].W is { } nw && NumberWords.ContainsKey(nw);
            if (!anyNumber) return newTargetMode;
            IndexSentence(s, e);
            var matches = FindConcepts(s, e);
            for (var q = 1; q < matches.Count; q++)
                if (matches[q].Start < matches[q - 1].Start) { matches = matches.OrderBy(m => m.Start).ToList(); break; }
            var values = FindValues(s, e);
            if (values.Count == 0) return newTargetMode;
            GroupRespectively(values);

            Concept lastConceptInClause = Concept.None;
            var runningEnd = s;
            for (var vi = 0; vi < values.Count; vi++)
            {
                var v = values[vi];
                var prevEnd = runningEnd;
                if (!v.FromValue) runningEnd = Math.Max(runningEnd, v.EndTok);
                if (v.Skip || v.FromValue && v.AttachedYear == 0) continue;
                var groupMembers = _groupBuf;
                groupMembers.Clear();
                groupMembers.Add(v);
                if (v.Group >= 0)
                {
                    while (vi + 1 < values.Count && values[vi + 1].Group == v.Group) groupMembers.Add(values[++vi]);
                }
                var first = groupMembers[0];
                var last = groupMembers[^1];
                var clauseStart = ClauseStart(s, first.Tok);
                var segStart = SegmentStart(s, first.Tok);
                foreach (var gm in groupMembers) if (!gm.FromValue) runningEnd = Math.Max(runningEnd, gm.EndTok);
                var regionStart = Math.Max(clauseStart, prevEnd);

                // concepts governing the value(s)
                var concepts = _conceptBuf;
                concepts.Clear();
                var evidenceStart = -1;
                var evidenceEnd = last.EndTok;
                var forward = false;
                var backSearched = false;
                var rule = "";
                var livelihood = IsLivelihoodShare(s, e, first);
                if (livelihood)
                {
                    concepts.Add(new Match(first.Tok, first.EndTok, Concept.Livelihood));
                    rule = "attach:share-of-spending";
                    evidenceStart = ShareVerbStart(first.Tok, clauseStart);
                    evidenceEnd = ExpenditureEnd(first.EndTok, e);
                }
                else
                {
                    var countLike = first.Unit is UnitKind.None or UnitKind.Years;
                    if (countLike)
                    {
                        if (ForwardConcepts(first, first, e, matches, concepts))
                        {
                            if (concepts.Count > 1) concepts.RemoveRange(1, concepts.Count - 1);
                            var m = concepts[0];
                            forward = true; evidenceStart = first.QualTok >= 0 ? first.QualTok : first.Tok; evidenceEnd = m.End; rule = "attach:count-then-indicator";
                            // "120,000 new urban jobs or more"
                            if (first.Qual == Qualifiers.Exact && m.End + 1 < e && _t[m.End].W == Or && OrMoreAfterCount.Has(_t[m.End + 1].W))
                            { first.Qual = Qualifiers.AtLeast; evidenceEnd = m.End + 2; }
                        }
                    }
                    // "job opportunities for 90,000 urban residents": the count inside the jobs phrase
                    if (countLike && concepts.Count == 0 && first.Tok >= 2 && _t[first.Tok - 1].W == For && JobsBeforeFor.Has(_t[first.Tok - 2].W)
                        && first.EndTok + 1 < e && _t[first.EndTok].W == Urban)
                    {
                        concepts.Add(new Match(first.Tok - 2, first.EndTok + 1, Concept.Jobs));
                        forward = true; evidenceStart = first.Tok - 2; evidenceEnd = Math.Min(e, first.EndTok + 2); rule = "attach:jobs-for-residents";
                    }
                    if (concepts.Count == 0)
                    {
                        ConceptsIn(matches, regionStart, first.Tok, concepts);
                        if (concepts.Count > 0) { evidenceStart = concepts[Math.Max(0, concepts.Count - groupMembers.Count)].Start; rule = "attach:indicator-then-value"; }
                    }
                    if (concepts.Count == 0 && clauseStart == segStart && prevEnd <= segStart && LabelConcepts(s, segStart, matches, concepts))
                    {
                        // "- GDP: 6.01 trillion yuan", "Urbanization rate: 59.5%": a label and its value
                        if (groupMembers.Count == 1 && concepts.Count > 1) concepts.RemoveRange(0, concepts.Count - 1);
                        evidenceStart = concepts[0].Start;
                        rule = "attach:label-colon";
                    }
                    if (concepts.Count == 0 && first.Unit == UnitKind.Pct)
                    {
                        if (ForwardConcepts(first, last, e, matches, concepts))
                        {
                            forward = true; evidenceStart = StartOfPhraseBefore(first, clauseStart); evidenceEnd = concepts.Max(m => m.End); rule = "attach:percent-growth-of-indicator";
                            // "growth of 8% in both A and B": the one value for each
                            if (groupMembers.Count == 1 && concepts.Count == 2) { groupMembers.Add(first); rule += "+both"; }
                        }
                    }
                    // "After growing 4.3% last year, the city aims for GDP growth of ...": the growth concept of the main clause
                    if (concepts.Count == 0 && first.Unit == UnitKind.Pct && groupMembers.Count == 1 && first.Tok - 2 >= clauseStart
                        && _t[first.Tok - 2].W == After && GrowingWords.Has(_t[first.Tok - 1].W))
                    {
                        var ce0 = ClauseEnd(first.EndTok, e);
                        if (ce0 < e)
                        {
                            var next = new List<Match>();
                            ConceptsIn(matches, ce0 + 1, ClauseEnd(ce0 + 1, e), next);
                            if (next.Count > 0) { concepts.Add(next[0]); evidenceStart = first.Tok - 2; rule = "attach:after-growing-main-clause"; }
                        }
                    }
                    // "...; in Xuzhou they grew 8.1%": a pronoun subject stands for the last concept before it in the sentence
                    if (concepts.Count == 0 && first.Unit == UnitKind.Pct && groupMembers.Count == 1 && first.Tok - 2 >= clauseStart
                        && Pronouns.Has(_t[first.Tok - 2].W) && _t[first.Tok - 1].W is { } pv && GrowthWords.Contains(pv) && segStart > s)
                    {
                        var prev = new List<Match>();
                        ConceptsIn(matches, s, segStart, prev);
                        if (prev.Count > 0) { concepts.Add(new Match(first.Tok, first.Tok, prev[^1].C)); evidenceStart = first.Tok - 2; rule = "attach:pronoun-subject"; }
                    }
                    if (concepts.Count == 0 && prevEnd > clauseStart && lastConceptInClause != Concept.None
                        && (first.Unit == UnitKind.Pct || first.Unit is UnitKind.Money or UnitKind.None && LinksToPrevious(prevEnd, first.Tok)
                            || lastConceptInClause == Concept.IncomeAll && IncomeSubjectAfter(first) is not null))
                    {
                        concepts.Add(new Match(first.Tok, first.Tok, lastConceptInClause));
                        evidenceStart = prevEnd;
                        rule = "attach:second-value-of-clause";
                    }
                    if (concepts.Count == 0 && CanBackSearch(first, clauseStart, groupMembers.Count > 1))
                    {
                        var cs = clauseStart;
                        var floor = SegmentStart(s, first.Tok);
                        // a group gathers one subject per value across clauses: "Exports reached X (about Y dollars) and imports Z, up 5% and 3% respectively"
                        var need = groupMembers.Count;
                        while (cs > floor && concepts.Count < need)
                        {
                            var pcs = ClauseStart(s, cs - 1);
                            var found = _foundBuf;
                            found.Clear();
                            ConceptsIn(matches, pcs, cs, found);
                            if (need == 1 && found.Count > 0) concepts.Add(found[^1]);
                            else concepts.InsertRange(0, found);
                            cs = pcs;
                            if (need > 1 && found.Count == 0 && concepts.Count > 0 && !_t[pcs > 0 ? pcs - 1 : 0].IsP('(')) break;
                        }
                        // "- GDP: 6.01 trillion yuan, up 6.0%": the label of the line
                        if (concepts.Count == 0 && cs <= floor && LabelConcepts(s, floor, matches, concepts) && groupMembers.Count == 1 && concepts.Count > 1)
                            concepts = [concepts[^1]];
                        if (concepts.Count > 0) { backSearched = true; evidenceStart = clauseStart; rule = "attach:earlier-clause"; }
                    }
                }
                if (concepts.Count == 0) continue;
                if (groupMembers.Count == 1 && concepts.Count > 1 && first.Unit == UnitKind.Pct && concepts.FindLastIndex(m => m.C == Concept.Rd) is var ri && ri >= 0
                    && concepts.Skip(ri + 1).All(m => m.C == Concept.Gdp))
                    concepts = [concepts[ri]]; // "the proportion of R&D expenditure in GDP"
                if (groupMembers.Count == 2 && !first.RespectAfter && !RespectiveBefore(first) && concepts.Count != 2)
                {
                    // "grew by 5% and 6%" without "respectively" and without a pair of subjects: the first only
                    groupMembers.RemoveAt(1);
                }
                if (groupMembers.Count > 1 && concepts.Count < groupMembers.Count && !backSearched && !forward)
                {
                    // "GDP, fixed asset investment and retail sales grew by 5%, 6% and 7% respectively": subjects listed across commas
                    var cs = clauseStart;
                    var floor = SegmentStart(s, first.Tok);
                    var extra = new List<Match>();
                    while (cs > floor && concepts.Count + extra.Count < groupMembers.Count)
                    {
                        var pcs = ClauseStart(s, cs - 1);
                        var before = new List<Match>();
                        ConceptsIn(matches, pcs, cs, before);
                        if (before.Count == 0 || HasNumber(pcs, cs)) break;
                        extra.InsertRange(0, before);
                        regionStart = pcs;
                        cs = pcs;
                    }
                    if (extra.Count > 0) { concepts = [.. extra, .. concepts]; evidenceStart = concepts[0].Start; rule += "+subjects-across-commas"; }
                }
                if (groupMembers.Count == 2 && concepts.Count == 1 && concepts[0].C == Concept.IncomeAll && last.RespectAfter)
                {
                    // "per capita disposable income grew by 4.9% and 6.5% for urban and rural residents respectively"
                    var after = IncomeSubjectsAfter(last);
                    if (after.Count == 2) { concepts = after; rule += "+urban-rural-after"; }
                }
                if (groupMembers.Count == 2 && concepts.Count == 1 && concepts[0].C == Concept.Trade && (last.RespectAfter || RespectiveBefore(first))
                    && concepts[0].End - concepts[0].Start == 3 && _t[concepts[0].Start + 1].W == And && first.Unit == UnitKind.Pct
                    && !TradeTotalAfterPair.Has(_t[concepts[0].End].W))
                {
                    // "exports and imports grew by 3% and 4% respectively": two subjects, not the trade total
                    var a0 = concepts[0].Start;
                    concepts = [new Match(a0, a0 + 1, ExportWords.Has(_t[a0].W) ? Concept.Exports : Concept.Imports),
                                new Match(a0 + 2, a0 + 3, ExportWords.Has(_t[a0 + 2].W) ? Concept.Exports : Concept.Imports)];
                    rule += "+exports-and-imports-pair";
                }
                if (groupMembers.Count > 1 && concepts.Count > 1 && concepts.Count != groupMembers.Count) continue; // cannot align
                if (groupMembers.Count > 1 && concepts.Count == 1 && !backSearched && !forward && ListItemBefore(regionStart, concepts[0].Start))
                    continue; // "industries and GDP grew by 1%, 2% and 3% respectively": cannot tell which value is the indicator's
                if (groupMembers.Count == 1 && concepts.Count > 1 && concepts.TrueForAll(m => m.C == concepts[0].C)) concepts = [concepts[0]]; // "the consumer price index (CPI)": one subject, named twice
                if (groupMembers.Count == 1 && concepts.Count > 1) concepts = [concepts[^1]];
                else if (concepts.Count > groupMembers.Count) concepts = concepts.GetRange(concepts.Count - groupMembers.Count, groupMembers.Count);
                if (!forward && !backSearched && !livelihood && concepts[0].Start < first.Tok && concepts[0].End > concepts[0].Start) evidenceStart = concepts[0].Start;
                lastConceptInClause = concepts[^1].C;
                if (forward) runningEnd = Math.Max(runningEnd, concepts[^1].End); // the subject after the value is taken: the next value starts after it

                for (var gi = 0; gi < groupMembers.Count && gi < concepts.Count; gi++)
                {
                    var val = groupMembers[gi];
                    var c = concepts[gi];
                    // "per capita disposable income was 50,146 yuan for urban residents": the subject after the value
                    if (c.C == Concept.IncomeAll && IncomeSubjectAfter(val) is { } sub) c = c with { C = sub };
                    if (gi > 0 && val.Qual == Qualifiers.Exact) val.Qual = first.Qual;
                    var code = CodeFor(c.C, val, out var unit);
                    if (code is null) continue;
                    var veto = livelihood ? null : Blocked(s, e, clauseStart, segStart, c, val, backSearched, forward);
                    if (veto is null && !ConceptAccepts(c.C, val, clauseStart, c, s, e)) veto = "veto:indicator-needs-context";
                    if (veto is null && val.Unit != UnitKind.Pct && PerYearAverage(clauseStart, val, e)) veto = "veto:yearly-average";
                    if (veto is not null) { Vetoed(code, val, veto, rule); continue; }
                    var pk = PeriodKind(s, segStart, clauseStart, val, code, targetMode > 0 || _inPlan || headerAt >= 0 && headerAt < val.Tok, last.EndTok, out var periodRule);
                    if (pk is null) continue;
                    var value = val.Num;
                    if (val.Negative && unit == Units.Percent) value = -Math.Abs(value);
                    if (unit is Units.Cny or Units.Usd or Units.Persons or Units.Count) value = Math.Round(value); // whole units (8.2553e12, not 8255299999999.999)
                    var es = _t[Math.Min(evidenceStart < 0 ? val.Tok : evidenceStart, val.Tok)].Start;
                    var ee = _t[Math.Max(evidenceEnd, val.EndTok) - 1].End;
                    var f = new Fact
                    {
                        Region = _region.Name, Indicator = code, Period = pk.Value.Period, Kind = pk.Value.Kind, Value = value, Unit = unit,
                        Qualifier = val.Qual, Evidence = _text.Substring(es, ee - es), EvidenceStart = es,
                        Rules = [groupMembers.Count > 1 ? rule + "+respectively" : rule, periodRule],
                    };
                    facts.Add((f, val.Nominal));
                }
            }
            return newTargetMode;
        }

        private Concept? IncomeSubjectAfter(Value v)
        {
            var k = v.EndTok;
            if (k + 1 >= _t.Count || !SubjectPrepositions.Has(_t[k].W)) return null;
            k++;
            if (_t[k].W == The && k + 1 < _t.Count) k++;
            if (k + 1 < _t.Count && _t[k + 1].W == And) return null; // "for urban and rural residents": both
            return _t[k].W == Urban ? Concept.IncomeUrban : _t[k].W == Rural || _t[k].W == Farmers ? Concept.IncomeRural : null;
        }

        private List<Match> IncomeSubjectsAfter(Value last)
        {
            var list = new List<Match>(2);
            for (var k = last.Tok + 1; k < Math.Min(last.EndTok, last.Tok + 14); k++)
            {
                var w = _t[k].W;
                if (w == Respectively) break;
                if (w == Urban) list.Add(new Match(k, k + 1, Concept.IncomeUrban));
                else if (w == Rural || w == Farmers) list.Add(new Match(k, k + 1, Concept.IncomeRural));
            }
            return list.Count == 2 && list[0].C != list[1].C ? list : [];
        }

        /// <summary>Concepts of a label ending in a colon right before segStart ("GDP growth: around 6%"), when the label holds no number.</summary>
        private bool LabelConcepts(int s, int segStart, List<Match> matches, List<Match> into)
        {
            if (segStart - 2 < s || !_t[segStart - 1].IsP(':')) return false;
            var ls = ClauseStart(s, segStart - 2);
            if (segStart - 1 - ls > 16) return false;
            // a year in the label ("GDP growth target for 2024: about 5%") names the period, not a value
            for (var k = ls; k < segStart - 1; k++) if (_t[k].Kind == TokKind.Number && !_t[k].IsYear) return false;
            var before = into.Count;
            ConceptsIn(matches, ls, segStart - 1, into);
            return into.Count > before;
        }

        /// <summary>Matches with from &lt;= Start and End &lt;= to (matches are ordered by Start).</summary>
        private static void ConceptsIn(List<Match> matches, int from, int to, List<Match> into)
        {
            int lo = 0, hi = matches.Count;
            while (lo < hi) { var mid = (lo + hi) >> 1; if (matches[mid].Start < from) lo = mid + 1; else hi = mid; }
            for (var k = lo; k < matches.Count && matches[k].Start < to; k++)
                if (matches[k].End <= to) into.Add(matches[k]);
        }

        private readonly List<Value> _groupBuf = [];
        private readonly List<Match> _foundBuf = [];
        private readonly List<Match> _conceptBuf = [];

        // clause and segment starts of the current sentence, per token (computed once per sentence)
        private int[] _clauseOf = [];
        private int[] _segOf = [];
        private int _sentStart;

        private void IndexSentence(int s, int e)
        {
            if (_clauseOf.Length < e - s + 1) { _clauseOf = new int[Math.Max(e - s + 1, 256)]; _segOf = new int[_clauseOf.Length]; }
            _sentStart = s;
            int cl = s, seg = s;
            for (var i = s; i < e; i++)
            {
                _clauseOf[i - s] = cl;
                _segOf[i - s] = seg;
                var t = _t[i];
                // "The consumer price index (CPI) was kept at 2.1 percent": an abbreviation in brackets does not end the clause
                if (t.IsP('(') && i + 2 < e && _t[i + 1].Kind == TokKind.Word && _t[i + 2].IsP(')')) { _clauseOf[i + 1 - s] = cl; _segOf[i + 1 - s] = seg; _clauseOf[i + 2 - s] = cl; _segOf[i + 2 - s] = seg; i += 2; continue; }
                if (t.Kind == TokKind.Punct && t.P is ',' or ';' or ':' or '(' or ')')
                {
                    cl = i + 1;
                    if (t.P is ';' or ':') seg = i + 1;
                }
            }
            _clauseOf[e - s] = cl;
            _segOf[e - s] = seg;
        }

        /// <summary>First token of the clause (after , ; : or parentheses) holding tok, at most MaxBack tokens back.</summary>
        private int ClauseStart(int s, int tok) => Math.Max(Math.Max(s, tok - MaxBack), _clauseOf[tok - _sentStart]);

        /// <summary>First token of the segment (after ; or :) holding tok, at most MaxBack tokens back.</summary>
        private int SegmentStart(int s, int tok) => Math.Max(Math.Max(s, tok - MaxBack), _segOf[tok - _sentStart]);

        private int ClauseEnd(int tok, int e)
        {
            var cap = Math.Min(e, tok + 60);
            for (var i = tok; i < cap; i++)
                if (_t[i].Kind == TokKind.Punct && _t[i].P is ',' or ';' or ':' or '(' or ')') return i;
            return cap;
        }

    }
}
