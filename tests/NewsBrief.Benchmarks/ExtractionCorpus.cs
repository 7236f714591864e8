using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsBrief.Scrapers.Extraction;

namespace NewsBrief.Benchmarks;

/// <summary>One evaluation page with what a good extractor should find on it.</summary>
public sealed record ExtractionCase(string Set, string Id, Uri Url, string Html, string ExpectedBody,
    string? ExpectedTitle = null, string? ExpectedAuthor = null, DateTimeOffset? ExpectedDate = null);

/// <summary>Loads the aeb, fundus and readability sets from <c>../shared/data/extraction</c>.</summary>
public static class ExtractionCorpus
{
    public static IEnumerable<ExtractionCase> Aeb(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, "extraction", "aeb");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "ground-truth.json")));
        var cases = new List<ExtractionCase>();
        foreach (var page in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "html", page.Name + ".html.gz");
            if (!File.Exists(file)) continue;
            var url = page.Value.GetProperty("url").GetString() ?? "http://example.invalid/";
            cases.Add(new ExtractionCase("aeb", page.Name, new Uri(url), Gunzip(file), page.Value.GetProperty("articleBody").GetString() ?? ""));
        }
        return cases;
    }

    public static IEnumerable<ExtractionCase> Fundus(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, "extraction", "fundus", "test_data");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataRoot, "extraction", "fundus", "cases-index.json")));
        var cases = new List<ExtractionCase>();
        foreach (var entry in index.RootElement.EnumerateArray())
        {
            var html = Path.Combine(dir, entry.GetProperty("html").GetString()!);
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, entry.GetProperty("expected_json").GetString()!)));
            if (!File.Exists(html) || !expected.RootElement.TryGetProperty(entry.GetProperty("version").GetString()!, out var e)) continue;
            var authors = e.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array
                ? string.Join(", ", a.EnumerateArray().Select(x => x.GetString())) : null;
            DateTimeOffset? date = e.TryGetProperty("publishing_date", out var d) && DateTimeOffset.TryParse(d.GetString(), out var parsed) ? parsed : null;
            cases.Add(new ExtractionCase("fundus", entry.GetProperty("html").GetString()!, new Uri(entry.GetProperty("url").GetString()!),
                Gunzip(html), FundusBody(e.GetProperty("body")), e.GetProperty("title").GetString(), authors is { Length: > 0 } ? authors : null, date));
        }
        return cases;
    }

    public static IEnumerable<ExtractionCase> Readability(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, "extraction", "readability", "test-pages");
        var cases = new List<ExtractionCase>();
        foreach (var page in Directory.GetDirectories(dir).OrderBy(p => p, StringComparer.Ordinal))
        {
            var source = Path.Combine(page, "source.html");
            var expectedHtml = Path.Combine(page, "expected.html");
            if (!File.Exists(source) || !File.Exists(expectedHtml)) continue;
            string? title = null, byline = null;
            DateTimeOffset? date = null;
            var metaFile = Path.Combine(page, "expected-metadata.json");
            if (File.Exists(metaFile))
            {
                using var meta = JsonDocument.Parse(File.ReadAllText(metaFile));
                title = Str(meta.RootElement, "title");
                byline = Str(meta.RootElement, "byline");
                date = DateTimeOffset.TryParse(Str(meta.RootElement, "publishedTime"), out var p) ? p : null;
            }
            var expected = new HtmlParser().ParseDocument(File.ReadAllText(expectedHtml));
            cases.Add(new ExtractionCase("readability", Path.GetFileName(page), new Uri("http://fakehost/test/page.html"),
                File.ReadAllText(source), expected.Body is null ? "" : HtmlText.ToPlainText(expected.Body.InnerHtml), title, byline, date));
        }
        return cases;
    }

    private static string FundusBody(JsonElement body)
    {
        var parts = new List<string>();
        if (body.TryGetProperty("summary", out var summary)) parts.AddRange(summary.EnumerateArray().Select(s => s.GetString() ?? ""));
        if (body.TryGetProperty("sections", out var sections))
            foreach (var section in sections.EnumerateArray())
            {
                parts.AddRange(section.GetProperty("headline").EnumerateArray().Select(s => s.GetString() ?? ""));
                parts.AddRange(section.GetProperty("paragraphs").EnumerateArray().Select(s => s.GetString() ?? ""));
            }
        return string.Join("\n\n", parts);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
