using System.Security.Cryptography;
using System.Text;
using ReportFunctions.Core.Documents;

namespace ReportFunctions.Core.Ingestion;

/// <summary>A report's bytes as read for ingestion: at most MaxReportBytes + 1 of them.</summary>
public sealed record ReportBytes(byte[] Bytes, int Length, string Hash, long? Size, bool TooLarge)
{
    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);
}

/// <summary>Result of turning a report's bytes into text.</summary>
public sealed record DecodedText(string? Text, string? FailureReason, bool NotText, ReportFormat Format = ReportFormat.Text)
{
    public static DecodedText Ok(string text, ReportFormat format = ReportFormat.Text) => new(text, null, false, format);
    public static DecodedText Fail(string reason, bool notText, ReportFormat format = ReportFormat.Text) => new(null, reason, notText, format);
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

}
