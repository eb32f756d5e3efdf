using System.Text;
using System.Text.RegularExpressions;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>
/// The engine's vocabulary lives in its data files (Extraction/Data): no rule compares text against a word written in
/// code. These tests read the engine's source files (Extraction/*.cs; Evaluation/ is the scorer of gold files, not the
/// engine) and fail when a string literal that looks like a word appears outside the allowlist below.
/// </summary>
public sealed partial class VocabularyInDataTests
{
    /// <summary>Literals that look like words but are no vocabulary: labels and keys the engine writes or parses, messages.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["body"] = "region/year source label recorded on the result (found in the report's body), shown by --explain",
        ["title"] = "year source label: the delivery year was read from the title",
        ["date"] = "year source label: the delivery year was read from a dateline",
        ["lead"] = "year source label: the delivery year was read from a news lead",
        ["none"] = "region/year source label: nothing found",
        ["en"] = "language code of the result, and the English-phrasing key of indicator files",
        ["zh"] = "language code of the result, and the Chinese-phrasing key of indicator files",
        ["concept"] = "key of an indicator file line (ExtractionData parses the data files)",
        ["code"] = "key of an indicator file line",
        ["range"] = "key of an indicator file line",
        ["example"] = "key of an indicator file line",
        ["no text"] = "warning and not-a-report reason for an empty report",
        ["file is empty"] = "error message of the report decoder",
    };

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReportFunctions.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no ReportFunctions.sln above {AppContext.BaseDirectory}");
    }

    private static string[] EngineFiles()
    {
        var dir = Path.Combine(RepoRoot(), "src", "ReportFunctions.Core", "Extraction");
        return Directory.GetFiles(dir, "*.cs", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>One to three words of letters with a lower-case letter ("percent", "per cent", "China"), or any Han character.</summary>
    internal static bool LooksLikeWord(string literal) =>
        (WordsPattern().IsMatch(literal) && literal.Any(char.IsAsciiLetterLower)) || literal.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF');

    [GeneratedRegex(@"^[A-Za-z']+(?: [A-Za-z']+){0,2}$")]
    private static partial Regex WordsPattern();

    [Fact]
    public void No_rule_compares_text_against_a_word_written_in_code()
    {
        var files = EngineFiles();
        Assert.True(files.Length >= 10, $"expected the engine's files, found {files.Length}");
        var found = new List<string>();
        foreach (var file in files)
            foreach (var (line, text) in CSharpLiterals.StringLiterals(File.ReadAllText(file, Encoding.UTF8)))
                if (LooksLikeWord(text) && !Allowed.ContainsKey(text))
                    found.Add($"{Path.GetFileName(file)}:{line}: \"{text}\"");
        Assert.True(found.Count == 0,
            "words written in the engine's code (put them in Extraction/Data/en/words.txt or zh/words.txt and read them by name in Lexicon.cs):\n"
            + string.Join('\n', found));
    }

    [Fact]
    public void Every_allowlisted_literal_is_still_in_the_engine()
    {
        var used = EngineFiles().SelectMany(f => CSharpLiterals.StringLiterals(File.ReadAllText(f, Encoding.UTF8))).Select(l => l.Text).ToHashSet(StringComparer.Ordinal);
        var stale = Allowed.Keys.Where(a => !used.Contains(a)).ToList();
        Assert.True(stale.Count == 0, "allowlisted literals no longer in the engine (remove them from Allowed): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_literal_reader_finds_words_in_code_and_skips_comments_labels_and_characters()
    {
        const string code = """
            // "percent" in a comment
            /* "dollars" in a block comment */
            if (w == "percent" || w is "dollar" or "dollars") return "veto:per-unit"; // "ignored"
            var c = '"'; var e = "say \"hi\""; var v = @"a ""quoted"" word"; var z = "政府工作报告"; var n = $"{x}:{y}";
            """;
        var words = CSharpLiterals.StringLiterals(code).Select(l => l.Text).Where(LooksLikeWord).ToList();
        Assert.Equal(["percent", "dollar", "dollars", "政府工作报告"], words);
        Assert.DoesNotContain("veto:per-unit", words);
        Assert.DoesNotContain("ignored", words);
        Assert.Equal(3, CSharpLiterals.StringLiterals(code).First(l => l.Text == "percent").Line);
    }
}

/// <summary>The string literals of C# source, comments and character literals skipped (enough of the grammar for the engine's files).</summary>
internal static class CSharpLiterals
{
    public static IEnumerable<(int Line, string Text)> StringLiterals(string src)
    {
        var line = 1;
        var i = 0;
        while (i < src.Length)
        {
            var c = src[i];
            if (c == '\n') { line++; i++; continue; }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '/') { while (i < src.Length && src[i] != '\n') i++; continue; }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '*')
            {
                var end = src.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? src.Length : end + 2;
                line += src.AsSpan(i, end - i).Count('\n');
                i = end;
                continue;
            }
            if (c == '\'')
            {
                i++;
                while (i < src.Length && src[i] != '\'') i += src[i] == '\\' ? 2 : 1;
                i++;
                continue;
            }
            var verbatim = false;
            var p = i;
            while (p < src.Length && src[p] is '$' or '@') { verbatim |= src[p] == '@'; p++; }
            if (p >= src.Length || src[p] != '"') { i++; continue; }
            if (p + 2 < src.Length && src[p + 1] == '"' && src[p + 2] == '"')
            {
                // raw string literal: """ ... """
                var close = src.IndexOf("\"\"\"", p + 3, StringComparison.Ordinal);
                close = close < 0 ? src.Length : close;
                var raw = src[(p + 3)..close];
                yield return (line, raw.Trim());
                line += raw.Count(ch => ch == '\n');
                i = Math.Min(src.Length, close + 3);
                continue;
            }
            var startLine = line;
            var text = new StringBuilder();
            var j = p + 1;
            while (j < src.Length)
            {
                var ch = src[j];
                if (verbatim && ch == '"' && j + 1 < src.Length && src[j + 1] == '"') { text.Append('"'); j += 2; continue; }
                if (!verbatim && ch == '\\' && j + 1 < src.Length) { text.Append(src[j + 1] == '"' ? "\"" : src.Substring(j, 2)); j += 2; continue; }
                if (ch == '"') break;
                if (ch == '\n') line++;
                text.Append(ch);
                j++;
            }
            yield return (startLine, text.ToString());
            i = j + 1;
        }
    }
}
