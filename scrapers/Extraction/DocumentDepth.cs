using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Measures element nesting without recursion, so a hostile page cannot overflow the stack here.</summary>
internal static class DocumentDepth
{
    public static bool Exceeds(INode root, int limit)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > limit) return true;
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
                if (child is IElement) stack.Push((child, depth + 1));
        }
        return false;
    }
}
