using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Discord.Fake;

/// <summary>
/// A fake Discord on 127.0.0.1: REST routes under /api/v10 and a WebSocket gateway at the same prefix.
/// Records every request, checks the headers and that every message-creating request turns mentions off,
/// and lets a test script one-off answers (a 429, a 404) and drive each gateway connection.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string Token = "FAKE.bot-token.0123456789abcdefghij";
    public const string ApplicationId = "4242";
    private readonly HttpListener _listener;
    private readonly Channel<FakeGatewaySession> _sessions = Channel.CreateUnbounded<FakeGatewaySession>();
    private readonly ConcurrentQueue<(Func<FakeRequest, bool> Match, FakeResponse Response)> _scripted = new();
    private readonly ConcurrentDictionary<string, (string Id, DateTimeOffset At)> _messagesByNonce = new();
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private int _nextId = 1000;
    private int _sessionsAccepted;

    /// <summary>
    /// How long a nonce sent with <c>enforce_nonce</c> deduplicates a message. Discord promises only "the past few
    /// minutes", so the fake takes the short end: a sender that relies on more is caught here, not in production.
    /// </summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(2);

    /// <param name="time">The clock the nonce window runs on (the system clock unless a test drives one).</param>
    public FakeDiscord(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _listener = LoopbackHttpListener.Start(out var port);
        Port = port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string ApiBaseUrl => $"http://127.0.0.1:{Port}/api/v10";
    public string GatewayUrl => $"ws://127.0.0.1:{Port}/gateway";
    public string ResumeUrl => $"ws://127.0.0.1:{Port}/resume";
    public string WebhookUrl => $"http://127.0.0.1:{Port}/api/webhooks/77/hook-secret-token-xyz";

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Gateway connections accepted so far.</summary>
    public int SessionsAccepted => Volatile.Read(ref _sessionsAccepted);

    /// <summary>Whether another gateway connection arrived and is waiting to be taken with <see cref="NextSessionAsync"/>.</summary>
    public bool HasPendingSession => _sessions.Reader.Count > 0;

    /// <summary>Protocol rules the client broke (missing auth, mentions not off, ...). Tests assert it stays empty.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Messages actually created (after nonce deduplication), in order.</summary>
    public ConcurrentQueue<FakeRequest> CreatedMessages { get; } = new();

    /// <summary>The next request matching <paramref name="match"/> gets this answer instead of the default.</summary>
    public void Script(Func<FakeRequest, bool> match, FakeResponse response) => _scripted.Enqueue((match, response));

    public async Task<FakeGatewaySession> NextSessionAsync()
    {
        using var timeout = new CancellationTokenSource(FakeGatewaySession.Timeout);
        return await _sessions.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits (bounded) for a request matching the predicate, including ones already received.</summary>
    public async Task<FakeRequest> WaitForRequestAsync(Func<FakeRequest, bool> match)
    {
        using var timeout = new CancellationTokenSource(FakeGatewaySession.Timeout);
        while (true)
        {
            var signal = _arrived;
            var found = Requests.FirstOrDefault(match);
            if (found is not null) return found;
            await signal.Task.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits (bounded) until the requests received so far satisfy the condition.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<FakeRequest>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(FakeGatewaySession.Timeout);
        while (true)
        {
            var signal = _arrived;
            if (condition(Requests.ToList())) return;
            await signal.Task.WaitAsync(timeout.Token);
        }
    }

    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        try
        {
            if (ctx.Request.IsWebSocketRequest)
            {
                var ws = await ctx.AcceptWebSocketAsync(null);
                Interlocked.Increment(ref _sessionsAccepted);
                await _sessions.Writer.WriteAsync(new FakeGatewaySession(ws.WebSocket, ctx.Request.Url!.AbsolutePath, ctx.Request.Url.Query, ctx.Response.Abort));
                return;
            }
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var request = new FakeRequest(ctx.Request.HttpMethod, ctx.Request.Url!.AbsolutePath, ctx.Request.Url.Query,
                ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase),
                text.Length == 0 ? null : JsonNode.Parse(text));
            Check(request);
            var response = Scripted(request) ?? Answer(request);
            Requests.Enqueue(request);
            Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            await WriteAsync(ctx, response);
        }
        catch (Exception e)
        {
            Violations.Enqueue("fake failed: " + e.Message);
            try { ctx.Response.Abort(); } catch (Exception) { }
        }
    }

    private FakeResponse? Scripted(FakeRequest request)
    {
        var count = _scripted.Count;
        for (var i = 0; i < count && _scripted.TryDequeue(out var entry); i++)
        {
            if (entry.Match(request)) return entry.Response;
            _scripted.Enqueue(entry);
        }
        return null;
    }

    private static async Task WriteAsync(HttpListenerContext ctx, FakeResponse response)
    {
        ctx.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) ctx.Response.Headers[name] = value;
        if (response.Body is { } body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
        }
        ctx.Response.Close();
    }

    private string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _listener.Close(); // one call: Stop() then Close() would re-bind the port in between
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { }
    }
}

/// <summary>A request the fake received, with its JSON body.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode? Body)
{
    public bool Is(string method, string pathPart) => Method == method && Path.Contains(pathPart, StringComparison.Ordinal);
}

/// <summary>A scripted answer.</summary>
public sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
