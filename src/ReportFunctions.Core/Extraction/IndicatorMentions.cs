using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: mentions. Indicator phrases of a sentence (the phrasings are data: Data/indicators).</summary>
    private sealed partial class Run
    {
        // ------------------------------------------------------------------ concepts

        private readonly List<Match> _conceptsOfSentence = [];

        /// <summary>The indicator phrases of a sentence, in order (a buffer reused from sentence to sentence).</summary>
        private List<Match> FindConcepts(int s, int e)
        {
            var list = _conceptsOfSentence;
            list.Clear();
            for (var i = s; i < e; i++)
            {
                var w = _t[i].W;
                if (w is null) continue;
                if (w == Income || w == Incomes)
                {
                    i = Math.Max(i, AddIncome(s, e, i, list) - 1); // its subjects are not read again ("..., urban residents and rural residents")
                    continue;
                }
                if (UrbanRuralWords.Contains(w) && i + 1 < e && IncomeSubjectFollowers.Has(_t[i + 1].W) && !IncomeNear(s, e, i) && HasIncomeBefore(s, i)
                    && !(i > s && SubjectPrepositions.Has(_t[i - 1].W))) // "50,146 yuan for urban residents": the subject of the value before
                {
                    // ellipsis: "rural residents' income grew by 8%, and urban residents' by 5.1%"
                    list.Add(new Match(i, i + 2, w == Urban ? Concept.IncomeUrban : Concept.IncomeRural));
                    i += 1;
                    continue;
                }
                if (w == That && i + 2 < e && _t[i + 1].W == Of)
                {
                    // "..., and that of rural residents 22,000 yuan"
                    var w2 = _t[i + 2].W;
                    if (RuralWords.Has(w2) && HasIncomeBefore(s, i)) { list.Add(new Match(i, i + 3, Concept.IncomeRural)); i += 2; continue; }
                    if (w2 == Urban && HasIncomeBefore(s, i)) { list.Add(new Match(i, i + 3, Concept.IncomeUrban)); i += 2; continue; }
                }
                if (w == Economy && i > s && (_t[i - 1].Poss || EconomyDeterminers.Has(_t[i - 1].W)))
                {
                    // "China's economy grew 5.2%", "the city's economy", "the national economy": the whole economy, not "the digital economy"
                    list.Add(new Match(i, i + 1, Concept.Gdp));
                    continue;
                }
                if (IncomePairPhrases.Contains(w))
                {
                    // "城乡居民人均可支配收入分别达到6.84万元和3.55万元": one phrase, two subjects
                    list.Add(new Match(i, i + 1, Concept.IncomeUrban));
                    list.Add(new Match(i, i + 1, Concept.IncomeRural));
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
                    // "城镇、农村居民人均可支配收入": the urban subject listed before the rural phrase
                    if (c == Concept.IncomeRural && i - 2 >= s && (_t[i - 1].IsP(',') || ListAnd.Has(_t[i - 1].W)) && UrbanWords.Has(_t[i - 2].W))
                        list.Add(new Match(i - 2, i - 1, Concept.IncomeUrban));
                    list.Add(new Match(i, end, c));
                    i = end - 1;
                    break;
                }
            }
            return list;
        }



        /// <summary>"exports to ASEAN", "exports of new energy vehicles", "online retail sales", "foreign trade in services": a part, not the total.</summary>
        private bool SubCategory(int s, int start, int end, int e, Concept c)
        {
            var b = start - 1;
            while (b >= s && _t[b].IsP('-')) b--;
            if (b >= s && _t[b].W is { } pw && SubCategoryModifiers.Contains(pw)) return true;
            if (end + 1 >= e) return false;
            var a = _t[end].W;
            var n = _t[end + 1];
            if (n.Kind == TokKind.Number || n.IsP('$') || n.IsP('¥')) return false;
            if (a == To) return n.W is not { } nw || !VerbsAfterTo.Contains(nw);
            if (a == Of)
            {
                if (NotDestinationAfterOf.Has(n.W)) return false;
                if (n.W is { } ow && (VerbsAfterTo.Contains(ow) || Above.Contains(ow) || Below.Contains(ow) || About.Contains(ow) || QualifierStartWords.Contains(ow))) return false;
                if (_otherPlace.Length > end + 1 && _otherPlace[end + 1] == 1) return false; // "of Shenzhen"
                return true;
            }
            if (a == In && c == Concept.Fai)
            {
                // "fixed asset investment in manufacturing", not "in the city", "in 2023", "in real terms"
                if (n.W == The && end + 2 < e && InScopeAfterThe.Has(_t[end + 2].W) || InScopeWords.Has(n.W)) return false;
                if (_otherPlace.Length > end + 1 && _otherPlace[end + 1] == 1) return false;
                return n.Kind == TokKind.Word;
            }
            if (a == In) return ServiceWords.Has(n.W);
            return false;
        }

        /// <summary>"industries above designated size" is the added value only when the text says so (not output, not enterprise counts).</summary>
        private bool HasAddedValue(string[] words, int s, int i)
        {
            if (Array.IndexOf(words, Added) >= 0 || Tokenizer.IsHan(words[0][0])) return true; // "规模以上工业增加值" names value added itself
            for (var k = i - 1; k >= s && k >= i - 6; k--)
            {
                var w = _t[k].W;
                if (ValueAddedWords.Has(w)) return true;
                if (NotAmountOfIndicator.Has(w)) return false;
            }
            return false;
        }

        private int MatchPhrase(int i, int e, string[] words)
        {
            var j = i;
            foreach (var w in words)
            {
                while (j < e && (_t[j].IsP('-') || _t[j].W == The && w != The)) j++;
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

        private bool NextIncomeWithin(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (_t[k].Kind != TokKind.Word) return false;
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
                // "the per capita disposable income of urban residents and (the) per capita net income of rural residents": each its own subject
                if (w == The || w == Income || w == Incomes || w == And && _t[k + 1].W == Per) break;
                if (w == Low || w == Families || w == Minimum || w == Wage || w == Fiscal || NotIncomeOfPeople.Has(w)) return i + 1;
                if (w == Urban) { urban = k; lo = k; }
                else if (w == Rural || w == Farmers) { rural = k; lo = k; }
                else if (w == Residents || w == Resident) { residents = k; lo = k; }
                else if (w == Disposable || w == Capita || w == Per) { disposable = k; lo = k; }
            }
            var allFirst = false; // "of all residents, urban residents and rural residents"
            for (var k = i + 1; k < to; k++)
            {
                var t = _t[k];
                if (t.IsP(',') && k + 1 < to && UrbanRuralWords.Has(_t[k + 1].W) && (urban >= 0 || rural >= 0 || allFirst)) { to = Math.Min(Math.Min(e, i + 20), to + 4); continue; } // bounded: stays linear
                if (t.Kind is TokKind.Number || t.Kind == TokKind.Punct && t.P is ',' or ';' or ':' or '(') break;
                if (ResidentWords.Has(t.W) && urban < 0 && rural < 0 && !(k > 0 && (_t[k - 1].W == Urban || _t[k - 1].W == Rural))) allFirst = true;
                var w = t.W;
                if (w == Gap || w == Ratio || IncomeGapNouns.Has(w)) return i + 1;
                if (w == Families || w == Low || w == Enterprises) return i + 1;
                if (IsConceptWord(w)) break;
                // "urban residents' per capita disposable income and rural residents' per capita net income": the next subject has its own income
                if (w == And && NextIncomeWithin(k + 1, Math.Min(e, k + 7))) break;
                if (w == Urban) { if (urban < 0) urban = k; hi = k + 1; }
                else if (w == Rural || w == Farmers) { if (rural < 0) rural = k; hi = k + 1; }
                else if (w == Residents || PeopleWords.Has(w)) { residents = k; hi = k + 1; }
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

        private static bool IsConceptWord(string? w) => w is not null && Phrases.ContainsKey(w) && !NotConceptWords.Contains(w);

        /// <summary>
        /// The indicator named right after the value(s): "120,000 new urban jobs", "an increase of 5% in general public budget revenue",
        /// "growth of 5% and 7% in the per capita disposable income of urban and rural residents" (one subject per value of the group).
        /// </summary>
        private bool ForwardConcepts(Value v, Value last, int e, List<Match> matches, List<Match> into)
        {
            var p = last.OwnEnd >= 0 ? last.OwnEnd : last.EndTok;
            if (p >= e) return false;
            var from = p;
            if (v.Unit == UnitKind.Pct)
            {
                var w = _t[p].W;
                if ((w == In || w == For) && (GrowthRightBefore(v) || ListedAfterGrowth(v))) p++; // "an increase of around 5% in general public budget revenue"
                else
                {
                    if (!GrowthNouns.Has(w)) return false;
                    p++;
                    if (p < e && (_t[p].W == In || _t[p].W == Of || _t[p].W == For)) p++;
                    else return false;
                }
                if (p < e && (_t[p].W == The || _t[p].W == Both)) p++;
            }
            else if (p < e && (_t[p].W == More || _t[p].W == National)) p++;
            if (p >= e) return false;
            if (v.Unit == UnitKind.Pct) from = p;
            var before = into.Count;
            int lo = 0, hi = matches.Count;
            while (lo < hi) { var mid = (lo + hi) >> 1; if (matches[mid].Start < from) lo = mid + 1; else hi = mid; }
            for (var q = lo; q < matches.Count && matches[q].Start <= p; q++) into.Add(matches[q]); // "2,530 national high-tech enterprises": the phrase may take the skipped word
            // "growth of 8% in both fixed asset investment and retail sales": one value, two subjects
            if (into.Count - before == 1 && v == last && p > 0 && _t[p - 1].W == Both)
            {
                var m0 = into[^1];
                if (m0.End + 1 < e && _t[m0.End].W == And)
                {
                    var after = new List<Match>(1);
                    ConceptsIn(matches, m0.End + 1, Math.Min(e, m0.End + 12), after);
                    if (after.Count > 0 && after[0].Start == m0.End + 1) into.Add(after[0]);
                }
            }
            return into.Count > before;
        }

        /// <summary>"GDP growth of 6.5 percent, 10 percent in fixed-asset investment and 10 percent in retail sales": a later item of a list of growths.</summary>
        private bool ListedAfterGrowth(Value v)
        {
            var k = (v.QualTok >= 0 ? v.QualTok : v.Tok) - 1;
            if (k <= _sentStart || !(_t[k].IsP(',') || _t[k].W == And)) return false;
            for (var j = k - 1; j >= _sentStart && j >= k - 40; j--)
            {
                if (_t[j].IsP(';') || _t[j].IsP(':')) return false;
                if (_t[j].W is { } gw && GrowthWords.Contains(gw) && gw != Year) return true;
            }
            return false;
        }

        /// <summary>"growth of (about) X%", "an increase of X%": a growth word right before the value.</summary>
        private bool GrowthRightBefore(Value v)
        {
            var k = (v.QualTok >= 0 ? v.QualTok : v.Tok) - 1;
            if (k >= 0 && _t[k].W == Of) k--;
            return k >= 0 && _t[k].W is { } w && GrowthWords.Contains(w);
        }

        private int StartOfPhraseBefore(Value v, int clauseStart)
        {
            var st = v.QualTok >= 0 ? v.QualTok : v.Tok;
            for (var k = st - 1; k >= clauseStart && k >= st - 4; k--) if (LeadInWords.Has(_t[k].W)) st = k; else break;
            return st;
        }

        /// <summary>"grew by 5.2 percent to over 126 trillion yuan": the amount the growth led to.</summary>
        private bool LinksToPrevious(int from, int to)
        {
            for (var k = from; k < to; k++) if (AmountLinkWords.Has(_t[k].W)) return true;
            return false;
        }

        /// <summary>"..., bringing the total to 12,000": the clause restates the running total of the previous clause's indicator.</summary>
        private bool TotalClause(int clauseStart, int tok)
        {
            var verb = false;
            for (var k = clauseStart; k < tok && k < clauseStart + 8; k++)
            {
                var w = _t[k].W;
                if (RunningTotalVerbs.Has(w)) verb = true;
                else if (verb && TotalWords.Has(w)) return true;
            }
            return false;
        }

        private bool CanBackSearch(Value v, int clauseStart, bool group)
        {
            if (v.Unit is UnitKind.None or UnitKind.Money && TotalClause(clauseStart, v.Tok)) return true;
            if (v.Unit == UnitKind.Money)
            {
                var c0 = clauseStart < v.Tok && _t[clauseStart].W == And ? clauseStart + 1 : clauseStart; // ", and reached 52,300 and 24,100 yuan"
                var w = _t[c0].W;
                return c0 < v.Tok && w is not null && AmountClauseVerbs.Contains(w);
            }
            if (v.Unit != UnitKind.Pct) return false;
            if (group) return true;
            // "GDP: 384.9 billion yuan, +7.9%": a signed percentage is a change
            if (v.Tok > clauseStart && _t[v.Tok - 1].IsP('+')) return true;
            // "The national urbanization rate was 66.16%, while the region's was 59.24%": the possessive stands for the earlier concept
            if (v.Tok - 2 >= clauseStart && Copulas.Has(_t[v.Tok - 1].W) && _t[v.Tok - 2].Poss && OwnRegionNouns.Has(_t[v.Tok - 2].W)) return true;
            for (var k = clauseStart; k < v.Tok; k++)
            {
                var w = _t[k].W;
                if (w is not null && (GrowthWords.Contains(w) || Decrease.Contains(w) || ShareVerbs.Contains(w))) return true;
            }
            // gapped list: "GDP grew 6.1%; retail sales, 7.3%; investment, 5.0%": the verb of the first item stands for the rest
            var vs = v.QualTok >= 0 ? v.QualTok : v.Tok;
            if (vs == clauseStart && clauseStart > _sentStart + 2 && _t[clauseStart - 1].IsP(',') && _t[_segOf[clauseStart - 1 - _sentStart] - 1].IsP(';'))
                for (var k = _sentStart; k < clauseStart; k++)
                    if (_t[k].W is { } gw && (GrowthWords.Contains(gw) || Decrease.Contains(gw))) return true;
            var a = v.EndTok < _t.Count ? _t[v.EndTok].W : null;
            return ChangeWordsAfterValue.Has(a);
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
                if ((w == Well || w == Welfare) && k + 1 < e && BeingWords.Has(_t[k + 1].W)) return true;
                if (w == Well && k + 2 < e && _t[k + 1].IsP('-') && _t[k + 2].W == Being) return true;
            }
            return false;
        }

        private int ShareVerbStart(int tok, int clauseStart)
        {
            for (var k = tok - 1; k >= clauseStart && k >= tok - 5; k--)
                if (ShareVerbs.Has(_t[k].W)) return k;
            return tok;
        }

        private int ExpenditureEnd(int from, int e)
        {
            for (var k = from; k < Math.Min(e, from + 10); k++)
                if (_t[k].W is { } w && ExpenditureWords.Contains(w)) return k + 1;
            return from;
        }

    }
}
