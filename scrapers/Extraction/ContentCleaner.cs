using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Trims what the chosen container still holds that is not article text: link lists, short boilerplate blocks, the title heading.</summary>
internal static partial class ContentCleaner
{
    /// <summary>Cleans in place; a heading repeating <paramref name="title"/> goes too, as the title is reported on its own.</summary>
    public static void Clean(IElement container, string? title = null)
    {
        foreach (var element in container.QuerySelectorAll("h1, figure").ToList())
            if (element.LocalName == "h1" || element.QuerySelector("p") is null) element.Remove();
        // A byline is reported on its own; a link to an author inside a sentence is text and stays.
        foreach (var element in container.QuerySelectorAll("[rel~='author'], [itemprop~='author']").ToList())
            if (element.TextContent.Length < 100 && element.Closest("p") is null) element.Remove();
        if (TitleWords(title) is { Count: > 0 } titleWords)
            foreach (var heading in container.QuerySelectorAll("h2").ToList())
                if (RepeatsTitle(heading.TextContent, titleWords, title!.Length)) heading.Remove();
        foreach (var element in container.QuerySelectorAll("ul, ol, div, section, table, form, header").Reverse().ToList())
        {
            if (element.Parent is null) continue;
            var text = element.TextContent.Trim();
            var density = ContentScorer.LinkDensity(element);
            var paragraphs = element.QuerySelectorAll("p").Length;
            var commas = text.Count(c => c == ',');
            if (text.Length == 0 && element.QuerySelector("img, video, picture") is null) { element.Remove(); continue; }
            if (commas >= 10) continue;
            if (density > 0.5 && text.Length > 0) { element.Remove(); continue; }
            if (paragraphs == 0 && text.Length < 200 && BoilerplateRemover.IsBoilerplate(BoilerplateRemover.Hint(element))) { element.Remove(); continue; }
            if (element.LocalName is "ul" or "ol" && density > 0.3) element.Remove();
        }
        foreach (var element in container.QuerySelectorAll("*").Reverse().ToList())
        {
            if (element.Parent is null || element.QuerySelectorAll("p").Length > 1 || element.TextContent.Length > 500) continue;
            var hint = BoilerplateRemover.Hint(element);
            if (hint.Length > 1 && StrongBoilerplate().IsMatch(hint)) element.Remove();
        }
        foreach (var element in container.QuerySelectorAll("p, div, span, li").Reverse().ToList())
        {
            if (element.Parent is null || element.TextContent.Length > 120) continue;
            if (Boilerplate().IsMatch(element.TextContent.Trim())) element.Remove();
        }
    }

    private static HashSet<string>? TitleWords(string? title) =>
        title is null ? null : Words().Matches(title).Select(m => m.Value.ToLowerInvariant()).ToHashSet();

    // As Readability does: most of the heading's words are the title's; and it is not a short section head inside a long title.
    private static bool RepeatsTitle(string heading, HashSet<string> titleWords, int titleLength)
    {
        var words = Words().Matches(heading).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0 || heading.Trim().Length * 2 < titleLength) return false;
        var total = words.Sum(w => w.Length);
        var shared = words.Where(titleWords.Contains).Sum(w => w.Length);
        return shared >= total * 0.75;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

    // Unlike the pre-scoring hints these win even beside "article" or "content": a "related-articles" box is still boilerplate.
    [GeneratedRegex(@"related|share|sharing|social|newsletter|promo|recommend|most-?read|trending|comment|advert|sponsor|outbrain|taboola|subscribe|signup|breadcrumb|byline|dateline|author|timestamp|caption", RegexOptions.IgnoreCase)]
    private static partial Regex StrongBoilerplate();
    [GeneratedRegex(@"^(advertisement|anzeige|publicité|share( this)?( article)?|read more|related( articles)?|sign up|subscribe|follow us.*|image caption.*|getty images|photo:.*|skip to .*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();
}
