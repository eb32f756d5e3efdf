namespace ReportFunctions.Core.Extraction.Evaluation;

/// <summary>One passage of an annotated corpus: its text and gold facts (<c>NAME.txt</c> beside <c>NAME.jsonl</c>).</summary>
public sealed record CorpusPassage(string Doc, string Text, IReadOnlyList<GoldScorer.Item> Gold, IReadOnlyList<string> GoldEvidence);

/// <summary>Scores the extraction engine on annotated corpus folders (the seeds' gold, the dev and blind corpora).</summary>
public static class CorpusEvaluation
{
    /// <summary>The passages of a folder, in name order: every <c>*.txt</c> with the gold facts of its <c>*.jsonl</c> (none if absent).</summary>
    public static IReadOnlyList<CorpusPassage> Load(string folder)
    {
        var list = new List<CorpusPassage>();
        foreach (var path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var decoded = ReportDecoder.Decode(File.ReadAllBytes(path), ReportDecoder.DefaultMaxBytes);
            if (!decoded.Ok) throw new InvalidDataException($"{path}: {decoded.Error}");
            var goldPath = Path.ChangeExtension(path, ".jsonl");
            var lines = File.Exists(goldPath) ? File.ReadAllLines(goldPath).Where(l => !string.IsNullOrWhiteSpace(l)).ToList() : [];
            var gold = new List<GoldScorer.Item>(lines.Count);
            var evidence = new List<string>(lines.Count);
            foreach (var line in lines)
            {
                using var d = System.Text.Json.JsonDocument.Parse(line);
                gold.Add(GoldScorer.FromJson(d.RootElement));
                evidence.Add(d.RootElement.TryGetProperty("evidence", out var e) ? e.GetString() ?? "" : "");
            }
            list.Add(new CorpusPassage(Path.GetFileName(path), decoded.Text!, gold, evidence));
        }
        return list;
    }

    /// <summary>Extracts every passage and scores the facts against the gold.</summary>
    public static GoldScorer.Report Score(ReportExtractor extractor, IEnumerable<CorpusPassage> passages)
    {
        var gold = new List<GoldScorer.Item>();
        var predicted = new List<GoldScorer.Item>();
        foreach (var p in passages)
        {
            gold.AddRange(p.Gold);
            var result = extractor.Extract(p.Text, p.Doc);
            predicted.AddRange(result.Facts.Select(f => GoldScorer.FromFact(p.Doc, f)));
        }
        return GoldScorer.Score(gold, predicted);
    }
}
