using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// The text of a Word document (.docx): the body's paragraphs and table cells in document order, one a line
/// (headers, footers, comments and deleted text left out). Before the package is opened, every XML part is
/// decompressed once, counting the bytes actually produced (not the sizes the zip declares), against
/// <see cref="DocumentLimits.MaxDocxUnzippedBytes"/>: a zip bomb stops there. The body is read with a streaming
/// reader, not a recursive tree.
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
                MaxCharactersInPart = limits.MaxDocxUnzippedBytes,
                AutoSave = false,
            });
            var part = document.MainDocumentPart ?? throw new DocumentReadException("corrupt Word document: it has no main document part");
            return BodyText(part, deadline);
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
                if (total + entry.Length > limits.MaxDocxUnzippedBytes) throw Bomb(limits);
                try
                {
                    using var s = entry.Open();
                    int read;
                    while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > limits.MaxDocxUnzippedBytes) throw Bomb(limits);
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
        new($"Word document decompresses to more than the {limits.MaxDocxUnzippedBytes / (1024 * 1024.0):0.#} MiB limit: a zip bomb?");

    private static string BodyText(MainDocumentPart part, ReadDeadline deadline)
    {
        var lines = new List<string>();
        var open = new Stack<StringBuilder>();
        using var reader = OpenXmlReader.Create(part);
        var steps = 0;
        while (reader.Read())
        {
            if ((++steps & 1023) == 0) deadline.Check();
            var type = reader.ElementType;
            if (type == typeof(Paragraph))
            {
                if (reader.IsStartElement) open.Push(new StringBuilder());
                else if (reader.IsEndElement && open.Count > 0) AddLine(lines, open.Pop().ToString());
                continue;
            }
            if (!reader.IsStartElement || open.Count == 0) continue;
            if (type == typeof(Text)) open.Peek().Append(reader.GetText());
            else if (type == typeof(TabChar)) open.Peek().Append('\t');
            else if (type == typeof(Break) || type == typeof(CarriageReturn))
            {
                AddLine(lines, open.Peek().ToString());
                open.Peek().Clear();
            }
            else if (type == typeof(NoBreakHyphen)) open.Peek().Append('-');
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
