using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// The article's text of a web page: scripts, styles, navigation, menus, headers and footers dropped; the
/// <c>&lt;article&gt;</c>, else <c>&lt;main&gt;</c>, else the element holding the most paragraph text, read as lines
/// (paragraphs, headings, list items, table rows); entities decoded; the page's charset honoured (<see cref="HtmlCharset"/>).
/// Nesting deeper than <see cref="DocumentLimits.MaxHtmlDepth"/> is refused before parsing (<see cref="HtmlDepthGuard"/>),
/// and the tree is walked without recursion, so no page can overflow the stack.
/// </summary>
public static class HtmlTextReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "menu", "iframe", "svg", "canvas",
        "button", "select", "form", "object", "embed", "audio", "video", "head", "title", "meta", "link",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "menu", "menubar", "search", "toolbar",
    };

    /// <summary>Class or id words of page furniture.</summary>
    private static readonly string[] FurnitureWords =
        ["nav", "menu", "footer", "breadcrumb", "sidebar", "share", "copyright", "toolbar", "pagination", "skip-link", "topbar"];

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tr", "blockquote", "pre", "br", "hr", "figure", "figcaption", "address", "center", "tbody", "thead", "tfoot", "caption",
    };

    public static string Read(ReadOnlySpan<byte> bytes, DocumentLimits limits)
    {
        var deadline = new ReadDeadline(limits.ReadTimeout, "reading the web page");
        var markup = HtmlCharset.Decode(bytes);
        HtmlDepthGuard.Check(markup, limits.MaxHtmlDepth);
        deadline.Check();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, MaximumDepth = limits.MaxHtmlDepth + 16 });
        using var document = parser.ParseDocument(markup);
        deadline.Check();
        var body = (INode?)document.Body ?? document.DocumentElement;
        if (body is null) return "";
        var root = ChooseRoot(body, deadline);
        var lines = Lines(root, deadline);
        var title = Collapse(document.Title ?? "");
        if (title.Length > 0 && !lines.Any(l => l.Contains(title, StringComparison.Ordinal))) lines.Insert(0, title);
        return string.Join('\n', lines);
    }

    private static bool IsFurniture(IElement e)
    {
        if (Dropped.Contains(e.LocalName)) return true;
        if (e.GetAttribute("role") is { } role && DroppedRoles.Contains(role.Trim())) return true;
        if (e.HasAttribute("hidden") || (e.GetAttribute("aria-hidden")?.Equals("true", StringComparison.OrdinalIgnoreCase) ?? false)) return true;
        var names = ((e.GetAttribute("class") ?? "") + " " + (e.Id ?? "")).ToLowerInvariant();
        if (names.Length <= 1) return false;
        foreach (var word in FurnitureWords)
            if (names.Contains(word, StringComparison.Ordinal))
                return word != "nav" || IsNavToken(names);
        return false;
    }

    /// <summary>"nav" as a word or word start (nav, main-nav, navbar), not inside another word (canvas).</summary>
    private static bool IsNavToken(string names)
    {
        foreach (var token in names.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            if (token.StartsWith("nav", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Elements in document order with their depth, furniture skipped, without recursion.</summary>
    private static IEnumerable<(INode Node, bool Enter)> Walk(INode root, ReadDeadline deadline)
    {
        var stack = new Stack<(INode Node, bool Enter)>();
        stack.Push((root, true));
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0) deadline.Check();
            var (node, enter) = stack.Pop();
            if (!enter) { yield return (node, false); continue; }
            if (node is IElement e && !ReferenceEquals(node, root) && IsFurniture(e)) continue;
            yield return (node, true);
            if (node is not IElement) continue;
            stack.Push((node, false));
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], true));
        }
    }

    /// <summary>The article, else main, else the element whose child paragraphs hold the most text, else the body.</summary>
    private static INode ChooseRoot(INode body, ReadDeadline deadline)
    {
        IElement? article = null, main = null;
        var articleLength = 0;
        var scores = new Dictionary<INode, int>();
        foreach (var (node, enter) in Walk(body, deadline))
        {
            if (!enter || node is not IElement e) continue;
            if (e.LocalName == "article")
            {
                var length = TextLength(e, deadline);
                if (length > articleLength) (article, articleLength) = (e, length);
            }
            else if (main is null && (e.LocalName == "main" || string.Equals(e.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase))) main = e;
            if (e.LocalName is "p" or "li" or "h1" or "h2" or "h3" or "h4" or "pre" or "td" && e.ParentElement is { } parent)
                scores[parent] = scores.GetValueOrDefault(parent) + OwnTextLength(e);
        }
        var total = TextLength(body, deadline);
        if (article is not null && articleLength >= total / 4) return article;
        if (main is not null && TextLength(main, deadline) >= total / 4) return main;
        if (scores.Count == 0) return body;
        var best = scores.MaxBy(kv => kv.Value).Key;
        // A block that holds most of the page's text is the article; otherwise the page is read whole.
        return TextLength(best, deadline) >= total / 2 ? best : body;
    }

    private static int OwnTextLength(IElement e)
    {
        var n = 0;
        foreach (var child in e.ChildNodes)
            if (child.NodeType == NodeType.Text) n += child.TextContent.Trim().Length;
            else if (child is IElement c && c.LocalName is "a" or "b" or "strong" or "em" or "i" or "span" or "font") n += c.TextContent.Length;
        return n;
    }

    private static int TextLength(INode root, ReadDeadline deadline)
    {
        var n = 0;
        foreach (var (node, enter) in Walk(root, deadline))
            if (enter && node.NodeType == NodeType.Text) n += node.TextContent.Trim().Length;
        return n;
    }

    private static List<string> Lines(INode root, ReadDeadline deadline)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var pre = 0;
        void Flush()
        {
            var line = pre > 0 ? current.ToString().Trim() : Collapse(current.ToString());
            if (line.Length > 0) lines.AddRange(pre > 0 ? line.Split('\n').Select(Collapse).Where(l => l.Length > 0) : [line]);
            current.Clear();
        }
        foreach (var (node, enter) in Walk(root, deadline))
        {
            if (node.NodeType == NodeType.Text) { if (enter) current.Append(node.TextContent); continue; }
            if (node is not IElement e) continue;
            if (e.LocalName == "pre") pre += enter ? 1 : -1;
            if (Blocks.Contains(e.LocalName)) Flush();
            else if (!enter && e.LocalName is "td" or "th") current.Append('\t');
        }
        Flush();
        return lines;
    }

    /// <summary>Whitespace runs (including non-breaking spaces and tabs) as one space, trimmed.</summary>
    internal static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0') { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
