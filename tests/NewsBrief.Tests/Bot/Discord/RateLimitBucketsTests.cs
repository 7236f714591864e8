using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Route keys, major parameters and bucket arithmetic.</summary>
public sealed class RateLimitBucketsTests
{
    [Theory]
    [InlineData("POST", "/channels/123/messages", "POST /channels/{major}/messages", "123")]
    [InlineData("PATCH", "/channels/123/messages/456", "PATCH /channels/{major}/messages/{id}", "123")]
    [InlineData("PATCH", "/webhooks/42/tok-en/messages/@original", "PATCH /webhooks/{major}/messages/@original", "42/tok-en")]
    [InlineData("POST", "/interactions/99/secret/callback", "POST /interactions/{id}/{token}/callback", "")]
    [InlineData("PUT", "/applications/42/guilds/7/commands", "PUT /applications/{id}/guilds/{id}/commands", "")]
    public void Classify_KeepsTheMajorParameterAndHidesOtherIds(string method, string path, string route, string major) =>
        Assert.Equal((route, major), RateLimitBuckets.Classify(new HttpMethod(method), path));

    [Fact]
    public void Acquire_CountsDownTheRemainingRequestsThenWaitsForTheReset()
    {
        var now = DateTimeOffset.UnixEpoch;
        var buckets = new RateLimitBuckets();
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Bucket", "b");
        response.Headers.Add("X-RateLimit-Remaining", "1");
        response.Headers.Add("X-RateLimit-Reset-After", "2.5");
        buckets.Update("r", "1", response.Headers, now);

        Assert.Equal(TimeSpan.Zero, buckets.Acquire("r", "1", now));
        Assert.Equal(TimeSpan.FromSeconds(2.5), buckets.Acquire("r", "1", now));
        Assert.Equal(TimeSpan.Zero, buckets.Acquire("r", "2", now));
        Assert.Equal(TimeSpan.Zero, buckets.Acquire("r", "1", now.AddSeconds(2.5)));
    }

    [Fact]
    public void BlockAll_HoldsEveryRouteUntilTheGlobalLimitEnds()
    {
        var now = DateTimeOffset.UnixEpoch;
        var buckets = new RateLimitBuckets();
        buckets.BlockAll(now.AddSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), buckets.Acquire("any", "", now));
        Assert.Equal(TimeSpan.Zero, buckets.Acquire("any", "", now.AddSeconds(1)));
    }
}
