using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Core.Documents;

/// <summary>The plain text read from a report in any accepted format, or why it could not be read.</summary>
public sealed record DocumentText(string? Text, string? Error, ReportFormat Format, string? Encoding = null)
{
    public bool Ok => Text is not null;
}

/// <summary>
/// Reads a report's text whatever its format: recognises the format by content (<see cref="DocumentSniffer"/>) and hands
/// it to <see cref="PdfTextReader"/>, <see cref="HtmlTextReader"/>, <see cref="DocxTextReader"/> or the plain-text
/// <see cref="ReportDecoder"/>. Never throws for bad input: every failure is an <see cref="DocumentText.Error"/> a user can act on.
/// </summary>
public static class ReportTextReader
{
    public static DocumentText Read(ReadOnlySpan<byte> bytes, DocumentLimits limits, string? name = null)
    {
        if (bytes.Length == 0) return new(null, "file is empty", ReportFormat.Text);
        var format = DocumentSniffer.Detect(bytes, name);
        if (bytes.Length > limits.MaxBytes) return new(null, ReportDecoder.TooLarge(limits.MaxBytes), format);
        if (format == ReportFormat.Text)
        {
            var plain = ReportDecoder.DecodePlainText(bytes);
            return new(plain.Text, plain.Error, format, plain.Encoding);
        }
        try
        {
            var text = format switch
            {
                ReportFormat.Pdf => PdfTextReader.Read(bytes, limits),
                ReportFormat.Html => HtmlTextReader.Read(bytes, limits),
                _ => DocxTextReader.Read(bytes, limits),
            };
            if (string.IsNullOrWhiteSpace(text))
                return new(null, format switch
                {
                    ReportFormat.Pdf => "no text layer: scanned image?",
                    ReportFormat.Html => "no text in the web page (after navigation, scripts and footers are left out)",
                    _ => "no text in the Word document",
                }, format);
            return new(text, null, format, format == ReportFormat.Html ? null : "utf-8");
        }
        catch (DocumentReadException ex)
        {
            return new(null, ex.Message, format);
        }
        catch (InsufficientExecutionStackException)
        {
            return new(null, $"{ReportFormats.Name(format)} document nested too deeply to read", format);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var what = format switch { ReportFormat.Pdf => "corrupt PDF", ReportFormat.Html => "unreadable web page", _ => "corrupt Word document" };
            var message = ex.Message.Length > 160 ? ex.Message[..160] + "..." : ex.Message;
            return new(null, $"{what}: {ex.GetType().Name}: {message}", format);
        }
    }
}
