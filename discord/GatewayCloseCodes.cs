namespace NewsBrief.Discord;

/// <summary>What to do after the gateway closed the socket with a given code.</summary>
public enum GatewayNext
{
    /// <summary>Reconnect at resume_gateway_url and send op 6 Resume.</summary>
    Resume,
    /// <summary>Start a new session: reconnect to the gateway URL and Identify.</summary>
    Reidentify,
    /// <summary>Stop: reconnecting cannot help (bad token, intents, shard, version).</summary>
    Fatal,
}

/// <summary>Discord's gateway close codes and what each means for the bot.</summary>
public static class GatewayCloseCodes
{
    public static GatewayNext Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayNext.Fatal,
        4007 or 4009 => GatewayNext.Reidentify,
        // 1000/1001 from the server end the session; anything else (or a drop) keeps it resumable
        1000 or 1001 => GatewayNext.Reidentify,
        _ => GatewayNext.Resume,
    };

    /// <summary>A message a user can act on for a fatal close code.</summary>
    public static string Describe(int? code) => code switch
    {
        4004 => "Discord rejected the bot token (close code 4004 authentication failed): check Discord:Token (NewsBrief__Discord__Token).",
        4010 => "Discord rejected the shard (close code 4010 invalid shard).",
        4011 => "Discord requires sharding for this bot (close code 4011): it is in too many servers for one connection.",
        4012 => "Discord rejected the gateway API version (close code 4012).",
        4013 => "Discord rejected the gateway intents (close code 4013 invalid intents).",
        4014 => "Discord refused a privileged intent (close code 4014 disallowed intents): enable it in the Developer Portal or stop requesting it.",
        null => "the gateway connection dropped without a close code",
        _ => $"the gateway closed the connection with code {code}",
    };
}

/// <summary>The gateway stopped for good (a fatal close code); reconnecting would not help.</summary>
public sealed class DiscordGatewayException(int? closeCode, string message) : Exception(message)
{
    public int? CloseCode { get; } = closeCode;
}
