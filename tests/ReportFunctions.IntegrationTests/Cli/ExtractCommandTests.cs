using System.Diagnostics;
using System.Text;

namespace ReportFunctions.IntegrationTests.Cli;

/// <summary><c>reports extract</c> as a process: facts of readable files in the order given, a clear message for each file it cannot read.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reports-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reports.dll"));
        psi.ArgumentList.Add("extract");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "reports extract did not finish in 60 s");
        return (p.ExitCode, output.Result, error.Result);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private const string Report = "Report on the Work of the Government of Jiaxing, delivered in January 2024.\n\nIn 2023 the city's GDP grew by 5.5%. This year, GDP growth is targeted at around 6%.\n";

    [Fact]
    public void Facts_of_every_readable_file_in_order_and_a_message_for_each_unreadable_one()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Write("a.txt", Encoding.UTF8.GetBytes(Report));
        var gb = Write("b.txt", Encoding.GetEncoding("GB18030").GetBytes("嘉兴市2024年政府工作报告\n\n2023年，全市地区生产总值增长5.5%。2024年主要预期目标：地区生产总值增长6%左右。\n"));
        var missing = Path.Combine(_dir, "missing.txt");
        var pdfLike = Write("c.txt", Encoding.ASCII.GetBytes("%PDF-1.7 not really"));
        var tooLarge = Write("d.txt", new byte[10 * 1024 * 1024 + 1]);

        var (exit, output, error) = Run(utf8, missing, gb, pdfLike, tooLarge);

        Assert.Equal(1, exit); // some files could not be read
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines[..2], l => Assert.Contains("\"doc\":\"a.txt\"", l));
        Assert.All(lines[2..], l => Assert.Contains("\"doc\":\"b.txt\"", l));
        Assert.Contains(lines, l => l.Contains("\"region\":\"Jiaxing\"") && l.Contains("\"period\":\"2024\"") && l.Contains("\"kind\":\"target\"") && l.Contains("地区生产总值"));
        Assert.Contains($"{missing}: file not found", error);
        Assert.Contains($"{pdfLike}: corrupt PDF", error);
        Assert.Contains($"{tooLarge}: file is larger than the 10 MiB limit", error);
    }

    [Fact]
    public void Many_files_on_every_core_give_the_same_facts_as_one_at_a_time()
    {
        var paths = Enumerable.Range(0, 12).Select(i => Write($"r{i:D2}.txt", Encoding.UTF8.GetBytes(Report.Replace("5.5%", $"5.{i}%")))).ToArray();
        var together = Run(paths);
        var oneByOne = string.Concat(paths.Select(p => Run(p).Output));
        Assert.Equal(0, together.Exit);
        Assert.Equal(oneByOne, together.Output);
        Assert.Contains("\"value\":5.11", together.Output);
    }
}
