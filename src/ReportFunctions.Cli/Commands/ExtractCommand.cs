using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Cli.Commands;

/// <summary><c>reports extract FILE... [--explain]</c>: facts as JSON lines (the spec's format plus <c>doc</c> and <c>evidence_start</c>);
/// with <c>--explain</c>, each fact also lists the engine's rules that produced it, and the vetoed candidates follow as <c>"vetoed"</c> lines.</summary>
public static class ExtractCommand
{
    public static int Run(string[] args)
    {
        var explain = args.Contains("--explain");
        args = args.Where(a => a != "--explain").ToArray();
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: reports extract FILE... [--explain]");
            return 2;
        }
        ReportExtractor.LoadData();
        var extractor = new ReportExtractor();
        var failed = 0;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        // files are extracted in parallel (one per core) and printed in the order given
        using var gate = new SemaphoreSlim(Environment.ProcessorCount);
        var work = args.Select(path => Task.Run(async () =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try { return ExtractFile(extractor, path, explain); }
            finally { gate.Release(); }
        })).ToList();
        foreach (var task in work)
        {
            var (output, errors, ok) = task.GetAwaiter().GetResult();
            if (errors.Length > 0) Console.Error.Write(errors);
            stdout.Write(output);
            if (!ok) failed++;
        }
        stdout.Flush();
        return failed > 0 ? 1 : 0;
    }

    /// <summary>One file's JSON lines and messages (what goes to stdout and to stderr), and whether it could be read.</summary>
    private static (string Output, string Errors, bool Ok) ExtractFile(ReportExtractor extractor, string path, bool explain)
    {
        var err = new StringBuilder();
        DecodeResult decoded;
        // the file's bytes go into a pooled buffer: a report is often over the large-object threshold, and a fresh array
        // per file would trigger full collections
        byte[]? buffer = null;
        try
        {
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            if (length > ReportDecoder.DefaultMaxBytes) return ("", $"{path}: {ReportDecoder.TooLarge(ReportDecoder.DefaultMaxBytes)}\n", false);
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
            var read = 0;
            while (read < length && RandomAccess.Read(file, buffer.AsSpan(read, (int)length - read), read) is var got and > 0) read += got;
            decoded = ReportDecoder.Decode(buffer.AsSpan(0, read), ReportDecoder.DefaultMaxBytes, Path.GetFileName(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ("", $"{path}: file not found\n", false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ("", $"{path}: cannot read: {ex.Message}\n", false);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
        if (!decoded.Ok) return ("", $"{path}: {decoded.Error}\n", false);
        var doc = Path.GetFileName(path);
        var result = extractor.Extract(decoded.Text!, doc, explain);
        if (explain) err.Append(CultureInfo.InvariantCulture, $"{path}: language {result.Language}, region {result.Region.Name} ({result.RegionSource}), year {result.Year?.ToString(CultureInfo.InvariantCulture) ?? "?"} ({result.YearSource}), engine {result.EngineVersion}\n");
        if (result.NotAReportReason is { } why) err.Append(CultureInfo.InvariantCulture, $"{path}: {why}\n");
        foreach (var w in result.Warnings) err.Append(CultureInfo.InvariantCulture, $"{path}: warning: {w}\n");
        var output = new StringBuilder();
        foreach (var f in result.Facts) output.Append(ToJsonLine(doc, f, explain)).Append('\n');
        if (explain)
            foreach (var v in result.Vetoed) output.Append(VetoedJsonLine(doc, v)).Append('\n');
        return (output.ToString(), err.ToString(), true);
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJsonLine(string doc, Fact f, bool rules = false) => JsonLine(doc, w =>
        {
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
            if (rules)
            {
                w.WriteStartArray("rules");
                foreach (var r in f.Rules) w.WriteStringValue(r);
                w.WriteEndArray();
            }
        });

    private static string VetoedJsonLine(string doc, VetoedCandidate v) => JsonLine(doc, w =>
        {
            w.WriteString("vetoed", v.Indicator);
            w.WriteString("veto", v.Veto);
            w.WriteString("attach_rule", v.AttachRule);
            w.WriteString("evidence", v.Evidence);
            w.WriteNumber("evidence_start", v.EvidenceStart);
        });

    /// <summary>One JSON object on one line: <c>doc</c> first, then what <paramref name="write"/> adds.</summary>
    private static string JsonLine(string doc, Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("doc", doc);
            write(w);
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
