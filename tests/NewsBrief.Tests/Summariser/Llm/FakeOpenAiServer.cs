using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Llm;

/// <summary>
/// A fake OpenAI-compatible chat completions server on 127.0.0.1: answers scripted replies in order (the last one
/// repeats) and keeps every request body, so tests drive the real SK connector over real HTTP.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeReply _last = FakeReply.Answer("""{"headline":"","sentences":[]}""");

    public FakeOpenAiServer(string path = "v1/chat/completions") => _server.Map(path, HandleAsync);

    /// <summary>What to configure as Summariser:Endpoint for openai-compatible (includes /v1).</summary>
    public string V1Endpoint => _server.Url("v1").ToString();

    public string BaseEndpoint => _server.BaseUri.ToString().TrimEnd('/');

    /// <summary>Request bodies of chat completion calls, parsed, in order.</summary>
    public ConcurrentQueue<JsonObject> Bodies { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests.ToList();

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var r in replies) _replies.Enqueue(r);
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8))
            Bodies.Enqueue(JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject());
        var reply = _replies.TryDequeue(out var next) ? _last = next : _last;
        if (reply.Hang)
        {
            await _released.Task; // until the test ends; the client has given up long before
            return;
        }
        foreach (var (name, value) in reply.Headers) ctx.Response.Headers[name] = value;
        await LocalHttpServer.WriteAsync(ctx, reply.Status, reply.Body, "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _server.DisposeAsync();
    }
}

/// <summary>One scripted reply of <see cref="FakeOpenAiServer"/>.</summary>
public sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false)
{
    /// <summary>A chat completion whose message is <paramref name="content"/>; finishReason null writes JSON null.</summary>
    public static FakeReply Answer(string content, string? finishReason = "stop", int promptTokens = 120, int completionTokens = 40)
    {
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1704208954, ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        };
        return new FakeReply(200, body.ToJsonString(), new Dictionary<string, string>());
    }

    public static FakeReply Error(int status, string? retryAfter = null) =>
        new(status, "{\"error\":{\"message\":\"status " + status + "\",\"type\":\"fake\"}}",
            retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    public static FakeReply Hanging() => new(200, "", new Dictionary<string, string>(), Hang: true);
}
