using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Net;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Net;

/// <summary>The one Retry-After reader: delta-seconds, HTTP-dates, garbage and hostile values, and the senders that use it.</summary>
public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 0 ", 0)]
    [InlineData("Mon, 02 Mar 2026 09:05:00 GMT", 300)]
    [InlineData("Monday, 02-Mar-26 09:01:00 GMT", 60)] // the obsolete RFC 850 form servers still send
    [InlineData("Mon, 02 Mar 2026 08:00:00 GMT", 0)] // a date in the past: retry now
    public void Parse_ReadsDeltaSecondsAndHttpDates(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("30s")]
    public void Parse_Garbage_IsNull(string? value) => Assert.Null(RetryAfterParser.Parse(value, Now));

    [Theory]
    [InlineData("99999999999")]
    [InlineData("999999999999999999999999999999")] // longer than a long
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public void Parse_HugeValues_WaitAWeekAtMost(string value) =>
        Assert.Equal(TimeSpan.FromDays(7), RetryAfterParser.Parse(value, Now));

    [Theory]
    [InlineData(0.25, 250)]
    [InlineData(1e12, 7 * 24 * 3600 * 1000.0)]
    public void FromSeconds_ReadsJsonRetryAfterWithTheSameCap(double seconds, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RetryAfterParser.FromSeconds(seconds));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    public void FromSeconds_Nonsense_IsNull(double seconds) => Assert.Null(RetryAfterParser.FromSeconds(seconds));

    [Theory]
    [InlineData("Mon, 02 Mar 2026 09:02:00 GMT", 120)]
    [InlineData("45", 45)]
    [InlineData("99999999999", 7 * 24 * 3600)]
    public async Task WebhookAndTeamsSenders_ReadRetryAfterThroughTheParser_OnTheirClock(string header, int seconds)
    {
        await using var server = new LocalHttpServer();
        server.Map("/busy", async ctx =>
        {
            ctx.Response.Headers["Retry-After"] = header;
            await LocalHttpServer.WriteAsync(ctx, 429, "slow down", "text/plain");
        });
        using var http = new HttpClient();
        var clock = new FakeTimeProvider(Now);
        var delivery = new Delivery { Destination = "x", Kind = "alert", IdempotencyKey = "k", Payload = "{}", Text = "hello", Created = Now };
        var url = server.Url("/busy").ToString();

        var webhook = await new WebhookSender(http, TimeSpan.FromSeconds(10), clock).SendAsync(delivery, Destination.Parse("webhook:" + url), CancellationToken.None);
        var teams = await new TeamsSender(http, TimeSpan.FromSeconds(10), clock).SendAsync(delivery, Destination.Parse("teams:webhook:" + url), CancellationToken.None);

        Assert.Equal((SendOutcome.Retryable, TimeSpan.FromSeconds(seconds)), (webhook.Outcome, webhook.RetryAfter));
        Assert.Equal((SendOutcome.Retryable, TimeSpan.FromSeconds(seconds)), (teams.Outcome, teams.RetryAfter));
    }
}
