using NewsBrief.Core.Net;
using System.Text.Json;

namespace NewsBrief.Discord;

/// <summary>Discord's JSON error body: {code, message, retry_after, global}; tolerant of non-JSON bodies.</summary>
internal sealed record DiscordError(int? Code, string Message, TimeSpan? RetryAfter, bool Global)
{
    public static DiscordError Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Plain(body);
            int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            if (root.TryGetProperty("errors", out var details)) message += " " + details.GetRawText();
            TimeSpan? retry = root.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var s) ? RetryAfterParser.FromSeconds(s) : null;
            var global = root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
            return new DiscordError(code, message.Trim(), retry, global);
        }
        catch (JsonException) { return Plain(body); }
    }

    private static DiscordError Plain(string body) =>
        new(null, body.Length > 300 ? body[..300] : body, null, false);
}
