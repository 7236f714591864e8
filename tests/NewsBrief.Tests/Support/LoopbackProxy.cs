using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A forward HTTP proxy on 127.0.0.1 for tests: records each request line (absolute URI, as a client
/// sends it to a proxy) and answers from its own routes keyed by that URI, so hosts that never resolve
/// (<c>.invalid</c>) are reachable only through it. Plain http only.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body, string ContentType)> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackProxy()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Request lines seen, e.g. <c>GET http://wire.invalid/feed.xml HTTP/1.1</c>.</summary>
    public ConcurrentQueue<string> RequestLines { get; } = new();

    public void Map(string absoluteUrl, string body, string contentType = "application/xml; charset=utf-8", int status = 200) =>
        _routes[absoluteUrl] = (status, body, contentType);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync();
            if (requestLine is null) return;
            while (await reader.ReadLineAsync() is { Length: > 0 }) { } // headers
            RequestLines.Enqueue(requestLine);
            var target = requestLine.Split(' ') is [_, var uri, ..] ? uri : "";
            var (status, body, type) = _routes.TryGetValue(target, out var route) ? route : (502, "no such upstream", "text/plain");
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
