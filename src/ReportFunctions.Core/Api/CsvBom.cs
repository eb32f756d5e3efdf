using System.Text;

namespace ReportFunctions.Core.Api;

/// <summary>
/// CSV answers are UTF-8 with a byte-order mark: Excel reads a CSV file without one in the system's ANSI code page, which
/// garbles Chinese evidence and names (嘉兴市); with it, Excel and other spreadsheets read UTF-8. The Content-Type stays
/// <c>text/csv; charset=utf-8</c>.
/// </summary>
public static class CsvBom
{
    /// <summary>EF BB BF.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The text's UTF-8 bytes after the byte-order mark.</summary>
    public static byte[] Prepend(string text)
    {
        var bytes = new byte[Utf8Bom.Length + Encoding.UTF8.GetByteCount(text)];
        Utf8Bom.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(Utf8Bom.Length));
        return bytes;
    }
}
