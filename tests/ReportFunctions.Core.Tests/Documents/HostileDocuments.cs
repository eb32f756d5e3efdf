using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

using ReportFunctions.Benchmarks;

namespace ReportFunctions.Tests.Documents;

/// <summary>The bad files a format reader must turn into a clear reason without harm.</summary>
public static class HostileDocuments
{
    /// <summary>A PDF whose trailer names a Standard security handler with a user password nobody gave us
    /// (an incremental update adding /Encrypt to a valid PDF).</summary>
    public static byte[] EncryptedPdf()
    {
        var original = ReportDocuments.PdfPages(1);
        var text = Encoding.Latin1.GetString(original);
        var root = Regex.Matches(text, @"/Root\s+(\d+\s+\d+\s+R)").Last().Groups[1].Value;
        var size = int.Parse(Regex.Matches(text, @"/Size\s+(\d+)").Last().Groups[1].Value);
        var prev = Regex.Matches(text, @"startxref\s+(\d+)").Last().Groups[1].Value;
        var sb = new StringBuilder(text);
        if (!text.EndsWith('\n')) sb.Append('\n');
        var offset = sb.Length;
        string Hex(byte b) => string.Concat(Enumerable.Repeat(b.ToString("X2"), 32));
        sb.Append($"{size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{Hex(0x5A)}> /U <{Hex(0xA5)}> >>\nendobj\n");
        var xref = sb.Length;
        sb.Append($"xref\n{size} 1\n{offset:D10} 00000 n \ntrailer\n<< /Size {size + 1} /Root {root} /Prev {prev} /Encrypt {size} 0 R ")
          .Append("/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n")
          .Append($"startxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }

    /// <summary>A one-page PDF whose Flate content stream inflates to <paramref name="inflatedBytes"/> (a line of text, then spaces).</summary>
    public static byte[] PdfFlateBomb(long inflatedBytes)
    {
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write("BT /F1 12 Tf 50 700 Td (GDP grew by 5 percent.) Tj ET\n"u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += spaces.Length) z.Write(spaces);
        }
        var stream = compressed.ToArray();
        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            if (i == 3)
            {
                Write($"4 0 obj\n<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n");
                pdf.Write(stream);
                Write("\nendstream\nendobj\n");
            }
            else Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A PDF header followed by garbage: no objects, no cross-reference table.</summary>
    public static byte[] CorruptPdf() =>
        [.. "%PDF-1.7\n%\u00e2\u00e3\n"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251)), .. "\n%%EOF"u8];

    /// <summary>A .docx whose document.xml inflates to <paramref name="inflatedBytes"/> of spaces (about 1,000 : 1).</summary>
    public static byte[] DocxZipBomb(long inflatedBytes)
    {
        var valid = ReportDocuments.Docx("Zhanjiang GDP grew 5 percent.");
        using var input = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                using var to = copy.Open();
                using var from = entry.Open();
                if (entry.FullName != "word/document.xml") { from.CopyTo(to); continue; }
                var xml = new StreamReader(from).ReadToEnd();
                var at = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
                to.Write(Encoding.UTF8.GetBytes(xml[..at] + "<w:p><w:r><w:t xml:space=\"preserve\">"));
                var spaces = new byte[1 << 20];
                Array.Fill(spaces, (byte)' ');
                for (long written = 0; written < inflatedBytes; written += spaces.Length) to.Write(spaces);
                to.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p>" + xml[at..]));
            }
        }
        return output.ToArray();
    }

    /// <summary>A .docx whose body nests one paragraph in <paramref name="depth"/> content controls (w:sdt / w:sdtContent).</summary>
    public static byte[] DeepDocx(int depth) => RewriteDocument(xml =>
    {
        var at = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
        var sb = new StringBuilder(xml[..at]);
        for (var i = 0; i < depth; i++) sb.Append("<w:sdt><w:sdtContent>");
        sb.Append("<w:p><w:r><w:t>Deep inside, GDP grew 5 percent.</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++) sb.Append("</w:sdtContent></w:sdt>");
        return sb.Append(xml[at..]).ToString();
    });

    private static byte[] RewriteDocument(Func<string, string> rewrite)
    {
        var valid = ReportDocuments.Docx("Zhanjiang GDP grew 5 percent.");
        using var input = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in input.Entries)
            {
                using var to = zip.CreateEntry(entry.FullName).Open();
                using var from = entry.Open();
                if (entry.FullName == "word/document.xml") to.Write(Encoding.UTF8.GetBytes(rewrite(new StreamReader(from).ReadToEnd())));
                else from.CopyTo(to);
            }
        return output.ToArray();
    }

    /// <summary>A page with <paramref name="depth"/> nested elements (divs by default) around one paragraph.</summary>
    public static byte[] DeepHtml(int depth, string tag = "div")
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
        for (var i = 0; i < depth; i++) sb.Append('<').Append(tag).Append('>');
        sb.Append("<p>GDP grew 5 percent.</p>");
        for (var i = 0; i < depth; i++) sb.Append("</").Append(tag).Append('>');
        sb.Append("</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
