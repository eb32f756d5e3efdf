using System.Text;

namespace ReportFunctions.Core.Domain;

/// <summary>
/// The display form of a fact's evidence. Evidence is stored verbatim (its offsets point into the report's text), so
/// text born in a PDF shows no-break spaces and line breaks (<c>CPI\u00a0is\u00a0controlled</c>); people read the
/// display form: every run of whitespace (spaces, tabs, line breaks, no-break and other Unicode spaces) becomes one
/// space, and the ends are trimmed.
/// </summary>
public static class EvidenceText
{
    public static string Display(string? evidence)
    {
        if (string.IsNullOrEmpty(evidence)) return "";
        var sb = new StringBuilder(evidence.Length);
        var pendingSpace = false;
        foreach (var c in evidence)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
