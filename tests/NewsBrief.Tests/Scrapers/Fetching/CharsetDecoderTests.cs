using System.Text;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Parsing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Fetching;

public sealed class CharsetDecoderTests
{
    static CharsetDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Decode_PrefersTheByteOrderMarkOverEveryLabel()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>Café</t>")).ToArray();

        Assert.Equal("<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>Café</t>", CharsetDecoder.Decode(bytes, "iso-8859-2"));
    }

    [Fact]
    public void Decode_PrefersTheContentTypeCharsetOverTheProlog()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>Привет</t>");

        Assert.Contains("Привет", CharsetDecoder.Decode(bytes, "windows-1251"));
    }

    [Fact]
    public void Decode_UsesThePrologWhenTheHeaderIsSilent()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><t>Привет</t>");

        Assert.Contains("Привет", CharsetDecoder.Decode(bytes));
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1251\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">")]
    public void Decode_UsesTheHtmlMetaCharset(string meta)
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes($"<!DOCTYPE html><html><head>{meta}<title>Привет</title></head></html>");

        Assert.Contains("<title>Привет</title>", CharsetDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_WhenLabelledUtf8ButTheBytesAreLatin1_FallsBackToWindows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("<t>Jürgen</t>");

        Assert.Equal("<t>Jürgen</t>", CharsetDecoder.Decode(bytes, "utf-8"));
    }

    [Fact]
    public void Decode_WhenTheLabelIsUnknown_ReadsUtf8()
    {
        Assert.Equal("Café", CharsetDecoder.Decode("Café"u8, "x-no-such-charset"));
    }

    public static TheoryData<string, string, string> MinifluxEncodingCases() => new()
    {
        { "encoding/testdata/invalid-prolog.xml", "application/xml", "Café" },
        { "encoding/testdata/utf8-incorrect-prolog.xml", "application/xml", "Café" },
        { "encoding/testdata/utf8.xml", "application/atom+xml", "테스트" },
        { "encoding/testdata/iso-8859-1.xml", "application/rss+xml", "Présentation" },
        { "encoding/testdata/koi8r.xml", "application/rss+xml", "Первая новость" },
        { "encoding/testdata/windows-1252.xml", "text/xml", "Euro €" },
        { "encoding/testdata/windows-1252-incorrect-prolog.xml", "text/xml", "Euro €" },
        { "encoding/testdata/iso-8859-1.html", "text/html", "Frédéric" },
        { "encoding/testdata/iso-8859-1-meta-after-1024.html", "text/html", "Frédéric" },
        { "encoding/testdata/utf8.html", "text/html", "Café" },
        { "encoding/testdata/utf8-meta-after-1024.html", "text/html", "Frédéric" },
        { "parser/testdata/encoding_ISO-8859-1.xml", "application/rss+xml", "Präsident" },
        { "parser/testdata/encoding_WINDOWS-1251.xml", "application/rss+xml", "Цитата #17703" },
        { "parser/testdata/no_encoding_ISO-8859-1.xml", "application/rss+xml", "Françoise" },
        { "xml/testdata/iso88591.xml", "application/xml", "Jürgen" },
        { "xml/testdata/iso88591_utf8_mismatch.xml", "application/xml; charset=utf-8", "Anaïs" },
        { "xml/testdata/koi8r.xml", "application/xml", "Пример RSS ленты" },
    };

    [SharedDataTheory]
    [MemberData(nameof(MinifluxEncodingCases))]
    public async Task Fetch_OfEachMinifluxEncodingCase_DecodesTheLettersCorrectly(string file, string contentType, string expected)
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.Path("feeds", "miniflux", file));
        await using var server = new LocalHttpServer();
        server.Map("doc", ctx => RawResponse.WriteAsync(ctx, 200, bytes, ("Content-Type", contentType)));
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("doc")), CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.DoesNotContain('\uFFFD', result.Body!);
        Assert.Contains(expected, result.Body);
        if (file.Contains("testdata/") && file.EndsWith(".xml") && !file.StartsWith("xml/"))
        {
            var feed = FeedParser.Parse(result.Body!, server.Url("doc"));
            var titles = feed.Items.Select(i => i.Title).Append(feed.Title ?? "");
            Assert.All(titles, t => Assert.DoesNotContain('\uFFFD', t));
            Assert.Contains(titles, t => t.Any(c => c > 127));
        }
    }
}
