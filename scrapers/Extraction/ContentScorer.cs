using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Finds the element holding the article body by paragraph scoring with link density and class hints (the Readability idea).</summary>
internal static partial class ContentScorer
{
    private const string ParagraphLike = "p, pre, td, blockquote, h2, h3, div, section, li";

    /// <summary>The best-scoring container and the siblings that belong with it, in document order; empty when nothing scores.</summary>
    public static IReadOnlyList<IElement> FindContent(IDocument document)
    {
        if (document.Body is null) return [];
        var scores = new Dictionary<IElement, double>();
        foreach (var block in document.Body.QuerySelectorAll(ParagraphLike))
        {
            if (block.LocalName is "div" or "section" or "li" && !HasOwnText(block)) continue;
            var text = OwnBlockText(block);
            if (text.Length < 25) continue;
            var score = 1 + text.Count(c => c is ',' or '，' or '、') + Math.Min(text.Length / 100, 3);
            var ancestor = block.ParentElement;
            for (var level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = InitialScore(ancestor);
                scores[ancestor] += score / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
            }
        }
        if (scores.Count == 0) return [];
        var ranked = scores.Select(kv => (Element: kv.Key, Score: kv.Value * (1 - LinkDensity(kv.Key))))
            .OrderByDescending(x => x.Score).ToList();
        var top = ranked[0];
        var final = scores.Keys.ToDictionary(e => e, e => scores[e] * (1 - LinkDensity(e)));
        return WithSiblings(top.Element, top.Score, final);
    }

    private static IReadOnlyList<IElement> WithSiblings(IElement top, double topScore, Dictionary<IElement, double> scores)
    {
        if (top.ParentElement is not { } parent) return [top];
        var threshold = Math.Max(10, topScore * 0.2);
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top) { chosen.Add(sibling); continue; }
            var bonus = top.ClassName is { Length: > 0 } cls && sibling.ClassName == cls ? topScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var s) && s + bonus >= threshold) { chosen.Add(sibling); continue; }
            if (sibling.LocalName != "p") continue;
            var text = sibling.TextContent.Trim();
            var density = LinkDensity(sibling);
            if ((text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && SentenceEnd().IsMatch(text)))
                chosen.Add(sibling);
        }
        return chosen;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var hint = BoilerplateRemover.Hint(element);
        if (Negative().IsMatch(hint)) score -= 25;
        if (Positive().IsMatch(hint)) score += 25;
        if (element.LocalName == "article" || element.GetAttribute("itemprop") == "articleBody") score += 25;
        return score;
    }

    internal static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0) return 0;
        var linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1, (double)linked / total);
    }

    private static bool HasOwnText(IElement element) =>
        element.ChildNodes.Any(n => n is IText t && t.Data.Trim().Length > 0)
        && !element.Children.Any(c => BlockTextWriter.IsBlock(c.LocalName));

    private static string OwnBlockText(IElement block) => block.TextContent.Trim();

    [GeneratedRegex(@"hidden|^hid$|hid$|hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();
    [GeneratedRegex(@"\.( |$)")]
    private static partial Regex SentenceEnd();
}
