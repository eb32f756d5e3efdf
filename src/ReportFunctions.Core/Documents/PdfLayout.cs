using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace ReportFunctions.Core.Documents;

/// <summary>Lines from a page's words, and the document's paragraphs from the pages' lines (see <see cref="PdfTextReader"/>).</summary>
public static partial class PdfLayout
{
    /// <summary>First parts of compounds that keep their hyphen when a line breaks after it ("high-" / "tech").</summary>
    private static readonly HashSet<string> CompoundFirst = new(StringComparer.OrdinalIgnoreCase)
    {
        "high", "low", "well", "self", "non", "anti", "cross", "multi", "long", "short", "mid", "large", "small", "full", "all",
        "year", "state", "top", "first", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "e", "co",
        "pre", "post", "sub", "semi", "key", "new", "old", "world", "city", "low", "ultra", "inter", "re",
    };

    [GeneratedRegex(@"^[\s\-–—(\[]*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[\s\-–—)\]]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>A page's horizontal words grouped into lines by baseline, top to bottom, each line's words left to right.</summary>
    public static List<PdfLine> Lines(IEnumerable<Word> words)
    {
        var items = new List<(string Text, double Left, double Right, double Baseline, double Size)>();
        foreach (var w in words)
        {
            if (string.IsNullOrWhiteSpace(w.Text) || w.Letters.Count == 0 || w.TextOrientation != TextOrientation.Horizontal) continue;
            var size = w.Letters[0].PointSize > 1.5 ? w.Letters[0].PointSize : Math.Max(w.BoundingBox.Height, 1);
            items.Add((w.Text, w.BoundingBox.Left, w.BoundingBox.Right, w.Letters[0].StartBaseLine.Y, size));
        }
        items.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
        var lines = new List<PdfLine>();
        var i = 0;
        while (i < items.Count)
        {
            var j = i + 1;
            while (j < items.Count && items[i].Baseline - items[j].Baseline <= 0.4 * items[i].Size) j++;
            var group = items.GetRange(i, j - i);
            group.Sort((a, b) => a.Left.CompareTo(b.Left));
            var text = string.Join(' ', group.Select(g => g.Text.Trim()));
            lines.Add(new PdfLine(text, group.Min(g => g.Left), group.Max(g => g.Right), group.Average(g => g.Baseline), group.Max(g => g.Size),
                group[0].Right - group[0].Left));
            i = j;
        }
        return lines;
    }

    /// <summary>The document's text: running headers, footers and page numbers dropped, lines joined into paragraphs, one a line.</summary>
    public static string Compose(IReadOnlyList<List<PdfLine>> pages)
    {
        var body = DropRunningLines(pages);
        var vocabulary = Vocabulary(body);
        var paragraphs = new List<StringBuilder>();
        PdfLine? prev = null;
        double prevRight = 0;
        for (var p = 0; p < body.Count; p++)
        {
            var lines = body[p];
            if (lines.Count == 0) continue;
            var left = lines.Min(l => l.Left);
            var right = lines.Max(l => l.Right);
            var spacing = TypicalSpacing(lines);
            for (var k = 0; k < lines.Count; k++)
            {
                var line = lines[k];
                var indented = line.Left > left + 1.5 * line.FontSize;
                // The previous line ended early: this line's first word would have fitted after it.
                var prevShort = prev is null || prev.Right + 0.3 * prev.FontSize + line.FirstWordWidth < (k == 0 ? prevRight : right);
                bool newParagraph;
                if (prev is null) newParagraph = true;
                else if (k == 0) newParagraph = prevShort || indented || Math.Abs(line.FontSize - prev.FontSize) > 0.15 * prev.FontSize;
                else
                {
                    var gap = prev.Baseline - line.Baseline;
                    newParagraph = prevShort || indented || gap <= 0 || gap > 1.45 * spacing
                                   || Math.Abs(line.FontSize - prev.FontSize) > 0.15 * prev.FontSize;
                }
                if (newParagraph) paragraphs.Add(new StringBuilder(line.Text));
                else Join(paragraphs[^1], line.Text, vocabulary);
                prev = line;
                prevRight = right;
            }
        }
        return string.Join('\n', paragraphs.Select(p => p.ToString().Trim()).Where(p => p.Length > 0));
    }

    private static double TypicalSpacing(List<PdfLine> lines)
    {
        var gaps = new List<double>();
        for (var k = 1; k < lines.Count; k++)
        {
            var g = lines[k - 1].Baseline - lines[k].Baseline;
            if (g > 0) gaps.Add(g);
        }
        if (gaps.Count == 0) return lines[0].FontSize * 1.2;
        gaps.Sort();
        return gaps[gaps.Count / 4]; // the tighter quarter: line spacing within paragraphs, not the gaps between them
    }

    /// <summary>Appends the next line of a paragraph, undoing a hyphenation at the line end.</summary>
    private static void Join(StringBuilder paragraph, string next, HashSet<string> vocabulary)
    {
        var n = paragraph.Length;
        if (n >= 2 && paragraph[n - 1] == '-' && char.IsLetter(paragraph[n - 2]) && next.Length > 0 && char.IsLower(next[0]))
        {
            var start = n - 1;
            while (start > 0 && char.IsLetter(paragraph[start - 1])) start--;
            var leftPart = paragraph.ToString(start, n - 1 - start);
            var end = 0;
            while (end < next.Length && char.IsLetter(next[end])) end++;
            var rightPart = next[..end];
            var joined = (leftPart + rightPart).ToLowerInvariant();
            var hyphenated = (leftPart + "-" + rightPart).ToLowerInvariant();
            var keepHyphen = vocabulary.Contains(hyphenated) && !vocabulary.Contains(joined)
                             || !vocabulary.Contains(joined) && CompoundFirst.Contains(leftPart);
            if (!keepHyphen) paragraph.Length = n - 1;
            paragraph.Append(next);
            return;
        }
        paragraph.Append(' ').Append(next);
    }

    /// <summary>The words of the document (lower case, inner hyphens kept), to tell "develop-/ment" from "high-/tech".</summary>
    private static HashSet<string> Vocabulary(List<List<PdfLine>> pages)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var line in page)
                foreach (var token in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var t = token.Trim(' ', '.', ',', ';', ':', '(', ')', '"', '\'', '“', '”', '‘', '’', '!', '?');
                    if (t.Length > 1 && !t.EndsWith('-')) set.Add(t.ToLowerInvariant());
                }
        return set;
    }

    /// <summary>
    /// Drops, among the first and last two lines of each page, page numbers ("12", "- 12 -", "Page 3 of 40") and lines
    /// repeated (digits aside) at the top or bottom of at least half the pages: running headers and footers.
    /// </summary>
    private static List<List<PdfLine>> DropRunningLines(IReadOnlyList<List<PdfLine>> pages)
    {
        const int Edge = 2;
        static string Key(string text) => Digits().Replace(text.Trim().ToLowerInvariant(), "#");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var key in EdgeIndexes(page.Count, Edge).Select(k => Key(page[k].Text)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        var result = new List<List<PdfLine>>(pages.Count);
        foreach (var page in pages)
        {
            var drop = EdgeIndexes(page.Count, Edge)
                .Where(k => PageNumber().IsMatch(page[k].Text) || pages.Count >= 2 && counts[Key(page[k].Text)] >= threshold)
                .ToHashSet();
            result.Add(page.Where((_, k) => !drop.Contains(k)).ToList());
        }
        return result;
    }

    private static IEnumerable<int> EdgeIndexes(int count, int edge) =>
        Enumerable.Range(0, count).Where(k => k < edge || k >= count - edge);
}
