using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries.Fakes;

/// <summary>
/// A Teams Workflows webhook on 127.0.0.1. Like the real one it answers 202, refuses a message over 28 KB (413)
/// or without one Adaptive Card attachment of version 1.4 or lower (400), and answers 404 for an unknown flow URL.
/// </summary>
public sealed class FakeTeams : IAsyncDisposable
{
    public const int MaxBytes = 28 * 1024;
    private readonly LocalHttpServer _server = new();
    private readonly ConcurrentDictionary<int, int> _failing = new();
    private int _posts;

    public FakeTeams() => _server.Map("/workflows/flow-1/triggers/manual/paths/invoke", HandleAsync);

    public string WebhookUrl => _server.Url("/workflows/flow-1/triggers/manual/paths/invoke?api-version=2016-06-01&sig=teams-secret-sig").AbsoluteUri;
    public string UnknownUrl => _server.Url("/workflows/deleted-flow/triggers/manual/paths/invoke?sig=x").AbsoluteUri;

    /// <summary>The card contents accepted, in order.</summary>
    public ConcurrentQueue<JsonObject> Cards { get; } = new();
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The <paramref name="post"/>-th post to arrive (counting from 1, refused ones included) is answered 500 once, as a platform hiccup.</summary>
    public void FailPost(int post) => _failing[post] = 500;

    /// <summary>Posts that reached the webhook, refused or not.</summary>
    public int Posts => Volatile.Read(ref _posts);

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.InputStream.CopyToAsync(buffer);
        if (_failing.TryRemove(Interlocked.Increment(ref _posts), out var status))
        {
            await LocalHttpServer.WriteAsync(ctx, status, "internal_error", "text/plain");
            return;
        }
        if (buffer.Length > MaxBytes)
        {
            Violations.Enqueue($"{buffer.Length} bytes (over 28 KB)");
            await LocalHttpServer.WriteAsync(ctx, 413, "RequestEntityTooLarge", "text/plain");
            return;
        }
        var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer.ToArray()))!.AsObject();
        var attachments = message["attachments"] as JsonArray;
        var card = attachments is [JsonObject { } only] && only["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? only["content"] as JsonObject : null;
        var version = card?["version"]?.GetValue<string>();
        if (message["type"]?.GetValue<string>() != "message" || card is null || card["type"]?.GetValue<string>() != "AdaptiveCard"
            || !Version.TryParse(version, out var v) || v > new Version(1, 4) || card["body"] is not JsonArray)
        {
            Violations.Enqueue($"not a message with one Adaptive Card of version <= 1.4 (version {version})");
            await LocalHttpServer.WriteAsync(ctx, 400, "InvalidRequestContent", "text/plain");
            return;
        }
        Cards.Enqueue(card);
        await LocalHttpServer.WriteAsync(ctx, 202, "", "text/plain");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
