using System.Text;
using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Writes the text of a DOM subtree as paragraphs separated by blank lines; iterative, so deep nesting cannot overflow the stack.</summary>
internal static class BlockTextWriter
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
        "figure", "figcaption", "form", "fieldset", "address", "hr", "center", "body", "html", "details", "summary",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object", "canvas", "select", "button",
    };

    public static bool IsBlock(string localName) => Blocks.Contains(localName);

    public static string Write(INode root)
    {
        var paragraphs = new List<string>();
        var line = new StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IElement element)
            {
                var name = element.LocalName;
                if (Skipped.Contains(name)) continue;
                var block = Blocks.Contains(name);
                if (closing) { if (block) Flush(line, paragraphs); continue; }
                if (name == "br") { line.Append('\n'); continue; }
                if (block) Flush(line, paragraphs);
                stack.Push((node, true));
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling) stack.Push((child, false));
            }
            else if (node is IText text)
            {
                AppendCollapsed(line, text.Data);
            }
            else if (node is IDocument or IDocumentFragment)
            {
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling) stack.Push((child, false));
            }
        }
        Flush(line, paragraphs);
        return string.Join("\n\n", paragraphs);
    }

    private static void AppendCollapsed(StringBuilder line, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && !char.IsWhiteSpace(line[^1])) line.Append(' ');
            }
            else line.Append(c);
        }
    }

    private static void Flush(StringBuilder line, List<string> paragraphs)
    {
        if (line.Length == 0) return;
        var lines = line.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        var text = string.Join("\n", lines);
        if (text.Length > 0) paragraphs.Add(text);
        line.Clear();
    }
}
