using ReportFunctions.Core.Extraction;
using ReportFunctions.Core.Extraction.Evaluation;

namespace ReportFunctions.Cli.Commands;

/// <summary>
/// <c>reports score DIR... [--errors]</c>: extracts every passage of annotated corpus folders (<c>NAME.txt</c> beside its gold
/// <c>NAME.jsonl</c>) and prints precision, recall and F1, overall and per indicator, as the shared scorer does. <c>--errors</c>
/// lists missed and spurious facts: for the dev corpus only, never the blind one.
/// </summary>
public static class ScoreCommand
{
    public static int Run(string[] args)
    {
        var errors = args.Contains("--errors");
        var folders = args.Where(a => a != "--errors").ToList();
        if (folders.Count == 0)
        {
            Console.Error.WriteLine("usage: reports score DIR... [--errors]");
            return 2;
        }
        var passages = new List<CorpusPassage>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) { Console.Error.WriteLine($"{folder}: no such folder"); return 2; }
            passages.AddRange(CorpusEvaluation.Load(folder));
        }
        var report = CorpusEvaluation.Score(new ReportExtractor(), passages);
        Console.WriteLine($"{passages.Count} passages, {passages.Sum(p => p.Gold.Count)} gold facts, engine {ReportExtractor.EngineVersion}");
        foreach (var line in GoldScorer.Format(report)) Console.WriteLine(line);
        if (errors) foreach (var e in report.Errors) Console.WriteLine(e);
        return 0;
    }
}
