using System.IO.Compression;
using System.Text;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// Recognises a report's format by its content, not its name: <c>%PDF</c>, a zip holding <c>word/document.xml</c>,
/// markup that opens like a web page (<c>&lt;!DOCTYPE html</c>, <c>&lt;html</c>, <c>&lt;head</c>, <c>&lt;body</c>), else text.
/// The file name only breaks a tie: markup that starts with '&lt;' in a file named .htm/.html.
/// </summary>
public static class DocumentSniffer
{
    private const int PdfHeaderWindow = 1024;
    private const int MarkupWindow = 4096;

    public static ReportFormat Detect(ReadOnlySpan<byte> bytes, string? name = null)
    {
        if (IsPdf(bytes)) return ReportFormat.Pdf;
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return IsDocx(bytes) ? ReportFormat.Docx : ReportFormat.Text;
        if (LooksLikeHtml(bytes, name)) return ReportFormat.Html;
        return ReportFormat.Text;
    }

    /// <summary>%PDF at the start, or within the first KiB (the specification lets junk precede the header).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        var window = bytes[..Math.Min(bytes.Length, PdfHeaderWindow)];
        var at = window.IndexOf("%PDF-"u8);
        return at == 0 || at > 0 && window[..at].IndexOf((byte)'<') < 0;
    }

    /// <summary>A zip archive with a <c>word/document.xml</c> entry (read from the central directory only).</summary>
    public static bool IsDocx(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            // A damaged archive (no central directory): its local headers still name the Word parts.
            return bytes[..Math.Min(bytes.Length, 64 * 1024)].IndexOf("word/"u8) >= 0;
        }
    }

    public static bool LooksLikeHtml(ReadOnlySpan<byte> bytes, string? name = null)
    {
        var head = Prefix(bytes);
        var t = head.TrimStart();
        if (t.Length == 0 || t[0] != '<') return false;
        var lower = t.ToLowerInvariant();
        if (lower.StartsWith("<!doctype html", StringComparison.Ordinal) || lower.StartsWith("<html", StringComparison.Ordinal)) return true;
        foreach (var tag in (string[])["<html", "<head", "<body", "<meta ", "<title>"])
            if (lower.Contains(tag, StringComparison.Ordinal)) return true;
        var ext = Path.GetExtension(name ?? "").ToLowerInvariant();
        return ext is ".htm" or ".html" or ".xhtml";
    }

    /// <summary>The first few KiB as text, for markup sniffing (BOM-aware; otherwise bytes as Latin-1, enough for ASCII tags).</summary>
    private static string Prefix(ReadOnlySpan<byte> bytes)
    {
        var window = bytes[..Math.Min(bytes.Length, MarkupWindow)];
        if (window.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(window[2..]);
        if (window.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(window[2..]);
        if (window.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) window = window[3..];
        return Encoding.Latin1.GetString(window);
    }
}
