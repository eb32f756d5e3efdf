using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

/// <summary>Turns a report's text into facts (docs/indicators.md). Thread-safe; one instance serves all.</summary>
/// <remarks>
/// Linear-time, hand-written scanning (no regular expressions): the text is tokenized once with offsets into the
/// original text, split into sentences and clauses, and each number with a unit is tied to the indicator phrase
/// that governs it. Backward and forward searches are bounded, so hostile inputs stay linear.
/// </remarks>
public sealed partial class ReportExtractor
{
    private readonly Gazetteer _gazetteer;

    public ReportExtractor(Gazetteer? gazetteer = null) => _gazetteer = gazetteer ?? Gazetteer.Default;

    /// <summary>Changes whenever the engine's rules or data change; stored with each report so older extractions are redone.</summary>
    public static string EngineVersion => ExtractionData.Version;

    /// <summary>
    /// Loads the engine's language data (word sets and indicator files; the gazetteer) now, the two on two threads at
    /// once. Optional: the first <see cref="Extract"/> loads what it needs, but on one thread while the others wait for it.
    /// </summary>
    public static void LoadData() => Parallel.Invoke(
        () => _ = Gazetteer.Default.MaxWords,
        () => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Tokenizer).TypeHandle));

    /// <summary>Facts of a report's text; with <paramref name="explain"/>, also the candidates that a veto removed.</summary>
    public ExtractionResult Extract(string text, string? sourceName = null, bool explain = false)
    {
        text ??= "";
        if (string.IsNullOrWhiteSpace(text))
            return new ExtractionResult { Region = RegionInfo.Unknown, NotAReportReason = "no text", Warnings = ["no text"] };
        try
        {
            var run = new Run(this, text, sourceName, explain);
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
        public int OwnEnd = -1;  // EndTok before a group's "respectively" was taken into it
    }

    private readonly record struct Match(int Start, int End, Concept C);

    private sealed partial class Run : IDisposable
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

        private readonly List<VetoedCandidate>? _vetoed;

        public Run(ReportExtractor x, string text, string? source, bool explain)
        {
            _vetoed = explain ? [] : null;
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
            // one pass: report wording, and the language (zh when Chinese words outnumber Latin ones; an English report
            // quoting Chinese names stays en)
            int reportWords = 0, hanWords = 0, latinWords = 0;
            for (var ti = 0; ti < _t.Count; ti++)
            {
                if (_t[ti].Kind != TokKind.Word) continue;
                if (Tokenizer.IsHan(_text[_t[ti].Start])) hanWords++; else latinWords++;
                if (_t[ti].W is { } tw && (tw == Government || tw == Report || tw == Congress || tw == Deputies || tw == Gdp || tw == Economic)) reportWords++;
            }

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
                        UpdateSection(paraStart, i);
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
                Region = region, Year = year, RegionSource = regionSource, YearSource = yearSource, Language = hanWords > latinWords ? "zh" : "en",
                Facts = result, NotAReportReason = notReport, Warnings = _warnings, Vetoed = _vetoed ?? [],
            };
        }

        private void Vetoed(string code, Value v, string veto, string rule)
        {
            if (_vetoed is null) return;
            var es = _t[v.QualTok >= 0 ? v.QualTok : v.Tok].Start;
            var ee = _t[v.EndTok - 1].End;
            _vetoed.Add(new VetoedCandidate(code, veto, rule, _text.Substring(es, ee - es), es));
        }

        /// <summary>Stage: structure. True from a heading of the review of the year just ended ("I. A Review of Our Work in 2023",
        /// "2023 in review") to the next heading of plans or targets; estimates there are outcomes.</summary>
        private bool _inReview;

        private void UpdateSection(int lineStart, int lineEnd)
        {
            if (lineEnd - lineStart is 0 or > 14) return; // headings are short lines
            if (_t[lineStart].Start < TitleEnd()) return; // "Baoji sets 2022 goals as economy rebounds": a headline, not a section
            bool review = false, plan = false, yearAhead = false, work = false, title = false;
            for (var k = lineStart; k < lineEnd; k++)
            {
                var t = _t[k];
                if (t.Kind == TokKind.Number && !t.IsYear && !(k == lineStart || k == lineStart + 1)) return; // a line with figures is no heading
                if (t.W is { } v && PastVerbs.Contains(v)) return; // "we accomplished seven major tasks over the past year:" is a sentence
                if (t.W is { } w && ReviewHeader.Contains(w)) review = true;
                if (t.W is { } pw && (TargetHeader.Contains(pw) || PlanHeader.Contains(pw))) plan = true;
                if (t.IsYear && _year is { } y && t.Num >= y) yearAhead = true;
                if (t.W == Work) work = true;
                if (t.W == Report || t.W == Government) title = true;
            }
            if (yearAhead && work && !title) plan = true; // "II. Work for 2024"
            // a heading that is only the year just ended ("2022"): its figures are outcomes
            if (lineEnd - lineStart == 1 && _t[lineStart].IsYear && _year is { } yy && _t[lineStart].Num == yy - 1) { _inReview = true; _inPlan = false; _fiveYearReview = false; return; }
            var fiveYears = false;
            for (var k = lineStart; k + 1 < lineEnd; k++)
                if (_t[k].W == Five && (_t[k + 1].W == Years || _t[k + 1].W == Year)) fiveYears = true;
            if (review || fiveYears)
            {
                if (plan && !fiveYears) { _inPlan = true; _inReview = false; _fiveYearReview = false; return; }
                _inReview = true; _inPlan = false; _fiveYearReview = fiveYears && !plan;
            }
            else if (plan) { _inPlan = true; _inReview = false; _fiveYearReview = false; }
        }

        /// <summary>From a heading of this year's targets ("2026 TARGETS", "Growth targets for 2015") to the next heading.</summary>
        private bool _inPlan;

        /// <summary>From a heading of the past five years ("THE PAST FIVE YEARS") to the next heading: rates are yearly averages, totals cumulative.</summary>
        private bool _fiveYearReview;

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
            foreach (var a in Abbreviations) if (w.Equals(a, StringComparison.Ordinal)) return true;
            return false;
        }

    }
}
