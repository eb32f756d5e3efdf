using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Cli.Commands;

/// <summary><c>reports extract FILE...</c>: facts as JSON lines (the spec's format plus <c>doc</c> and <c>evidence_start</c>).</summary>
public static class ExtractCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: reports extract FILE...");
            return 2;
        }
        var extractor = new ReportExtractor();
        var failed = 0;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        foreach (var path in args)
        {
            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists) { Console.Error.WriteLine($"{path}: file not found"); failed++; continue; }
                if (info.Length > ReportDecoder.DefaultMaxBytes) { Console.Error.WriteLine($"{path}: {ReportDecoder.TooLarge(ReportDecoder.DefaultMaxBytes)}"); failed++; continue; }
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: cannot read: {ex.Message}");
                failed++;
                continue;
            }
            var decoded = ReportDecoder.Decode(bytes, ReportDecoder.DefaultMaxBytes);
            if (!decoded.Ok)
            {
                Console.Error.WriteLine($"{path}: {decoded.Error}");
                failed++;
                continue;
            }
            var doc = Path.GetFileName(path);
            var result = extractor.Extract(decoded.Text!, doc);
            if (result.NotAReportReason is { } why) Console.Error.WriteLine($"{path}: {why}");
            foreach (var w in result.Warnings) Console.Error.WriteLine($"{path}: warning: {w}");
            foreach (var f in result.Facts) stdout.WriteLine(ToJsonLine(doc, f));
        }
        stdout.Flush();
        return failed > 0 ? 1 : 0;
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJsonLine(string doc, Fact f)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("doc", doc);
            w.WriteString("region", f.Region);
            w.WriteString("indicator", f.Indicator);
            w.WriteString("period", f.Period);
            w.WriteString("kind", f.Kind);
            w.WritePropertyName("value");
            w.WriteRawValue(FormatNumber(f.Value));
            w.WriteString("unit", f.Unit);
            w.WriteString("qualifier", f.Qualifier);
            w.WriteString("evidence", f.Evidence);
            w.WriteNumber("evidence_start", f.EvidenceStart);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Integers without exponent (279250000000), others in shortest round-trip form.</summary>
    public static string FormatNumber(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return "0";
        var r = Math.Round(v);
        if (Math.Abs(v - r) < 1e-9 * Math.Max(1, Math.Abs(v)) && Math.Abs(r) < 1e18) return ((long)r).ToString(CultureInfo.InvariantCulture);
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E')) s = v.ToString("0.############", CultureInfo.InvariantCulture);
        return s;
    }
}
