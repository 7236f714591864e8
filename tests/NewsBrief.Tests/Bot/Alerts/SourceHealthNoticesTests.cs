using NewsBrief.Bot.Alerts;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Alerts;

public sealed class SourceHealthNoticesTests
{
    [Fact]
    public async Task Queue_TellsTheAdminsOncePerFailureStreak()
    {
        await using var server = new LocalHttpServer();
        var healthy = false;
        server.Map("/feed.xml", ctx => healthy
            ? LocalHttpServer.WriteAsync(ctx, 200, new RssBuilder().Item("A story", "https://news.example/a", "Text.", DateTimeOffset.UtcNow).Build(), "application/xml")
            : LocalHttpServer.WriteAsync(ctx, 500, "down", "text/plain"));
        using var fx = new PipelineFixture();
        var deliveries = new DeliveryStore(fx.Database);
        var notices = new SourceHealthNotices(deliveries, fx.States, "console");
        var source = new Source { Id = "flaky", Name = "Flaky Feed", Url = server.Url("/feed.xml") };

        async Task PollAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                notices.Queue([await fx.Pipeline.PollSourceAsync(source, CancellationToken.None)], fx.Clock.GetUtcNow());
                fx.Clock.Advance(TimeSpan.FromMinutes(20));
            }
        }

        await PollAsync(5);
        var first = Assert.Single(deliveries.List());
        healthy = true;
        await PollAsync(1);
        healthy = false;
        await PollAsync(3);

        var all = deliveries.List();
        Assert.Equal(2, all.Count);
        Assert.All(all, d => Assert.Equal(("notice", "console"), (d.Kind, d.Destination)));
        Assert.Contains("Source 'Flaky Feed' (flaky) has failed 3 polls in a row: HTTP 500", first.Text);
    }
}
