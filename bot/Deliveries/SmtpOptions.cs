namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// The mail server e-mail destinations go through (section <c>Smtp</c>). <c>Smtp:Password</c> is a secret:
/// set it through user secrets or <c>NewsBrief__Smtp__Password</c>, never in appsettings.json.
/// </summary>
public sealed record SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>The server's host name; e-mail is off while it is empty.</summary>
    public string? Host { get; init; }
    /// <summary>Default 587 (submission with STARTTLS).</summary>
    public int Port { get; init; } = 587;
    /// <summary><c>starttls</c> (default), <c>ssl</c> (implicit TLS, usually port 465) or <c>none</c> (a relay on a trusted network).</summary>
    public string Security { get; init; } = "starttls";
    public string? User { get; init; }
    public string? Password { get; init; }
    /// <summary>The sender address, e.g. <c>NewsBrief &lt;briefs@example.org&gt;</c>.</summary>
    public string? From { get; init; }
    /// <summary>Whole-send timeout. Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
