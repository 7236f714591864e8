using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsBrief.Discord;

/// <summary>
/// One WebSocket to the gateway: whole JSON messages in (partial frames reassembled), serialized sends out
/// (at most 4096 bytes each, Discord's limit), and closes that keep the session resumable.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private const int MaxPayloadBytes = 4096;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _buffer;

    public GatewayConnection(int bufferSize) => _buffer = new byte[bufferSize];

    /// <summary>The close code the server sent, once the socket closed.</summary>
    public int? CloseCode => _socket.CloseStatus is { } status ? (int)status : null;
    public string? CloseDescription => _socket.CloseStatusDescription;

    public static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0) builder.Path = "/";
        return builder.Uri;
    }

    public Task ConnectAsync(string url, CancellationToken ct) => _socket.ConnectAsync(WithQuery(url), ct);

    /// <summary>The next whole message, or null when the server closed the socket.</summary>
    public async Task<JsonNode?> ReceiveAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                    await CloseQuietlyAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure);
                return null;
            }
            message.Write(_buffer, 0, result.Count);
            if (result.EndOfMessage) break;
        }
        return JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length));
    }

    public async Task SendAsync(JsonObject payload, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        if (bytes.Length > MaxPayloadBytes) throw new InvalidOperationException($"A gateway payload of {bytes.Length} bytes exceeds Discord's 4096-byte limit.");
        await _sendLock.WaitAsync(ct);
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct); }
        finally { _sendLock.Release(); }
    }

    /// <summary>Closes with a 4xxx code (never 1000/1001, which would end the session) so we can resume.</summary>
    public Task CloseForResumeAsync(string reason) => CloseQuietlyAsync((WebSocketCloseStatus)4000, reason);

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string? reason = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
