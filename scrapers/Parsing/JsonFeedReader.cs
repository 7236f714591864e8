using System.Text.Json;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Maps JSON Feed 1.0 and 1.1 documents to <see cref="ParsedFeed"/> (CodeHollow.FeedReader reads only XML).</summary>
internal static class JsonFeedReader
{
    // A JSON Feed is four levels deep (feed, items, item, authors); 64 leaves room for extensions.
    private const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth };

    public static ParsedFeed Read(string json, Uri baseUri, ParseBudget budget)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            if (NestingExceeds(json, MaxDepth))
                throw new FeedParseException($"the document is too deeply nested: more than {MaxDepth} levels of JSON objects and arrays", e);
            throw new FeedParseException($"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !((Str(root, "version")?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) ?? false) || root.TryGetProperty("items", out _)))
                throw new FeedParseException("a JSON document, but not a JSON Feed (no jsonfeed.org version and no items)");
            var home = FeedElements.Resolve(Str(root, "home_page_url"), baseUri);
            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => { budget.Tick(); return MapItem(i, home ?? baseUri); }).OfType<FeedItem>().ToList()
                : [];
            return new ParsedFeed(FeedElements.PlainText(Str(root, "title")), items) { Link = home };
        }
    }

    private static FeedItem? MapItem(JsonElement item, Uri baseUri)
    {
        var link = FeedElements.Resolve(Str(item, "url"), baseUri) ?? FeedElements.Resolve(Str(item, "external_url"), baseUri);
        var author = item.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Object ? Str(a, "name") : null;
        if (author is null && item.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
            author = list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => Str(x, "name")).FirstOrDefault(n => n is not null);
        var published = FeedDateParser.Parse(Str(item, "date_published")) ?? FeedDateParser.Parse(Str(item, "date_modified"));
        var content = Str(item, "content_html") ?? Str(item, "content_text");
        return FeedItemBuilder.Build(FeedElements.PlainText(Str(item, "title")), link, Str(item, "id"), Str(item, "summary"), content, author, published);
    }

    /// <summary>Whether brackets outside strings nest deeper than <paramref name="limit"/>: tells a depth refusal from other faults, in one pass.</summary>
    private static bool NestingExceeds(string json, int limit)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '{' or '[')
            {
                if (++depth > limit) return true;
            }
            else if (c is '}' or ']') depth--;
        }
        return false;
    }

    private static string? Str(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
