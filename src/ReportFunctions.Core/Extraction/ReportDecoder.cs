using System.Text;

namespace ReportFunctions.Core.Extraction;

/// <summary>Result of <see cref="ReportDecoder.Decode"/>: the text, or a reason a user can act on.</summary>
public sealed record DecodeResult(string? Text, string? Error, string? Encoding = null)
{
    public bool Ok => Text is not null;
    public static DecodeResult Fail(string error) => new(null, error);
}

/// <summary>Turns the bytes of an uploaded report into text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.</summary>
public static class ReportDecoder
{
    /// <summary>The usual upload limit: 10 MiB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    static ReportDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length == 0) return DecodeResult.Fail("file is empty");
        if (bytes.Length > maxBytes) return DecodeResult.Fail(TooLarge(maxBytes));

        if (bytes.StartsWith("%PDF"u8)) return DecodeResult.Fail("not text: looks like a PDF (convert it to text first)");
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return DecodeResult.Fail("not text: looks like a zip archive or Office document (save it as plain text)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return DecodeResult.Fail("not text: looks like a PNG image");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return DecodeResult.Fail("not text: looks like a JPEG image");
        if (bytes.StartsWith("GIF8"u8)) return DecodeResult.Fail("not text: looks like a GIF image");

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
