using System.Security.Cryptography;
using System.Text;

namespace ReportFunctions.Core.Storage;

/// <summary>
/// Report ids: derived from the blob name, readable, unique per name, and safe both as a table RowKey
/// (no / \ # ? or control characters) and as a URL path segment: a lower-case ASCII slug of the name plus
/// the first 10 hex digits of the SHA-256 of the exact name (<c>Zhejiang 2021.txt</c> -> <c>zhejiang-2021-txt-1a2b3c4d5e</c>).
/// </summary>
public static class ReportIds
{
    public const int MaxSlugLength = 60;
    public const int MaxLength = MaxSlugLength + 11;

    public static string FromBlobName(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var sb = new StringBuilder(Math.Min(blobName.Length, MaxSlugLength));
        var dash = false;
        foreach (var c in blobName)
        {
            if (sb.Length >= MaxSlugLength) break;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                dash = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else dash = true;
        }
        var slug = sb.Length == 0 ? "report" : sb.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..10];
        return slug + "-" + hash;
    }

    /// <summary>True for a string that has the shape of a report id (checked before any storage lookup).</summary>
    public static bool IsWellFormed(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id.Length < 12) return false;
        foreach (var c in id)
            if (!(char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-')) return false;
        return id[^11] == '-';
    }
}
