namespace NewsBrief.Core.Chat;

/// <summary>A chat command as any platform (Discord, console) hands it to the command handlers.</summary>
/// <param name="Name">The command without its slash, e.g. "brief".</param>
/// <param name="Subcommand">The subcommand, e.g. "add" for "/sources add", or null.</param>
/// <param name="Options">Option values by name, as text (absent options are not in the map).</param>
/// <param name="User">Who asked.</param>
/// <param name="IsAdmin">True when the user may manage sources and schedules.</param>
/// <param name="ChannelId">The channel the command came from, when there is one.</param>
/// <param name="GuildId">The server the command came from; null in a direct message or the console.</param>
public sealed record ChatCommand(
    string Name,
    string? Subcommand,
    IReadOnlyDictionary<string, string> Options,
    ChatUser User,
    bool IsAdmin,
    string? ChannelId,
    string? GuildId)
{
    /// <summary>The value of an option, or null when it was not given.</summary>
    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The person behind a chat command.</summary>
public sealed record ChatUser(string Id, string Name);
