using System.Text;
using ReportFunctions.Core.Documents;

namespace ReportFunctions.Core.Extraction;

/// <summary>Result of <see cref="ReportDecoder.Decode"/>: the text, or a reason a user can act on.</summary>
public sealed record DecodeResult(string? Text, string? Error, string? Encoding = null, ReportFormat Format = ReportFormat.Text)
{
    public bool Ok => Text is not null;
    public static DecodeResult Fail(string error) => new(null, error);
}

/// <summary>
/// Turns the bytes of an uploaded report into text: PDF, web pages and Word documents through
/// <see cref="ReportTextReader"/>, plain text as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.
/// </summary>
public static class ReportDecoder
{
    /// <summary>The usual upload limit: 10 MiB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    static ReportDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A report's text in any accepted format (default limits, but the size limit given).</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes, string? name = null) =>
        Decode(bytes, maxBytes == DocumentLimits.Default.MaxBytes ? DocumentLimits.Default : DocumentLimits.Default with { MaxBytes = maxBytes }, name);

    /// <summary>A report's text in any accepted format, within <paramref name="limits"/>; <paramref name="name"/> only breaks ties of format.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, DocumentLimits limits, string? name = null)
    {
        var r = ReportTextReader.Read(bytes, limits, name);
        return new DecodeResult(r.Text, r.Error, r.Encoding, r.Format);
    }

    /// <summary>Plain text only: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; other binary data is "not text".</summary>
    public static DecodeResult DecodePlainText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return DecodeResult.Fail("file is empty");
        if (bytes.StartsWith("%PDF"u8)) return DecodeResult.Fail("not text: looks like a PDF");
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return DecodeResult.Fail("not text: looks like a zip archive, not a Word document (.docx)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return DecodeResult.Fail("not text: looks like a PNG image");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return DecodeResult.Fail("not text: looks like a JPEG image");
        if (bytes.StartsWith("GIF8"u8)) return DecodeResult.Fail("not text: looks like a GIF image");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) return DecodeResult.Fail("not text: looks like an old Word (.doc) or Office file (save it as .docx)");

        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(StrictUtf8.GetString(bytes[3..]), null, "utf-8");
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(new UnicodeEncoding(false, false, true).GetString(bytes[2..]), null, "utf-16le");
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(new UnicodeEncoding(true, false, true).GetString(bytes[2..]), null, "utf-16be");
        }
        catch (DecoderFallbackException)
        {
            return DecodeResult.Fail("not valid UTF-8 or GB18030 text");
        }

        // UTF-16 without a byte-order mark: NUL bytes on one side of every code unit only (ASCII digits, spaces, line ends)
        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            try { return new(new UnicodeEncoding(utf16 == "utf-16be", false, true).GetString(bytes), null, utf16); }
            catch (DecoderFallbackException) { }
        }
        if (bytes.IndexOf((byte)0) >= 0) return DecodeResult.Fail("not text: the file contains NUL bytes (binary data)");
        try { return new(StrictUtf8.GetString(bytes), null, "utf-8"); }
        catch (DecoderFallbackException) { }
        try
        {
            var gb = System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return new(gb.GetString(bytes), null, "gb18030");
        }
        catch (DecoderFallbackException) { }
        catch (ArgumentException) { }
        return DecodeResult.Fail("not valid UTF-8 or GB18030 text");
    }

    private static string? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        var window = bytes[..Math.Min(bytes.Length, 8192)];
        int evenZeros = 0, oddZeros = 0;
        for (var k = 0; k < window.Length; k++) if (window[k] == 0) { if (k % 2 == 0) evenZeros++; else oddZeros++; }
        var units = window.Length / 2;
        // ASCII characters put their zero on one side; a Chinese character rarely does ("一" is 4E00)
        if (oddZeros >= 4 && oddZeros * 10 >= units && evenZeros * 4 < oddZeros) return "utf-16le";
        if (evenZeros >= 4 && evenZeros * 10 >= units && oddZeros * 4 < evenZeros) return "utf-16be";
        return null;
    }

    /// <summary>The message for a file over the limit: "file is larger than the 10 MiB limit".</summary>
    public static string TooLarge(long maxBytes) => $"file is larger than the {FormatSize(maxBytes)} limit";

    private static string FormatSize(long bytes)
    {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return $"{bytes / (1024 * 1024)} MiB";
        if (bytes >= 1024 * 1024) return $"{bytes / (1024.0 * 1024):0.#} MiB";
        if (bytes >= 1024 && bytes % 1024 == 0) return $"{bytes / 1024} KiB";
        return $"{bytes} bytes";
    }
}
