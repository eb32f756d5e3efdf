using System.Security.Cryptography;
using System.Text;

namespace ReportFunctions.Core.Ingestion;

/// <summary>A report's bytes as read for ingestion: at most MaxReportBytes + 1 of them.</summary>
public sealed record ReportBytes(byte[] Bytes, int Length, string Hash, long? Size, bool TooLarge)
{
    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);
}

/// <summary>Result of turning a report's bytes into text.</summary>
public sealed record DecodedText(string? Text, string? FailureReason, bool NotText)
{
    public static DecodedText Ok(string text) => new(text, null, false);
    public static DecodedText Fail(string reason, bool notText) => new(null, reason, notText);
}

public static class ReportContent
{
    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> + 1 bytes (never buffers a larger file) and hashes them (SHA-256, hex).
    /// A file over the limit is marked <see cref="ReportBytes.TooLarge"/>; its hash covers the bytes read.
    /// </summary>
    public static async Task<ReportBytes> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        long? size = null;
        try { if (content.CanSeek) size = content.Length - content.Position; } catch (NotSupportedException) { }
        var limit = (int)Math.Min(maxBytes + 1, int.MaxValue - 64);
        // Known to be over the limit: read only a prefix, to tell one oversized file from another.
        if (size > maxBytes) limit = (int)Math.Min(limit, 64 * 1024);
        var buffer = new byte[Math.Min(limit, size is { } s ? (int)Math.Min(s + 1, limit) : 81920)];
        var n = 0;
        while (n < limit)
        {
            if (n == buffer.Length) Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            var read = await content.ReadAsync(buffer.AsMemory(n, Math.Min(buffer.Length, limit) - n), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            n += read;
        }
        var tooLarge = n > maxBytes || size > maxBytes;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(buffer, 0, n);
        if (tooLarge && size is not null) sha.AppendData(BitConverter.GetBytes(size.Value));
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        return new ReportBytes(buffer, n, hash, tooLarge ? size : n, tooLarge);
    }

    /// <summary>
    /// The one seam between bytes and text. Until the extraction engine's <c>ReportDecoder.Decode</c> lands this is
    /// a minimal decoder: refuses binary formats by their signature, then strict UTF-8 (with or without BOM),
    /// UTF-16 with a BOM, then GB18030.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, long maxBytes)
    {
        if (bytes.Length > maxBytes) return DecodedText.Fail(TooLargeReason(maxBytes), false);
        var sniffed = SniffBinary(bytes);
        if (sniffed is not null) return DecodedText.Fail("not text: looks like " + sniffed, true);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return TryDecode(new UnicodeEncoding(false, true, true), bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return TryDecode(new UnicodeEncoding(true, true, true), bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.IndexOf((byte)0) >= 0) return DecodedText.Fail("not text: contains NUL bytes (a binary file?)", true);
        var utf8 = TryDecode(new UTF8Encoding(false, true), bytes);
        if (utf8.Text is not null) return utf8;
        var gb = TryDecode(Gb18030(), bytes);
        return gb.Text is not null ? gb : DecodedText.Fail("not valid UTF-8 or GB18030 text", true);
    }

    public static string TooLargeReason(long maxBytes) =>
        maxBytes % (1024 * 1024) == 0 ? $"file is larger than the {maxBytes / (1024 * 1024)} MiB limit" : $"file is larger than the {maxBytes} byte limit";

    private static DecodedText TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try { return DecodedText.Ok(encoding.GetString(bytes)); }
        catch (DecoderFallbackException) { return DecodedText.Fail("not valid text in " + encoding.WebName, true); }
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static string? SniffBinary(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF"u8)) return "a PDF";
        if (b.StartsWith("PK\x03\x04"u8) || b.StartsWith("PK\x05\x06"u8)) return "a zip archive (or docx/xlsx)";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) return "an old Office document (doc/xls)";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "an image (PNG)";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "an image (JPEG)";
        if (b.StartsWith("GIF8"u8)) return "an image (GIF)";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "an image (WebP)";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "a gzip archive";
        if (b.StartsWith("{\\rtf"u8)) return "an RTF document";
        return null;
    }
}
