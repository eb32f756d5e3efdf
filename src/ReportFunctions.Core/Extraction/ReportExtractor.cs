using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

/// <summary>Turns a report's text into facts (docs/indicators.md). Thread-safe; one instance serves all.</summary>
/// <remarks>
/// Linear-time, hand-written scanning (no regular expressions): the text is tokenized once with offsets into the
/// original text, split into sentences and clauses, and each number with a unit is tied to the indicator phrase
/// that governs it. Backward and forward searches are bounded, so hostile inputs stay linear.
/// </remarks>
public sealed class ReportExtractor
{
    private readonly Gazetteer _gazetteer;

    public ReportExtractor(Gazetteer? gazetteer = null) => _gazetteer = gazetteer ?? Gazetteer.Default;

    public ExtractionResult Extract(string text, string? sourceName = null)
    {
        text ??= "";
        if (string.IsNullOrWhiteSpace(text))
            return new ExtractionResult { Region = RegionInfo.Unknown, NotAReportReason = "no text", Warnings = ["no text"] };
        try
        {
            var run = new Run(this, text, sourceName);
            try { return run.Execute(); }
            finally { run.Dispose(); }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // never throw on odd input: report it as unreadable instead
            return new ExtractionResult
            {
                Region = RegionInfo.Unknown, NotAReportReason = "could not be read as a work report",
                Warnings = [$"extraction failed: {ex.GetType().Name}: {ex.Message}"],
            };
        }
    }

    internal Gazetteer Gazetteer => _gazetteer;

    private enum UnitKind : byte { None, Pct, Money, Years }

    private sealed class Value
    {
        public int Tok;          // first token of the number
        public int EndTok;       // exclusive, after unit (and range upper bound)
        public double Num;
        public UnitKind Unit;
        public bool Usd;
        public string Qual = Qualifiers.Exact;
        public int QualTok = -1;
        public bool Negative;
        public bool FromValue;
        public int AttachedYear;
        public bool Nominal, Real;
        public bool Skip;        // comparative, percentage points, times, per-unit
        public bool ShareOf;     // "X% of ..."
        public int Group = -1;   // respectively group id
        public bool RespectAfter;
    }

    private readonly record struct Match(int Start, int End, Concept C);

    private sealed class Run : IDisposable
    {
        private const int MaxBack = 300;
        private readonly ReportExtractor _x;
        private readonly string _text;
        private readonly string? _source;
        private readonly TokenList _t;
        private readonly List<string> _warnings = [];
        private RegionInfo _region = RegionInfo.Unknown;
        private int? _year;
        private byte[] _otherPlace = [];

        public Run(ReportExtractor x, string text, string? source)
        {
            _x = x;
            _text = text;
            _source = source;
            _t = Tokenizer.Tokenize(text);
        }

        public void Dispose() => _t.Dispose();

        public ExtractionResult Execute()
        {
            var (region, regionSource) = DetectRegion();
            _region = region;
            var (year, yearSource) = DetectYear();
            _year = year;
            if (region.IsUnknown) _warnings.Add("region not recognised: facts carry region \"unknown\"");
            if (year is null) _warnings.Add("delivery year not recognised: only facts with explicit years are kept");

            var facts = new List<(Fact F, bool Nominal)>();
            var reportWords = 0;
            for (var ti = 0; ti < _t.Count; ti++)
                if (_t[ti].W is { } tw && (tw == Government || tw == Report || tw == Congress || tw == Deputies || tw == Gdp || tw == "economic")) reportWords++;

            var sentStart = 0;
            var targetMode = 0; // remaining paragraph breaks the target header covers
            var paraStart = 0;
            for (var i = 0; i <= _t.Count; i++)
            {
                var end = i == _t.Count;
                if (!end)
                {
                    var tk = _t[i];
                    if (tk.Kind == TokKind.Break)
                    {
                        var had = targetMode;
                        if (i > sentStart) targetMode = Sentence(sentStart, i, targetMode, facts);
                        // a target list goes on through short lines; a long paragraph ends it
                        if (targetMode > 0 && (targetMode != had || i - paraStart > 45)) targetMode--;
                        sentStart = i + 1;
                        paraStart = i + 1;
                        // "1. ", "2) ", "(3) ": the number of a list item is neither a value nor a sentence
                        var m = ListMarkerEnd(i + 1);
                        if (m > i + 1) { sentStart = m; paraStart = m; i = m - 1; }
                        continue;
                    }
                    if (!(tk.Kind == TokKind.Punct && tk.P is '.' or '!' or '?')) continue;
                    if (tk.P == '.' && IsAbbrevBefore(i)) continue;
                }
                if (i > sentStart) targetMode = Sentence(sentStart, i, targetMode, facts);
                sentStart = i + 1;
            }

            var result = Dedupe(facts);
            string? notReport = null;
            if (result.Count == 0 && reportWords == 0 && CountConceptWords() == 0)
                notReport = "does not look like a government work report: no report wording or economic indicators found";
            if (notReport is not null) result = [];
            return new ExtractionResult
            {
                Region = region, Year = year, RegionSource = regionSource, YearSource = yearSource,
                Facts = result, NotAReportReason = notReport, Warnings = _warnings,
            };
        }

        private int ListMarkerEnd(int p)
        {
            static bool Item(Token t) => t.Kind == TokKind.Number && t.IsInt && t.Num is > 0 and < 100 && !t.IsYear;
            if (p + 1 < _t.Count && Item(_t[p]) && _t[p + 1].Kind == TokKind.Punct && _t[p + 1].P is '.' or ')') return p + 2;
            if (p + 2 < _t.Count && _t[p].IsP('(') && Item(_t[p + 1]) && _t[p + 2].IsP(')')) return p + 3;
            return p;
        }

        private int CountConceptWords()
        {
            var n = 0;
            for (var i = 0; i < _t.Count && n == 0; i++) if (_t[i].W is { } w && Phrases.ContainsKey(w)) n++;
            return n;
        }

        private bool IsAbbrevBefore(int i)
        {
            if (i == 0) return false;
            var p = _t[i - 1];
            if (p.Kind != TokKind.Word || p.End != _t[i].Start) return false;
            var len = p.End - p.Start;
            if (len == 1 && char.IsUpper(_text[p.Start])) return true; // U.S., initials
            var w = _text.AsSpan(p.Start, len);
            return w.Equals("No", StringComparison.Ordinal) || w.Equals("Mr", StringComparison.Ordinal) || w.Equals("Dr", StringComparison.Ordinal)
                   || w.Equals("Mrs", StringComparison.Ordinal) || w.Equals("Co", StringComparison.Ordinal) || w.Equals("Ltd", StringComparison.Ordinal)
                   || w.Equals("St", StringComparison.Ordinal) || w.Equals("vs", StringComparison.Ordinal) || w.Equals("etc", StringComparison.Ordinal) && false;
        }

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
                for (var k = Math.Max(s, i - 4); k < i; k++)
                {
                    var q = _t[k].W;
                    if (q is "main" or "expected" or "projected" or "major" or "key" or "primary" or "development" or "anticipated" or "following" or "overall")
                    {
                        for (var z = i + 1; z < e && z < i + 25; z++)
                            if (_t[z].IsP(':') || _t[z].W is "follows" || _t[z].W is "are" or "is" && z + 1 < e && _t[z + 1].Kind != TokKind.Word)
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
                var endsList = _t[e - 1].IsP(':') || _t[e - 1].W is "follows" || headerColonLine && e < _t.Count && _t[e].Kind == TokKind.Break;
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
                var livelihood = IsLivelihoodShare(s, e, first);
                if (livelihood)
                {
                    concepts.Add(new Match(first.Tok, first.EndTok, Concept.Livelihood));
                    evidenceStart = ShareVerbStart(first.Tok, clauseStart);
                    evidenceEnd = ExpenditureEnd(first.EndTok, e);
                }
                else
                {
                    var countLike = first.Unit is UnitKind.None or UnitKind.Years;
                    if (countLike)
                    {
                        var fm = ForwardConcept(first, e);
                        if (fm is { } m)
                        {
                            concepts.Add(m); forward = true; evidenceStart = first.QualTok >= 0 ? first.QualTok : first.Tok; evidenceEnd = m.End;
                            // "120,000 new urban jobs or more"
                            if (first.Qual == Qualifiers.Exact && m.End + 1 < e && _t[m.End].W == "or" && _t[m.End + 1].W is "more" or "above" or "over")
                            { first.Qual = Qualifiers.AtLeast; evidenceEnd = m.End + 2; }
                        }
                    }
                    if (concepts.Count == 0)
                    {
                        ConceptsIn(matches, regionStart, first.Tok, concepts);
                        if (concepts.Count > 0) evidenceStart = concepts[Math.Max(0, concepts.Count - groupMembers.Count)].Start;
                    }
                    if (concepts.Count == 0 && clauseStart == segStart && prevEnd <= segStart && LabelConcepts(s, segStart, matches, concepts))
                    {
                        // "- GDP: 6.01 trillion yuan", "Urbanization rate: 59.5%": a label and its value
                        if (groupMembers.Count == 1 && concepts.Count > 1) concepts.RemoveRange(0, concepts.Count - 1);
                        evidenceStart = concepts[0].Start;
                    }
                    if (concepts.Count == 0 && first.Unit == UnitKind.Pct)
                    {
                        var fm = ForwardConcept(first, e);
                        if (fm is { } m) { concepts.Add(m); forward = true; evidenceStart = StartOfPhraseBefore(first, clauseStart); evidenceEnd = m.End; }
                    }
                    // "After growing 4.3% last year, the city aims for GDP growth of ...": the growth concept of the main clause
                    if (concepts.Count == 0 && first.Unit == UnitKind.Pct && groupMembers.Count == 1 && first.Tok - 2 >= clauseStart
                        && _t[first.Tok - 2].W is "after" && _t[first.Tok - 1].W is "growing" or "rising" or "increasing" or "expanding")
                    {
                        var ce0 = ClauseEnd(first.EndTok, e);
                        if (ce0 < e)
                        {
                            var next = new List<Match>();
                            ConceptsIn(matches, ce0 + 1, ClauseEnd(ce0 + 1, e), next);
                            if (next.Count > 0) { concepts.Add(next[0]); evidenceStart = first.Tok - 2; }
                        }
                    }
                    // "...; in Xuzhou they grew 8.1%": a pronoun subject stands for the last concept before it in the sentence
                    if (concepts.Count == 0 && first.Unit == UnitKind.Pct && groupMembers.Count == 1 && first.Tok - 2 >= clauseStart
                        && _t[first.Tok - 2].W is "they" or "it" && _t[first.Tok - 1].W is { } pv && GrowthWords.Contains(pv) && segStart > s)
                    {
                        var prev = new List<Match>();
                        ConceptsIn(matches, s, segStart, prev);
                        if (prev.Count > 0) { concepts.Add(new Match(first.Tok, first.Tok, prev[^1].C)); evidenceStart = first.Tok - 2; }
                    }
                    if (concepts.Count == 0 && prevEnd > clauseStart && lastConceptInClause != Concept.None
                        && (first.Unit == UnitKind.Pct || first.Unit is UnitKind.Money or UnitKind.None && LinksToPrevious(prevEnd, first.Tok)))
                    {
                        concepts.Add(new Match(first.Tok, first.Tok, lastConceptInClause));
                        evidenceStart = prevEnd;
                    }
                    if (concepts.Count == 0 && CanBackSearch(first, clauseStart, groupMembers.Count > 1))
                    {
                        var cs = clauseStart;
                        var floor = SegmentStart(s, first.Tok);
                        while (cs > floor && concepts.Count == 0)
                        {
                            var pcs = ClauseStart(s, cs - 1);
                            ConceptsIn(matches, pcs, cs, concepts);
                            if (concepts.Count > 0 && groupMembers.Count == 1) concepts = [concepts[^1]];
                            cs = pcs;
                        }
                        // "- GDP: 6.01 trillion yuan, up 6.0%": the label of the line
                        if (concepts.Count == 0 && cs <= floor && LabelConcepts(s, floor, matches, concepts) && groupMembers.Count == 1 && concepts.Count > 1)
                            concepts = [concepts[^1]];
                        if (concepts.Count > 0) { backSearched = true; evidenceStart = clauseStart; }
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
                    if (extra.Count > 0) { concepts = [.. extra, .. concepts]; evidenceStart = concepts[0].Start; }
                }
                if (groupMembers.Count == 2 && concepts.Count == 1 && concepts[0].C == Concept.IncomeAll && last.RespectAfter)
                {
                    // "per capita disposable income grew by 4.9% and 6.5% for urban and rural residents respectively"
                    var after = IncomeSubjectsAfter(last);
                    if (after.Count == 2) concepts = after;
                }
                if (groupMembers.Count == 2 && concepts.Count == 1 && concepts[0].C == Concept.Trade && (last.RespectAfter || RespectiveBefore(first))
                    && concepts[0].End - concepts[0].Start == 3 && _t[concepts[0].Start + 1].W == And && first.Unit == UnitKind.Pct
                    && !(_t[concepts[0].End].W is "volume" or "volumes" or "of" or "trade" or "value" or "total"))
                {
                    // "exports and imports grew by 3% and 4% respectively": two subjects, not the trade total
                    var a0 = concepts[0].Start;
                    concepts = [new Match(a0, a0 + 1, _t[a0].W is "exports" or "export" ? Concept.Exports : Concept.Imports),
                                new Match(a0 + 2, a0 + 3, _t[a0 + 2].W is "exports" or "export" ? Concept.Exports : Concept.Imports)];
                }
                if (groupMembers.Count > 1 && concepts.Count > 1 && concepts.Count != groupMembers.Count) continue; // cannot align
                if (groupMembers.Count > 1 && concepts.Count == 1 && !backSearched && !forward && ListItemBefore(regionStart, concepts[0].Start))
                    continue; // "industries and GDP grew by 1%, 2% and 3% respectively": cannot tell which value is the indicator's
                if (groupMembers.Count == 1 && concepts.Count > 1) concepts = [concepts[^1]];
                else if (concepts.Count > groupMembers.Count) concepts = concepts.GetRange(concepts.Count - groupMembers.Count, groupMembers.Count);
                if (!forward && !backSearched && !livelihood && concepts[0].Start < first.Tok && concepts[0].End > concepts[0].Start) evidenceStart = concepts[0].Start;
                lastConceptInClause = concepts[^1].C;

                for (var gi = 0; gi < groupMembers.Count && gi < concepts.Count; gi++)
                {
                    var val = groupMembers[gi];
                    var c = concepts[gi];
                    if (gi > 0 && val.Qual == Qualifiers.Exact) val.Qual = first.Qual;
                    var code = CodeFor(c.C, val, out var unit);
                    if (code is null) continue;
                    if (!livelihood && Blocked(s, e, clauseStart, segStart, c, val, backSearched, forward)) continue;
                    if (!ConceptAccepts(c.C, val, clauseStart, c, s, e)) continue;
                    if (val.Unit != UnitKind.Pct && PerYearAverage(clauseStart, val, e)) continue;
                    var pk = PeriodKind(s, segStart, clauseStart, val, code, targetMode > 0 || headerAt >= 0 && headerAt < val.Tok);
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
                    };
                    facts.Add((f, val.Nominal));
                }
            }
            return newTargetMode;
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

        // ------------------------------------------------------------------ concepts

        private List<Match> FindConcepts(int s, int e)
        {
            var list = new List<Match>();
            for (var i = s; i < e; i++)
            {
                var w = _t[i].W;
                if (w is null) continue;
                if (w == Income || w == Incomes)
                {
                    i = Math.Max(i, AddIncome(s, e, i, list) - 1); // its subjects are not read again ("..., urban residents and rural residents")
                    continue;
                }
                if (w is "urban" or "rural" or "farmers" && i + 1 < e && _t[i + 1].W is "residents" or "by" or "residents'" && !IncomeNear(s, e, i) && HasIncomeBefore(s, i))
                {
                    // ellipsis: "rural residents' income grew by 8%, and urban residents' by 5.1%"
                    list.Add(new Match(i, i + 2, w == "urban" ? Concept.IncomeUrban : Concept.IncomeRural));
                    i += 1;
                    continue;
                }
                if (w == "that" && i + 2 < e && _t[i + 1].W == Of)
                {
                    // "..., and that of rural residents 22,000 yuan"
                    var w2 = _t[i + 2].W;
                    if (w2 is "rural" or "farmers" && HasIncomeBefore(s, i)) { list.Add(new Match(i, i + 3, Concept.IncomeRural)); i += 2; continue; }
                    if (w2 is "urban" && HasIncomeBefore(s, i)) { list.Add(new Match(i, i + 3, Concept.IncomeUrban)); i += 2; continue; }
                }
                if (w == "economy" && i > s && (_t[i - 1].Poss || _t[i - 1].W is "the" or "our" or "its" or "overall" or "whole" or "national" or "regional" or "provincial" or "municipal"))
                {
                    // "China's economy grew 5.2%", "the city's economy", "the national economy": the whole economy, not "the digital economy"
                    list.Add(new Match(i, i + 1, Concept.Gdp));
                    continue;
                }
                if (!Phrases.TryGetValue(w, out var cands)) continue;
                foreach (var (words, c) in cands)
                {
                    var end = MatchPhrase(i, e, words);
                    if (end < 0) continue;
                    if (c == Concept.HighTech && i > s && _t[i - 1].W == Industrial) break;
                    if (c == Concept.IndustrialVa && !HasAddedValue(words, s, i)) break;
                    if (c is Concept.Trade or Concept.Exports or Concept.Retail or Concept.Fai && SubCategory(s, i, end, e, c)) { i = end - 1; break; }
                    list.Add(new Match(i, end, c));
                    i = end - 1;
                    break;
                }
            }
            return list;
        }

        private static readonly HashSet<string> SubModifiers = new(StringComparer.Ordinal)
        {
            "online", "commerce", "ecommerce", "border", "crossborder", "service", "services", "private", "processing", "agricultural", "automobile", "automobiles",
            "car", "cars", "rural", "county", "digital", "tourism", "catering", "bulk", "commodity", "enterprises", "companies", "owned", "funded",
        };

        private static readonly HashSet<string> ToVerbs = new(StringComparer.Ordinal)
        {
            "grow", "increase", "rise", "reach", "exceed", "hit", "remain", "stay", "be", "keep", "achieve", "top", "surpass", "expand", "register", "record",
            "maintain", "total", "amount", "stabilize", "stabilise", "over", "more", "about", "around", "approximately", "nearly", "above", "rmb", "usd", "us",
        };

        /// <summary>"exports to ASEAN", "exports of new energy vehicles", "online retail sales", "foreign trade in services": a part, not the total.</summary>
        private bool SubCategory(int s, int start, int end, int e, Concept c)
        {
            var b = start - 1;
            while (b >= s && _t[b].IsP('-')) b--;
            if (b >= s && _t[b].W is { } pw && SubModifiers.Contains(pw)) return true;
            if (end + 1 >= e) return false;
            var a = _t[end].W;
            var n = _t[end + 1];
            if (n.Kind == TokKind.Number || n.IsP('$') || n.IsP('¥')) return false;
            if (a == "to") return n.W is not { } nw || !ToVerbs.Contains(nw);
            if (a == "of")
            {
                if (n.W is "goods" or "consumer" or "commodities" or "our" or "this" or "its" or "the" or "whole" or "total" or "foreign") return false;
                if (n.W is { } ow && (ToVerbs.Contains(ow) || Above.Contains(ow) || Below.Contains(ow) || About.Contains(ow) || ow is "no" or "not" or "at" or "more" or "less")) return false;
                if (_otherPlace.Length > end + 1 && _otherPlace[end + 1] == 1) return false; // "of Shenzhen"
                return true;
            }
            if (a == "in" && c == Concept.Fai)
            {
                // "fixed asset investment in manufacturing", not "in the city", "in 2023", "in real terms"
                if (n.W is "the" && end + 2 < e && _t[end + 2].W is "city" or "province" or "region" or "whole" or "same" or "first" or "past" || n.W is "this" or "last" or "real" or "nominal" or "our") return false;
                if (_otherPlace.Length > end + 1 && _otherPlace[end + 1] == 1) return false;
                return n.Kind == TokKind.Word;
            }
            if (a == "in") return n.W is "services" or "service";
            return false;
        }

        /// <summary>"industries above designated size" is the added value only when the text says so (not output, not enterprise counts).</summary>
        private bool HasAddedValue(string[] words, int s, int i)
        {
            if (Array.IndexOf(words, "added") >= 0) return true;
            for (var k = i - 1; k >= s && k >= i - 6; k--)
            {
                var w = _t[k].W;
                if (w is "added" or "valueadded") return true;
                if (w is "output" or "profits" or "profit" or "revenue" or "number") return false;
            }
            return false;
        }

        private int MatchPhrase(int i, int e, string[] words)
        {
            var j = i;
            foreach (var w in words)
            {
                while (j < e && (_t[j].IsP('-') || _t[j].W == "the" && w != "the")) j++;
                if (j >= e || _t[j].W != w) return -1;
                j++;
            }
            return j;
        }

        private bool IncomeNear(int s, int e, int i)
        {
            for (var k = i - 1; k >= Math.Max(s, i - 8); k--)
            {
                if (_t[k].Kind is TokKind.Number || _t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or ':') break;
                if (_t[k].W == Income || _t[k].W == Incomes) return true;
            }
            for (var k = i + 1; k < Math.Min(e, i + 9); k++)
            {
                if (_t[k].Kind is TokKind.Number || _t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or ':') break;
                if (_t[k].W == Income || _t[k].W == Incomes) return true;
            }
            return false;
        }

        private bool HasIncomeBefore(int s, int i)
        {
            for (var k = i - 1; k >= s && k >= i - 30; k--) if (_t[k].W == Income || _t[k].W == Incomes) return true;
            return false;
        }

        private int AddIncome(int s, int e, int i, List<Match> list)
        {
            int urban = -1, rural = -1, residents = -1, disposable = -1, lo = i, hi = i + 1;
            var from = Math.Max(s, i - 7);
            var to = Math.Min(e, i + 8);
            for (var k = i - 1; k >= from; k--)
            {
                var t = _t[k];
                if (t.Kind is TokKind.Number || t.Kind == TokKind.Punct && t.P is ',' or ';' or ':') break;
                var w = t.W;
                if (w == Low || w == Families || w == Minimum || w == Wage || w == Fiscal || w == "operating" || w == "business" || w == "tax" || w == "revenue" || w == "property") return i + 1;
                if (w == Urban) { urban = k; lo = k; }
                else if (w == Rural || w == Farmers) { rural = k; lo = k; }
                else if (w == Residents || w == "resident") { residents = k; lo = k; }
                else if (w == Disposable || w == Capita || w == Per) { disposable = k; lo = k; }
            }
            var allFirst = false; // "of all residents, urban residents and rural residents"
            for (var k = i + 1; k < to; k++)
            {
                var t = _t[k];
                if (t.IsP(',') && k + 1 < to && _t[k + 1].W is "urban" or "rural" or "farmers" && (urban >= 0 || rural >= 0 || allFirst)) { to = Math.Min(Math.Min(e, i + 20), to + 4); continue; } // bounded: stays linear
                if (t.Kind is TokKind.Number || t.Kind == TokKind.Punct && t.P is ',' or ';' or ':' or '(') break;
                if (t.W is "residents" or "resident" && urban < 0 && rural < 0 && !(k > 0 && _t[k - 1].W is "urban" or "rural")) allFirst = true;
                var w = t.W;
                if (w == Gap || w == Ratio || w == "distribution" || w == "tax" || w == "taxes" || w == "level" && false) return i + 1;
                if (w == Families || w == Low || w == "enterprises" || w == "households" && false) return i + 1;
                if (IsConceptWord(w)) break;
                if (w == Urban) { if (urban < 0) urban = k; hi = k + 1; }
                else if (w == Rural || w == Farmers) { if (rural < 0) rural = k; hi = k + 1; }
                else if (w == Residents || w == "resident" || w == "citizens" || w == "people" || w == "peoples") { residents = k; hi = k + 1; }
                else if (t.Kind == TokKind.Word && w is null && !t.Cap) { }
            }
            if (urban >= 0 && rural >= 0)
            {
                if (allFirst && urban > i && rural > i)
                {
                    // one subject each, so that "X, Y and Z grew by a%, b% and c% respectively" lines up across the commas
                    var first = Math.Min(urban, rural);
                    var allEnd = first;
                    while (allEnd > i + 1 && (_t[allEnd - 1].IsP(',') || _t[allEnd - 1].W == And)) allEnd--;
                    list.Add(new Match(lo, allEnd, Concept.IncomeAll));
                    list.Add(new Match(urban, urban + 1, Concept.IncomeUrban));
                    list.Add(new Match(rural, rural + 1, Concept.IncomeRural));
                    if (rural < urban) list.Sort((a, b) => a.Start.CompareTo(b.Start));
                    return hi;
                }
                if (urban < rural) { list.Add(new Match(lo, hi, Concept.IncomeUrban)); list.Add(new Match(lo, hi, Concept.IncomeRural)); }
                else { list.Add(new Match(lo, hi, Concept.IncomeRural)); list.Add(new Match(lo, hi, Concept.IncomeUrban)); }
            }
            else if (urban >= 0) list.Add(new Match(lo, hi, Concept.IncomeUrban));
            else if (rural >= 0) list.Add(new Match(lo, hi, Concept.IncomeRural));
            else if (residents >= 0 || disposable >= 0) list.Add(new Match(lo, hi, Concept.IncomeAll));
            return allFirst ? hi : i + 1;
        }

        private static bool IsConceptWord(string? w) => w is not null && Phrases.ContainsKey(w) && w is not ("new" or "total" or "urban" or "rural" or "per" or "average");

        private Match? ForwardConcept(Value v, int e)
        {
            var p = v.EndTok;
            if (p >= e) return null;
            if (v.Unit == UnitKind.Pct)
            {
                var w = _t[p].W;
                if (w is not ("growth" or "increase" or "rise")) return null;
                p++;
                if (p < e && _t[p].W is "in" or "of" or "for") p++;
                else return null;
            }
            else if (p < e && _t[p].W is "more" or "national") p++;
            if (p >= e || _t[p].W is not { } fw || !Phrases.TryGetValue(fw, out var cands)) return null;
            foreach (var (words, c) in cands)
            {
                var end = MatchPhrase(p, e, words);
                if (end >= 0) return new Match(p, end, c);
            }
            return null;
        }

        private int StartOfPhraseBefore(Value v, int clauseStart)
        {
            var st = v.QualTok >= 0 ? v.QualTok : v.Tok;
            for (var k = st - 1; k >= clauseStart && k >= st - 4; k--) if (_t[k].W is "achieve" or "a" or "an" or "to") st = k; else break;
            return st;
        }

        /// <summary>"grew by 5.2 percent to over 126 trillion yuan": the amount the growth led to.</summary>
        private bool LinksToPrevious(int from, int to)
        {
            for (var k = from; k < to; k++) if (_t[k].W is "to" or "reaching" or "reached" or "totaling" or "totalling" or "hitting") return true;
            return false;
        }

        /// <summary>"..., bringing the total to 12,000": the clause restates the running total of the previous clause's indicator.</summary>
        private bool TotalClause(int clauseStart, int tok)
        {
            var verb = false;
            for (var k = clauseStart; k < tok && k < clauseStart + 8; k++)
            {
                var w = _t[k].W;
                if (w is "bringing" or "taking" or "raising" or "brought" or "took" or "raised" or "pushing") verb = true;
                else if (verb && w is "total" or "number" or "totals") return true;
            }
            return false;
        }

        private bool CanBackSearch(Value v, int clauseStart, bool group)
        {
            if (v.Unit is UnitKind.None or UnitKind.Money && TotalClause(clauseStart, v.Tok)) return true;
            if (v.Unit == UnitKind.Money)
            {
                var w = _t[clauseStart].W;
                return clauseStart < v.Tok && w is "reaching" or "totaling" or "totalling" or "amounting" or "hitting" or "reached" or "totaled" or "totalled";
            }
            if (v.Unit != UnitKind.Pct) return false;
            if (group) return true;
            // "The national urbanization rate was 66.16%, while the region's was 59.24%": the possessive stands for the earlier concept
            if (v.Tok - 2 >= clauseStart && _t[v.Tok - 1].W is "was" or "were" or "is" && _t[v.Tok - 2].Poss && _t[v.Tok - 2].W is "region" or "city" or "province" or "municipality") return true;
            for (var k = clauseStart; k < v.Tok; k++)
            {
                var w = _t[k].W;
                if (w is not null && (GrowthWords.Contains(w) || Decrease.Contains(w) || w is "accounting" or "accounted" or "representing")) return true;
            }
            var a = v.EndTok < _t.Count ? _t[v.EndTok].W : null;
            return a is "growth" or "increase" or "rise" or "decrease" or "decline" or "drop" or "year" or "yearonyear" or "up" or "down";
        }

        private bool IsLivelihoodShare(int s, int e, Value v)
        {
            if (v.Unit != UnitKind.Pct) return false;
            var p = v.EndTok;
            if (p >= e || _t[p].W != Of) return false;
            var sawBudget = false;
            for (var k = p + 1; k < Math.Min(e, p + 8); k++)
            {
                var w = _t[k].W;
                if (w == Budget || w == Fiscal || w == Public || w == General || w == Total) sawBudget = true;
                if (w is not null && ExpenditureWords.Contains(w)) { if (!sawBudget) return false; goto found; }
                if (_t[k].Kind == TokKind.Punct && _t[k].P != '-') return false;
            }
            return false;
            found:
            for (var k = Math.Max(s, v.Tok - 60); k < v.Tok; k++)
            {
                var w = _t[k].W;
                if (w is not null && LivelihoodWords.Contains(w)) return true;
                if ((w == "well" || w == "welfare") && k + 1 < e && _t[k + 1].W is "being" or "beings") return true;
                if (w == "well" && k + 2 < e && _t[k + 1].IsP('-') && _t[k + 2].W is "being") return true;
            }
            return false;
        }

        private int ShareVerbStart(int tok, int clauseStart)
        {
            for (var k = tok - 1; k >= clauseStart && k >= tok - 5; k--)
                if (_t[k].W is "accounting" or "accounted" or "account" or "accounts" or "accounting") return k;
            return tok;
        }

        private int ExpenditureEnd(int from, int e)
        {
            for (var k = from; k < Math.Min(e, from + 10); k++)
                if (_t[k].W is { } w && ExpenditureWords.Contains(w)) return k + 1;
            return from;
        }

        // ------------------------------------------------------------------ values

        private List<Value> FindValues(int s, int e)
        {
            var list = new List<Value>();
            for (var i = s; i < e; i++)
            {
                var t = _t[i];
                double num;
                if (t.Kind == TokKind.Number) num = t.Num;
                else if (t.Kind == TokKind.Word && t.W is { } w && NumberWords.TryGetValue(w, out var nw) && i + 1 < e && _t[i + 1].W is { } sw && (Scales.ContainsKey(sw) || sw == Hundred && w != Hundred))
                    num = nw;
                else continue;
                var v = new Value { Tok = i, Num = num };
                var j = i + 1;
                // scale words: billion, hundred million, ten thousand
                while (j < e)
                {
                    var h = j;
                    while (h < e && _t[h].IsP('-')) h++;
                    if (h >= e) break;
                    var w = _t[h].W;
                    if (w is not null && Scales.TryGetValue(w, out var sc)) { v.Num *= sc; j = h + 1; continue; }
                    if (w == Hundred && h + 1 < e && _t[h + 1].W == "million") { v.Num *= 1e8; j = h + 2; continue; }
                    if (w == Ten && h + 1 < e && _t[h + 1].W == "thousand") { v.Num *= 1e4; j = h + 2; continue; }
                    // "7.1 ten-thousand yuan", "305 hundred-million yuan"
                    if (w == Ten && h + 2 < e && _t[h + 1].IsP('-') && _t[h + 2].W == "thousand") { v.Num *= 1e4; j = h + 3; continue; }
                    if (w == Hundred && h + 2 < e && _t[h + 1].IsP('-') && _t[h + 2].W == "million") { v.Num *= 1e8; j = h + 3; continue; }
                    // Chinese-style units written as numbers: "523 100 million yuan", "6.8 10,000 yuan"
                    if (h == j && _t[h].Kind == TokKind.Number && _t[h].Num == 100 && h + 1 < e && _t[h + 1].W == "million") { v.Num *= 1e8; j = h + 2; continue; }
                    if (h == j && _t[h].Kind == TokKind.Number && _t[h].Num == 10000 && h + 1 < e && _t[h + 1].W is { } yw && Yuan.Contains(yw)) { v.Num *= 1e4; j = h + 1; continue; }
                    break;
                }
                // unit
                var k = j;
                while (k < e && _t[k].IsP('-')) k++;
                var unitEnd = j;
                if (k < e)
                {
                    var u = _t[k];
                    if (u.IsP('%')) { v.Unit = UnitKind.Pct; unitEnd = k + 1; }
                    else if (u.W is { } uw)
                    {
                        if (Percent.Contains(uw)) { v.Unit = UnitKind.Pct; unitEnd = k + 1; }
                        else if (uw == Per && k + 1 < e && _t[k + 1].W == Cent) { v.Unit = UnitKind.Pct; unitEnd = k + 2; }
                        else if (uw == Percentage && k + 1 < e && _t[k + 1].W is "point" or "points") { v.Skip = true; unitEnd = k + 2; }
                        else if (Yuan.Contains(uw) && uw != "us") { v.Unit = UnitKind.Money; unitEnd = k + 1; }
                        else if (uw == "us" && k + 1 < e && (_t[k + 1].W is "dollar" or "dollars" || _t[k + 1].IsP('$'))) { v.Unit = UnitKind.Money; v.Usd = true; unitEnd = k + 2; }
                        else if (uw is "usd" or "dollar" or "dollars") { v.Unit = UnitKind.Money; v.Usd = true; unitEnd = k + 1; }
                        else if (uw == "u" && UsDotted(k, e) is var ud && ud > 0) { v.Unit = UnitKind.Money; v.Usd = true; unitEnd = ud; } // "3.2 billion U.S. dollars"
                        else if (uw == Years && !(k + 1 < e && _t[k + 1].W == Old)) { v.Unit = UnitKind.Years; unitEnd = k + 1; }
                        else if (uw is "times" or "fold") v.Skip = true;
                    }
                }
                if (v.Unit == UnitKind.None && i > s)
                {
                    // prefix currency: RMB 6.51 trillion, US$15.8 billion, USD 3.16 billion, $436 billion
                    var p = _t[i - 1];
                    if (p.W is "rmb" or "cny" || p.IsP('¥')) v.Unit = UnitKind.Money;
                    else if (p.W is "usd" || p.IsP('$')) { v.Unit = UnitKind.Money; v.Usd = true; }
                }
                if (t.Kind == TokKind.Number && t.IsYear && v.Unit == UnitKind.None && j == i + 1) continue; // a year
                if (v.Unit == UnitKind.None && i + 1 < e && _t[i + 1].IsP('-') && i + 2 < e && _t[i + 2].Kind == TokKind.Number && t.IsYear) continue;
                v.EndTok = Math.Max(unitEnd, j);
                if (t.Minus) v.Negative = true;

                // range: "6% to 6.5%", "6-6.5%", "between 6% and 6.5%"
                var r = v.EndTok;
                var fromBefore = PrevWord(i, s, 3) == From;
                if (!fromBefore && r + 1 < e && (_t[r].W == To || _t[r].IsP('-') || _t[r].IsP('~') || _t[r].W == And && PrevWord(i, s, 2) == Between)
                    && _t[r + 1].Kind == TokKind.Number && !_t[r + 1].IsYear)
                {
                    var hiEnd = r + 2;
                    var hiUnit = UnitKind.None;
                    if (hiEnd < e && (_t[hiEnd].IsP('%') || _t[hiEnd].W is { } hw && Percent.Contains(hw))) { hiUnit = UnitKind.Pct; hiEnd++; }
                    if (v.Unit == UnitKind.None && hiUnit == UnitKind.Pct) v.Unit = UnitKind.Pct;
                    if (v.Unit == UnitKind.Pct && (hiUnit == UnitKind.Pct || hiUnit == UnitKind.None && false) || v.Unit == UnitKind.Pct && hiUnit == UnitKind.None && _t[r].W == To && false)
                    {
                        if (_t[r + 1].Num > v.Num) { v.Qual = Qualifiers.AtLeast; v.EndTok = hiEnd; v.QualTok = i; }
                    }
                }
                if (fromBefore) v.FromValue = true;
                // a bare number only matters next to a count indicator (jobs, high-tech enterprises, life expectancy)
                if (v.Unit == UnitKind.None && !v.Skip && !CountContext(i, v.EndTok, s, e)) { i = Math.Max(i, v.EndTok - 1); continue; }

                // qualifier before
                if (v.Qual == Qualifiers.Exact) ReadQualifier(v, i, s);
                // qualifier after: "or more", "or above", "or so"
                var a = v.EndTok;
                if (a + 1 < e && _t[a].W == "or")
                {
                    var w2 = _t[a + 1].W;
                    if (w2 is "more" or "above" or "higher" or "over") v.Qual = Qualifiers.AtLeast;
                    else if (w2 is "less" or "below" or "lower" or "under") v.Qual = Qualifiers.AtMost;
                    else if (w2 is "so") v.Qual = Qualifiers.About;
                }
                // decrease
                if (v.Unit == UnitKind.Pct && !v.Negative) v.Negative = IsDecrease(i, s, e, v.EndTok);
                // attached year: "481 billion yuan in 2015"
                if (a + 1 < e && _t[a].W == In && _t[a + 1].IsYear) v.AttachedYear = (int)_t[a + 1].Num;
                // nominal / real
                for (var q = a; q < Math.Min(e, a + 4); q++)
                {
                    if (_t[q].W == Nominal) v.Nominal = true;
                    else if (_t[q].W == Real) v.Real = true;
                    else if (_t[q].Kind == TokKind.Number) break;
                }
                // comparatives and per-unit amounts
                if (a < e)
                {
                    var w = _t[a].W;
                    if (w is "more" or "less" or "higher" or "lower" or "faster" or "slower" or "times" or "fold" && a + 1 < e && _t[a + 1].W == Than) v.Skip = true;
                    else if (w is "times" or "fold") v.Skip = true;
                    else if (w == Per && !(a + 1 < e && _t[a + 1].W == Capita) && v.Unit == UnitKind.Money) v.Skip = true;
                    else if (w == Of && v.Unit == UnitKind.Pct) v.ShareOf = true;
                    else if (w is "above" or "below" && a + 1 < e && _t[a + 1].W is "the" or "that") v.Skip = true;
                }
                list.Add(v);
                i = Math.Max(i, v.EndTok - 1);
            }
            return list;
        }

        /// <summary>"U.S. dollars", "U.S.$": the token after the currency, else 0.</summary>
        private int UsDotted(int k, int e)
        {
            if (!(k + 2 < e && _t[k + 1].IsP('.') && _t[k + 2].W == "s")) return 0;
            var j = k + 3;
            if (j < e && _t[j].IsP('.')) j++;
            if (j < e && (_t[j].W is "dollar" or "dollars" || _t[j].IsP('$'))) return j + 1;
            return 0;
        }

        private bool CountContext(int i, int end, int s, int e)
        {
            for (var k = end; k < Math.Min(e, end + 3); k++)
            {
                var w = _t[k].W;
                if (w is null) break;
                if (Phrases.TryGetValue(w, out var cands))
                    foreach (var (words, c) in cands)
                        if (c is Concept.Jobs or Concept.HighTech or Concept.LifeExpectancy && MatchPhrase(k, e, words) >= 0) return true;
            }
            for (var k = i - 1; k >= s && k >= i - 15; k--)
            {
                var t = _t[k];
                if (t.IsP(':') && k >= i - 4) continue; // "New urban jobs: over 800,000", "...: no less than 380,000"
                if (t.Kind == TokKind.Punct && t.P is ';' or ':') break;
                if (t.W is "jobs" or "job" or "employment" or "employed" or "enterprises" or "companies" or "firms" or "expectancy" or "lifespan" or "span") return true;
            }
            return false;
        }

        private string? PrevWord(int i, int s, int within)
        {
            for (var k = i - 1; k >= s && k >= i - within; k--)
            {
                var t = _t[k];
                if (t.W is { } w && (About.Contains(w) || Above.Contains(w) || Below.Contains(w) || w is "more" or "less" or "than" or "us" or "usd" or "rmb" or "by" or "of")) continue;
                if (t.IsP('$') || t.IsP('¥')) continue;
                return t.W;
            }
            return null;
        }

        private void ReadQualifier(Value v, int i, int s)
        {
            var k = i - 1;
            while (k >= s && (_t[k].IsP('$') || _t[k].IsP('¥') || _t[k].W is "us" or "usd" or "rmb" or "cny")) k--;
            if (k < s) return;
            var w1 = _t[k].W;
            var w2 = k - 1 >= s ? _t[k - 1].W : null;
            var w3 = k - 2 >= s ? _t[k - 2].W : null;
            string? q = null;
            var at = k;
            if (w1 == Than && w2 == Less) { q = w3 is "no" or "not" ? Qualifiers.AtLeast : Qualifiers.Below; at = w3 is "no" or "not" ? k - 2 : k - 1; }
            else if (w1 == Than && w2 == More) { q = w3 is "no" or "not" ? Qualifiers.AtMost : Qualifiers.Above; at = w3 is "no" or "not" ? k - 2 : k - 1; }
            else if (w1 == Than && w2 is "lower" or "fewer" or "smaller" && w3 is "no" or "not") { q = Qualifiers.AtLeast; at = k - 2; } // "no lower than 5%"
            else if (w1 == Than && w2 is "higher" or "greater" or "larger" && w3 is "no" or "not") { q = Qualifiers.AtMost; at = k - 2; } // "no higher than 3%"
            else if (w1 == To && w2 is "close") { q = Qualifiers.About; at = k - 1; } // "close to 5%"
            else if (w1 == Of && w2 is "excess" or "upwards" or "upward") { q = Qualifiers.Above; at = w2 == "excess" && w3 == In ? k - 2 : k - 1; } // "in excess of"
            else if (w1 == Least && w2 == At) { q = Qualifiers.AtLeast; at = k - 1; }
            else if (w1 == Most && w2 == At) { q = Qualifiers.AtMost; at = k - 1; }
            else if (w1 == To && w2 == Up) { q = Qualifiers.AtMost; at = k - 1; }
            else if (w1 is not null && Above.Contains(w1))
            {
                if (w2 is "not" or "no") { q = Qualifiers.AtMost; at = k - 1; }
                else if (w2 == To && w3 is "not") { q = Qualifiers.AtMost; at = k - 2; }
                else q = Qualifiers.Above;
            }
            else if (w1 is not null && Below.Contains(w1)) q = Qualifiers.Below;
            else if (w1 is not null && About.Contains(w1)) q = Qualifiers.About;
            else if (w1 is "least" && w2 is "at") q = Qualifiers.AtLeast;
            if (q is null) return;
            v.Qual = q;
            v.QualTok = at;
        }

        private bool IsDecrease(int i, int s, int e, int endTok)
        {
            for (var k = i - 1; k >= s && k >= i - 5; k--)
            {
                var t = _t[k];
                if (t.Kind == TokKind.Number || t.Kind == TokKind.Punct && t.P is ',' or ';' or ':') break;
                var w = t.W;
                if ((w == To || w == From) && k == i - 1) return false; // "down from 2.2%": the earlier level, not a fall
                if (w is not null && Decrease.Contains(w)) return true;
                if (w is not null && (GrowthWords.Contains(w) && w is not ("year" or "on" or "average" or "annual")) || Phrases.ContainsKey(w ?? "")) return false;
            }
            if (endTok < e && _t[endTok].W is { } a && a is "decrease" or "decline" or "drop" or "fall" or "reduction" or "contraction" or "lower") return true;
            return false;
        }

        private void GroupRespectively(List<Value> values)
        {
            var gid = 0;
            for (var i = 0; i < values.Count; i++)
            {
                var v = values[i];
                var e = v.EndTok;
                // a respective increase of X and Y
                var respBefore = false;
                for (var k = v.Tok - 1; k >= 0 && k >= v.Tok - 4; k--) if (_t[k].W == Respective) respBefore = true;
                var j = i;
                while (j + 1 < values.Count && OnlyListGlue(values[j].EndTok, values[j + 1].Tok) && values[j + 1].Unit == v.Unit && values[j + 1].Skip == v.Skip) j++; // "16,000, 2.3 times": not a list
                if (j == i) continue;
                var after = values[j].EndTok;
                var respAfter = false;
                for (var k = after; k < Math.Min(_t.Count, after + 3); k++)
                {
                    if (_t[k].W == Respectively) { respAfter = true; break; }
                    if (!(_t[k].IsP(',') || _t[k].W is "in" or "nominal" or "real" or "terms" or "year" or "on")) break;
                }
                if (!respAfter && after < _t.Count && _t[after].W is "for" or "in")
                {
                    // "grew by 4.9% and 6.5% for urban and rural residents respectively"
                    for (var k = after + 1; k < Math.Min(_t.Count, after + 10); k++)
                    {
                        if (_t[k].W == Respectively) { respAfter = true; break; }
                        if (_t[k].Kind is TokKind.Number or TokKind.Break || _t[k].Kind == TokKind.Punct && _t[k].P is not ',') break;
                    }
                }
                if (!respAfter && !respBefore && j - i + 1 != 2) { i = j; continue; }
                for (var k = i; k <= j; k++) { values[k].Group = gid; values[k].RespectAfter = respAfter; }
                if (respAfter)
                {
                    var rs = after;
                    while (rs < _t.Count && _t[rs].W != Respectively) rs++;
                    values[j].EndTok = Math.Max(values[j].EndTok, Math.Min(rs + 1, _t.Count));
                }
                gid++;
                i = j;
            }
        }

        private bool HasNumber(int from, int to)
        {
            for (var k = from; k < to; k++) if (_t[k].Kind == TokKind.Number) return true;
            return false;
        }

        private bool ListItemBefore(int from, int to)
        {
            for (var k = from; k < to; k++) if (_t[k].W == And || _t[k].IsP(',')) return true;
            return false;
        }

        private bool RespectiveBefore(Value v)
        {
            for (var k = v.Tok - 1; k >= 0 && k >= v.Tok - 4; k--) if (_t[k].W == Respective) return true;
            return false;
        }

        private bool OnlyListGlue(int from, int to)
        {
            if (to - from > 3 || to < from) return false;
            for (var k = from; k < to; k++)
                if (!(_t[k].IsP(',') || _t[k].W == And)) return false;
            return true;
        }

        // ------------------------------------------------------------------ mapping and checks

        private static string? CodeFor(Concept c, Value v, out string unit)
        {
            unit = Units.Percent;
            switch (v.Unit)
            {
                case UnitKind.Pct:
                    if (v.Num > 100) return null;
                    return c switch
                    {
                        Concept.Gdp => "gdp_growth", Concept.IndustrialVa => "industrial_value_added_growth", Concept.Fai => "fixed_asset_investment_growth",
                        Concept.Retail => "retail_sales_growth", Concept.Trade => "foreign_trade_growth", Concept.Exports => "exports_growth",
                        Concept.Fdi => "foreign_investment_growth", Concept.PublicBudgetRevenue => "public_budget_revenue_growth",
                        Concept.IncomeAll => "disposable_income_growth", Concept.IncomeUrban => "urban_income_growth", Concept.IncomeRural => "rural_income_growth",
                        Concept.Rd => "rd_intensity", Concept.Urbanization => "urbanization_rate", Concept.Cpi => "cpi_growth",
                        Concept.Unemployment => "unemployment_rate", Concept.Livelihood => "livelihood_spending_share",
                        _ => null,
                    };
                case UnitKind.Money:
                    unit = v.Usd ? Units.Usd : Units.Cny;
                    var code = c switch
                    {
                        Concept.Gdp => "gdp", Concept.GdpPerCapita => "gdp_per_capita", Concept.IndustrialVa => "industrial_value_added",
                        Concept.Fai => "fixed_asset_investment", Concept.Retail => "retail_sales", Concept.Trade => "foreign_trade", Concept.Exports => "exports",
                        Concept.Fdi => "foreign_investment", Concept.PublicBudgetRevenue => "public_budget_revenue", Concept.FiscalRevenue => "fiscal_revenue",
                        Concept.IncomeUrban => "urban_income", Concept.IncomeRural => "rural_income",
                        _ => null,
                    };
                    if (code is null) return null;
                    var perCapita = c is Concept.GdpPerCapita or Concept.IncomeUrban or Concept.IncomeRural;
                    if (perCapita ? v.Num is < 500 or > 1e6 : v.Num < 1e8) return null;
                    return code;
                case UnitKind.Years:
                    unit = Units.Years;
                    return c == Concept.LifeExpectancy && v.Num is >= 50 and <= 100 ? "life_expectancy" : null;
                default:
                    if (c == Concept.Jobs && v.Num >= 100) { unit = Units.Persons; return "new_urban_jobs"; }
                    if (c == Concept.HighTech && v.Num >= 1 && v.Num == Math.Floor(v.Num)) { unit = Units.Count; return "high_tech_enterprises"; }
                    if (c == Concept.LifeExpectancy && v.Num is >= 50 and <= 100) { unit = Units.Years; return "life_expectancy"; }
                    return null;
            }
        }

        private bool ConceptAccepts(Concept c, Value v, int clauseStart, Match m, int s, int e)
        {
            if (c == Concept.Rd)
            {
                // R&D intensity needs a share context ("account for", "intensity", "proportion", "% of GDP")
                var from = Math.Min(m.Start, clauseStart);
                for (var k = from; k < v.Tok; k++)
                    if (_t[k].W is "intensity" or "accounting" or "accounted" or "account" or "accounts" or "proportion" or "share" or "ratio" or "percentage") return true;
                var a = v.EndTok;
                if (a + 1 < e && _t[a].W is "of" or "in" && (_t[a + 1].W == Gdp || a + 2 < e && _t[a + 2].W == Gdp)) return true;
                return false;
            }
            if (c == Concept.HighTech && !TotalClause(clauseStart, v.Tok))
            {
                // "a net increase of 1,300", "grew by 1,200": the change, not the number
                for (var k = v.Tok - 1; k >= s && k >= v.Tok - 6; k--)
                {
                    var w = _t[k].W;
                    if (w is "net") return false;
                    if (w is "increase" or "increased" or "increasing" or "grew" or "rose" or "added" or "adding" && k + 1 < v.Tok && _t[k + 1].W is "by" or "of") return false;
                    if (_t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or ':' or '.' || _t[k].Kind == TokKind.Number || w is "to") break; // "grew by 1,200 to 15,000"
                }
                // a stock, not the number newly added
                for (var k = Math.Max(s, v.Tok - 40); k < v.Tok; k++)
                {
                    var t = _t[k];
                    if (t.Kind == TokKind.Punct && t.P is ';' or ':') { continue; }
                    if (t.W is { } w && NewWords.Contains(w) && !(k + 1 < _t.Count && _t[k + 1].W is "high" or "hightech" && w == "new" && k + 2 < _t.Count && _t[k + 2].W == "and")) return false;
                }
            }
            if (c == Concept.Jobs && v.Unit == UnitKind.None && v.Num < 1000) return false;
            return true;
        }

        private bool Blocked(int s, int e, int clauseStart, int segStart, Match c, Value v, bool backSearched, bool forward)
        {
            var shareConcept = c.C is Concept.Rd or Concept.Livelihood or Concept.Urbanization or Concept.Unemployment;
            if (v.ShareOf && !shareConcept) return true;
            // quarters and half-years anywhere in the segment before the value or in its clause
            var ce = ClauseEnd(v.EndTok, e);
            for (var k = segStart; k < ce; k++)
            {
                var w = _t[k].W;
                if (w is null) continue;
                if (w is "quarter" or "quarters" or "semester" or "q1" or "q2" or "q3" or "q4" or "h1") return true;
                // "From January to November": part of a year
                if (Months.Contains(w) && k + 2 < ce && (_t[k + 1].W is "to" or "through" or "till" or "until" || _t[k + 1].IsP('-')) && _t[k + 2].W is { } m2 && Months.Contains(m2)
                    && !(w is "january" or "jan" && m2 is "december" or "dec")) return true;
                if (w == "half" && (k + 1 < ce && _t[k + 1].W is "year" or "of" || k > 0 && _t[k - 1].W is "first" or "second" or "the")) return true;
                if (w is "months" or "month" && k > 0 && (_t[k - 1].Kind == TokKind.Number || _t[k - 1].W is "first" or "last" or "eleven" or "ten" or "nine")) return true;
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
                        if (w == Rate && k > 0 && _t[k - 1].W is "growth" or "increase" or "annual" or "average" or "rise" or "expansion") continue;
                        return true;
                    }
                    if (w == Per && !(k + 1 < e && _t[k + 1].W == Capita)) return true;
                    if (w is "gap" or "difference") return true;
                }
                // the concept itself preceded by "share of", "proportion of"
                for (var k = Math.Max(clauseStart, c.Start - 4); k < c.Start; k++)
                {
                    var w = _t[k].W;
                    if (!shareConcept && w is "share" or "proportion" or "ratio" or "percentage" or "contribution" or "contributed") return true;
                    if (w is "per" && !(k + 1 < e && _t[k + 1].W == Capita)) return true;
                }
            }
            // other places: counties, districts, ports, zones, other regions, the nation
            var start = clauseStart;
            if (start > s)
            {
                // an introductory "In Haining," clause counts too
                var ps = ClauseStart(s, start - 1);
                if (start - ps <= 6 && _t[ps].W is "in" or "for" or "at") start = ps;
                // an introductory "Nationwide," or "Nationally," clause too
                else if (start - ps <= 2 && _t[ps].W is "nationwide" or "nationally") start = ps;
            }
            var lo = Math.Min(start, Math.Min(c.Start, v.Tok));
            for (var k = lo; k < v.Tok; k++)
            {
                var t = _t[k];
                if (_otherPlace.Length > k && _otherPlace[k] == 2 && !AfterRank(k, lo)) return true;
                // "Haining's GDP": a capitalised name in the possessive that is not the report's region
                if (t.Poss && t.Kind == TokKind.Word && t.Cap && (_otherPlace.Length <= k || _otherPlace[k] == 0) && !AfterRank(k, lo)) return true;
                var w = t.W;
                if (w is null) continue;
                if (AreaWords.Contains(w) && !AfterRank(k, lo)) return true;
                if (_region.Level != RegionLevels.Country && NationWords.Contains(w) && !AfterRank(k, lo))
                {
                    if (w == "national" && k + 1 < e && _t[k + 1].W is "high" or "hightech") continue;
                    return true;
                }
                if (_region.Level == RegionLevels.City && ProvinceWords.Contains(w) && !AfterRank(k, lo)) return true;
            }
            return false;
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
                if (w is "each" or "every" or "per" && n is "year") return true;
                if (w is "a" && n is "year" && !(k + 2 < _t.Count && (_t[k + 2].IsP('-') || _t[k + 2].W is "on" or "earlier" or "ago" or "before"))) return true;
                if (w is "on" && n is "average" || w is "annually" || w is "average" && n is "annual" || w is "annual" && n is "average") return true;
            }
            return false;
        }

        private bool AfterRank(int k, int lo)
        {
            for (var j = k - 1; j >= lo && j >= k - 5; j--) if (_t[j].W is { } w && RankWords.Contains(w)) return true;
            return false;
        }

        // ------------------------------------------------------------------ periods

        private (string Period, string Kind)? PeriodKind(int s, int segStart, int clauseStart, Value v, string code, bool targetMode)
        {
            var isGrowth = code.EndsWith("_growth", StringComparison.Ordinal) && code != "cpi_growth" || code == "cpi_growth" && false;
            var isAmount = v.Unit == UnitKind.Money;
            var Y = _year;
            var back = Math.Max(s, v.Tok - MaxBack);

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
                    byYear = k > s && _t[k - 1].W is "by" || k > s + 2 && _t[k - 1].W == Of && _t[k - 2].W == End && _t[k - 3].W is "by";
                }
                var w = t.W;
                if (w is null) continue;
                if (spanFrom == 0 && Ordinals.Contains(w) && k + 3 < _t.Count && _t[k + 1].W == Five && MatchWordsSkip(k + 1, "five", "year", "plan"))
                {
                    var ord = OrdinalValue(w);
                    if (ord > 0) { spanFrom = 1966 + (ord - 3) * 5; spanTo = spanFrom + 4; }
                }
                if (w == Five && k + 1 < _t.Count && _t[k + 1].W is "years" && k > s)
                {
                    var p = _t[k - 1].W;
                    if (p is "past" or "last" or "previous") pastSpan = true;
                    else if (p is "next" or "coming" or "following") futureSpan = true;
                    else if (p is "in" or "over" or "these" or "the") pastSpan = true;
                }
                if (w == This && k + 1 < v.Tok && _t[k + 1].W == Year && !(k > s && _t[k - 1].W is "of" or "than")) thisYear = true;
                if ((w is "last" or "past") && k + 1 < v.Tok && _t[k + 1].W == Year && !(k > s && _t[k - 1].W is "than" or "over" or "from" or "with" or "of" or "since" || k > s + 1 && _t[k - 1].W == "the" && _t[k - 2].W is "over" or "than" or "from" or "with" or "of" or "since")) lastYear = true;
            }
            // "(5.9%) in five years" after the value
            for (var k = v.EndTok; k < Math.Min(_t.Count, v.EndTok + 5); k++)
            {
                var w = _t[k].W;
                // "growth of around 4.5% this year" / "grew 4.3% last year": a year word right after the value, in its clause,
                // outweighs one earlier in the sentence
                if (k + 1 < _t.Count && _t[k + 1].W == Year && k <= v.EndTok + 1)
                {
                    if (w == This) { thisYear = true; lastYear = false; }
                    else if (w is "last") { lastYear = true; thisYear = false; }
                }
                if (_t[k].Kind == TokKind.Punct && _t[k].P is ',') break;
                if (w == Five && k + 1 < _t.Count && _t[k + 1].W == "years") pastSpan = true;
                if (_t[k].Kind == TokKind.Punct && _t[k].P is ';' or '.') break;
            }
            // a past span is the default for actuals (the five years before the delivery year)
            var avgAnnual = false;
            var accumulated = false;
            for (var k = clauseStart; k < Math.Min(_t.Count, v.EndTok + 6); k++)
            {
                var w = _t[k].W;
                if (k >= v.EndTok && _t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or '.') break;
                if (w is null) continue;
                if (w == Average && k + 1 < _t.Count && _t[k + 1].W is "annual" or "annually" || w == Annual && k + 1 < _t.Count && _t[k + 1].W == Average || w == Annually && k >= v.EndTok) avgAnnual = true;
                if (Accumulated.Contains(w) && !(w == "aggregate" && (_t[k + 1].W is "economic" || k > 0 && _t[k - 1].W is "economic"))) accumulated = true; // not "economic aggregate"
                if (w == Five && k + 1 < _t.Count && _t[k + 1].W == "years" && k >= v.EndTok) accumulated |= isAmount;
                if (w == Over && k + 3 < _t.Count && _t[k + 1].W is "past" or "last" && _t[k + 2].W == Five) accumulated |= isAmount;
                // "In the past five years, fixed asset investment totaled 1.2 trillion yuan": a total over the span
                if (pastSpan && isAmount && k < v.Tok && w is "totaled" or "totalled" or "totaling" or "totalling" or "amounted" or "aggregated") accumulated = true;
            }

            string kind;
            int endYear;
            if (v.AttachedYear > 0)
            {
                endYear = v.AttachedYear;
                kind = Y is { } y0 ? (endYear < y0 ? FactKinds.Actual : FactKinds.Target) : FactKinds.Actual;
            }
            else if (ctxYear > 0 && byYear)
            {
                endYear = ctxYear; kind = FactKinds.Target;
                if (Y is { } yb && ctxYear < yb) kind = FactKinds.Actual;
            }
            else if (ctxYear > 0)
            {
                endYear = ctxYear;
                if (Y is { } y1) kind = ctxYear < y1 ? FactKinds.Actual : ctxYear > y1 ? FactKinds.Target : (HasCue(segStart, v.Tok) || targetMode || !HasPastVerb(clauseStart, v.Tok) ? FactKinds.Target : FactKinds.Actual);
                else kind = HasCue(segStart, v.Tok) || targetMode ? FactKinds.Target : FactKinds.Actual;
            }
            else
            {
                if (Y is null) return null;
                var target = targetMode || HasCue(segStart, v.Tok) || thisYear && !lastYear;
                if (lastYear) target = false;
                if (spanTo > 0 && !avgAnnual)
                {
                    // a level during a plan period: its end year
                    kind = spanTo < Y ? FactKinds.Actual : FactKinds.Target;
                    endYear = spanTo;
                }
                else
                {
                    kind = target ? FactKinds.Target : FactKinds.Actual;
                    endYear = target ? Y.Value : Y.Value - 1;
                }
            }

            // a growth rate stated for a plan period ("During the 13th Five-Year Plan period, ... grew by 6.8%") is its annual average
            var span = isGrowth && (avgAnnual || spanTo > 0 && ctxYear == 0 && v.AttachedYear == 0) || isAmount && accumulated;
            if (span)
            {
                if (spanTo > 0) return ($"{spanFrom}-{spanTo}", spanTo < (Y ?? 9999) ? FactKinds.Actual : kind);
                if (kind == FactKinds.Target && !futureSpan && ctxYear == 0 && Y is { } yt) { var st = yt; return ($"{st}-{st + 4}", kind); }
                if (futureSpan && Y is { } yf) return ($"{yf}-{yf + 4}", FactKinds.Target);
                if (kind == FactKinds.Target) return ($"{endYear - 4}-{endYear}", kind);
                return ($"{endYear - 4}-{endYear}", kind);
            }
            return (endYear.ToString(System.Globalization.CultureInfo.InvariantCulture), kind);
        }

        private static int OrdinalValue(string w) => w switch
        {
            "11th" or "eleventh" => 11, "12th" or "twelfth" => 12, "13th" or "thirteenth" => 13, "14th" or "fourteenth" => 14, "15th" or "fifteenth" => 15, _ => 0,
        };

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
            if (k + 1 < _t.Count && (_t[k + 1].IsP('%') || _t[k + 1].W is { } nw && (Scales.ContainsKey(nw) || Yuan.Contains(nw) || nw is "dollars" or "percent" or "yuan"))) return false;
            if (k + 2 < _t.Count && _t[k + 1].IsP('-') && _t[k + 2].IsYear) return false;
            if (k > s + 1 && _t[k - 1].IsP('-') && _t[k - 2].IsYear) return false;
            if (k > s && (_t[k - 1].Kind == TokKind.Number || _t[k - 1].W is { } mw && Months.Contains(mw))) return false;
            if (k > s && _t[k - 1].IsP(',') && k > s + 1 && _t[k - 2].Kind == TokKind.Number) return false;
            var p = k > s ? _t[k - 1].W : null;
            var pp = k > s + 1 ? _t[k - 2].W : null;
            if (p is "than" or "since" or "over" or "from" || p == In && pp is "than" or "from" || p == "with" && pp == "compared") return false;
            if (k > s + 1 && _t[k - 1].W == In && (_t[k - 2].Kind == TokKind.Number || _t[k - 2].W is { } u && (Yuan.Contains(u) || Scales.ContainsKey(u) || u == "dollars") || _t[k - 2].IsP('%'))) return false; // attached to a value
            return true;
        }

        /// <summary>Nearest verb wins: a goal word ("will", "strive", "target") before any outcome verb ("reached", "achieved").</summary>
        private bool HasCue(int segStart, int tok)
        {
            for (var k = tok - 1; k >= Math.Max(segStart, tok - 60); k--)
            {
                if (_t[k].W is not { } w) continue;
                if (TargetCues.Contains(w))
                {
                    if (w == "expected" && k > 0 && _t[k - 1].W is "than") continue;
                    return true;
                }
                if (PastVerbs.Contains(w)) return false;
            }
            // "GDP growth target: 6% or so": a cue in the label before the colon of the segment
            if (segStart >= 2 && _t[segStart - 1].IsP(':'))
                for (var k = segStart - 2; k >= Math.Max(0, segStart - 18); k--)
                {
                    var t = _t[k];
                    if (t.Kind == TokKind.Break || t.Kind == TokKind.Punct && t.P is '.' or ';' or ':') break;
                    if (t.W is { } w && TargetCues.Contains(w)) return true;
                    if (t.W is { } pw && PastVerbs.Contains(pw)) return false;
                }
            return false;
        }

        private bool HasTargetCue(int from, int to)
        {
            for (var k = from; k < to; k++) if (_t[k].W is { } w && TargetCues.Contains(w)) return true;
            return false;
        }

        private bool HasPastVerb(int from, int tok)
        {
            for (var k = from; k < tok; k++) if (_t[k].W is { } w && PastVerbs.Contains(w)) return true;
            return false;
        }

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
                    && Math.Abs(cur.F.EvidenceStart - f.EvidenceStart) < 200 && Math.Abs(cur.F.Value - f.Value) <= Math.Abs(f.Value) * 0.05)
                    best[key] = (f, nominal);
            }
            return order.Select(k => best[k].F).ToList();
        }

        // ------------------------------------------------------------------ region

        private (RegionInfo, string) DetectRegion()
        {
            var g = _x.Gazetteer;
            var scores = new Dictionary<RegionInfo, double>();
            var titleHit = new HashSet<RegionInfo>();
            var mentions = new List<(int Tok, int Len, RegionInfo R)>();
            Span<char> key = stackalloc char[96];
            var maxWords = Math.Min(4, g.MaxWords);
            var titleEnd = TitleEnd();
            for (var i = 0; i < _t.Count; i++)
            {
                var t = _t[i];
                if (t.Kind != TokKind.Word || !t.Cap) continue;
                RegionInfo? found = null;
                var len = 0;
                for (var k = Math.Min(maxWords, _t.Count - i); k >= 1 && found is null; k--)
                {
                    var kl = 0;
                    var ok = true;
                    for (var j = i; j < i + k; j++)
                    {
                        var tj = _t[j];
                        if (tj.Kind != TokKind.Word || j > i && (tj.Start - _t[j - 1].End > 2 || !tj.Cap && tj.W != Of)) { ok = false; break; }
                        foreach (var ch in _text.AsSpan(tj.Start, tj.End - tj.Start))
                        {
                            if (!char.IsAsciiLetter(ch)) continue;
                            if (kl == key.Length) { ok = false; break; }
                            key[kl++] = char.ToLowerInvariant(ch);
                        }
                        if (!ok) break;
                    }
                    if (!ok || kl < 3) continue;
                    var cands = g.CandidatesForKey(key[..kl]);
                    if (cands.Count == 0 && k == 1 && key[kl - 1] == 's') cands = g.CandidatesForKey(key[..(kl - 1)]); // Jiaxings
                    if (cands.Count > 0) { found = cands.Count == 1 ? cands[0] : PickAmbiguous(cands, scores); len = k; }
                }
                if (found is null) continue;
                var wgt = 1.0;
                if (found.Level == RegionLevels.Country) wgt = 0.3;
                if (found.Level != RegionLevels.City && mentions.Count > 0 && mentions[^1] is var pm && pm.R.Level == RegionLevels.City && pm.R.Province == found.Name
                    && i - (pm.Tok + pm.Len) <= 6 && (_t[i - 1].IsP(',') || _t[i - 1].W is "in" || LocationAppositive(i)))
                {
                    // "Nanning, Guangxi Zhuang Autonomous Region", "Guangzhou, capital of Guangdong province": the city's location
                    scores[found] = scores.GetValueOrDefault(found) + 0.3;
                    mentions.Add((i, len, found));
                    i += len - 1;
                    continue;
                }
                // a news dateline ("BEIJING, March 5 (Xinhua) --") names where the story was filed, not what it is about
                if (i + len + 1 < _t.Count && _t[i + len].IsP(',') && _t[i + len + 1].W is { } dm && Months.Contains(dm)
                    && AtLineStart(_t[i].Start))
                {
                    i += len - 1;
                    continue;
                }
                var strong = false;
                for (var k = Math.Max(0, i - 3); k < i; k++)
                    if (_t[k].W is "behalf" || _t[k].W == Of && k > 0 && _t[k - 1].W is "government" or "congress" or "governor" or "mayor" or "committee" or "city" or "province") strong = true;
                for (var k = i + len; k < Math.Min(_t.Count, i + len + 3); k++)
                    if (_t[k].W is "municipal" or "provincial" or "government" or "province" or "municipality" or "autonomous") strong = true;
                // "Guangzhou, capital of South China's Guangdong province", "in east China's Jiangsu province": where the subject lies, not the subject
                if (strong && found.Level != RegionLevels.City && LocationAppositive(i)) strong = false;
                if (strong) wgt += 5;
                if (t.Start < FirstLineEnd()) wgt += 2; // a headline names its subject
                if (found.Level == RegionLevels.Country && i + len < _t.Count && _t[i].W is "state" && i > 1 && _t[i - 1].W == Of && _t[i - 2].W == Premier) wgt += 20; // Premier of the State Council
                if (t.Start < titleEnd && (LineHas(t.Start, "report") || LineHas(t.Start, "government"))) { wgt += 10; titleHit.Add(found); }
                scores[found] = scores.GetValueOrDefault(found) + wgt;
                mentions.Add((i, len, found));
                i += len - 1;
            }
            RegionInfo best = RegionInfo.Unknown;
            var bestScore = 0.0;
            foreach (var (r, sc) in scores) if (sc > bestScore || sc == bestScore && best.IsUnknown) { best = r; bestScore = sc; }
            var source = "body";
            if (bestScore < 2 || best.IsUnknown)
            {
                best = RegionInfo.Unknown;
                source = "none";
                if (_source is not null)
                {
                    foreach (var part in Path.GetFileNameWithoutExtension(_source).Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries))
                        if (part.Length >= 3 && g.TryResolve(part, out var r)) { best = r; source = "source-name"; break; }
                }
            }
            else if (titleHit.Contains(best)) source = "title";
            _otherPlace = new byte[_t.Count];
            foreach (var (tok, len, r) in mentions)
            {
                byte tag = r == best ? (byte)1 : best.IsUnknown || r.Level == RegionLevels.Country ? (byte)3 : (byte)2; // nation: handled by nation words
                for (var k = tok; k < tok + len; k++) _otherPlace[k] = tag;
            }
            return (best, source);
        }

        private bool LocationAppositive(int i)
        {
            for (var k = i - 1; k >= 0 && k >= i - 5; k--)
            {
                var t = _t[k];
                if (t.Kind == TokKind.Break || t.IsP('.') || t.IsP(';')) return false;
                if (t.W is "capital" or "east" or "eastern" or "south" or "southern" or "north" or "northern" or "west" or "western" or "central"
                    or "southwest" or "northwest" or "northeast" or "southeast" or "southwestern" or "northwestern" or "northeastern" or "southeastern") return true;
                if (t.W == "in" && k == i - 1) return true;
                if (t.Poss && t.W is "china" or "chinas") return true;
            }
            return false;
        }

        private int _firstLineEnd = -1;

        private int FirstLineEnd()
        {
            if (_firstLineEnd >= 0) return _firstLineEnd;
            var i = 0;
            while (i < _text.Length && char.IsWhiteSpace(_text[i])) i++;
            var eol = _text.IndexOf('\n', i);
            return _firstLineEnd = eol < 0 ? 0 : eol; // a text of one line has no headline
        }

        private bool AtLineStart(int pos)
        {
            var a = pos - 1;
            while (a >= 0 && a > pos - 40 && Tokenizer.Norm(_text[a]) == ' ') a--;
            return a < 0 || _text[a] == '\n';
        }

        private static RegionInfo PickAmbiguous(IReadOnlyList<RegionInfo> cands, Dictionary<RegionInfo, double> scores)
        {
            var best = cands[0];
            var bs = -1.0;
            foreach (var c in cands)
            {
                var sc = scores.Where(kv => kv.Key.Name == c.Province).Sum(kv => kv.Value);
                if (sc > bs) { bs = sc; best = c; }
            }
            return best;
        }

        private int _titleEnd = -1;

        /// <summary>End of the title zone: the first three non-empty short lines (a long line is body text).</summary>
        private int TitleEnd()
        {
            if (_titleEnd >= 0) return _titleEnd;
            var lines = 0;
            var i = 0;
            while (i < _text.Length && lines < 3)
            {
                var eol = _text.IndexOf('\n', i);
                if (eol < 0) eol = _text.Length;
                var len = eol - i;
                if (len > 200) break;
                if (!_text.AsSpan(i, len).IsWhiteSpace()) lines++;
                i = Math.Min(_text.Length, eol + 1);
            }
            return _titleEnd = i;
        }

        // ------------------------------------------------------------------ year

        private (int?, string) DetectYear()
        {
            var titleEnd = TitleEnd();
            // (a) a heading or phrase naming the report with its year
            for (var i = 0; i < _t.Count; i++)
            {
                var t = _t[i];
                if (!t.IsYear) continue;
                var y = (int)t.Num;
                if (t.Start < titleEnd && LineHas(t.Start, "report") && !(i > 0 && _t[i - 1].W is "in" or "since" or "during" or "of" or "than")) return (y, "title");
                // "2024 government work report", "work report for 2020", "Report on the Work of the Government 2021"
                for (var k = i + 1; k < Math.Min(_t.Count, i + 4); k++)
                    if (_t[k].W == Report && _t[k - 1].W == Work) return (y, "title");
                for (var k = Math.Max(0, i - 4); k < i; k++)
                    if (_t[k].W == Report && k > 0 && _t[k - 1].W == Work && !_t[i - 1].IsP(',')) return (y, "title");
            }
            // (b) the delivery date: "February 27, 2023", "2023-02-27"
            int? firstDate = null;
            for (var i = 0; i < _t.Count && _t[i].Start < 3000; i++)
            {
                var t = _t[i];
                if (!t.IsYear) continue;
                var isDate = i >= 2 && _t[i - 1].IsP(',') && _t[i - 2].Kind == TokKind.Number && i >= 3 && _t[i - 3].W is { } mw && Months.Contains(mw)
                             // "Jan. 22, 2024": an abbreviated month with its period
                             || i >= 4 && _t[i - 1].IsP(',') && _t[i - 2].Kind == TokKind.Number && _t[i - 3].IsP('.') && _t[i - 4].W is { } mw3 && Months.Contains(mw3)
                             || i >= 2 && _t[i - 1].Kind == TokKind.Number && _t[i - 2].W is { } mw2 && Months.Contains(mw2)
                             || i + 2 < _t.Count && _t[i + 1].IsP('-') && _t[i + 2].Kind == TokKind.Number && _t[i + 2].Num <= 12 && _t[i + 2].IsInt;
                if (!isDate) continue;
                var y = (int)t.Num;
                for (var k = Math.Max(0, i - 20); k < i; k++)
                    if (_t[k].W is "session" or "congress" or "delivered") return (y, "date");
                firstDate ??= y;
            }
            if (firstDate is { } fd) return (fd, "date");
            // (c) "a review of our work in 2022" -> 2023; (d) "In 2020, ... reached" -> 2021
            var maxPast = 0;
            for (var i = 0; i < _t.Count; i++)
            {
                var t = _t[i];
                if (!t.IsYear || i == 0) continue;
                var y = (int)t.Num;
                if (_t[i - 1].W == In && i >= 2 && _t[i - 2].W == Work)
                {
                    for (var k = Math.Max(0, i - 8); k < i; k++) if (_t[k].W == Review) return (y + 1, "body");
                }
                if (_t[i - 1].W == In && (i < 2 || _t[i - 2].Kind is TokKind.Break || _t[i - 2].IsP('.')) && i + 1 < _t.Count && _t[i + 1].IsP(','))
                {
                    for (var k = i + 2; k < Math.Min(_t.Count, i + 14); k++)
                    {
                        if (_t[k].W is "will" or "shall") break;
                        if (_t[k].W is { } w && PastVerbs.Contains(w)) { maxPast = Math.Max(maxPast, y); break; }
                    }
                }
            }
            if (maxPast > 0) return (maxPast + 1, "body");
            // (e) a news lead without the year in its dateline: "Beijing will target GDP growth of around 5 percent in 2024"
            var leadTarget = 0;
            for (var i = 1; i < _t.Count && _t[i].Start < 1000; i++)
            {
                var t = _t[i];
                if (!t.IsYear || _t[i - 1].W is not ("in" or "for")) continue;
                for (var k = i - 2; k >= Math.Max(0, i - 25); k--)
                {
                    var u = _t[k];
                    if (u.Kind == TokKind.Break || u.Kind == TokKind.Punct && u.P is '.' or ';') break;
                    if (u.W is { } pw && PastVerbs.Contains(pw)) break;
                    if (u.W is { } w && TargetCues.Contains(w)) { leadTarget = Math.Max(leadTarget, (int)t.Num); break; }
                }
            }
            if (leadTarget > 0) return (leadTarget, "lead");
            if (_source is not null)
            {
                var name = Path.GetFileNameWithoutExtension(_source);
                for (var i = 0; i + 4 <= name.Length; i++)
                {
                    if ((i > 0 && char.IsAsciiDigit(name[i - 1])) || (i + 4 < name.Length && char.IsAsciiDigit(name[i + 4]))) continue;
                    if (int.TryParse(name.AsSpan(i, 4), out var y) && y is >= 1978 and <= 2070) return (y, "source-name");
                }
            }
            return (null, "none");
        }

        private bool LineHas(int pos, string word)
        {
            var a = pos;
            while (a > 0 && _text[a - 1] != '\n') a--;
            var b = pos;
            while (b < _text.Length && _text[b] != '\n') b++;
            return _text.AsSpan(a, b - a).Contains(word, StringComparison.OrdinalIgnoreCase);
        }
    }
}
