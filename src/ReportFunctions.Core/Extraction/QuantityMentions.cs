using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: mentions. Quantities with scale, currency, range, qualifier and sign.</summary>
    private sealed partial class Run
    {
        // ------------------------------------------------------------------ values

        private List<Value> FindValues(int s, int e)
        {
            var list = new List<Value>();
            for (var i = s; i < e; i++)
            {
                var t = _t[i];
                double num;
                if (t.Kind == TokKind.Number) num = t.Num;
                else
                {
                    // a number word before a scale ("two billion yuan") or a percent ("rose by three percent")
                    if (t.Kind != TokKind.Word || t.W is not { } w || i + 1 >= e || !NumberWords.TryGetValue(w, out num)) continue;
                    var next = _t[i + 1];
                    var beforeScale = next.W is { } sw && (Scales.ContainsKey(sw) || sw == Hundred && w != Hundred);
                    var beforePercent = !(w == A || w == Hundred) && (next.W == PercentWord || next.IsP('%'));
                    if (!beforeScale && !beforePercent) continue;
                }
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
                    if (w == Hundred && h + 1 < e && _t[h + 1].W == Million) { v.Num *= 1e8; j = h + 2; continue; }
                    if (w == Ten && h + 1 < e && _t[h + 1].W == Thousand) { v.Num *= 1e4; j = h + 2; continue; }
                    // "7.1 ten-thousand yuan", "305 hundred-million yuan"
                    if (w == Ten && h + 2 < e && _t[h + 1].IsP('-') && _t[h + 2].W == Thousand) { v.Num *= 1e4; j = h + 3; continue; }
                    if (w == Hundred && h + 2 < e && _t[h + 1].IsP('-') && _t[h + 2].W == Million) { v.Num *= 1e8; j = h + 3; continue; }
                    // Chinese-style units written as numbers: "523 100 million yuan", "6.8 10,000 yuan"
                    if (h == j && _t[h].Kind == TokKind.Number && _t[h].Num == 100 && h + 1 < e && _t[h + 1].W == Million) { v.Num *= 1e8; j = h + 2; continue; }
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
                        else if (uw == Percentage && k + 1 < e && (_t[k + 1].W == Point || _t[k + 1].W == Points)) { v.Skip = true; unitEnd = k + 2; }
                        else if (Yuan.Contains(uw) && uw != Us) { v.Unit = UnitKind.Money; unitEnd = k + 1; }
                        else if (uw == Us && k + 1 < e && (DollarWords.Has(_t[k + 1].W) || _t[k + 1].IsP('$'))) { v.Unit = UnitKind.Money; v.Usd = true; unitEnd = k + 2; }
                        else if (UsdWords.Contains(uw)) { v.Unit = UnitKind.Money; v.Usd = true; unitEnd = k + 1; }
                        else if (PercentagePoints.Contains(uw)) { v.Skip = true; unitEnd = k + 1; } // "0.5个百分点"
                        else if (CountUnits.Contains(uw)) unitEnd = k + 1; // "15万人": a count
                        else if (uw == UsDottedFirst && UsDotted(k, e) is var ud && ud > 0) { v.Unit = UnitKind.Money; v.Usd = true; unitEnd = ud; } // "3.2 billion U.S. dollars"
                        else if (uw == Years && !(k + 1 < e && _t[k + 1].W == Old)) { v.Unit = UnitKind.Years; unitEnd = k + 1; }
                        else if (MultipleWords.Contains(uw)) v.Skip = true;
                    }
                }
                if (v.Unit == UnitKind.None && i > s && PercentBefore.Has(_t[i - 1].W)) v.Unit = UnitKind.Pct; // "百分之十二"
                if (v.Unit == UnitKind.None && i > s)
                {
                    // prefix currency: RMB 6.51 trillion, US$15.8 billion, USD 3.16 billion, $436 billion
                    var p = _t[i - 1];
                    if (YuanCodes.Has(p.W) || p.IsP('¥')) v.Unit = UnitKind.Money;
                    else if (p.W == UsdCode || p.IsP('$')) { v.Unit = UnitKind.Money; v.Usd = true; }
                }
                // "rose 6 and 8 percent", "reached 52,300 and 24,100 yuan", "1.2 and 1.5 trillion yuan": the unit of the pair's second
                if (v.Unit == UnitKind.None && !v.Skip && j == i + 1 && t.Kind == TokKind.Number && !t.IsYear && j + 2 < e && (_t[j].W == And || _t[j].IsP('/'))
                    && _t[j + 1].Kind == TokKind.Number && !_t[j + 1].IsYear)
                {
                    var q = j + 2;
                    var sc = 1.0;
                    if (_t[q].W is { } qs && Scales.TryGetValue(qs, out var f)) { sc = f; q++; }
                    if (q < e && (_t[q].IsP('%') || _t[q].W is { } qp && Percent.Contains(qp)) && sc == 1) v.Unit = UnitKind.Pct;
                    else if (q < e && _t[q].W is { } qy && Yuan.Contains(qy)) { v.Unit = UnitKind.Money; v.Num *= sc; }
                }
                if (t.Kind == TokKind.Number && t.IsYear && v.Unit == UnitKind.None && j == i + 1) continue; // a year
                if (v.Unit == UnitKind.None && i + 1 < e && _t[i + 1].IsP('-') && i + 2 < e && _t[i + 2].Kind == TokKind.Number && t.IsYear) continue;
                v.EndTok = Math.Max(unitEnd, j);
                if (t.Minus) v.Negative = true;

                // range: "6% to 6.5%", "6-6.5%", "between 6% and 6.5%"
                var r = v.EndTok;
                var fromBefore = PrevWord(i, s, 3) == From || ChineseFromBefore(i, s);
                if (!fromBefore && r + 1 < e && (_t[r].W == To || _t[r].IsP('-') || _t[r].IsP('~') || RangeDash(r) || _t[r].W == And && PrevWord(i, s, 2) == Between)
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
                if (a + 1 < e && _t[a].W == Or)
                {
                    var w2 = _t[a + 1].W;
                    if (OrMoreWords.Has(w2)) v.Qual = Qualifiers.AtLeast;
                    else if (OrLessWords.Has(w2)) v.Qual = Qualifiers.AtMost;
                    else if (w2 == So) v.Qual = Qualifiers.About;
                }
                // "6%左右", "15万人以上", "3%以内": a qualifier after the value
                if (a < e && v.Qual == Qualifiers.Exact && _t[a].W is { } qa)
                {
                    var after = AboutAfter.Contains(qa) ? Qualifiers.About : AboveAfter.Contains(qa) ? Qualifiers.Above : BelowAfter.Contains(qa) ? Qualifiers.Below : null;
                    if (after is not null) { v.Qual = after; v.EndTok = a + 1; a = v.EndTok; }
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
                    if (ComparativeWords.Has(w) && a + 1 < e && _t[a + 1].W == Than) v.Skip = true;
                    else if (MultipleWords.Has(w)) v.Skip = true;
                    else if (w == Per && !(a + 1 < e && _t[a + 1].W == Capita) && v.Unit == UnitKind.Money) v.Skip = true;
                    else if (w == Of && v.Unit == UnitKind.Pct) v.ShareOf = true;
                    else if (ThresholdWords.Has(w) && a + 1 < e && (_t[a + 1].W == The || _t[a + 1].W == That)) v.Skip = true;
                }
                list.Add(v);
                i = Math.Max(i, v.EndTok - 1);
            }
            return list;
        }

        /// <summary>"U.S. dollars", "U.S.$": the token after the currency, else 0.</summary>
        private int UsDotted(int k, int e)
        {
            if (!(k + 2 < e && _t[k + 1].IsP('.') && _t[k + 2].W == UsDottedSecond)) return 0;
            var j = k + 3;
            if (j < e && _t[j].IsP('.')) j++;
            if (j < e && (DollarWords.Has(_t[j].W) || _t[j].IsP('$'))) return j + 1;
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
                if (CountNouns.Has(t.W)) return true;
            }
            return false;
        }

        /// <summary>"5%—5.5%", "5%至5.5%": a dash read as a comma, or a Chinese "to", between the bounds of a range.</summary>
        private bool RangeDash(int r) => _t[r].IsP(',') && _text[_t[r].Start] is '\u2014' or '\u2015' or '\uFF5E' || RangeWords.Has(_t[r].W);

        /// <summary>"由704亿元", "从2007年的5956亿元": 从 or 由 shortly before the value, in its clause.</summary>
        private bool ChineseFromBefore(int i, int s)
        {
            for (var k = i - 1; k >= s && k >= i - 5; k--)
            {
                if (_t[k].Kind == TokKind.Punct && _t[k].P is ',' or ';' or ':' or '.') return false;
                if (FromWords.Has(_t[k].W)) return true;
            }
            return false;
        }

        private string? PrevWord(int i, int s, int within)
        {
            for (var k = i - 1; k >= s && k >= i - within; k--)
            {
                var t = _t[k];
                if (t.W is { } w && (About.Contains(w) || Above.Contains(w) || Below.Contains(w) || QualifierGapWords.Contains(w))) continue;
                if (t.IsP('$') || t.IsP('¥')) continue;
                return t.W;
            }
            return null;
        }

        private void ReadQualifier(Value v, int i, int s)
        {
            var k = i - 1;
            while (k >= s && (_t[k].IsP('$') || _t[k].IsP('¥') || CurrencyPrefixWords.Has(_t[k].W))) k--;
            if (k < s) return;
            var w1 = _t[k].W;
            var w2 = k - 1 >= s ? _t[k - 1].W : null;
            var w3 = k - 2 >= s ? _t[k - 2].W : null;
            string? q = null;
            var at = k;
            if (w1 == Than && w2 == Less) { q = Negations.Has(w3) ? Qualifiers.AtLeast : Qualifiers.Below; at = Negations.Has(w3) ? k - 2 : k - 1; }
            else if (w1 == Than && w2 == More) { q = Negations.Has(w3) ? Qualifiers.AtMost : Qualifiers.Above; at = Negations.Has(w3) ? k - 2 : k - 1; }
            else if (w1 == Than && LessComparatives.Has(w2) && Negations.Has(w3)) { q = Qualifiers.AtLeast; at = k - 2; } // "no lower than 5%"
            else if (w1 == Than && MoreComparatives.Has(w2) && Negations.Has(w3)) { q = Qualifiers.AtMost; at = k - 2; } // "no higher than 3%"
            else if (w1 == To && w2 == Close) { q = Qualifiers.About; at = k - 1; } // "close to 5%"
            else if (w1 == Of && InExcessWords.Has(w2)) { q = Qualifiers.Above; at = w2 == Excess && w3 == In ? k - 2 : k - 1; } // "in excess of"
            else if (w1 == Least && w2 == At) { q = Qualifiers.AtLeast; at = k - 1; }
            else if (w1 == Most && w2 == At) { q = Qualifiers.AtMost; at = k - 1; }
            else if (w1 == To && w2 == Up && !TotalVerbs.Has(w3)) { q = Qualifiers.AtMost; at = k - 1; } // "up to 5%", not "added up to 1.05 trillion yuan"
            else if (w1 == The && w2 is not null && Above.Contains(w2)) { q = Qualifiers.Above; at = k - 1; } // "broke the 400 billion yuan mark"
            else if (w1 is not null && Above.Contains(w1))
            {
                if (Negations.Has(w2)) { q = Qualifiers.AtMost; at = k - 1; }
                else if (w2 == To && w3 == Not) { q = Qualifiers.AtMost; at = k - 2; }
                else q = Qualifiers.Above;
            }
            else if (AtLeastBefore.Has(w1)) q = Qualifiers.AtLeast; // "不低于6%"
            else if (AtMostBefore.Has(w1)) q = Qualifiers.AtMost; // "不超过3%"
            else if (w1 is not null && Below.Contains(w1)) q = Qualifiers.Below;
            else if (w1 is not null && About.Contains(w1)) q = Qualifiers.About;
            else if (w1 == Least && w2 == At) q = Qualifiers.AtLeast;
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
                if (w is not null && (GrowthWords.Contains(w) && !GrowthWordsNotChange.Contains(w)) || Phrases.ContainsKey(w ?? "")) return false;
            }
            if (endTok < e && _t[endTok].W is { } a && DecreaseNouns.Contains(a)) return true;
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
                for (var k = v.Tok - 1; k >= 0 && k >= v.Tok - 4; k--) if (_t[k].W == Respective || RespectivelyBefore.Has(_t[k].W)) respBefore = true;
                var j = i;
                while (j + 1 < values.Count && OnlyListGlue(values[j].EndTok, values[j + 1].Tok) && values[j + 1].Unit == v.Unit && values[j + 1].Skip == v.Skip) j++; // "16,000, 2.3 times": not a list
                if (j == i) continue;
                var after = values[j].EndTok;
                var respAfter = false;
                // "5% and 6% respectively", "8.7% and 9.6% a year on average respectively", "in real terms respectively"
                for (var k = after; k < Math.Min(_t.Count, after + 6); k++)
                {
                    if (_t[k].W == Respectively) { respAfter = true; break; }
                    if (!(_t[k].IsP(',') || RespectivelyGapTerms.Has(_t[k].W) || RespectivelyGap.Has(_t[k].W))) break;
                }
                if (!respAfter && after < _t.Count && (_t[after].W == For || _t[after].W == In))
                {
                    // "grew by 4.9% and 6.5% for urban and rural residents respectively"
                    for (var k = after + 1; k < Math.Min(_t.Count, after + 16); k++)
                    {
                        if (_t[k].W == Respectively) { respAfter = true; break; }
                        if (_t[k].Kind is TokKind.Number or TokKind.Break || _t[k].Kind == TokKind.Punct && _t[k].P is not ',') break;
                    }
                }
                if (!respAfter && !respBefore && j - i + 1 != 2) { i = j; continue; }
                // "growth of 6.5 percent, 10 percent in fixed-asset investment ...": a list of items, each with its subject after it
                if (!respAfter && !respBefore && after + 1 < _t.Count && (_t[after].W == In || _t[after].W == For) && !_t[after + 1].IsYear
                    && values[i].EndTok + 1 == values[j].Tok && _t[values[i].EndTok].IsP(',')) { i = j; continue; }
                for (var k = i; k <= j; k++) { values[k].Group = gid; values[k].RespectAfter = respAfter; }
                if (respAfter)
                {
                    var rs = after;
                    while (rs < _t.Count && _t[rs].W != Respectively) rs++;
                    values[j].OwnEnd = values[j].EndTok;
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
            for (var k = v.Tok - 1; k >= 0 && k >= v.Tok - 4; k--) if (_t[k].W == Respective || RespectivelyBefore.Has(_t[k].W)) return true;
            return false;
        }

        private bool IsCurrencyPrefix(int k) => _t[k].IsP('$') || _t[k].IsP('¥') || _t[k].W is { } w && (Yuan.Contains(w) || UsdPrefixWords.Contains(w));

        private bool OnlyListGlue(int from, int to)
        {
            if (to - from > 4 || to < from) return false;
            for (var k = from; k < to; k++)
                if (!(_t[k].IsP(',') || _t[k].W == And || ListAnd.Has(_t[k].W) || IsCurrencyPrefix(k) || _t[k].IsP('/') || _t[k].IsP('+'))) return false; // "RMB 28,440 and RMB 9,396", "51,460 / 24,030 yuan", "+8.1% / +9.0%"
            return true;
        }

    }
}
