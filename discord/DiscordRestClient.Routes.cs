using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBrief.Discord;

/// <summary>The Discord routes the bot uses, typed.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>GET /gateway/bot: the WebSocket URL to identify on.</summary>
    public async Task<string> GetGatewayUrlAsync(CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Get, "/gateway/bot", null, repeatable: true, ct);
        return answer?.TryGetProperty("url", out var url) == true && url.GetString() is { Length: > 0 } value
            ? value
            : throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "GET /gateway/bot answered without a url");
    }

    /// <summary>Bulk-overwrites the slash commands: on one guild when given (instant), globally otherwise.</summary>
    public Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, guildId is null
            ? $"/applications/{applicationId}/commands"
            : $"/applications/{applicationId}/guilds/{guildId}/commands", commands, repeatable: true, ct);

    /// <summary>
    /// The initial interaction response. Repeatable on 429: a rejected callback was not applied, and a duplicate
    /// acknowledgement is refused by Discord (40060) rather than posted twice.
    /// </summary>
    public Task CreateInteractionResponseAsync(string interactionId, string token, object response, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/interactions/{interactionId}/{token}/callback", response, repeatable: true, ct);

    /// <summary>PATCH @original: fills in a deferred reply.</summary>
    public Task EditOriginalResponseAsync(string applicationId, string token, DiscordMessagePayload message, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"/webhooks/{applicationId}/{token}/messages/@original", message, repeatable: true, ct);

    /// <summary>DELETE @original.</summary>
    public Task DeleteOriginalResponseAsync(string applicationId, string token, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"/webhooks/{applicationId}/{token}/messages/@original", null, repeatable: true, ct);

    /// <summary>A followup message. Never retried on 429: webhooks take no nonce, so a retry could post twice.</summary>
    public async Task<string?> CreateFollowupAsync(string applicationId, string token, DiscordMessagePayload message, CancellationToken ct) =>
        MessageId(await SendAsync(HttpMethod.Post, $"/webhooks/{applicationId}/{token}", message with { Nonce = null, EnforceNonce = null }, repeatable: false, ct));

    /// <summary>
    /// POST /channels/{id}/messages with a nonce and enforce_nonce, so a retry after 429 cannot double-post.
    /// Pass the outbox's idempotency key as <paramref name="nonce"/> (≤25 chars) to also cover a crash and resend.
    /// </summary>
    public async Task<string> CreateMessageAsync(string channelId, DiscordMessagePayload message, string? nonce, CancellationToken ct)
    {
        nonce ??= NewNonce();
        if (nonce.Length > 25) throw new ArgumentException("A Discord nonce is at most 25 characters.", nameof(nonce));
        var answer = await SendAsync(HttpMethod.Post, $"/channels/{channelId}/messages",
            message with { Nonce = nonce, EnforceNonce = true }, repeatable: true, ct);
        return MessageId(answer) ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "create message answered without an id");
    }

    /// <summary>Starts a public thread (type 11; Discord's default would be private) and returns its channel id.</summary>
    public async Task<string> StartThreadAsync(string channelId, string name, CancellationToken ct)
    {
        name = name.Length > 100 ? name[..100] : name;
        var body = new JsonObject { ["name"] = name, ["auto_archive_duration"] = 1440, ["type"] = 11 };
        // POST without a nonce: on 429 this throws rather than risk two threads
        var answer = await SendAsync(HttpMethod.Post, $"/channels/{channelId}/threads", body, repeatable: false, ct);
        return MessageId(answer) ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "start thread answered without an id");
    }

    /// <summary>Opens (or finds) the direct-message channel with a user and returns its id; the same user always gets the same channel.</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Post, "/users/@me/channels", new JsonObject { ["recipient_id"] = userId }, repeatable: true, ct);
        return MessageId(answer) ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "opening a DM answered without a channel id");
    }

    /// <summary>A fresh numeric nonce of at most 20 digits.</summary>
    public static string NewNonce() => (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? MessageId(JsonElement? answer) =>
        answer is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty("id", out var id) ? id.ToString() : null;
}
