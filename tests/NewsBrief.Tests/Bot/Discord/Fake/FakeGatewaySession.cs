using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace NewsBrief.Tests.Bot.Discord.Fake;

/// <summary>
/// One WebSocket connection the fake gateway accepted: the test sends frames, reads what the client sent
/// (heartbeats answered with op 11 automatically unless <see cref="AutoAck"/> is off), and closes with any code.
/// </summary>
public sealed class FakeGatewaySession
{
    /// <summary>
    /// A hang guard only: every wait ends on an event (a frame, a request, a close), and this bounds how long a
    /// broken test hangs. It is far above any real wait, so a loaded machine cannot trip it.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly WebSocket _socket;
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly Channel<JsonNode> _heartbeats = Channel.CreateUnbounded<JsonNode>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Action _dropConnection;

    public FakeGatewaySession(WebSocket socket, string path, string query, Action dropConnection)
    {
        _dropConnection = dropConnection;
        _socket = socket;
        Path = path;
        Query = query;
        _ = Task.Run(ReceiveLoopAsync);
    }

    public string Path { get; }
    public string Query { get; }
    public bool AutoAck { get; set; } = true;
    public int HeartbeatsReceived;

    /// <summary>Completes with the close code the client sent (null when it just dropped).</summary>
    public Task<int?> Closed => _closed.Task;

    public async Task SendAsync(JsonNode payload)
    {
        await _sendLock.WaitAsync();
        try { await _socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None); }
        finally { _sendLock.Release(); }
    }

    /// <summary>Sends one message in several small frames, to exercise the client's reassembly.</summary>
    public async Task SendFragmentedAsync(JsonNode payload, int frameSize)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            for (var i = 0; i < bytes.Length; i += frameSize)
            {
                var count = Math.Min(frameSize, bytes.Length - i);
                await _socket.SendAsync(bytes.AsMemory(i, count), WebSocketMessageType.Text, i + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally { _sendLock.Release(); }
    }

    public Task SendHelloAsync(int heartbeatMs = 45000) =>
        SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatMs } });

    public Task DispatchAsync(string name, long seq, JsonNode data) =>
        SendAsync(new JsonObject { ["op"] = 0, ["t"] = name, ["s"] = seq, ["d"] = data });

    /// <summary>The next payload of this op the client sent (other non-heartbeat payloads are skipped).</summary>
    public async Task<JsonNode> ReceiveOpAsync(int op)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var payload = await _received.Reader.ReadAsync(timeout.Token);
            if (payload["op"]?.GetValue<int>() == op) return payload;
        }
    }

    /// <summary>The next heartbeat (op 1) the client sent.</summary>
    public async Task<JsonNode> ReceiveHeartbeatAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _heartbeats.Reader.ReadAsync(timeout.Token);
    }

    public async Task CloseAsync(int code, string reason)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try { await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token); }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { _socket.Abort(); }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop()
    {
        _socket.Abort();
        _dropConnection(); // the listener's socket abort alone leaves the TCP connection open
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult(_socket.CloseStatus is { } s ? (int)s : null);
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                var payload = JsonNode.Parse(message.ToArray())!;
                if (payload["op"]?.GetValue<int>() == 1)
                {
                    Interlocked.Increment(ref HeartbeatsReceived);
                    await _heartbeats.Writer.WriteAsync(payload);
                    if (AutoAck) await SendAsync(new JsonObject { ["op"] = 11 });
                    continue;
                }
                await _received.Writer.WriteAsync(payload);
            }
        }
        catch (Exception)
        {
            _closed.TrySetResult(null);
        }
    }
}
