using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// The text of a Word document (.docx): the body's paragraphs and table cells in document order, one a line
/// (headers, footers, comments and deleted text left out). Before the package is opened, every XML part is
/// decompressed once, counting the bytes actually produced (not the sizes the zip declares), against
/// <see cref="DocumentLimits.MaxDecompressedBytes"/>: a zip bomb stops there. The body is read with a streaming
/// XML reader, not a recursive tree.
/// </summary>
public static class DocxTextReader
{
    private const int MaxEntries = 10_000;

    public static string Read(ReadOnlySpan<byte> bytes, DocumentLimits limits)
    {
        var deadline = new ReadDeadline(limits.ReadTimeout, "reading the Word document");
        var data = bytes.ToArray();
        CheckUnzippedSize(data, limits, deadline);
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxDecompressedBytes,
                AutoSave = false,
            });
            var part = document.MainDocumentPart ?? throw new DocumentReadException("corrupt Word document: it has no main document part");
            return BodyText(part, limits.MaxDecompressedBytes, deadline);
        }
        catch (DocumentReadException) { throw; }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DocumentReadException("corrupt Word document: " + Short(ex.Message), ex);
        }
    }

    /// <summary>Decompresses each XML part, counting, and fails as soon as the total passes the limit.</summary>
    private static void CheckUnzippedSize(byte[] data, DocumentLimits limits, ReadDeadline deadline)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read); }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
        {
            throw new DocumentReadException("corrupt Word document: not a readable zip archive (" + Short(ex.Message) + ")", ex);
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
                throw new DocumentReadException($"Word document has {zip.Entries.Count} parts, more than {MaxEntries}: a zip bomb?");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
                // The declared size first (cheap), then the bytes actually produced (the declaration may lie).
                if (total + entry.Length > limits.MaxDecompressedBytes) throw Bomb(limits);
                try
                {
                    using var s = entry.Open();
                    int read;
                    while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > limits.MaxDecompressedBytes) throw Bomb(limits);
                        deadline.Check();
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
                {
                    throw new DocumentReadException($"corrupt Word document: part {entry.FullName} could not be decompressed ({Short(ex.Message)})", ex);
                }
            }
        }
    }

    private static DocumentReadException Bomb(DocumentLimits limits) =>
        new($"Word document decompresses to more than the {limits.MaxDecompressedBytes / (1024 * 1024.0):0.#} MiB limit: a zip bomb?");

    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    /// <summary>
    /// The main part's paragraphs, read with a plain <see cref="XmlReader"/> over the part OpenXml resolved (several times
    /// faster than <c>OpenXmlReader</c>, and just as flat): text of <c>w:t</c> only (not <c>w:delText</c> or field codes),
    /// <c>w:tab</c> as a tab, <c>w:br</c>/<c>w:cr</c> as line ends; a paragraph inside another (a text box) is its own line.
    /// </summary>
    private static string BodyText(MainDocumentPart part, long maxChars, ReadDeadline deadline)
    {
        var lines = new List<string>();
        var open = new Stack<StringBuilder>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = maxChars,
        });
        var inText = false;
        var steps = 0;
        while (reader.Read())
        {
            if ((++steps & 4095) == 0) deadline.Check();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI is Main or StrictMain:
                    switch (reader.LocalName)
                    {
                        case "p":
                            if (reader.IsEmptyElement) break;
                            open.Push(new StringBuilder());
                            break;
                        case "t":
                            inText = !reader.IsEmptyElement && open.Count > 0;
                            break;
                        case "tab" when open.Count > 0:
                            open.Peek().Append('\t');
                            break;
                        case "br" or "cr" when open.Count > 0:
                            AddLine(lines, open.Peek().ToString());
                            open.Peek().Clear();
                            break;
                        case "noBreakHyphen" when open.Count > 0:
                            open.Peek().Append('-');
                            break;
                    }
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI is Main or StrictMain:
                    if (reader.LocalName == "t") inText = false;
                    else if (reader.LocalName == "p" && open.Count > 0) AddLine(lines, open.Pop().ToString());
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText:
                    open.Peek().Append(reader.Value);
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    private static void AddLine(List<string> lines, string text)
    {
        var line = HtmlTextReader.Collapse(text);
        if (line.Length > 0) lines.Add(line);
    }

    private static string Short(string message) => message.Length > 160 ? message[..160] + "..." : message;
}
