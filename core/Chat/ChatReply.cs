namespace NewsBrief.Core.Chat;

/// <summary>
/// What a command handler answers, platform-neutral. All text is plain text: each adapter escapes it
/// for its platform (Discord markdown) and splits it to the platform's limits.
/// </summary>
public sealed record ChatReply
{
    /// <summary>A plain message line or paragraph shown before any sections.</summary>
    public string? Text { get; init; }

    /// <summary>Titled sections (Discord embeds), in order.</summary>
    public IReadOnlyList<ReplyEmbed> Embeds { get; init; } = [];

    /// <summary>Source links, shown numbered ([1], [2], ...) after the sections so sentences can cite them.</summary>
    public IReadOnlyList<ReplyLink> Links { get; init; } = [];

    /// <summary>Only the person who asked sees the reply (when the platform can do that).</summary>
    public bool Ephemeral { get; init; }

    /// <summary>The reply reports a failure; adapters show it privately and marked as an error.</summary>
    public bool IsError { get; init; }

    /// <summary>A plain text reply.</summary>
    public static ChatReply Plain(string text, bool ephemeral = false) => new() { Text = text, Ephemeral = ephemeral };

    /// <summary>An error reply, shown only to the person who asked.</summary>
    public static ChatReply Error(string message) => new() { Text = message, Ephemeral = true, IsError = true };
}

/// <summary>One titled section of a reply: a Discord embed, a block on the console.</summary>
public sealed record ReplyEmbed(
    string? Title,
    string? Description,
    string? Url = null,
    IReadOnlyList<ReplyField>? Fields = null,
    string? Footer = null);

/// <summary>A name/value pair inside a section.</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = false);

/// <summary>A cited source: its title and address.</summary>
public sealed record ReplyLink(string Title, string Url);
