using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Parsing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Parsing;

public sealed partial class RealFeedsTests
{
    private const double ParsedShareFloor = 0.958;

    private static ParsedFeed ParseFile(string path) =>
        FeedParser.Parse(CharsetDecoder.Decode(File.ReadAllBytes(path)), new Uri("https://feeds.example.test/" + Path.GetFileName(path)));

    [SharedDataFact]
    public void Parse_OfEveryFileUnderSharedFeeds_GivesAFeedOrAFeedParseException()
    {
        var files = FeedCorpus.Inputs().ToList();
        var unexpected = new List<string>();
        var parsed = 0;
        foreach (var file in files)
        {
            try
            {
                ParseFile(file);
                parsed++;
            }
            catch (FeedParseException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message), file);
            }
            catch (Exception e)
            {
                unexpected.Add($"{file}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(files.Count > 600, $"expected the whole corpus, found {files.Count} files");
        Assert.Empty(unexpected);
        // measured: 699 of 729 parsed (95.9%); the other 30 are HTML pages, non-feed XML, invalid JSON or empty
        Assert.True((double)parsed / files.Count >= ParsedShareFloor, $"only {parsed} of {files.Count} files parsed ({(double)parsed / files.Count:P1}); measured 699 of 729 (95.9%)");
    }

    [SharedDataFact]
    public void Parse_MatchesTheCodeHollowFullParseTestExpectations()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Path("feeds", "codehollow-feedreader", "expected-from-FullParseTest.json")));
        var checkedFields = 0;
        foreach (var test in json.RootElement.EnumerateArray())
        {
            var file = test.GetProperty("feed_file").GetString()!;
            var feed = ParseFile(SharedData.Path("feeds", "codehollow-feedreader", file));
            foreach (var check in test.GetProperty("checks_expected_comma_actual_csharp").EnumerateArray().Select(c => c.GetString()!))
            {
                var comma = check.LastIndexOf(", ", StringComparison.Ordinal);
                var (expected, field) = (check[..comma], check[(comma + 2)..]);
                var text = expected.StartsWith('"') ? Normalise(Regex.Unescape(expected[1..^1])) : expected;
                switch (field)
                {
                    case "feed.Title":
                        Assert.Equal(text, Normalise(feed.Title));
                        break;
                    case "feed.Items.Count":
                        Assert.Equal(int.Parse(text), feed.Items.Count);
                        break;
                    case "item.Title":
                        Assert.Contains(text, feed.Items.Select(i => Normalise(i.Title)));
                        break;
                    case "item.Link":
                        Assert.Contains(text, feed.Items.Select(i => i.Link?.OriginalString));
                        break;
                    case "feed.Link" when expected != "null":
                        Assert.Equal(new Uri(text), feed.Link);
                        break;
                    case "feed.TTL" when expected != "0":
                        Assert.Equal(TimeSpan.FromMinutes(int.Parse(text)), feed.Ttl);
                        break;
                    default:
                        continue;
                }
                checkedFields++;
            }
        }
        Assert.True(checkedFields >= 100, $"only {checkedFields} checks applied");
    }

    [SharedDataFact]
    public void Parse_MatchesTheRssParserOutputs()
    {
        var outputs = Directory.GetFiles(SharedData.Path("feeds", "rss-parser", "output"), "*.json");
        foreach (var output in outputs)
        {
            var stem = Path.GetFileNameWithoutExtension(output);
            var input = Directory.GetFiles(SharedData.Path("feeds", "rss-parser", "input"), stem + ".*").Single();
            using var json = JsonDocument.Parse(CharsetDecoder.Decode(File.ReadAllBytes(output)));
            // Items with neither title nor link are dropped by design: nothing to show or fetch.
            var expected = json.RootElement.GetProperty("feed").GetProperty("items").EnumerateArray()
                .Where(i => i.TryGetProperty("title", out _) || i.TryGetProperty("link", out _)).ToList();
            var feed = ParseFile(input);

            Assert.True(expected.Count == feed.Items.Count, $"{stem}: expected {expected.Count} items, got {feed.Items.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                if (expected[i].TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String && Normalise(title.GetString()) is { Length: > 0 } t)
                {
                    // rss-parser read uolNoticias' ISO-8859-1 as UTF-8 (U+FFFD in its output); we must decode it properly instead.
                    if (t.Contains('\uFFFD')) Assert.DoesNotContain('\uFFFD', feed.Items[i].Title);
                    else Assert.True(Normalise(feed.Items[i].Title) == Normalise(FeedTitle(t)), $"{stem} item {i}: expected title '{t}', got '{feed.Items[i].Title}'");
                }
                if (expected[i].TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.String && link.GetString()!.Trim().StartsWith("http", StringComparison.Ordinal) && Uri.TryCreate(link.GetString()!.Trim(), UriKind.Absolute, out var uri))
                    Assert.True(uri == feed.Items[i].Link, $"{stem} item {i}: expected link {uri}, got {feed.Items[i].Link}");
            }
        }
    }

    [SharedDataFact]
    public void Parse_OfRssParsersUnrecognizedInput_SaysItIsAnHtmlPage()
    {
        var error = Assert.Throws<FeedParseException>(() => ParseFile(SharedData.Path("feeds", "rss-parser", "input", "unrecognized.rss")));

        Assert.StartsWith("the document is an HTML page, not a feed", error.Message);
    }

    // rss-parser keeps entities and tags in titles as written; a reader shows them decoded.
    private static string FeedTitle(string raw) => raw.Contains('&') || raw.Contains('<') ? Normalise(System.Net.WebUtility.HtmlDecode(TagPattern().Replace(raw, " "))) : raw;

    private static string Normalise(string? text) => WhitespacePattern().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex TagPattern();
}
