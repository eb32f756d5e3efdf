using System.Text;
using System.Text.RegularExpressions;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// A web page's bytes as text: a BOM first, else the charset its markup declares (<c>&lt;meta charset&gt;</c> or
/// <c>http-equiv="Content-Type"</c>, in the first 4 KiB), else UTF-8 if the bytes are valid UTF-8, else GB18030.
/// GB2312 and GBK pages are read as GB18030, their superset (as browsers do).
/// </summary>
public static partial class HtmlCharset
{
    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (Declared(bytes) is { } declared) return declared.GetString(bytes);
        var plain = ReportDecoder.DecodePlainText(bytes);
        return plain.Text ?? Encoding.Latin1.GetString(bytes);
    }

    /// <summary>The encoding the page declares, if .NET knows it (UTF-16 declarations in an 8-bit file are ignored).</summary>
    public static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = MetaCharset().Match(head);
        if (!m.Success) return null;
        var label = m.Groups[1].Value.Trim().ToLowerInvariant();
        if (label is "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "chinese" or "csgb2312" or "euc-cn" or "cp936" or "windows-936") label = "gb18030";
        if (label.StartsWith("utf-16", StringComparison.Ordinal)) return null;
        try { return Encoding.GetEncoding(label); }
        catch (ArgumentException) { return null; }
    }
}
