using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries.Fakes;

/// <summary>
/// Slack on 127.0.0.1: an incoming webhook at <see cref="WebhookUrl"/> and <c>chat.postMessage</c> under <see cref="ApiBaseUrl"/>.
/// It refuses what real Slack refuses: more than 50 blocks, a section over 3,000 characters, a header over 150, no
/// fallback text (400 invalid_blocks); an unknown webhook is 404 no_service and a wrong bot token invalid_auth.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-slack-token";
    private readonly LocalHttpServer _server = new();
    private readonly ConcurrentQueue<int> _throttle = new();
    private readonly ConcurrentDictionary<int, int> _failing = new();
    private int _posts;

    public FakeSlack()
    {
        _server.Map("/services/T000/B000/webhook-secret", ctx => HandleAsync(ctx, api: false));
        _server.Map("/services/T000/B000/revoked", ctx => LocalHttpServer.WriteAsync(ctx, 404, "no_service", "text/plain"));
        _server.Map("/api/chat.postMessage", ctx => HandleAsync(ctx, api: true));
    }

    public string WebhookUrl => _server.Url("/services/T000/B000/webhook-secret").AbsoluteUri;
    public string RevokedUrl => _server.Url("/services/T000/B000/revoked").AbsoluteUri;
    public string ApiBaseUrl => _server.Url("/api/").AbsoluteUri;

    /// <summary>Accepted messages, in order of arrival.</summary>
    public ConcurrentQueue<JsonObject> Messages { get; } = new();
    /// <summary>Why each refused message was refused.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The next <paramref name="count"/> posts get 429 with Retry-After: 3.</summary>
    public void Throttle(int count = 1) { for (var i = 0; i < count; i++) _throttle.Enqueue(3); }

    /// <summary>The <paramref name="post"/>-th post to arrive (counting from 1, refused ones included) is answered 500 once, as a platform hiccup.</summary>
    public void FailPost(int post) => _failing[post] = 500;

    /// <summary>Posts that reached the webhook, refused or not.</summary>
    public int Posts => Volatile.Read(ref _posts);

    private async Task HandleAsync(HttpListenerContext ctx, bool api)
    {
        using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (api && ctx.Request.Headers["Authorization"] != $"Bearer {BotToken}")
        {
            await LocalHttpServer.WriteAsync(ctx, 200, """{"ok":false,"error":"invalid_auth"}""", "application/json");
            return;
        }
        if (_failing.TryRemove(Interlocked.Increment(ref _posts), out var status))
        {
            await LocalHttpServer.WriteAsync(ctx, status, "internal_error", "text/plain");
            return;
        }
        if (_throttle.TryDequeue(out var wait))
        {
            ctx.Response.Headers["Retry-After"] = wait.ToString();
            await LocalHttpServer.WriteAsync(ctx, 429, "rate_limited", "text/plain");
            return;
        }
        var message = JsonNode.Parse(body)!.AsObject();
        if (Check(message) is { } problem)
        {
            Violations.Enqueue(problem);
            await LocalHttpServer.WriteAsync(ctx, api ? 200 : 400, api ? """{"ok":false,"error":"invalid_blocks"}""" : "invalid_blocks", api ? "application/json" : "text/plain");
            return;
        }
        Messages.Enqueue(message);
        await LocalHttpServer.WriteAsync(ctx, 200, api ? $$"""{"ok":true,"channel":"{{message["channel"]}}","ts":"1700000000.{{Messages.Count:000000}}"}""" : "ok", api ? "application/json" : "text/plain");
    }

    private static string? Check(JsonObject message)
    {
        if (message["text"]?.GetValue<string>() is not { Length: > 0 }) return "no fallback text";
        if (message["blocks"] is not JsonArray blocks) return "no blocks";
        if (blocks.Count > 50) return $"{blocks.Count} blocks (at most 50)";
        foreach (var block in blocks)
        {
            var type = block!["type"]!.GetValue<string>();
            switch (type)
            {
                case "header" when block["text"]!["text"]!.GetValue<string>().Length > 150: return "header over 150 characters";
                case "section" when block["text"]!["text"]!.GetValue<string>() is var t && (t.Length > 3000 || t.Length == 0): return $"section of {t.Length} characters (1 to 3000)";
                case "context" when block["elements"]!.AsArray().Count > 10: return "context with more than 10 elements";
                case "header" or "section" or "context" or "divider": break;
                default: return $"unknown block type {type}";
            }
        }
        return null;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
