using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ReportFunctions.Benchmarks;

/// <summary>
/// Renders a text report (paragraphs one a line) as published documents, for the format tests and the format
/// benchmark (<c>reports bench-extract --formats</c>): a PDF with wrapped and
/// hyphenated lines, a running header and page numbers; a web page with navigation, scripts, a breadcrumb and a footer;
/// a Word document with its paragraphs split in runs, a header part and (optionally) a table.
/// </summary>
public static class ReportDocuments
{
    public const string RunningHeader = "OFFICIAL TRANSLATION FOR REFERENCE ONLY";
    public const string NavigationText = "Quick links: GDP up 99.9% in 1999";
    public const string ScriptText = "var gdpGrowth = '88.8 percent';";
    public const string FooterText = "Copyright 2024 Municipal Government Portal. Hotline 12345";

    static ReportDocuments() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    // ------------------------------------------------------------------ PDF

    /// <summary>A PDF of the report: A5 pages, Helvetica 11 pt, paragraphs indented and spaced, words of 10+ letters
    /// hyphenated where they reach the margin (listed in <paramref name="hyphenated"/> as "left-" / "right").</summary>
    public static byte[] Pdf(string text, out List<(string Left, string Right)> hyphenated, int minPages = 2)
    {
        const double Width = 420, Height = 595, Margin = 50, Size = 11, Leading = 14, Indent = 20;
        hyphenated = [];
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var measurer = builder.AddPage(Width, Height);
        var widths = new Dictionary<string, double>();
        double W(string s)
        {
            if (s.Length == 0) return 0;
            if (!widths.TryGetValue(s, out var w))
            {
                var letters = measurer.MeasureText(s, Size, new PdfPoint(0, 0), font);
                w = letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                widths[s] = w;
            }
            return w;
        }
        var space = W("a b") - W("ab");
        var lines = new List<(string Text, double X, bool ParagraphEnd)>();
        foreach (var paragraph in Paragraphs(WinAnsi(text)))
        {
            var words = new Queue<string>(paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var line = new StringBuilder();
            var x = Indent;
            double used = 0;
            while (words.Count > 0)
            {
                var word = words.Peek();
                var room = Width - 2 * Margin - x - used - (line.Length > 0 ? space : 0);
                if (W(word) <= room) { if (line.Length > 0) { line.Append(' '); used += space; } line.Append(word); used += W(word); words.Dequeue(); continue; }
                if (word.Length >= 10 && word.All(char.IsAsciiLetterLower) && line.Length > 0)
                {
                    // Hyphenate: the longest left part (5+ letters, 4+ left over) that fits with its hyphen.
                    for (var cut = word.Length - 4; cut >= 5; cut--)
                        if (W(word[..cut] + "-") <= room)
                        {
                            line.Append(' ').Append(word[..cut]).Append('-');
                            hyphenated.Add((word[..cut], word[cut..]));
                            words.Dequeue();
                            var rest = new Queue<string>([word[cut..], .. words]);
                            words = rest;
                            break;
                        }
                }
                if (line.Length == 0) { line.Append(word); words.Dequeue(); } // a word wider than the line
                lines.Add((line.ToString(), Margin + x, false));
                line.Clear(); x = 0; used = 0;
            }
            if (line.Length > 0) lines.Add((line.ToString(), Margin + x, true));
            else if (lines.Count > 0) lines[^1] = lines[^1] with { ParagraphEnd = true };
        }

        // Lay out; a smaller usable height for short reports, so every report has at least minPages pages.
        var bodyTop = Height - Margin - 20;
        var bodyHeight = bodyTop - Margin;
        var totalHeight = lines.Sum(l => Leading + (l.ParagraphEnd ? Leading * 0.7 : 0));
        var pageBody = Math.Min(bodyHeight, Math.Max(Leading * 4, totalHeight / minPages + Leading));
        var pages = new List<List<(string Text, double X, double Y)>> { new() };
        var y = bodyTop;
        foreach (var l in lines)
        {
            if (y < bodyTop - pageBody) { pages.Add([]); y = bodyTop; }
            pages[^1].Add((l.Text, l.X, y));
            y -= Leading + (l.ParagraphEnd ? Leading * 0.7 : 0);
        }
        for (var p = 0; p < pages.Count; p++)
        {
            var page = p == 0 ? measurer : builder.AddPage(Width, Height);
            page.AddText(RunningHeader, 8, new PdfPoint(Margin, Height - 30), font);
            foreach (var (t, lx, ly) in pages[p]) page.AddText(t, Size, new PdfPoint(lx, ly), font);
            page.AddText($"- {p + 1} -", 9, new PdfPoint(Width / 2 - 10, 25), font);
        }
        return builder.Build();
    }

    /// <summary>A PDF of <paramref name="pages"/> pages, each with one line of text (or none: a scan without a text layer).</summary>
    public static byte[] PdfPages(int pages, bool withText = true)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(420, 595);
            // Each page's line differs in its words (lines repeated on most pages are running headers).
            var name = string.Concat(Convert.ToString(i + 1, 8).Select(d => (char)('a' + d - '0')));
            if (withText) page.AddText($"Section {name}: fixed asset investment grew.", 11, new PdfPoint(50, 500), font);
            else page.DrawRectangle(new PdfPoint(40, 40), 340, 515, 2, fill: true); // what a scanned page's image stands for
        }
        return builder.Build();
    }

    /// <summary>Text Helvetica's WinAnsi encoding can show: other characters become '*', non-breaking spaces spaces.</summary>
    public static string WinAnsi(string text)
    {
        var cp1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u00A0' || c == '\t') { sb.Append(' '); continue; }
            if (c == '\n' || c >= ' ' && c < 127) { sb.Append(c); continue; }
            try { cp1252.GetBytes([c]); sb.Append(c); }
            catch (EncoderFallbackException) { sb.Append('*'); }
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ HTML

    /// <summary>A web page of the report: head with scripts and styles, header, navigation menu, breadcrumb, the report
    /// in an &lt;article&gt; (or, with <paramref name="article"/> false, a plain div), a sidebar and a footer.</summary>
    public static byte[] Html(string text, bool article = true, string charset = "utf-8")
    {
        var paragraphs = Paragraphs(text);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
          .Append($"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n")
          .Append($"<title>{WebUtility.HtmlEncode(paragraphs[0])}</title>\n")
          .Append($"<script type=\"text/javascript\">{ScriptText} document.write('<p>GDP grew 77.7%</p>');</script>\n")
          .Append("<style>body { font-family: sans-serif; } p.note:after { content: 'GDP 66.6%'; }</style>\n</head>\n<body>\n")
          .Append("<header class=\"site-header\"><div class=\"logo\">Site header: Government Portal</div></header>\n")
          .Append($"<nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/x\">{NavigationText}</a></li></ul></nav>\n")
          .Append("<div class=\"breadcrumb\">Home &gt; Government &gt; Reports</div>\n")
          .Append("<div class=\"wrapper\">\n")
          .Append(article ? "<article class=\"content\">\n" : "<div id=\"content\" class=\"text-body\">\n");
        foreach (var p in paragraphs)
        {
            var encoded = WebUtility.HtmlEncode(p).Replace("\u00A0", "&nbsp;").Replace("%", "&#37;");
            sb.Append(p.Length < 80 && !p.Contains('.') ? $"<h3>{encoded}</h3>\n" : $"<p>{encoded}</p>\n");
        }
        sb.Append(article ? "</article>\n" : "</div>\n")
          .Append("<div class=\"sidebar\"><ul><li>Related: retail sales rose 55.5%</li></ul></div>\n")
          .Append("<div role=\"navigation\"><a href=\"/prev\">Previous report</a></div>\n")
          .Append("</div>\n")
          .Append($"<footer><p>{FooterText}</p></footer>\n")
          .Append("<script>window.analytics = { gdp: '44.4%' };</script>\n</body>\n</html>\n");
        return Encoding.GetEncoding(charset).GetBytes(sb.ToString());
    }

    // ------------------------------------------------------------------ DOCX

    /// <summary>A Word document of the report: each paragraph split into runs of a few words (some bold), a running
    /// header part, and the given table rows after the paragraphs.</summary>
    public static byte[] Docx(string text, IReadOnlyList<string[]>? table = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text(RunningHeader))));
            var body = new Body();
            foreach (var p in Paragraphs(text)) body.Append(Paragraph(p));
            if (table is not null)
            {
                var t = new Table();
                foreach (var row in table) t.Append(new TableRow(row.Select(cell => new TableCell(Paragraph(cell)))));
                body.Append(t);
            }
            body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text)
    {
        var paragraph = new Paragraph();
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += 5)
        {
            var chunk = string.Join(' ', words.Skip(i).Take(5)) + (i + 5 < words.Length ? " " : "");
            var run = new Run(new Text(chunk) { Space = SpaceProcessingModeValues.Preserve });
            if (i / 5 % 3 == 1) run.RunProperties = new RunProperties(new Bold());
            paragraph.Append(run);
        }
        return paragraph;
    }
}
