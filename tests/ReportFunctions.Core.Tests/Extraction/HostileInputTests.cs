using System.Diagnostics;
using System.Text;
using ReportFunctions.Core.Extraction;
using Xunit;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>Worst cases finish and return (generous bounds here; the hard figure is in bench-extract).</summary>
public sealed class HostileInputTests
{
    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length) sb.Append(unit);
        return sb.ToString(0, length);
    }

    public static IEnumerable<object[]> Inputs()
    {
        yield return ["one 2 MB line", Repeat("The GDP reached 673.95 billion yuan, a growth of 2.5% year on year, and the income of urban and rural residents increased by 4.2% and 6.9% respectively, ", 2 * 1024 * 1024)];
        yield return ["100,000 percent signs", new string('%', 100_000)];
        yield return ["1,1,1 for 1 MB", Repeat("1,", 1024 * 1024)];
        yield return ["digits", new string('9', 1024 * 1024)];
        yield return ["PDF decimal dots", Repeat("1. 2. ", 1024 * 1024)];
        yield return ["respectively chains", Repeat("GDP grew 5% and 6.5% respectively, ", 1024 * 1024)];
        yield return ["capitalised names", Repeat("Jiaxing Zhejiang Inner Mongolia Xi'an ", 1024 * 1024)];
        yield return ["one long word", new string('a', 1024 * 1024)];
        yield return ["blank lines", Repeat("\r\n", 1024 * 1024)];
        yield return ["binary-ish", Repeat("\u0001\u00A0\uFFFD—“”’", 1024 * 1024)];
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Finishes_quickly_and_returns(string name, string text)
    {
        var x = new ReportExtractor();
        var sw = Stopwatch.StartNew();
        var r = x.Extract(text, name);
        sw.Stop();
        Assert.NotNull(r);
        // a guard against a super-linear blow-up (minutes), not a speed target: `reports bench-extract` prints the worst hostile
        // input's time per 100 KB (limit 100 ms). Generous because test machines are shared: a Debug build took 2-3 s per MB
        // under a load of 20.
        Assert.True(sw.Elapsed.TotalSeconds < 30.0 * Math.Max(1, text.Length / 1_048_576.0), $"{name}: {sw.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Garbage_never_throws()
    {
        var rnd = new Random(7);
        var x = new ReportExtractor();
        const string alphabet = "GDP grew 5.% ,;:()-–—$¥1234567890 billion yuan respectively from to in 2020 2021 Jiaxing's\n\n. ";
        for (var n = 0; n < 300; n++)
        {
            var len = rnd.Next(0, 400);
            var sb = new StringBuilder();
            for (var i = 0; i < len; i++) sb.Append(rnd.Next(4) == 0 ? alphabet[rnd.Next(alphabet.Length)] : (char)rnd.Next(0, 0x3000));
            var r = x.Extract(sb.ToString());
            Assert.NotNull(r);
        }
    }
}
