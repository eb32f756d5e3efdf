namespace ReportFunctions.Core.Documents;

/// <summary>
/// A linear scan of the markup that bounds element nesting before the page is parsed: deeply nested markup makes
/// tree builders slow (scope checks walk the stack of open elements) and recursive tree walks overflow the stack,
/// which ends the process. Void elements, self-closed tags and elements whose end tag may be omitted (p, li, td...)
/// are not counted; the contents of script, style, textarea and comments are skipped.
/// </summary>
public static class HtmlDepthGuard
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.Ordinal)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        // end tag may be omitted: a sibling closes them
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "thead", "tbody", "tfoot",
        "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "xmp", "noscript" };

    public static void Check(string markup, int maxDepth)
    {
        var depth = 0;
        var i = 0;
        var n = markup.Length;
        while (i < n)
        {
            var lt = markup.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= n) return;
            var c = markup[lt + 1];
            if (c == '!')
            {
                var end = markup.AsSpan(lt).StartsWith("<!--") ? markup.IndexOf("-->", lt + 4, StringComparison.Ordinal) : markup.IndexOf('>', lt);
                if (end < 0) return;
                i = end + 1;
                continue;
            }
            var closing = c == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var k = nameStart;
            while (k < n && (char.IsAsciiLetterOrDigit(markup[k]) || markup[k] is '-' or ':' or '_')) k++;
            if (k == nameStart || !char.IsAsciiLetter(markup[nameStart])) { i = lt + 1; continue; }
            var name = markup[nameStart..k].ToLowerInvariant();
            var gt = TagEnd(markup, k);
            if (gt < 0) return;
            if (closing)
            {
                if (!NotNesting.Contains(name) && depth > 0) depth--;
            }
            else if (RawText.Contains(name))
            {
                var close = markup.IndexOf("</" + name, gt, StringComparison.OrdinalIgnoreCase);
                if (close < 0) return;
                i = close;
                continue;
            }
            else if (!NotNesting.Contains(name) && markup[gt - 1] != '/')
            {
                if (++depth > maxDepth)
                    throw new DocumentReadException($"HTML nested deeper than the {maxDepth}-level limit (hostile or broken markup)");
            }
            i = gt + 1;
        }
    }

    /// <summary>The '&gt;' that ends a tag, skipping quoted attribute values.</summary>
    private static int TagEnd(string s, int i)
    {
        char quote = '\0', last = '\0';
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'' && last == '=') quote = c; // a quoted attribute value: only right after '='
            else if (c == '>') return i;
            if (!char.IsWhiteSpace(c)) last = c;
        }
        return -1;
    }
}
