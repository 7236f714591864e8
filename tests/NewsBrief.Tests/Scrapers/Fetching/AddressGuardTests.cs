using System.Net;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Fetching;

public sealed class AddressGuardTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("http://127.0.0.1:{port}/feed", "127.0.0.1 is a loopback address")]
    [InlineData("http://[::1]:{port}/feed", "::1 is a loopback address")]
    [InlineData("http://localhost:{port}/feed", "is a loopback address")]
    public async Task Fetch_OfAUserSuppliedLoopbackUrl_IsRefusedAndNothingReachesTheServer(string template, string expected)
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>");
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri(template.Replace("{port}", server.Port.ToString()))) { UserSupplied = true }, None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains(expected, result.Message);
        Assert.EndsWith("user-supplied URLs must resolve to public addresses (Fetch:AllowPrivateAddresses)", result.Message);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://10.20.30.40/feed", "refused: 10.20.30.40 is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is the cloud metadata address")]
    [InlineData("http://192.168.1.1/", "refused: 192.168.1.1 is a private address")]
    [InlineData("http://[fd00::1]/", "refused: fd00::1 is a unique-local (fc00::/7) address")]
    [InlineData("http://[::ffff:10.0.0.1]/", "refused: ::ffff:10.0.0.1 is a private address")]
    public async Task Fetch_OfAUserSuppliedPrivateLiteral_IsRefusedBeforeConnecting(string url, string expected)
    {
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri(url)) { UserSupplied = true }, None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.StartsWith(expected, result.Message);
    }

    [Fact]
    public async Task Fetch_OfAnOperatorSourceOnLoopback_IsAllowed()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>");
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), None);

        Assert.Equal(FetchStatus.Ok, result.Status);
    }

    [Fact]
    public async Task Fetch_OfAUserSuppliedLoopbackUrl_IsAllowedWhenTheOptionSaysSo()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>");
        using var factory = new FetcherFactory(new FetchOptions { AllowPrivateAddresses = true });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")) { UserSupplied = true }, None);

        Assert.Equal(FetchStatus.Ok, result.Status);
    }

    [Theory]
    [InlineData("http://10.0.0.7/internal", "10.0.0.7 is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is the cloud metadata address")]
    [InlineData("http://127.0.0.1:{other}/admin", "127.0.0.1 is a loopback address")]
    public async Task Fetch_WhenAUserSuppliedUrlRedirectsToAPrivateAddress_RefusesTheRedirect(string target, string expected)
    {
        await using var server = new LocalHttpServer();
        await using var other = new LocalHttpServer();
        other.MapContent("admin", "secret");
        server.Map("feed", ctx => RawResponse.RedirectAsync(ctx, 302, target.Replace("{other}", other.Port.ToString())));
        // The first hop is our own loopback server, so the guard exempts exactly that endpoint.
        var guard = AddressGuard.Except(ep => IPAddress.IsLoopback(ep.Address) && ep.Port == server.Port);
        using var factory = new FetcherFactory(guard: guard);

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")) { UserSupplied = true }, None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains(expected, result.Message);
        Assert.Single(server.Requests);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task ConnectStep_WithAGuardOnTheRequest_RefusesAtConnectTime()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>");
        using var factory = new FetcherFactory();
        using var message = new HttpRequestMessage(HttpMethod.Get, server.Url("feed"));
        message.Options.Set(GuardedConnector.GuardKey, AddressGuard.PublicOnly);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => factory.Client.SendAsync(message));

        var refusal = FetchFailureDescriber.Describe(error, server.Url("feed"));
        Assert.Equal(FetchStatus.Refused, refusal.Status);
        Assert.StartsWith("refused: 127.0.0.1 is a loopback address", refusal.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ConnectStep_WithoutAGuard_ConnectsToLoopback()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>");
        using var factory = new FetcherFactory();

        using var response = await factory.Client.GetAsync(server.Url("feed"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.0.9", "a loopback address")]
    [InlineData("10.0.0.1", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.254", "a private address")]
    [InlineData("192.168.0.1", "a private address")]
    [InlineData("169.254.1.1", "a link-local address")]
    [InlineData("169.254.169.254", "the cloud metadata address")]
    [InlineData("0.0.0.0", "an unspecified (0.0.0.0/8) address")]
    [InlineData("0.1.2.3", "an unspecified (0.0.0.0/8) address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT (100.64/10) address")]
    [InlineData("100.127.255.255", "a carrier-grade NAT (100.64/10) address")]
    [InlineData("224.0.0.251", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved or broadcast address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fc00::1", "a unique-local (fc00::/7) address")]
    [InlineData("fd12:3456::1", "a unique-local (fc00::/7) address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("::ffff:192.168.1.1", "a private address")]
    [InlineData("::ffff:169.254.169.254", "the cloud metadata address")]
    [InlineData("64:ff9b::a00:1", "a private address")]
    [InlineData("2002:c0a8:101::1", "a private address")]
    public void Classifier_NamesEveryNonPublicRange(string address, string kind)
    {
        Assert.Equal(kind, AddressClassifier.NonPublicKind(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("151.101.1.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Classifier_LetsPublicAddressesThrough(string address)
    {
        Assert.Null(AddressClassifier.NonPublicKind(IPAddress.Parse(address)));
    }
}
