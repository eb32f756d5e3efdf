using ReportFunctions.Core.Domain;
using static ReportFunctions.Core.Extraction.Lexicon;

namespace ReportFunctions.Core.Extraction;

public sealed partial class ReportExtractor
{
    /// <summary>Stage: document context, for Chinese text: places named in Han text, titles, dates in Chinese digits.</summary>
    private sealed partial class Run
    {
        /// <summary>A year written in Chinese digits ("二〇二一年") among the first lines, with a session named after it.</summary>
        private int? ChineseNumeralYear()
        {
            var end = Math.Min(_text.Length, 600);
            for (var i = 0; i + 4 < end; i++)
            {
                var y = 0;
                var n = 0;
                while (n < 4 && i + n < end && ChineseNumerals.TryDigit(_text[i + n], out var d)) { y = y * 10 + d; n++; }
                if (n == 4 && i + 4 < _text.Length && YearSuffix.Contains(_text[i + 4].ToString()) && y is >= 1949 and <= 2070)
                {
                    var rest = _text.AsSpan(i + 5, Math.Min(60, _text.Length - i - 5));
                    foreach (var w in SessionWords) if (rest.Contains(w, StringComparison.Ordinal)) return y;
                }
                if (n > 0) i += n - 1;
            }
            return null;
        }


        /// <summary>Places named in Chinese text: the longest gazetteer name at each Han token ("苏州市", "江苏省", "内蒙古").</summary>
        private void ChineseMentions(Gazetteer g, Dictionary<RegionInfo, double> scores, HashSet<RegionInfo> titleHit, List<(int Tok, int Len, RegionInfo R)> mentions, int titleEnd)
        {
            var max = g.MaxChineseLength;
            if (max == 0) return;
            for (var i = 0; i < _t.Count; i++)
            {
                var t = _t[i];
                if (t.Kind != TokKind.Word || !Tokenizer.IsHan(_text[t.Start])) continue;
                var most = g.MaxChineseLengthFrom(_text[t.Start]);
                if (most == 0) continue;
                var runEnd = t.Start;
                while (runEnd < _text.Length && Tokenizer.IsHan(_text[runEnd]) && runEnd - t.Start < most) runEnd++;
                RegionInfo? found = null;
                var chars = 0;
                for (var l = runEnd - t.Start; l >= 2 && found is null; l--)
                {
                    var c = g.CandidatesForChinese(_text.AsSpan(t.Start, l));
                    if (c.Count > 0) { found = c.Count == 1 ? c[0] : PickAmbiguous(c, scores); chars = l; }
                }
                if (found is null) continue;
                var k = i;
                while (k < _t.Count && _t[k].Start < t.Start + chars) k++;
                var wgt = found.Level == RegionLevels.Country ? 0.3 : 1.0;
                // "（山东省）烟台市", "江苏省苏州市": a province naming where the city that follows lies
                if (found.Level == RegionLevels.Province && CityOfFollows(g, found, t.Start + chars))
                {
                    scores[found] = scores.GetValueOrDefault(found) + 0.3;
                    mentions.Add((i, k - i, found));
                    i = k - 1;
                    continue;
                }
                // "苏州市人民政府", "在苏州市第十六届人民代表大会", "苏州市市长": the report's own region
                var after = _text.AsSpan(t.Start + chars, Math.Min(8, _text.Length - t.Start - chars));
                foreach (var w in ChineseSubjectAfterPlace) if (after.StartsWith(w, StringComparison.Ordinal)) { wgt += 5; break; }
                // "（大会）在长沙开幕": the venue, not the subject
                var venue = false;
                if (t.Start > 0 && ChineseVenueBefore.Contains(_text[t.Start - 1].ToString()))
                    foreach (var w in ChineseVenueAfter) if (after.StartsWith(w, StringComparison.Ordinal)) venue = true;
                if (venue) { i = k - 1; continue; }
                // a title is a short line: "嘉兴市2024年政府工作报告", not a news lead that mentions the report
                if (t.Start < titleEnd) { wgt += 2; if (LineHas(t.Start, ChineseReportTitle) && LineAt(t.Start).Length <= ChineseTitleLength) { wgt += 10; titleHit.Add(found); } }
                scores[found] = scores.GetValueOrDefault(found) + wgt;
                mentions.Add((i, k - i, found));
                i = k - 1;
            }
        }

        private const int ChineseTitleLength = 40;

        /// <summary>"2023年政府工作报告", "烟台市2021年政府工作报告（摘要版）": the year right before the report's name.</summary>
        private bool ChineseTitleYear(int i)
        {
            if (i + 1 >= _t.Count || !YearSuffix.Has(_t[i + 1].W) || i + 2 < _t.Count && _t[i + 2].Kind == TokKind.Number) return false;
            var from = _t[i + 1].End;
            var at = _text.IndexOf(ChineseReportTitle, from, Math.Min(12, _text.Length - from), StringComparison.Ordinal);
            return at >= 0 && _text.AsSpan(from, at - from).IndexOfAny("，,。；\n") < 0;
        }


        private bool CityOfFollows(Gazetteer g, RegionInfo province, int at)
        {
            var limit = at + 2;
            while (at < _text.Length && at < limit && !Tokenizer.IsHan(_text[at]) && _text[at] != '\n') at++;
            for (var l = Math.Min(g.MaxChineseLength, _text.Length - at); l >= 2; l--)
            {
                if (!Tokenizer.IsHan(_text[at + l - 1])) continue;
                foreach (var c in g.CandidatesForChinese(_text.AsSpan(at, l)))
                    if (c.Level == RegionLevels.City && c.Province == province.Name) return true;
            }
            return false;
        }
    }
}
