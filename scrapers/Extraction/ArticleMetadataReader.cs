using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Reads title, byline, date, canonical URL, language and lead image from a parsed page, each from its most trusted source first.</summary>
internal static partial class ArticleMetadataReader
{
    public sealed record Metadata(string? Title, string? Byline, DateTimeOffset? Published, Uri? CanonicalUrl, string? Language, Uri? LeadImage);

    public static Metadata Read(IDocument document, Uri url)
    {
        var ld = JsonLdArticle.Read(document);
        return new Metadata(
            Title(document, ld, url),
            Byline(document, ld),
            Published(document, ld),
            Resolve(url, Attr(document, "link[rel~='canonical']", "href") ?? Meta(document, "og:url")),
            Language(document),
            Resolve(url, Meta(document, "og:image") ?? Meta(document, "twitter:image") ?? ld.Image));
    }

    private static string? Title(IDocument document, JsonLdArticle ld, Uri url)
    {
        var site = Meta(document, "og:site_name");
        var candidate = Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? ld.Headline ?? Clean(document.Title);
        if (candidate is null)
        {
            var h1s = document.QuerySelectorAll("h1");
            candidate = h1s.Length == 1 ? h1s[0].TextContent : null;
        }
        return Clean(StripSiteSuffix(Clean(candidate), site, url.Host));
    }

    /// <summary>
    /// Drops trailing " | Site" or " - Site" parts (also a trailing date, as in "Title – DW – 13.06.2023"):
    /// a part naming the site or host is dropped; without a site name, a short last part after a long title is.
    /// </summary>
    internal static string? StripSiteSuffix(string? title, string? site, string? host = null)
    {
        if (title is null) return null;
        var names = new[] { Letters(site), Letters(HostLabel(host)) }.Where(n => n.Length >= 2).ToList();
        for (var round = 0; round < 3; round++)
        {
            var match = TitleSeparator().Matches(title).LastOrDefault();
            if (match is null) return title;
            var head = title[..match.Index].Trim();
            var tail = Letters(title[(match.Index + match.Length)..]);
            var isSite = names.Any(n => tail.Length >= 2 && (tail.Contains(n) || n.Contains(tail)));
            var isDate = DateSuffix().IsMatch(title[(match.Index + match.Length)..].Trim());
            var looksLikeSite = site is null && title[(match.Index + match.Length)..].Split(' ').Length <= 3 && head.Split(' ').Length >= 4;
            if (!(isSite || isDate || looksLikeSite) || head.Length == 0) return title;
            title = head;
        }
        return title;
    }

    private static string Letters(string? s) => s is null ? "" : new string(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string? HostLabel(string? host)
    {
        if (string.IsNullOrEmpty(host)) return null;
        var labels = host.Split('.');
        return labels.Length >= 2 ? labels[^2].Length <= 3 && labels.Length >= 3 ? labels[^3] : labels[^2] : host;
    }

    private static string? Byline(IDocument document, JsonLdArticle ld)
    {
        string?[] candidates =
        [
            // Dublin Core before a plain "author", which CMS templates often fill with the site's name.
            ld.Author, Meta(document, "dc:creator"), Meta(document, "dcterm:creator"), Meta(document, "dc.creator"), Meta(document, "author"),
            Meta(document, "parsely-author"), Meta(document, "sailthru.author"), Meta(document, "article:author"), Meta(document, "byl"),
            Text(document.QuerySelector("[rel~='author']")),
            Text(document.QuerySelector("[itemprop~='author'] [itemprop~='name'], [itemprop~='author']")),
            Text(document.QuerySelector(".byline, .author, [class*='byline'], [class*='author-name']")),
        ];
        foreach (var candidate in candidates)
        {
            if (candidate is null || candidate.StartsWith("http", StringComparison.OrdinalIgnoreCase) || candidate.Contains('@')) continue;
            var text = Clean(AuthorJoiner().Replace(ByPrefix().Replace(BylineTail(candidate), ""), ", "));
            if (text is { Length: > 0 and < 120 }) return text;
        }
        return null;
    }

    private static DateTimeOffset? Published(IDocument document, JsonLdArticle ld)
    {
        string?[] candidates =
        [
            ld.DatePublished, Meta(document, "article:published_time"), Meta(document, "og:published_time"),
            Meta(document, "datePublished"), Meta(document, "date"), Meta(document, "pubdate"), Meta(document, "publishdate"),
            Meta(document, "dc.date"), Meta(document, "dc.date.issued"), Meta(document, "dcterms.created"), Meta(document, "sailthru.date"),
            Meta(document, "dc:date"), Meta(document, "dcterm:created"), Meta(document, "parsely-pub-date"),
            Attr(document, "[itemprop='datePublished']", "content") ?? Attr(document, "[itemprop='datePublished']", "datetime"),
            Attr(document, "time[datetime]", "datetime"),
        ];
        foreach (var c in candidates)
            if (ParseDate(c) is { } date) return date;
        return null;
    }

    internal static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var d)
            && !DateTimeOffset.TryParse(CompactOffset().Replace(text, "$1:$2"), CultureInfo.InvariantCulture, styles, out d)) return null;
        return d.Year is > 1990 and < 2100 ? d : null;
    }

    /// <summary>A byline element's text without what templates put after the name: a date, a time ago, a job title after a separator.</summary>
    internal static string BylineTail(string byline)
    {
        var cut = BylineSeparator().Match(byline);
        var text = cut.Success && cut.Index > 0 ? byline[..cut.Index] : byline;
        var date = TrailingDate().Match(text);
        if (date.Success && date.Index > 0) text = text[..date.Index];
        return text.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '|', '•', '·', '\n', '\t');
    }

    private static string? Language(IDocument document)
    {
        var lang = Clean(document.DocumentElement?.GetAttribute("lang"))
            ?? Meta(document, "og:locale")
            ?? Attr(document, "meta[http-equiv='content-language' i]", "content")
            ?? Meta(document, "language");
        return lang?.Replace('_', '-').Split(',')[0].Trim();
    }

    internal static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.Head?.QuerySelectorAll("meta") ?? document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is null) continue;
            foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (string.Equals(part, key, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } content)
                    return content;
        }
        return null;
    }

    private static string? Attr(IDocument document, string selector, string attribute) =>
        Clean(document.QuerySelector(selector)?.GetAttribute(attribute));

    private static string? Text(IElement? element) => Clean(element?.TextContent);

    private static Uri? Resolve(Uri baseUrl, string? href) =>
        href is not null && Uri.TryCreate(baseUrl, href, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u : null;

    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = Whitespace().Replace(s, " ").Trim();
        return t.Length == 0 ? null : t;
    }

    [GeneratedRegex(@"\s+[|\-–—·»_]\s*|\s*[|_]\s+")]
    private static partial Regex TitleSeparator();
    [GeneratedRegex(@"^\s*(by|von|par|por|di|door|av|af)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
    [GeneratedRegex(@"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")]
    private static partial Regex DateSuffix();
    [GeneratedRegex(@"\s+[—|•·]\s*|\s+-\s+")]
    private static partial Regex BylineSeparator();
    [GeneratedRegex(@"\s*\b((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(updated|published|posted|vor|před|il y a)\b).*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TrailingDate();
    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
    [GeneratedRegex(@",?\s+and\s+")]
    private static partial Regex AuthorJoiner();
}
