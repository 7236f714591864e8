using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Tests.Scrapers.Dedup;

public sealed class UrlCanonicaliserTests
{
    [Theory]
    // Tracking parameters go; article-identifying ones stay.
    [InlineData("https://www.bbc.co.uk/news/technology-58928706?at_medium=RSS&at_campaign=KARANGA", "https://bbc.co.uk/news/technology-58928706")]
    [InlineData("https://www.theguardian.com/world/2021/oct/18/colin-powell-dies?CMP=share_btn_tw", "https://theguardian.com/world/2021/oct/18/colin-powell-dies")]
    [InlineData("https://www.reuters.com/world/us/story-2021-10-18/?utm_source=twitter&utm_medium=social&taid=616d", "https://reuters.com/world/us/story-2021-10-18")]
    [InlineData("https://example.com/article?fbclid=IwAR0abc&gclid=Cj0KCQ&mc_cid=12&mc_eid=34", "https://example.com/article")]
    [InlineData("https://example.com/viewarticle.php?id=123&utm_campaign=x", "https://example.com/viewarticle.php?id=123")]
    [InlineData("https://blog.example.org/?p=42&utm_source=rss", "https://blog.example.org/?p=42")]
    [InlineData("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2")]
    // AMP variants.
    [InlineData("https://amp.theguardian.com/world/2021/oct/18/colin-powell-dies", "https://theguardian.com/world/2021/oct/18/colin-powell-dies")]
    [InlineData("https://www.theguardian.com/world/2021/oct/18/colin-powell-dies/amp", "https://theguardian.com/world/2021/oct/18/colin-powell-dies")]
    [InlineData("https://www.bbc.co.uk/news/world-us-canada-58957683.amp", "https://bbc.co.uk/news/world-us-canada-58957683")]
    [InlineData("https://www.cnn.com/2021/10/18/politics/story/index.amp.html", "https://cnn.com/2021/10/18/politics/story/index.html")]
    [InlineData("https://www.example.com/amp/news/story-1", "https://example.com/news/story-1")]
    [InlineData("https://www.latimes.com/politics/story/2021-10-18/x?outputType=amp", "https://latimes.com/politics/story/2021-10-18/x")]
    [InlineData("https://example.com/news/story?amp", "https://example.com/news/story")]
    [InlineData("https://example.com/news/story?amp=1&id=5", "https://example.com/news/story?id=5")]
    // Redirect and cache wrappers.
    [InlineData("https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fwww.reuters.com%2Fworld%2Fstory-1%2F%3Futm_source%3Dx&ct=ga", "https://reuters.com/world/story-1")]
    [InlineData("https://www.google.com/amp/s/www.bbc.co.uk/news/uk-58957683.amp", "https://bbc.co.uk/news/uk-58957683")]
    [InlineData("https://www-bbc-co-uk.cdn.ampproject.org/c/s/www.bbc.co.uk/news/uk-58957683.amp", "https://bbc.co.uk/news/uk-58957683")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.theguardian.com%2Fuk-news%2F2021%2Foct%2F18%2Fx&h=AT0", "https://theguardian.com/uk-news/2021/oct/18/x")]
    // Host variants, scheme, port, fragment, trailing slash, percent-encoding.
    [InlineData("http://m.bbc.co.uk/news/uk-58957683", "https://bbc.co.uk/news/uk-58957683")]
    [InlineData("https://mobile.reuters.com/article/idUSKBN2HA1XY", "https://reuters.com/article/idUSKBN2HA1XY")]
    [InlineData("HTTPS://WWW.Example.COM:443/Path/Case/", "https://example.com/Path/Case")]
    [InlineData("http://example.com:80/a/#comments", "https://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("https://example.com/%7Euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9")]
    [InlineData("https://example.com/", "https://example.com/")]
    [InlineData("https://example.com/#!/story/12", "https://example.com/#!/story/12")]
    public void Canonicalise_RemovesVariantsThatDoNotNameAnotherArticle(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicaliser.Canonicalise(new Uri(input)).AbsoluteUri);

    [Theory]
    [InlineData("https://example.com/viewarticle.php?id=1", "https://example.com/viewarticle.php?id=2")]
    [InlineData("https://www.bbc.co.uk/news/123", "https://www.bbc.co.uk/news/124")]
    [InlineData("https://news.bbc.co.uk/1/hi/world/123.stm", "https://bbc.co.uk/1/hi/world/123.stm")]
    [InlineData("https://blog.example.org/?p=42", "https://blog.example.org/?p=43")]
    [InlineData("https://edition.cnn.com/2021/10/18/a", "https://cnn.com/2021/10/18/a")]
    [InlineData("https://example.com/news?page=1&id=7", "https://example.com/news?page=2&id=7")]
    public void Canonicalise_KeepsDistinctArticlesApart(string a, string b) =>
        Assert.NotEqual(UrlCanonicaliser.Canonicalise(new Uri(a)), UrlCanonicaliser.Canonicalise(new Uri(b)));

    [Theory]
    [InlineData("https://m.co.uk/news/1", "https://m.co.uk/news/1")]
    [InlineData("https://www.com/a", "https://www.com/a")]
    public void Canonicalise_DoesNotStripAPrefixThatIsTheWholeSiteName(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicaliser.Canonicalise(new Uri(input)).AbsoluteUri);

    [Fact]
    public void Canonicalise_IsIdempotent()
    {
        var once = UrlCanonicaliser.Canonicalise(new Uri("http://amp.theguardian.com/world/2021/oct/18/x/amp?CMP=a&id=3#top"));
        Assert.Equal(once, UrlCanonicaliser.Canonicalise(once));
    }

    [Fact]
    public void Canonicalise_LeavesNonHttpSchemesAlone()
    {
        var mail = new Uri("mailto:news@example.com");
        Assert.Equal(mail, UrlCanonicaliser.Canonicalise(mail));
    }

    [Fact]
    public void Canonicalise_WhenUrlIsRelative_ThrowsNamingTheUrl()
    {
        var error = Assert.Throws<ArgumentException>(() => UrlCanonicaliser.Canonicalise(new Uri("/news/1", UriKind.Relative)));
        Assert.Contains("/news/1", error.Message);
    }

    [Fact]
    public void Canonicalise_WhenTextIsNotAUrl_ThrowsNamingTheText()
    {
        var error = Assert.Throws<ArgumentException>(() => UrlCanonicaliser.Canonicalise("not a url"));
        Assert.Contains("not a url", error.Message);
    }

    [Fact]
    public void SameArticle_IsTrueForAnAmpShareLinkAndTheFeedLink() =>
        Assert.True(UrlCanonicaliser.SameArticle(
            new Uri("https://amp.theguardian.com/technology/2021/oct/18/facebook-x?utm_source=twitter"),
            new Uri("http://www.theguardian.com/technology/2021/oct/18/facebook-x")));
}
