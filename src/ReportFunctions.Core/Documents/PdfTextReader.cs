using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// The text layer of a PDF in reading order (top to bottom, left to right on each page): the words of a line joined,
/// the lines of a paragraph joined (a paragraph ends at a wider gap, a short line, an indent or a change of font size),
/// running headers, footers and page numbers dropped (<see cref="PdfLayout"/>), hyphenation at line ends undone.
/// Encrypted, scanned (no text), corrupt and over-long PDFs throw <see cref="DocumentReadException"/> with the reason.
/// </summary>
public static class PdfTextReader
{
    public static string Read(ReadOnlySpan<byte> bytes, DocumentLimits limits)
    {
        var deadline = new ReadDeadline(limits.ReadTimeout, "reading the PDF");
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes.ToArray(), new ParsingOptions
            {
                UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = new PdfStreamGuard(limits.MaxDecompressedBytes),
            });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentReadException("encrypted PDF: it needs a password to open (" + Short(ex.Message) + ")", ex);
        }
        catch (DocumentReadException) { throw; }
        catch (Exception ex) when (IsReadError(ex))
        {
            throw new DocumentReadException("corrupt PDF: " + Short(ex.Message), ex);
        }

        using (document)
        {
            int pageCount;
            try { pageCount = document.NumberOfPages; }
            catch (Exception ex) when (IsReadError(ex)) { throw new DocumentReadException("corrupt PDF: " + Short(ex.Message), ex); }
            if (pageCount > limits.MaxPdfPages)
                throw new DocumentReadException($"PDF has {pageCount} pages, more than the {limits.MaxPdfPages}-page limit");
            if (pageCount == 0) throw new DocumentReadException("corrupt PDF: it has no pages");

            var pages = new List<List<PdfLine>>(pageCount);
            for (var i = 1; i <= pageCount; i++)
            {
                deadline.Check();
                try
                {
                    var page = document.GetPage(i);
                    pages.Add(PdfLayout.Lines(page.GetWords()));
                }
                catch (PdfDocumentEncryptedException ex)
                {
                    throw new DocumentReadException("encrypted PDF: " + Short(ex.Message), ex);
                }
                catch (Exception ex) when (IsReadError(ex))
                {
                    throw new DocumentReadException($"corrupt PDF: page {i} could not be read ({Short(ex.Message)})", ex);
                }
            }
            if (pages.All(p => p.Count == 0))
                throw new DocumentReadException($"no text layer: scanned image? ({pageCount} page{(pageCount == 1 ? "" : "s")} without text)");
            deadline.Check();
            return PdfLayout.Compose(pages);
        }
    }

    /// <summary>What a malformed file makes PdfPig throw (never the process-killing kinds).</summary>
    private static bool IsReadError(Exception ex) => ex is not (OutOfMemoryException or DocumentReadException or OperationCanceledException);

    private static string Short(string message) => message.Length > 160 ? message[..160] + "..." : message;
}

/// <summary>One line of a page: its text, left and right edges, baseline, font size and the width of its first word.</summary>
public sealed record PdfLine(string Text, double Left, double Right, double Baseline, double FontSize, double FirstWordWidth);
