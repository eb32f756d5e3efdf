using System.Diagnostics;
using System.Text;

using ReportFunctions.Core.Documents;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Benchmarks;

/// <summary>
/// <c>reports bench-extract --formats [--mb N]</c>: the seeds as text, PDF, web page and Word document
/// (<see cref="ReportDocuments"/>), read and extracted on one thread until N MB of each format's input are done:
/// MB/s of input for reading the text out, and for reading plus extraction.
/// </summary>
public static class FormatBenchmark
{
    public static int Run(IReadOnlyList<(string Name, string Text)> docs, double mb)
    {
        var x = new ReportExtractor();
        var limits = DocumentLimits.Default;
        Console.WriteLine($"formats: {docs.Count} seeds rendered as txt, pdf, html and docx; {mb:0.#} MB of input per format, one thread");
        Console.WriteLine($"{"format",-6} {"input KB",9} {"text KB",8} {"read MB/s",10} {"read+extract MB/s",18} {"facts/pass",11}");
        foreach (var format in new[] { "txt", "pdf", "html", "docx" })
        {
            var inputs = docs.Select(d => (d.Name, Bytes: format switch
            {
                "pdf" => ReportDocuments.Pdf(d.Text, out _),
                "html" => ReportDocuments.Html(d.Text),
                "docx" => ReportDocuments.Docx(d.Text),
                _ => Encoding.UTF8.GetBytes(d.Text),
            })).ToList();
            long passBytes = inputs.Sum(i => (long)i.Bytes.Length), textChars = 0;
            var factsPerPass = 0;
            // warm-up: one second of the whole loop
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < 1)
                foreach (var (name, bytes) in inputs) x.Extract(ReportDecoder.Decode(bytes, limits, name).Text!, name);

            var target = (long)(mb * 1024 * 1024);
            long done = 0;
            var read = TimeSpan.Zero;
            var total = Stopwatch.StartNew();
            while (done < target)
            {
                textChars = 0;
                factsPerPass = 0;
                foreach (var (name, bytes) in inputs)
                {
                    var t = Stopwatch.GetTimestamp();
                    var decoded = ReportDecoder.Decode(bytes, limits, name);
                    read += Stopwatch.GetElapsedTime(t);
                    if (!decoded.Ok) { Console.Error.WriteLine($"{format} {name}: {decoded.Error}"); return 1; }
                    textChars += decoded.Text!.Length;
                    factsPerPass += x.Extract(decoded.Text, name).Facts.Count;
                    done += bytes.Length;
                }
            }
            total.Stop();
            var mbDone = done / (1024.0 * 1024);
            Console.WriteLine($"{format,-6} {passBytes / 1024.0,9:0} {textChars / 1024.0,8:0} {mbDone / read.TotalSeconds,10:0.0} {mbDone / total.Elapsed.TotalSeconds,18:0.0} {factsPerPass,11}");
        }
        return 0;
    }
}
