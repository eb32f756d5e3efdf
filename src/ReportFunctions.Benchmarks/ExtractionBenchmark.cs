using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Benchmarks;

/// <summary>
/// <c>reports bench-extract [--mb 50] [--seeds DIR]</c>: single-threaded extraction throughput over the seed reports
/// repeated to at least N MB, allocated bytes per MB, and the worst time per 100 KB over hostile inputs.
/// With <c>--formats</c> (default 10 MB), MB/s per input format instead (<see cref="FormatBenchmark"/>).
/// </summary>
public static class ExtractionBenchmark
{
    public static int Run(string[] args)
    {
        double? mbGiven = null;
        var formats = false;
        string? seedsDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--mb" && i + 1 < args.Length && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0) mbGiven = m;
            else if (args[i] == "--formats") formats = true;
            else if (args[i] == "--seeds" && i + 1 < args.Length) seedsDir = args[++i];
            else { Console.Error.WriteLine("usage: reports bench-extract [--mb N] [--seeds DIR] [--formats]"); return 2; }
        }
        var mb = mbGiven ?? (formats ? 10 : 50);
        seedsDir ??= FindSeeds();
        if (seedsDir is null || !Directory.Exists(seedsDir))
        {
            Console.Error.WriteLine("bench-extract: no seeds/ directory found here or above; pass --seeds DIR");
            return 2;
        }
        var docs = Directory.GetFiles(seedsDir, "*.txt").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Name: Path.GetFileName(p), Text: ReportDecoder.Decode(File.ReadAllBytes(p), ReportDecoder.DefaultMaxBytes).Text ?? "")).ToList();
        if (docs.Count == 0) { Console.Error.WriteLine($"bench-extract: no .txt files in {seedsDir}"); return 2; }
        if (formats) return FormatBenchmark.Run(docs, mb);

        var x = new ReportExtractor();
        // warm-up: long enough for tiered compilation to reach optimized code
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3) foreach (var d in docs) x.Extract(d.Text, d.Name);

        if (Environment.GetEnvironmentVariable("BENCH_PHASES") == "1")
        {
            var swc = Stopwatch.StartNew();
            long cb = 0, letters = 0;
            while (cb < 20L * 1024 * 1024) foreach (var d in docs) { foreach (var ch in d.Text) if (char.IsAsciiLetter(Tokenizer.Norm(ch))) letters++; cb += d.Text.Length; }
            Console.WriteLine($"char loop only: {cb / 1048576.0 / swc.Elapsed.TotalSeconds:0.0} MB/s ({letters})");
            var swd = Stopwatch.StartNew();
            long db = 0;
            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            var alt = dict.GetAlternateLookup<ReadOnlySpan<char>>();
            while (db < 20L * 1024 * 1024) foreach (var d in docs) { var t = d.Text; for (var i = 0; i + 6 < t.Length; i += 6) { if (!alt.TryGetValue(t.AsSpan(i, 6), out _)) { } } db += t.Length; }
            Console.WriteLine($"dict lookups per 6 chars: {db / 1048576.0 / swd.Elapsed.TotalSeconds:0.0} MB/s");
            var swt = Stopwatch.StartNew();
            long tb = 0;
            while (tb < 20L * 1024 * 1024) foreach (var d in docs) { Tokenizer.Tokenize(d.Text); tb += d.Text.Length; }
            Console.WriteLine($"tokenize only: {tb / 1048576.0 / swt.Elapsed.TotalSeconds:0.0} MB/s");
        }
        var target = (long)(mb * 1024 * 1024);
        long bytes = 0, facts = 0;
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        while (bytes < target)
        {
            foreach (var d in docs)
            {
                facts += x.Extract(d.Text, d.Name).Facts.Count;
                bytes += Encoding.UTF8.GetByteCount(d.Text);
            }
        }
        sw.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var alloc = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        var mbDone = bytes / (1024.0 * 1024);
        Console.WriteLine($"seeds: {docs.Count} files from {seedsDir}, {mbDone:0.0} MB extracted in {sw.Elapsed.TotalSeconds:0.00} s (single thread)");
        Console.WriteLine($"throughput: {mbDone / sw.Elapsed.TotalSeconds:0.0} MB/s wall-clock, {mbDone / Math.Max(cpu, 1e-9):0.0} MB/s per CPU-second of this process (the machine may be shared), {facts} facts");
        Console.WriteLine($"allocations: {alloc / mbDone / (1024 * 1024):0.0} MB allocated per MB of text ({alloc / mbDone:0} bytes/MB)");

        var worst = 0.0;
        var worstName = "";
        foreach (var (name, text) in Hostile(docs.Select(d => d.Text)))
        {
            for (var w = 0; w < 3; w++) x.Extract(text[..Math.Min(text.Length, 50_000)]);
            // first run and the median of three runs (the machine may be shared; the median is the steady state)
            var runs = new double[3];
            ExtractionResult r = null!;
            for (var k = 0; k < runs.Length; k++)
            {
                var t = Stopwatch.StartNew();
                r = x.Extract(text, name);
                runs[k] = t.Elapsed.TotalMilliseconds;
            }
            var first = runs[0];
            Array.Sort(runs);
            var median = runs[1];
            if (Environment.GetEnvironmentVariable("BENCH_PHASES") == "1")
            {
                var tt = Stopwatch.StartNew();
                using (Tokenizer.Tokenize(text)) { }
                var tok = tt.Elapsed.TotalMilliseconds;
                var t2 = Stopwatch.StartNew();
                x.Extract(text, name);
                Console.WriteLine($"   tokenize {tok:0.0} ms, second extract {t2.Elapsed.TotalMilliseconds:0.0} ms");
            }
            var per100k = median / (text.Length / 100_000.0);
            Console.WriteLine($"hostile {name,-28} {text.Length / 1024.0,8:0} KB  first {first,8:0.0} ms  median {median,8:0.0} ms  {per100k,6:0.00} ms/100KB  facts {r.Facts.Count}");
            if (per100k > worst) { worst = per100k; worstName = name; }
        }
        Console.WriteLine($"worst case: {worst:0.00} ms per 100 KB ({worstName}, median of 3); limit 100 ms");
        return 0;
    }

    private static string? FindSeeds()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null)
        {
            var p = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(p)) return p;
            dir = dir.Parent;
        }
        return null;
    }

    /// <summary>Inputs meant to make a careless extractor slow.</summary>
    public static IEnumerable<(string Name, string Text)> Hostile(IEnumerable<string> seeds)
    {
        var joined = string.Join(" ", seeds).Replace('\n', ' ').Replace('\r', ' ');
        yield return ("one-2MB-line", Repeat(joined, 2 * 1024 * 1024));
        yield return ("100k-percent", new string('%', 100_000));
        yield return ("1,1,1-1MB", Repeat("1,", 1024 * 1024));
        yield return ("digits-1MB", new string('7', 1024 * 1024));
        yield return ("decimal-dots-1MB", Repeat("1. 2. ", 1024 * 1024));
        yield return ("gdp-values-no-period-1MB", Repeat("GDP grew 5% and 6.5% respectively, ", 1024 * 1024));
        yield return ("income-words-1MB", Repeat("income of urban and rural residents ", 1024 * 1024));
        yield return ("capitalized-names-1MB", Repeat("Jiaxing Zhejiang Inner Mongolia Xi'an ", 1024 * 1024));
        yield return ("one-long-word-1MB", new string('a', 1024 * 1024));
        yield return ("blank-lines-1MB", Repeat("\n\n", 1024 * 1024));
        yield return ("forward-subjects-1MB", Repeat("growth of 5% and 6% in both fixed asset investment and retail sales of 7% in the per capita disposable income of urban and rural residents ", 1024 * 1024));
        yield return ("glued-words-1MB", Repeat("Surveyedunemployment 23,400yuan Totalretailsales GDPgrowth ", 1024 * 1024));
        yield return ("chinese-one-sentence-1MB", Repeat("地区生产总值增长6%左右，城乡居民人均可支配收入分别增长6.5%和7%，", 1024 * 1024));
        yield return ("chinese-numerals-1MB", Repeat("一二三四五六七八九十百千万亿点两百分之", 1024 * 1024));
    }

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length) sb.Append(unit);
        return sb.ToString(0, length);
    }
}
