using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReportFunctions.Core.Queries;

/// <summary>The continuation token is missing its integrity check, was altered, or belongs to another query.</summary>
public sealed class InvalidContinuationException() : Exception("The continuation token is not valid for this query.");

/// <summary>
/// Opaque page tokens: base64url of {scope, after} plus a keyed check. The scope names the query (partition and
/// filters) so a token only continues the query that issued it; <c>after</c> is only ever used as a RowKey lower
/// bound inside that query's own partition and filters, so even a forged token cannot reach other data.
/// </summary>
public static class ContinuationToken
{
    private static readonly byte[] Key = "ReportFunctions.continuation.v1"u8.ToArray();
    private const int MaxTokenLength = 2048;

    public static string Create(string scope, string after)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload { S = scope, A = after });
        return Base64Url(payload) + "." + Base64Url(Check(payload));
    }

    /// <summary>The RowKey to continue after; throws <see cref="InvalidContinuationException"/> for a bad token.</summary>
    public static string Read(string token, string scope)
    {
        if (token.Length > MaxTokenLength) throw new InvalidContinuationException();
        var dot = token.IndexOf('.');
        if (dot <= 0) throw new InvalidContinuationException();
        byte[] payload, check;
        try
        {
            payload = FromBase64Url(token[..dot]);
            check = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException) { throw new InvalidContinuationException(); }
        if (!CryptographicOperations.FixedTimeEquals(check, Check(payload))) throw new InvalidContinuationException();
        Payload? p;
        try { p = JsonSerializer.Deserialize<Payload>(payload); }
        catch (JsonException) { throw new InvalidContinuationException(); }
        if (p?.S != scope || string.IsNullOrEmpty(p.A) || p.A.Any(char.IsControl)) throw new InvalidContinuationException();
        return p.A;
    }

    private static byte[] Check(byte[] payload) => HMACSHA256.HashData(Key, payload)[..16];

    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        t = t.PadRight(t.Length + (4 - t.Length % 4) % 4, '=');
        return Convert.FromBase64String(t);
    }

    private sealed class Payload
    {
        public string S { get; set; } = "";
        public string A { get; set; } = "";
    }
}
