using NewsBrief.Scrapers.Extraction;

namespace NewsBrief.Tests.Scrapers.Extraction;

/// <summary>Reads the hand-made pages in <c>Fixtures/extraction</c> and extracts them.</summary>
internal static class ExtractionFixture
{
    public static ExtractedArticle Extract(string name, string url = "https://gazette.example/news/page?id=1") =>
        ArticleExtractor.Extract(Read(name), new Uri(url));

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "extraction", name));
}
