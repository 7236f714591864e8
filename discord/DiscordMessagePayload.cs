using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsBrief.Discord;

/// <summary>The body of every message Discord creates or edits for us; mentions are always off.</summary>
public sealed record DiscordMessagePayload
{
    public string? Content { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    /// <summary>Always {"parse": []}: nothing in a brief may ping anyone.</summary>
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>64 = EPHEMERAL (interaction replies only).</summary>
    public int? Flags { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>, lets Discord drop a retried duplicate of this message.</summary>
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }

    public const int EphemeralFlag = 1 << 6;
}

/// <summary>Discord's allowed_mentions object.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}

/// <summary>A rich embed as sent to Discord.</summary>
public sealed record DiscordEmbed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }
    public DiscordEmbedFooter? Footer { get; init; }

    /// <summary>The characters Discord counts toward the 6000 per-message total.</summary>
    [JsonIgnore]
    public int CountedLength => (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Footer?.Text.Length ?? 0)
        + (Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
}

/// <summary>An embed field.</summary>
public sealed record DiscordEmbedField(string Name, string Value, bool Inline = false);

/// <summary>An embed footer.</summary>
public sealed record DiscordEmbedFooter(string Text);

/// <summary>The JSON settings of the Discord wire format (snake_case, nulls left out, ids as strings or numbers).</summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
