using System.Net.Sockets;
using System.Security.Authentication;
using NewsBrief.Scrapers.Fetching;

namespace NewsBrief.Tests.Scrapers.Fetching;

public sealed class FetchFailureDescriberTests
{
    private static readonly Uri Url = new("https://feeds.example.org/rss");

    public static TheoryData<Exception, FetchStatus, string> Failures() => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "x", new SocketException((int)SocketError.HostNotFound)), FetchStatus.NetworkError, "DNS lookup failed: host 'feeds.example.org' was not found" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "x"), FetchStatus.NetworkError, "DNS lookup failed: host 'feeds.example.org' was not found" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "x", new SocketException((int)SocketError.ConnectionRefused)), FetchStatus.NetworkError, "connection refused by feeds.example.org:443" },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "x", new AuthenticationException("certificate expired")), FetchStatus.NetworkError, "TLS handshake with feeds.example.org failed: certificate expired" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "x", new AddressRefusedException("refused: 10.0.0.1 is a private address")), FetchStatus.Refused, "refused: 10.0.0.1 is a private address" },
        { new IOException("reset", new SocketException((int)SocketError.ConnectionReset)), FetchStatus.NetworkError, "connection to feeds.example.org was reset" },
        { new InvalidDataException("bad gzip header"), FetchStatus.NetworkError, "reading the response from feeds.example.org failed: bad gzip header" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Describe_GivesEachFailureItsStatusAndAReadableMessage(Exception error, FetchStatus status, string message)
    {
        var described = FetchFailureDescriber.Describe(error, Url);

        Assert.Equal(status, described.Status);
        Assert.Equal(message, described.Message);
    }
}
