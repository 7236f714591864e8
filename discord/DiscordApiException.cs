using System.Net;

namespace NewsBrief.Discord;

/// <summary>A Discord REST call failed: HTTP status, Discord's JSON error code and message (secrets redacted).</summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(HttpStatusCode status, int? code, string message, TimeSpan? retryAfter = null)
        : base($"Discord API {(int)status} {status}{(code is null ? "" : $" (code {code})")}: {message}")
    {
        Status = status;
        Code = code;
        DiscordMessage = message;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code, e.g. 10062 unknown interaction, 50035 invalid form body.</summary>
    public int? Code { get; }

    public string DiscordMessage { get; }

    /// <summary>Set on a 429 that was not retried (a POST without a nonce): when a retry may happen.</summary>
    public TimeSpan? RetryAfter { get; }
}
