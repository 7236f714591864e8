using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace NewsBrief.Discord;

/// <summary>The life of one gateway connection, from connect to close.</summary>
public sealed partial class DiscordGatewayClient
{
    private async Task<ConnectionEnd> RunConnectionAsync(string url, bool resume, CancellationToken ct)
    {
        await using var connection = new GatewayConnection(_settings.ReceiveBufferSize);
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = new HeartbeatState();
        Task? heartbeatLoop = null;
        var progress = false;
        var identified = false;
        try
        {
            // the time limit runs on the injected clock, like every other gateway timing
            using (var limit = new CancellationTokenSource(_settings.HelloTimeout, _time))
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token))
                await connection.ConnectAsync(url, connectTimeout.Token);
            _logger.LogDebug("Discord gateway connected ({Mode})", resume ? "resume" : "identify");
            while (true)
            {
                JsonNode? message;
                try { message = await connection.ReceiveAsync(scope.Token); }
                catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or OperationCanceledException)
                {
                    _logger.LogInformation("Discord gateway connection lost{Zombie}; resuming", heartbeat.Zombie ? " (no heartbeat ACK)" : "");
                    return new ConnectionEnd(GatewayNext.Resume, null, false, progress);
                }
                if (message is null)
                {
                    var code = connection.CloseCode;
                    _logger.LogInformation("Discord gateway closed: {Code} {Description}", code, connection.CloseDescription);
                    return new ConnectionEnd(heartbeat.Zombie ? GatewayNext.Resume : GatewayCloseCodes.Classify(code), code, false, progress);
                }
                var op = message["op"]?.GetValue<int>();
                switch (op)
                {
                    case 10:
                        var interval = TimeSpan.FromMilliseconds(message["d"]?["heartbeat_interval"]?.GetValue<double>() ?? 41250);
                        heartbeatLoop ??= HeartbeatLoopAsync(connection, interval, heartbeat, scope.Token);
                        if (resume) await connection.SendAsync(ResumePayload(), scope.Token);
                        else
                        {
                            _identifyGate.Sent(_time.GetUtcNow());
                            identified = true;
                            await connection.SendAsync(IdentifyPayload(), scope.Token);
                        }
                        break;
                    case 11:
                        heartbeat.Acked = true;
                        break;
                    case 1:
                        await connection.SendAsync(HeartbeatPayload(), scope.Token);
                        break;
                    case 7:
                        _logger.LogInformation("Discord gateway asked us to reconnect (op 7)");
                        await connection.CloseForResumeAsync("reconnect requested");
                        return new ConnectionEnd(GatewayNext.Resume, null, false, progress);
                    case 9:
                        var resumable = message["d"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
                        _logger.LogInformation("Discord gateway: invalid session (resumable: {Resumable})", resumable);
                        await connection.CloseForResumeAsync("invalid session");
                        return new ConnectionEnd(GatewayNext.Resume, null, !resumable, progress);
                    case 0:
                        progress |= Dispatch(message);
                        break;
                }
            }
        }
        finally
        {
            if (identified && SessionId is null) _logger.LogDebug("Discord gateway: identify did not reach READY");
            await scope.CancelAsync();
            if (heartbeatLoop is not null)
            {
                // the heartbeat loop ends with its socket; how it ended changes nothing about what happens next
                try { await heartbeatLoop; }
                catch (Exception e) { _logger.LogDebug("Discord heartbeat loop ended: {Error}", e.Message); }
            }
        }
    }

    /// <summary>Handles op 0; returns true for READY/RESUMED (the connection is healthy).</summary>
    private bool Dispatch(JsonNode message)
    {
        if (message["s"] is JsonValue s && s.TryGetValue<long>(out var seq)) Sequence = seq;
        var name = message["t"]?.GetValue<string>() ?? "";
        var data = message["d"];
        var healthy = false;
        if (name == "READY")
        {
            SessionId = data?["session_id"]?.GetValue<string>();
            _resumeUrl = data?["resume_gateway_url"]?.GetValue<string>();
            ApplicationId = data?["application"]?["id"]?.ToString() ?? ApplicationId;
            _identifyGate.Ready();
            healthy = true;
            _logger.LogInformation("Discord gateway ready (application {ApplicationId})", ApplicationId);
        }
        else if (name == "RESUMED")
        {
            healthy = true;
            _logger.LogInformation("Discord gateway resumed at sequence {Sequence}", Sequence);
        }
        _ = Task.Run(async () =>
        {
            try { await _onDispatch(name, data, CancellationToken.None); }
            catch (Exception e) { _logger.LogError("Discord event {Event} failed: {Error}", name, _rest.Redactor.Redact(e.Message)); }
        });
        return healthy;
    }

    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval, HeartbeatState state, CancellationToken ct)
    {
        // Discord's rule: the first beat after interval * jitter, jitter in [0, 1)
        await Task.Delay(interval * _random.NextDouble(), _time, ct);
        while (!ct.IsCancellationRequested)
        {
            if (!state.Acked)
            {
                state.Zombie = true;
                _logger.LogWarning("Discord gateway: no heartbeat ACK since the last beat; closing to resume");
                await connection.CloseForResumeAsync("zombie connection");
                connection.Abort();
                return;
            }
            state.Acked = false;
            await connection.SendAsync(HeartbeatPayload(), ct);
            await Task.Delay(interval, _time, ct);
        }
    }

    private sealed class HeartbeatState
    {
        public volatile bool Acked = true;
        public volatile bool Zombie;
    }
}
