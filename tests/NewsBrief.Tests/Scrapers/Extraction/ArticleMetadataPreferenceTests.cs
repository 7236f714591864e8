using NewsBrief.Scrapers.Extraction;

namespace NewsBrief.Tests.Scrapers.Extraction;

/// <summary>
/// Each metadata field's preference order, proved link by link: a page carries every candidate with a distinct,
/// valid value; the preferred one wins, and when it is removed the next one wins, down the chain.
/// </summary>
public sealed class ArticleMetadataPreferenceTests
{
    private const string Body = """
        <p>The harbour board voted on Tuesday to extend the ferry timetable into the winter months, after a year in which passenger numbers rose by a fifth.</p>
        <p>Residents of the outer islands had asked for the change for years, saying the early end of the season cut them off from the mainland for months.</p>
        <p>The board said the extra sailings would be paid for from the fare rise agreed in the spring, and that it would review the timetable in a year.</p>
        """;

    private static readonly Uri PageUrl = new("https://paper.example/news/ferry?id=7");

    private static ExtractedArticle Page(string head, string htmlAttributes = "", string bodyPrefix = "") =>
        ArticleExtractor.Extract($"<!DOCTYPE html><html{htmlAttributes}><head><meta charset=\"utf-8\">{head}</head><body>{bodyPrefix}<article>{Body}</article></body></html>", PageUrl);

    private const string OgTitle = """<meta property="og:title" content="Ferry timetable extended into the winter">""";
    private const string TitleElement = "<title>Winter sailings approved by the harbour board | Paper Example</title>";
    private const string H1 = "<h1>Islanders win their winter ferries</h1>";

    [Fact]
    public void Title_PrefersOpenGraphTitleOverTitleElementAndHeadline()
    {
        Assert.Equal("Ferry timetable extended into the winter", Page(OgTitle + TitleElement, bodyPrefix: H1).Title);
        Assert.Equal("Winter sailings approved by the harbour board", Page(TitleElement, bodyPrefix: H1).Title);
        Assert.Equal("Islanders win their winter ferries", Page("", bodyPrefix: H1).Title);
    }

    private const string LdAuthor = """<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ada Lovelace"},"datePublished":"2024-03-05T09:30:00+01:00"}</script>""";
    private const string MetaAuthor = """<meta name="author" content="Meta Person">""";
    private const string RelAuthor = """<a rel="author" href="/staff/jo">Jo Bloggs</a>""";

    [Fact]
    public void Byline_PrefersJsonLdAuthorsOverMetaAuthorOverRelAuthor()
    {
        Assert.Equal("Ada Lovelace", Page(LdAuthor + MetaAuthor, bodyPrefix: RelAuthor).Byline);
        Assert.Equal("Meta Person", Page(MetaAuthor, bodyPrefix: RelAuthor).Byline);
        Assert.Equal("Jo Bloggs", Page("", bodyPrefix: RelAuthor).Byline);
    }

    private const string ArticleTime = """<meta property="article:published_time" content="2023-06-01T12:00:00Z">""";
    private const string DcDate = """<meta name="DC.date" content="2022-11-20">""";
    private const string TimeElement = """<time datetime="2021-07-14T08:00:00Z">14 July</time>""";

    [Fact]
    public void Published_PrefersJsonLdDatePublishedOverArticlePublishedTimeOverDublinCoreOverTimeElement()
    {
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)), Page(LdAuthor + ArticleTime + DcDate, bodyPrefix: TimeElement).Published);
        Assert.Equal(new DateTimeOffset(2023, 6, 1, 12, 0, 0, TimeSpan.Zero), Page(ArticleTime + DcDate, bodyPrefix: TimeElement).Published);
        Assert.Equal(new DateTimeOffset(2022, 11, 20, 0, 0, 0, TimeSpan.Zero), Page(DcDate, bodyPrefix: TimeElement).Published);
        Assert.Equal(new DateTimeOffset(2021, 7, 14, 8, 0, 0, TimeSpan.Zero), Page("", bodyPrefix: TimeElement).Published);
    }

    private const string Canonical = """<link rel="canonical" href="https://paper.example/news/ferry-winter">""";
    private const string OgUrl = """<meta property="og:url" content="https://paper.example/og/ferry">""";

    [Fact]
    public void CanonicalUrl_PrefersLinkRelCanonicalOverOgUrl()
    {
        Assert.Equal(new Uri("https://paper.example/news/ferry-winter"), Page(Canonical + OgUrl).CanonicalUrl);
        Assert.Equal(new Uri("https://paper.example/og/ferry"), Page(OgUrl).CanonicalUrl);
    }

    private const string OgLocale = """<meta property="og:locale" content="de_DE">""";
    private const string ContentLanguage = """<meta http-equiv="Content-Language" content="fr">""";

    [Fact]
    public void Language_PrefersHtmlLangThenOgLocaleThenContentLanguage()
    {
        Assert.Equal("en-GB", Page(OgLocale + ContentLanguage, " lang=\"en-GB\"").Language);
        Assert.Equal("de-DE", Page(OgLocale + ContentLanguage).Language);
        Assert.Equal("fr", Page(ContentLanguage).Language);
    }
}
