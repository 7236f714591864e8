using System.Text.Json.Nodes;
using NewsBrief.Discord;
using NewsBrief.Tests.Bot.Discord.Fake;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>The gateway life cycle against the fake: identify, resume, reconnect, invalid session, close codes, zombies.</summary>
public sealed class DiscordGatewayTests
{
    [Fact]
    public async Task Identify_SendsTheTokenWithIntentsZeroOnTheGatewayUrlFromGatewayBot()
    {
        await using var h = BotHarness.Start();
        var session = await h.Fake.NextSessionAsync();
        await session.SendHelloAsync();
        var identify = await session.ReceiveOpAsync(2);

        Assert.Equal("/gateway", session.Path);
        Assert.Contains("v=10", session.Query);
        Assert.Contains("encoding=json", session.Query);
        Assert.Equal(FakeDiscord.Token, identify["d"]!["token"]!.GetValue<string>());
        Assert.Equal(0, identify["d"]!["intents"]!.GetValue<int>());
        Assert.Single(h.Fake.Requests, r => r.Path == "/api/v10/gateway/bot");
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("4000")]
    [InlineData("op7")]
    [InlineData("op9-true")]
    public async Task ALostOrReconnectRequestedSession_IsResumedAtTheResumeUrlWithTheLastSequence(string how)
    {
        await using var h = BotHarness.Start();
        var first = await h.ConnectAsync();
        var seq = await h.SendInteractionAsync(first, BotHarness.Interaction("950", "help"));
        await h.CallbackAsync("950"); // the dispatch (and its sequence) was processed

        switch (how)
        {
            case "drop": first.Drop(); break;
            case "4000": await first.CloseAsync(4000, "unknown error"); break;
            case "op7": await first.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null }); break;
            case "op9-true": await first.SendAsync(new JsonObject { ["op"] = 9, ["d"] = true }); break;
        }
        var second = await h.Fake.NextSessionAsync();
        await second.SendHelloAsync();
        var resume = await second.ReceiveOpAsync(6);

        Assert.Equal("/resume", second.Path);
        Assert.Contains("v=10", second.Query);
        Assert.Equal("session-abc", resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(seq, resume["d"]!["seq"]!.GetValue<long>());
        Assert.Equal(FakeDiscord.Token, resume["d"]!["token"]!.GetValue<string>());

        await second.DispatchAsync("RESUMED", seq + 1, new JsonObject());
        await h.SendInteractionAsync(second, BotHarness.Interaction("951", "help"));
        await h.CallbackAsync("951"); // still answering after the resume
    }

    [Theory]
    [InlineData("op9-false")]
    [InlineData("4007")]
    [InlineData("4009")]
    public async Task AnInvalidatedSession_IsReidentifiedOnTheGatewayUrlNotResumed(string how)
    {
        await using var h = BotHarness.Start();
        var first = await h.ConnectAsync();

        if (how == "op9-false") await first.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
        else await first.CloseAsync(int.Parse(how, System.Globalization.CultureInfo.InvariantCulture), "session gone");
        var second = await h.Fake.NextSessionAsync();
        await second.SendHelloAsync();
        var identify = await second.ReceiveOpAsync(2);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(FakeDiscord.Token, identify["d"]!["token"]!.GetValue<string>());
        Assert.Single(h.Fake.Requests, r => r.Path == "/api/v10/gateway/bot"); // the cached URL was reused
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4014, "disallowed intents")]
    [InlineData(4013, "invalid intents")]
    public async Task AFatalCloseCode_StopsTheBotWithAClearErrorAndNoReconnect(int code, string expected)
    {
        await using var h = BotHarness.Start();
        var session = await h.Fake.NextSessionAsync();
        await session.SendHelloAsync();
        await session.ReceiveOpAsync(2);

        await session.CloseAsync(code, "refused");

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => h.Run.WaitAsync(FakeGatewaySession.Timeout));
        Assert.Equal(code, error.CloseCode);
        Assert.Contains(expected, error.Message);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.DoesNotContain(FakeDiscord.Token, error.Message);
        // the bot has stopped, so these counts are final: one connection, one gateway lookup, no second attempt
        Assert.Equal(1, h.Fake.SessionsAccepted);
        Assert.False(h.Fake.HasPendingSession);
        Assert.Single(h.Fake.Requests, r => r.Path == "/api/v10/gateway/bot");
    }

    [Fact]
    public async Task AConnectionWhoseHeartbeatsAreNeverAcknowledged_IsClosedWithANonNormalCodeAndResumed()
    {
        await using var h = BotHarness.Start();
        var first = await h.Fake.NextSessionAsync();
        await first.SendHelloAsync(heartbeatMs: 45000);
        await first.ReceiveOpAsync(2);
        await first.DispatchAsync("READY", 1, h.Ready());
        // READY must be read before the beats run out: a loaded machine can run this test's steps ahead of the
        // bot's receive loop, and a connection closed before READY has no session to resume (it identifies again)
        await h.Fake.WaitForRequestAsync(r => r.Method == "PUT");
        first.AutoAck = false; // from now on the server stays silent (the clock has not moved: no beat was sent yet)

        // Exactly as far as the bot's own timers, never further: a later step could fire the next connection's limit.
        await h.WaitForTimerAsync(TimeSpan.FromSeconds(22.5)); // the first beat: 45 s x jitter 0.5
        h.Time.Advance(TimeSpan.FromSeconds(22.5));
        await first.ReceiveHeartbeatAsync();
        await h.WaitForTimerAsync(TimeSpan.FromSeconds(45));
        h.Time.Advance(TimeSpan.FromSeconds(45)); // the next beat finds no ACK
        var closeCode = await first.Closed.WaitAsync(FakeGatewaySession.Timeout);
        var second = await h.Fake.NextSessionAsync();
        await second.SendHelloAsync();
        var resume = await second.ReceiveOpAsync(6);

        Assert.Equal(4000, closeCode); // not 1000/1001, which would end the session
        Assert.Equal(1, first.HeartbeatsReceived); // one beat went unanswered; the next interval found no ACK and closed
        Assert.Equal("session-abc", resume["d"]!["session_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Heartbeats_GoAtIntervalTimesJitterThenEveryInterval_OnTheClock()
    {
        await using var h = BotHarness.Start();
        var session = await h.Fake.NextSessionAsync();
        session.AutoAck = false; // acknowledged by hand below, so the test knows when the bot has read each ACK
        await session.SendHelloAsync(heartbeatMs: 40000);
        await session.ReceiveOpAsync(2);
        await session.DispatchAsync("READY", 1, h.Ready());
        await h.Fake.WaitForRequestAsync(r => r.Method == "PUT"); // READY was processed: the sequence is 1

        await h.WaitForTimerAsync(TimeSpan.FromSeconds(20)); // 40 s x jitter 0.5 (FixedRandom)
        Assert.Equal(0, session.HeartbeatsReceived);
        h.Time.Advance(TimeSpan.FromSeconds(20));
        var first = await session.ReceiveHeartbeatAsync();
        await session.SendAsync(new JsonObject { ["op"] = 11 });
        await session.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null }); // answered in order: the ACK before it was read
        await session.ReceiveHeartbeatAsync();
        await h.WaitForTimerAsync(TimeSpan.FromSeconds(40));
        h.Time.Advance(TimeSpan.FromSeconds(40));
        var second = await session.ReceiveHeartbeatAsync();

        Assert.Equal((1L, 1L), (first["d"]!.GetValue<long>(), second["d"]!.GetValue<long>()));
        Assert.Equal(3, session.HeartbeatsReceived); // two on the interval, one on request
        Assert.False(session.Closed.IsCompleted); // acknowledged beats keep the connection
    }

    [Fact]
    public async Task AReidentify_WaitsTheIdentifyIntervalOnTheClock()
    {
        await using var h = BotHarness.Start(gateway: BotHarness.FastGateway with { IdentifyInterval = TimeSpan.FromSeconds(5) });
        var first = await h.ConnectAsync();

        await first.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false }); // the session is gone: identify again, but not at once
        await h.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, h.Fake.SessionsAccepted);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await h.Fake.NextSessionAsync();
        await second.SendHelloAsync();
        var identify = await second.ReceiveOpAsync(2);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(FakeDiscord.Token, identify["d"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task AServerHeartbeatRequest_IsAnsweredAtOnceWithTheLastSequence()
    {
        await using var h = BotHarness.Start();
        var session = await h.ConnectAsync();
        await session.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

        var heartbeat = await session.ReceiveHeartbeatAsync(); // the interval is 45 s: only the request explains it

        Assert.Equal(1, heartbeat["d"]!.GetValue<long>());
    }

    [Fact]
    public async Task AMessageSplitIntoManySmallFrames_IsReassembledBeforeParsing()
    {
        await using var h = BotHarness.Start();
        var session = await h.Fake.NextSessionAsync();
        await session.SendFragmentedAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = 45000 } }, 7);
        await session.ReceiveOpAsync(2);
        await session.SendFragmentedAsync(new JsonObject { ["op"] = 0, ["t"] = "READY", ["s"] = 1, ["d"] = h.Ready() }, 5);

        var put = await h.Fake.WaitForRequestAsync(r => r.Method == "PUT");
        Assert.Contains($"/applications/{FakeDiscord.ApplicationId}/", put.Path);
    }

    [Fact]
    public async Task ATokenRejectedByGatewayBot_StopsTheBotWithAClearErrorBeforeConnecting()
    {
        await using var h = BotHarness.Start(arrange: fake =>
            fake.Script(r => r.Path == "/api/v10/gateway/bot", new FakeResponse(401, """{"message":"401: Unauthorized","code":0}""")));

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => h.Run.WaitAsync(FakeGatewaySession.Timeout));

        Assert.Contains("Discord:Token", error.Message);
    }

    [Fact]
    public async Task AGatewayBotFailure_IsRetriedThenTheBotConnects()
    {
        await using var h = BotHarness.Start(arrange: fake =>
            fake.Script(r => r.Path == "/api/v10/gateway/bot", new FakeResponse(502, "bad gateway")));

        var session = await h.Fake.NextSessionAsync();

        Assert.Equal("/gateway", session.Path);
        Assert.Equal(2, h.Fake.Requests.Count(r => r.Path == "/api/v10/gateway/bot"));
    }
}
