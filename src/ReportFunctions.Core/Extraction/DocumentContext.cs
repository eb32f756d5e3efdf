using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: document context. The region the report is for and the year it was delivered.</summary>
    private sealed partial class Run
    {
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
                if (t.Kind != TokKind.Word || !t.Cap || !CanBeginRegionName(t, g, key)) continue;
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
                // "South China's Guangdong", "northwest China's Gansu": a direction of the country locates a province, it is not the subject
                if (found.Level == RegionLevels.Country && i > 0 && _t[i - 1].W is { } dw && Directions.Contains(dw) && t.Poss) wgt = 0;
                // "the ... session of the 14th National People's Congress": the nation's report (its venue, Beijing, is not the subject)
                if (found.Level == RegionLevels.Country && t.W == National && t.Start < 2000 && MatchWordsSkip(i + 1, People, Congress)) wgt += 8;
                if (found.Level != RegionLevels.City && mentions.Count > 0 && mentions[^1] is var pm && pm.R.Level == RegionLevels.City && pm.R.Province == found.Name
                    && i - (pm.Tok + pm.Len) <= 6 && (_t[i - 1].IsP(',') || _t[i - 1].W == In || _t[i - 1].W == The && _t[i - 2].IsP(',') || LocationAppositive(i)))
                {
                    // "Nanning, Guangxi Zhuang Autonomous Region", "Guangzhou, capital of Guangdong province": the city's location
                    scores[found] = scores.GetValueOrDefault(found) + 0.3;
                    mentions.Add((i, len, found));
                    i += len - 1;
                    continue;
                }
                // a news dateline ("BEIJING, March 5 (Xinhua) --") names where the story was filed, not what it is about
                if (i + len + 1 < _t.Count && AtLineStart(_t[i].Start) && _t[i + len].IsP(',') && _t[i + len + 1].W is { } dm && Months.Contains(dm))
                {
                    i += len - 1;
                    continue;
                }
                // "the ... National People's Congress in Beijing", "the session held in Beijing": the venue, not the subject
                if (i >= 2 && _t[i - 1].W == In && _t[i - 2].W is { } vw && VenueWords.Contains(vw)) { i += len - 1; continue; }
                // "China Daily", "Shanghai Daily": a newspaper's name, not a place
                if (i + len < _t.Count && _t[i + len].Cap && _t[i + len].W is { } mw && MediaNames.Contains(mw)) { i += len - 1; continue; }
                var strong = false;
                // "Lanzhou, the capital of northwest China's Gansu province, ...": the subject described
                if (i + len + 2 < _t.Count && _t[i + len].IsP(',') && (_t[i + len + 1].W == Capital || _t[i + len + 1].W == The && _t[i + len + 2].W == Capital)) strong = true;
                for (var k = Math.Max(0, i - 3); k < i; k++)
                    if (_t[k].W == Behalf || _t[k].W == Of && k > 0 && OfficeWords.Has(_t[k - 1].W)) strong = true;
                // "Shandong Province", "Jiaxing Municipal Government" (not "Qingdao, the province's largest economy")
                if (i + len < _t.Count && GovernmentSuffixes.Has(_t[i + len].W)
                    && !(found.Level == RegionLevels.Country && _t[i + len - 1].Poss)) strong = true; // not "China's provincial GDP rankings"
                // "Guangzhou, capital of South China's Guangdong province", "in east China's Jiangsu province": where the subject lies, not the subject
                if (strong && found.Level != RegionLevels.City && LocationAppositive(i)) strong = false;
                if (strong) wgt += 5;
                if (t.Start < FirstLineEnd()) wgt += 2; // a headline names its subject
                if (found.Level == RegionLevels.Country && i + len < _t.Count && _t[i].W == State && i > 1 && _t[i - 1].W == Of && _t[i - 2].W == Premier) wgt += 20; // Premier of the State Council
                if (t.Start < titleEnd && (LineHas(t.Start, Report) || LineHas(t.Start, Government))) { wgt += 10; titleHit.Add(found); }
                scores[found] = scores.GetValueOrDefault(found) + wgt;
                // "GUANGZHOU - Guangdong will aim ...": a dateline counts for the subject but does not make its line about another place
                if (AtLineStart(t.Start) && i + len < _t.Count && AllCaps(i, len) && (_t[i + len].IsP('-') || _t[i + len].IsP('('))) { i += len - 1; continue; }
                mentions.Add((i, len, found));
                i += len - 1;
            }
            ChineseMentions(g, scores, titleHit, mentions, titleEnd);
            // "Premier Wen opens NPC session": the premier delivers the nation's report
            for (var i = 0; i < _t.Count && _t[i].Start < 2000; i++)
                if ((_t[i].Cap || Tokenizer.IsHan(_text[_t[i].Start])) && _t[i].W is { } nw && NationCues.Contains(nw) && g.TryResolve(NationName, out var nation))
                {
                    scores[nation] = scores.GetValueOrDefault(nation) + 8;
                    mentions.Add((i, 1, nation));
                    break;
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

        private bool SentenceEndBetween(int from, int to)
        {
            for (var k = from; k < to; k++) if (_t[k].Kind == TokKind.Break || _t[k].IsP('.')) return true;
            return false;
        }

        /// <summary>A date of the given year in its first quarter among the first lines ("Updated: 2024-01-15", "January 12, 2024").</summary>
        private bool EarlyDateOfYear(int year)
        {
            for (var i = 0; i < _t.Count && _t[i].Start < 600; i++)
            {
                var t = _t[i];
                if (!t.IsYear || t.Num != year) continue;
                if (i + 2 < _t.Count && _t[i + 1].IsP('-') && _t[i + 2].Kind == TokKind.Number && _t[i + 2].IsInt && _t[i + 2].Num is >= 1 and <= 3) return true;
                for (var k = Math.Max(0, i - 4); k < i; k++)
                    if (_t[k].W is { } m && FirstQuarterMonths.Contains(m)) return true;
            }
            return false;
        }

        private bool AllCaps(int i, int len)
        {
            var span = _text.AsSpan(_t[i].Start, _t[i + len - 1].End - _t[i].Start);
            var letters = 0;
            foreach (var ch in span) { if (char.IsLower(ch)) return false; if (char.IsLetter(ch)) letters++; }
            return letters >= 4;
        }

        /// <summary>Whether a name can begin at this word: its letters (or, for "Jiaxings", those before the s) begin some key.</summary>
        private bool CanBeginRegionName(in Token t, Gazetteer g, Span<char> key)
        {
            var kl = 0;
            foreach (var ch in _text.AsSpan(t.Start, t.End - t.Start))
            {
                if (!char.IsAsciiLetter(ch)) continue;
                if (kl == key.Length) return true;
                key[kl++] = char.ToLowerInvariant(ch);
            }
            return g.IsKeyPrefix(key[..kl]) || kl > 1 && key[kl - 1] == 's' && g.IsKeyPrefix(key[..(kl - 1)]);
        }

        private bool LocationAppositive(int i)
        {
            for (var k = i - 1; k >= 0 && k >= i - 5; k--)
            {
                var t = _t[k];
                if (t.Kind == TokKind.Break || t.IsP('.') || t.IsP(';')) return false;
                if (t.W is { } w && (w == Capital || Directions.Contains(w))) return true;
                if (t.W == In && k == i - 1) return true;
                if (t.Poss && ChinaWords.Has(t.W)) return true;
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
                if (t.Start < titleEnd && (LineHas(t.Start, Report) || ChineseTitleYear(i))
                    && !(i > 0 && TitleYearBlockers.Has(_t[i - 1].W)))
                    return EarlyDateOfYear(y + 1) ? (y + 1, "date") : (y, "title");
                // "2024 government work report", "work report for 2020", "Report on the Work of the Government 2021"
                for (var k = i + 1; k < Math.Min(_t.Count, i + 4); k++)
                    if (_t[k].W == Report && _t[k - 1].W == Work)
                        // "Lanzhou unveils 2023 government work report" over a dateline of January 2024: the report on 2023, delivered in 2024
                        return EarlyDateOfYear(y + 1) ? (y + 1, "date") : (y, "title");
                for (var k = Math.Max(0, i - 4); k < i; k++)
                    if (_t[k].W == Report && k > 0 && _t[k - 1].W == Work && !_t[i - 1].IsP(',') && _t[i - 1].W != In && !SentenceEndBetween(k, i)) return (y, "title");
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
                             || i + 2 < _t.Count && _t[i + 1].IsP('-') && _t[i + 2].Kind == TokKind.Number && _t[i + 2].Num <= 12 && _t[i + 2].IsInt
                             // "2020年1月15日"
                             || i + 3 < _t.Count && YearSuffix.Has(_t[i + 1].W) && _t[i + 2].Kind == TokKind.Number && MonthSuffix.Has(_t[i + 3].W);
                if (!isDate) continue;
                var y = (int)t.Num;
                for (var k = Math.Max(0, i - 20); k < Math.Min(_t.Count, i + 40); k++)
                    if (SessionWords.Has(_t[k].W) && (k < i || YearSuffix.Has(_t[i + 1].W))) return (y, "date");
                firstDate ??= y;
            }
            if (firstDate is { } fd) return (fd, "date");
            // "——二〇二一年一月二十六日在青岛市第十六届人民代表大会第五次会议上": a date in Chinese numerals
            if (ChineseNumeralYear() is { } cy) return (cy, "date");
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
                        if (FutureVerbs.Has(_t[k].W)) break;
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
                if (!t.IsYear || !(_t[i - 1].W == In || _t[i - 1].W == For)) continue;
                for (var k = i - 2; k >= Math.Max(0, i - 25); k--)
                {
                    var u = _t[k];
                    if (u.Kind == TokKind.Break || u.Kind == TokKind.Punct && u.P is '.' or ';') break;
                    if (u.W is { } pw && PastVerbs.Contains(pw)) break;
                    if (u.W is { } w && TargetCues.Contains(w)) { leadTarget = Math.Max(leadTarget, (int)t.Num); break; }
                }
                // "For 2019, Xiamen targets GDP growth of 7.5 percent": the cue after the year
                if (_t[i - 1].W == For && i + 1 < _t.Count && _t[i + 1].IsP(','))
                    for (var k = i + 2; k < Math.Min(_t.Count, i + 12); k++)
                    {
                        if (_t[k].Kind == TokKind.Break || _t[k].IsP('.')) break;
                        if (_t[k].W is { } w && TargetCues.Contains(w)) { leadTarget = Math.Max(leadTarget, (int)t.Num); break; }
                    }
            }
            if (leadTarget > 0) return (leadTarget, "lead");
            // (f) news about the year just ended without a dated lead: "saw its GDP reach 478.4 billion yuan in 2018" -> 2019
            var lastPast = 0;
            for (var i = 1; i < _t.Count && _t[i].Start < 1500; i++)
            {
                var t = _t[i];
                if (!t.IsYear || _t[i - 1].W != In) continue;
                for (var k = i - 2; k >= Math.Max(0, i - 25); k--)
                {
                    var u = _t[k];
                    if (u.Kind == TokKind.Break || u.Kind == TokKind.Punct && u.P is '.' or ';') break;
                    if (u.W is { } w && TargetCues.Contains(w)) break;
                    if (u.W is { } pw && (PastVerbs.Contains(pw) || Above.Contains(pw))) { lastPast = Math.Max(lastPast, (int)t.Num); break; }
                }
            }
            if (lastPast > 0) return (lastPast + 1, "body");
            // Chinese news: "2021年西藏经济社会发展主要预期目标是" names the year ahead, "2016年广东地区生产总值预计达" the year just ended
            int zhTarget = 0, zhPast = 0;
            for (var i = 0; i + 1 < _t.Count && _t[i].Start < 1500; i++)
            {
                if (!_t[i].IsYear || !YearSuffix.Has(_t[i + 1].W) || i + 2 < _t.Count && _t[i + 2].Kind == TokKind.Number) continue;
                for (var k = i + 2; k < Math.Min(_t.Count, i + 25); k++)
                {
                    if (_t[k].Kind == TokKind.Break || _t[k].IsP('.')) break;
                    var w = _t[k].W;
                    if (TargetCues.Has(w) || TargetHeader.Has(w)) { zhTarget = Math.Max(zhTarget, (int)_t[i].Num); break; }
                    if (EstimateCues.Has(w) || PastVerbs.Has(w) || GrowthWords.Has(w)) { zhPast = Math.Max(zhPast, (int)_t[i].Num); break; }
                }
            }
            if (zhTarget > 0) return (zhTarget, "lead");
            if (zhPast > 0) return (zhPast + 1, "body");
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

        private bool LineHas(int pos, string word) => LineAt(pos).Contains(word, StringComparison.OrdinalIgnoreCase);

        /// <summary>The line of text holding <paramref name="pos"/>.</summary>
        private ReadOnlySpan<char> LineAt(int pos)
        {
            var a = pos;
            while (a > 0 && _text[a - 1] != '\n') a--;
            var b = pos;
            while (b < _text.Length && _text[b] != '\n') b++;
            return _text.AsSpan(a, b - a);
        }
    }
}
