using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsBrief.Tests.Bot.Discord.Fake;

/// <summary>The fake's default answers and its checks of what the client sent.</summary>
public sealed partial class FakeDiscord
{
    private void Check(FakeRequest request)
    {
        var label = $"{request.Method} {request.Path}";
        if (!request.Headers.TryGetValue("User-Agent", out var agent) || !agent.StartsWith("DiscordBot (", StringComparison.Ordinal))
            Violations.Enqueue($"{label}: User-Agent is '{agent}'");
        var tokenInPath = request.Path.Contains("/interactions/", StringComparison.Ordinal) || request.Path.Contains("/webhooks/", StringComparison.Ordinal);
        if (!tokenInPath && (!request.Headers.TryGetValue("Authorization", out var auth) || auth != "Bot " + Token))
            Violations.Enqueue($"{label}: Authorization header missing or wrong");
        if (request.Body is not null && (!request.Headers.TryGetValue("Content-Type", out var type) || !type.StartsWith("application/json", StringComparison.Ordinal)))
            Violations.Enqueue($"{label}: body without application/json");
        if (MessageBody(request) is { } message)
        {
            var parse = message["allowed_mentions"]?["parse"] as JsonArray;
            if (parse is null || parse.Count != 0)
                Violations.Enqueue($"{label}: message without allowed_mentions.parse = [] ({message.ToJsonString()[..Math.Min(120, message.ToJsonString().Length)]})");
        }
    }

    /// <summary>The message object inside a request that creates or edits a message, or null.</summary>
    public static JsonNode? MessageBody(FakeRequest request)
    {
        if (request.Body is null) return null;
        if (request.Path.EndsWith("/callback", StringComparison.Ordinal))
            return request.Body["type"]?.GetValue<int>() is 4 or 7 ? request.Body["data"] : null;
        if (request.Method == "PATCH" && request.Path.Contains("/messages/", StringComparison.Ordinal)) return request.Body;
        if (request.Method == "POST" && (request.Path.EndsWith("/messages", StringComparison.Ordinal) || request.Path.Contains("/webhooks/", StringComparison.Ordinal)))
            return request.Body;
        return null;
    }

    private FakeResponse Answer(FakeRequest request)
    {
        var path = request.Path;
        if (request.Method == "GET" && path == "/api/v10/gateway/bot")
            return Json(200, new JsonObject
            {
                ["url"] = GatewayUrl, ["shards"] = 1,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1 },
            });
        if (request.Method == "PUT" && CommandsRoute().IsMatch(path)) return new FakeResponse(200, request.Body?.ToJsonString() ?? "[]");
        if (request.Method == "POST" && path.EndsWith("/callback", StringComparison.Ordinal)) return new FakeResponse(204);
        if (request.Method == "DELETE" && path.EndsWith("/messages/@original", StringComparison.Ordinal)) return new FakeResponse(204);
        if (request.Method == "PATCH" && path.EndsWith("/messages/@original", StringComparison.Ordinal)) return Message(request);
        if (request.Method == "POST" && path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal)) return Message(request);
        if (request.Method == "POST" && path.StartsWith("/api/webhooks/", StringComparison.Ordinal)) return Message(request);
        if (request.Method == "POST" && path.EndsWith("/threads", StringComparison.Ordinal))
            return Json(201, new JsonObject { ["id"] = NewId(), ["type"] = request.Body?["type"]?.GetValue<int>() ?? 12 });
        if (request.Method == "POST" && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            var nonce = request.Body?["enforce_nonce"]?.GetValue<bool>() == true ? request.Body?["nonce"]?.ToString() : null;
            var now = _time.GetUtcNow();
            if (nonce is not null && _messagesByNonce.TryGetValue(nonce, out var existing) && now - existing.At < NonceWindow)
                return Json(200, new JsonObject { ["id"] = existing.Id });
            var id = NewId();
            if (nonce is not null) _messagesByNonce[nonce] = (id, now); // past the window a repeat is a new message, as on Discord
            CreatedMessages.Enqueue(request);
            return Json(200, new JsonObject { ["id"] = id });
        }
        return new FakeResponse(404, """{"message":"404: Not Found","code":0}""");
    }

    private FakeResponse Message(FakeRequest request)
    {
        CreatedMessages.Enqueue(request);
        return Json(200, new JsonObject { ["id"] = NewId() });
    }

    private static FakeResponse Json(int status, JsonNode body) => new(status, body.ToJsonString());

    /// <summary>A Discord 429 with the headers and body Discord sends.</summary>
    public static FakeResponse TooManyRequests(double retryAfterSeconds, bool global = false) => new(429,
        new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfterSeconds, ["global"] = global }.ToJsonString(),
        new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = "fake-bucket", ["X-RateLimit-Scope"] = global ? "global" : "user",
        });

    [GeneratedRegex(@"^/api/v10/applications/\d+(/guilds/\d+)?/commands$")]
    private static partial Regex CommandsRoute();
}
