using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsBrief.Discord;

/// <summary>
/// Discord's gateway over ClientWebSocket: Hello, jittered heartbeats with ACK tracking (zombie → resume), Identify
/// with intents 0, READY, sequence tracking, Resume at resume_gateway_url, op 7/op 9, close codes, and a bounded,
/// backed-off identify rate. Dispatches each event to a handler without blocking the socket.
/// </summary>
public sealed partial class DiscordGatewayClient
{
    private readonly DiscordRestClient _rest;
    private readonly string _token;
    private readonly Func<string, JsonNode?, CancellationToken, Task> _onDispatch;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly GatewaySettings _settings;
    private readonly ILogger _logger;
    private string? _resumeUrl;
    private readonly IdentifyGate _identifyGate;

    public DiscordGatewayClient(DiscordRestClient rest, string token, Func<string, JsonNode?, CancellationToken, Task> onDispatch,
        TimeProvider time, Random random, GatewaySettings? settings = null, ILogger<DiscordGatewayClient>? logger = null)
    {
        _rest = rest;
        _token = token;
        _onDispatch = onDispatch;
        _time = time;
        _random = random;
        _settings = settings ?? new GatewaySettings();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _identifyGate = new IdentifyGate(_settings.IdentifyInterval, TimeSpan.FromMinutes(15));
    }

    /// <summary>The current session (null before READY or after it was invalidated).</summary>
    public string? SessionId { get; private set; }

    /// <summary>The last non-null sequence number received.</summary>
    public long? Sequence { get; private set; }

    /// <summary>The application id from READY, needed for commands and interaction webhooks.</summary>
    public string? ApplicationId { get; private set; }

    /// <summary>Runs until cancelled; throws <see cref="DiscordGatewayException"/> on a close code that forbids reconnecting.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        string? gatewayUrl = null;
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var resume = SessionId is not null && _resumeUrl is not null;
            if (!resume)
            {
                gatewayUrl ??= await GetGatewayUrlAsync(ct);
                await WaitForIdentifySlotAsync(ct);
            }
            ConnectionEnd end;
            try
            {
                end = await RunConnectionAsync(resume ? _resumeUrl! : gatewayUrl!, resume, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or JsonException or OperationCanceledException or InvalidOperationException)
            {
                _logger.LogWarning("Discord gateway connection failed: {Error}", _rest.Redactor.Redact(e.Message));
                end = new ConnectionEnd(GatewayNext.Resume, null, false, false);
                if (!resume && failures >= 1) gatewayUrl = null; // the cached URL may be stale: ask again
                if (resume && failures >= 2) ForgetSession();    // the resume URL keeps failing: start afresh
            }
            switch (end.Next)
            {
                case GatewayNext.Fatal:
                    throw new DiscordGatewayException(end.CloseCode, GatewayCloseCodes.Describe(end.CloseCode));
                case GatewayNext.Reidentify:
                    _logger.LogInformation("Discord gateway: starting a new session ({Reason})", GatewayCloseCodes.Describe(end.CloseCode));
                    ForgetSession();
                    break;
            }
            if (end.InvalidSession)
            {
                ForgetSession();
                var spread = _settings.InvalidSessionDelayMax - _settings.InvalidSessionDelayMin;
                await Task.Delay(_settings.InvalidSessionDelayMin + spread * _random.NextDouble(), _time, ct);
            }
            failures = end.MadeProgress ? 0 : failures + 1;
            if (failures > 0)
            {
                var backoff = _settings.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 10));
                await Task.Delay(backoff < _settings.ReconnectDelayMax ? backoff : _settings.ReconnectDelayMax, _time, ct);
            }
        }
    }

    /// <summary>GET /gateway/bot, retried with back-off; a 401 means the token is wrong, which no retry fixes.</summary>
    private async Task<string> GetGatewayUrlAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await _rest.GetGatewayUrlAsync(ct); }
            catch (DiscordApiException e) when (e.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                throw new DiscordGatewayException(null, "Discord rejected the bot token (401 on GET /gateway/bot): check Discord:Token (NewsBrief__Discord__Token).");
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is DiscordApiException or HttpRequestException or TaskCanceledException)
            {
                var backoff = _settings.ReconnectDelay * Math.Pow(2, Math.Min(attempt, 10));
                _logger.LogWarning("Discord GET /gateway/bot failed ({Error}); retrying in {Delay}", _rest.Redactor.Redact(e.Message), backoff);
                await Task.Delay(backoff < _settings.ReconnectDelayMax ? backoff : _settings.ReconnectDelayMax, _time, ct);
            }
        }
    }

    private void ForgetSession()
    {
        SessionId = null;
        _resumeUrl = null;
        Sequence = null;
    }

    private async Task WaitForIdentifySlotAsync(CancellationToken ct)
    {
        var wait = _identifyGate.DelayBeforeNext(_time.GetUtcNow());
        if (wait <= TimeSpan.Zero) return;
        _logger.LogInformation("Discord gateway: waiting {Wait} before identifying again", wait);
        await Task.Delay(wait, _time, ct);
    }

    private JsonObject IdentifyPayload() => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = _token,
            ["intents"] = 0, // slash commands only: INTERACTION_CREATE needs no intent
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "newsbrief", ["device"] = "newsbrief" },
        },
    };

    private JsonObject ResumePayload() => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = _token, ["session_id"] = SessionId, ["seq"] = Sequence },
    };

    private JsonObject HeartbeatPayload() => new() { ["op"] = 1, ["d"] = Sequence };

    private sealed record ConnectionEnd(GatewayNext Next, int? CloseCode, bool InvalidSession, bool MadeProgress);
}
