using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Removes what is never article text (scripts, navigation, share bars, comments, captions, ads) before scoring.</summary>
internal static partial class BoilerplateRemover
{
    private const string AlwaysRemoved =
        "script, style, noscript, template, iframe, svg, canvas, object, embed, button, select, input, textarea, " +
        "nav, aside, footer, figcaption, [hidden], [aria-hidden='true'], [role='navigation'], [role='complementary'], " +
        "[role='contentinfo'], [role='dialog'], [role='banner'], [role='alert'], [role='menu'], [role='menubar']";

    /// <summary>Strips the page; with <paramref name="byClassHints"/> also drops elements whose class or id says boilerplate.</summary>
    public static void Strip(IDocument document, bool byClassHints)
    {
        foreach (var element in document.QuerySelectorAll(AlwaysRemoved).ToList()) element.Remove();
        foreach (var comment in Descendants(document).OfType<IComment>().ToList()) comment.RemoveFromParent();
        if (!byClassHints || document.Body is null) return;
        foreach (var element in document.Body.QuerySelectorAll("*").ToList())
        {
            if (element.LocalName is "body" or "html" or "article" or "main" or "a" or "p" || element.Parent is null) continue;
            if (IsHidden(element) || IsBoilerplate(Hint(element))) element.Remove();
        }
    }

    internal static string Hint(IElement element) => $"{element.ClassName} {element.Id}";

    internal static bool IsBoilerplate(string hint) =>
        hint.Length > 1 && Unlikely().IsMatch(hint) && !MaybeContent().IsMatch(hint);

    private static bool IsHidden(IElement element)
    {
        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static IEnumerable<INode> Descendants(INode root)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var child = node.FirstChild; child is not null; child = child.NextSibling) stack.Push(child);
        }
    }

    [GeneratedRegex(@"-ad-|\bads?\b|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|cookie|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|modal|newsletter|subscribe|signup|share|sharing|promo|caption|teaser|recommend|most-?read|trending|outbrain|taboola|tags?\b|toolbar|print|paywall|yom-remote", RegexOptions.IgnoreCase)]
    private static partial Regex Unlikely();
    [GeneratedRegex(@"and|article|body|column|content|main|shadow|story|entry|post-?text", RegexOptions.IgnoreCase)]
    private static partial Regex MaybeContent();
    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
