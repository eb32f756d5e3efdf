namespace ReportFunctions.Core.Documents;

/// <summary>The formats a report is accepted in, recognised by content (<see cref="DocumentSniffer"/>).</summary>
public enum ReportFormat
{
    /// <summary>Plain text: UTF-8, UTF-16 with BOM, or GB18030.</summary>
    Text,
    Pdf,
    Html,
    Docx,
}

public static class ReportFormats
{
    /// <summary>The short name stored with a report and printed by the CLI: txt, pdf, html, docx.</summary>
    public static string Name(ReportFormat format) => format switch
    {
        ReportFormat.Pdf => "pdf",
        ReportFormat.Html => "html",
        ReportFormat.Docx => "docx",
        _ => "txt",
    };

    /// <summary>The content type a blob of this format is stored with.</summary>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Html => "text/html",
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain",
    };

    /// <summary>A declared content type that is certainly no report in an accepted format (images, old Office files,
    /// spreadsheets...); uploads are refused with 415 before their bytes are read (the bytes are sniffed as well).</summary>
    public static bool IsRefusedContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        var t = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return t.StartsWith("image/", StringComparison.Ordinal) || t.StartsWith("audio/", StringComparison.Ordinal) || t.StartsWith("video/", StringComparison.Ordinal)
               || t is "application/gzip" or "application/msword"
               || t.StartsWith("application/vnd.openxmlformats", StringComparison.Ordinal) && !t.Contains("wordprocessingml", StringComparison.Ordinal)
               || t.StartsWith("application/vnd.ms-", StringComparison.Ordinal);
    }
}

/// <summary>
/// The limits a report's reading stays within; hostile files end Failed with the limit they broke.
/// <see cref="Configuration.ReportFunctionsOptions"/> holds them as settings.
/// </summary>
public sealed record DocumentLimits
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    public const int DefaultMaxPdfPages = 500;
    public const long DefaultMaxDecompressedBytes = 64L * 1024 * 1024;
    public const int DefaultMaxHtmlDepth = 512;
    public const int DefaultReadTimeoutSeconds = 60;

    public static readonly DocumentLimits Default = new();

    /// <summary>Largest file accepted, any format.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
    /// <summary>A PDF with more pages is refused before any page is read.</summary>
    public int MaxPdfPages { get; init; } = DefaultMaxPdfPages;
    /// <summary>The XML parts of a DOCX, or the Flate streams a PDF's reading decodes, may decompress to at most this many
    /// bytes in total (a zip bomb stops here).</summary>
    public long MaxDecompressedBytes { get; init; } = DefaultMaxDecompressedBytes;
    /// <summary>HTML nested deeper than this is refused before it is parsed.</summary>
    public int MaxHtmlDepth { get; init; } = DefaultMaxHtmlDepth;
    /// <summary>Reading one document's text (pages, elements, paragraphs) stops after this long.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(DefaultReadTimeoutSeconds);
}

/// <summary>Why a document could not be read: the message becomes the report's Failed reason.</summary>
public sealed class DocumentReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The reading deadline of one document, checked between pages, elements and paragraphs.</summary>
internal sealed class ReadDeadline(TimeSpan timeout, string what)
{
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    public void Check()
    {
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_start) > timeout)
            throw new DocumentReadException($"{what} took longer than the {timeout.TotalSeconds:0.###} s reading limit");
    }
}
