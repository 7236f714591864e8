using System.Net.Mail;

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

    /// <summary>Every problem as "Smtp:Key message"; empty when e-mail is off or the settings are sound.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!Enabled) return [];
        var errors = new List<string>();
        if (Port is < 1 or > 65535) errors.Add($"Smtp:Port {Port} is not a TCP port (1-65535; 587 for STARTTLS, 465 for SSL)");
        if (Security is not ("starttls" or "ssl" or "none")) errors.Add($"Smtp:Security '{Security}' must be starttls, ssl or none");
        if (string.IsNullOrWhiteSpace(From) || !MailAddress.TryCreate(From, out _)) errors.Add("Smtp:From must be the sender's address, e.g. \"NewsBrief <briefs@example.org>\"");
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
            errors.Add(string.IsNullOrEmpty(User) ? "Smtp:User is empty but Smtp:Password is set: give both or neither" : "Smtp:Password is empty but Smtp:User is set: give both (the password through user secrets or NewsBrief__Smtp__Password)");
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5)) errors.Add("Smtp:Timeout must be between 00:00:01 and 00:05:00");
        return errors;
    }
}
