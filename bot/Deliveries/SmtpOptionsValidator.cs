using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace NewsBrief.Bot.Deliveries;

/// <summary>The <c>Smtp</c> section, checked at start-up once <c>Smtp:Host</c> turns e-mail on; each failure "Smtp:Key: reason".</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (o.Port is < 1 or > 65535) errors.Add($"Smtp:Port: {o.Port} is not a TCP port (1-65535; 587 for STARTTLS, 465 for SSL)");
        if (o.Security is not ("starttls" or "ssl" or "none")) errors.Add($"Smtp:Security: '{o.Security}' must be starttls, ssl or none");
        if (string.IsNullOrWhiteSpace(o.From) || !MailAddress.TryCreate(o.From, out _)) errors.Add("Smtp:From: must be the sender's address, e.g. \"NewsBrief <briefs@example.org>\"");
        if (string.IsNullOrEmpty(o.User) != string.IsNullOrEmpty(o.Password))
            errors.Add(string.IsNullOrEmpty(o.User)
                ? "Smtp:User: empty but Smtp:Password is set: give both or neither"
                : "Smtp:Password: empty but Smtp:User is set: give both (the password through user secrets or NewsBrief__Smtp__Password)");
        if (o.Timeout <= TimeSpan.Zero || o.Timeout > TimeSpan.FromMinutes(5)) errors.Add("Smtp:Timeout: must be between 00:00:01 and 00:05:00");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
