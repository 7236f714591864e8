using System.Text.Json;
using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>The article facts a page declares in its JSON-LD blocks (schema.org NewsArticle and kin).</summary>
internal sealed record JsonLdArticle(string? Headline, string? Author, string? DatePublished, string? Image)
{
    private static readonly string[] ArticleTypes =
        ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
         "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report", "WebPage"];

    public static JsonLdArticle Read(IDocument document)
    {
        JsonElement? best = null;
        var bestRank = int.MaxValue;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(WithoutCData(script.TextContent), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var node in Flatten(json.RootElement))
                {
                    var rank = Rank(node);
                    if (rank < bestRank) { bestRank = rank; best = node.Clone(); }
                }
            }
            catch (JsonException) { /* a broken block is common; the other sources still count */ }
        }
        if (best is not { } article) return new JsonLdArticle(null, null, null, null);
        return new JsonLdArticle(Str(article, "headline"), Authors(article), Str(article, "datePublished"), ImageOf(article));
    }

    // Many CMSs wrap the block in a CDATA section, which is no JSON.
    private static string WithoutCData(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("<![CDATA[", StringComparison.Ordinal)) t = t[9..];
        if (t.EndsWith("]]>", StringComparison.Ordinal)) t = t[..^3];
        return t;
    }

    private static int Rank(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type)) return int.MaxValue;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        var rank = types.Select(t => Array.IndexOf(ArticleTypes, t)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        return rank < 0 ? int.MaxValue : rank;
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement root)
    {
        var stack = new Stack<(JsonElement Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > 4) continue;
            if (node.ValueKind == JsonValueKind.Array)
                foreach (var item in node.EnumerateArray()) stack.Push((item, depth + 1));
            else if (node.ValueKind == JsonValueKind.Object)
            {
                yield return node;
                if (node.TryGetProperty("@graph", out var graph)) stack.Push((graph, depth + 1));
                if (node.TryGetProperty("mainEntity", out var main)) stack.Push((main, depth + 1));
            }
        }
    }

    private static string? Str(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Authors(JsonElement article)
    {
        if (!article.TryGetProperty("author", out var author)) return null;
        var items = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author];
        var names = items.Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : Str(a, "name"))
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? ImageOf(JsonElement article)
    {
        if (!article.TryGetProperty("image", out var image)) return null;
        if (image.ValueKind == JsonValueKind.Array) image = image.EnumerateArray().FirstOrDefault();
        return image.ValueKind == JsonValueKind.String ? image.GetString() : Str(image, "url");
    }
}
