using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NewsBrief.Bot.Chat;
using NewsBrief.Discord;
using NewsBrief.Tests.Support;
using NewsBrief.Core.Chat;

namespace NewsBrief.Tests.Bot.Discord.Fake;

/// <summary>
/// Runs a real <see cref="DiscordBot"/> against a <see cref="FakeDiscord"/> on a fake clock: the bot's waits
/// (heartbeats, back-off, the connect limit) only pass when a test advances <see cref="Time"/>, so a loaded
/// machine cannot change what a test sees. Back-off delays are zero; heartbeat tests wait for the bot to arm a
/// timer (<see cref="WaitForTimerAsync"/>) and advance exactly that far.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string GuildId = "290926798626357999";
    private readonly CancellationTokenSource _stop = new();
    private long _seq;

    private BotHarness(Func<ChatCommand, CancellationToken, Task<ChatReply>>? handler, Func<DiscordOptions, DiscordOptions>? configure,
        Action<FakeDiscord>? arrange, GatewaySettings? gateway)
    {
        Fake = new FakeDiscord(Time);
        arrange?.Invoke(Fake);
        Options = (configure ?? (o => o))(new DiscordOptions { Token = FakeDiscord.Token, GuildId = GuildId, ApiBaseUrl = Fake.ApiBaseUrl, AdminRoleIds = ["555"] });
        Bot = new DiscordBot(Options, Http, async (command, ct) =>
            {
                Commands.Enqueue(command);
                return handler is null ? ChatReply.Plain("ok " + command.Name) : await handler(command, ct);
            },
            (command, option, partial) => [$"{command}:{option}:{partial}", "TikTok bans", "AI policy"],
            Time, Logs, gateway ?? FastGateway, new FixedRandom(0.5));
        Run = Bot.RunAsync(_stop.Token);
    }

    public static GatewaySettings FastGateway { get; } = new()
    {
        IdentifyInterval = TimeSpan.Zero,
        InvalidSessionDelayMin = TimeSpan.Zero,
        InvalidSessionDelayMax = TimeSpan.Zero,
        ReconnectDelay = TimeSpan.Zero,
        ReconnectDelayMax = TimeSpan.Zero,
        HelloTimeout = TimeSpan.FromSeconds(30),
        ReceiveBufferSize = 64,
    };

    public static DateTimeOffset Epoch { get; } = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The bot's clock (and the fake's, for its nonce window).</summary>
    public ObservedTimeProvider Time { get; } = new(Epoch);

    public FakeDiscord Fake { get; }
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };
    public ListLoggerFactory Logs { get; } = new();
    public DiscordOptions Options { get; }
    public DiscordBot Bot { get; }
    public Task Run { get; }
    public ConcurrentQueue<ChatCommand> Commands { get; } = new();

    public static BotHarness Start(Func<ChatCommand, CancellationToken, Task<ChatReply>>? handler = null,
        Func<DiscordOptions, DiscordOptions>? configure = null, Action<FakeDiscord>? arrange = null, GatewaySettings? gateway = null) =>
        new(handler, configure, arrange, gateway);

    /// <summary>Accepts the bot's first connection: Hello, expects Identify, sends READY (s=1).</summary>
    public async Task<FakeGatewaySession> ConnectAsync(int heartbeatMs = 45000)
    {
        var session = await Fake.NextSessionAsync();
        await session.SendHelloAsync(heartbeatMs);
        await session.ReceiveOpAsync(2);
        Interlocked.Exchange(ref _seq, 1);
        await session.DispatchAsync("READY", 1, Ready());
        return session;
    }

    public JsonObject Ready() => new()
    {
        ["v"] = 10, ["session_id"] = "session-abc", ["resume_gateway_url"] = Fake.ResumeUrl,
        ["user"] = new JsonObject { ["id"] = "1", ["username"] = "newsbrief" }, ["guilds"] = new JsonArray(),
        ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["flags"] = 0 },
    };

    /// <summary>Sends an INTERACTION_CREATE with the next sequence number; returns that number.</summary>
    public async Task<long> SendInteractionAsync(FakeGatewaySession session, JsonObject interaction)
    {
        var seq = Interlocked.Increment(ref _seq);
        await session.DispatchAsync("INTERACTION_CREATE", seq, interaction);
        return seq;
    }

    /// <summary>A slash-command interaction as Discord sends it from a guild.</summary>
    public static JsonObject Interaction(string id, string name, string? sub = null, IEnumerable<(string Name, string Value)>? options = null,
        string permissions = "0", string[]? roles = null, int type = 2, string? focused = null)
    {
        var list = new JsonArray((options ?? []).Select(o =>
        {
            var option = new JsonObject { ["type"] = 3, ["name"] = o.Name, ["value"] = o.Value };
            if (o.Name == focused) option["focused"] = true;
            return (JsonNode)option;
        }).ToArray());
        var data = new JsonObject { ["id"] = "771825006014889984", ["name"] = name, ["type"] = 1 };
        data["options"] = sub is null ? list : new JsonArray(new JsonObject { ["type"] = 1, ["name"] = sub, ["options"] = list });
        return new JsonObject
        {
            ["id"] = id, ["application_id"] = FakeDiscord.ApplicationId, ["type"] = type, ["token"] = "itoken-" + id + "-secretpart",
            ["version"] = 1, ["guild_id"] = GuildId, ["channel_id"] = "645027906669510667",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "mason" },
                ["roles"] = new JsonArray((roles ?? []).Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["permissions"] = permissions,
            },
            ["data"] = data,
        };
    }

    /// <summary>Waits until the bot arms a timer of exactly <paramref name="due"/> on its clock (skipping others).</summary>
    public async Task WaitForTimerAsync(TimeSpan due)
    {
        while (await Time.NextTimerAsync() != due) { }
    }

    /// <summary>The request to the interaction's callback route.</summary>
    public Task<FakeRequest> CallbackAsync(string id) => Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/api/v10/interactions/{id}/itoken-{id}-secretpart/callback");

    public Task<FakeRequest> EditOriginalAsync(string id) => Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains($"/itoken-{id}-secretpart/messages/@original"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await Run.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping or already failed */ }
        Http.Dispose();
        await Fake.DisposeAsync();
        _stop.Dispose();
    }
}

/// <summary>A Random whose NextDouble is fixed, for deterministic heartbeat jitter.</summary>
public sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
    protected override double Sample() => value;
}
