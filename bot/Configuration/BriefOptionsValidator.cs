using Microsoft.Extensions.Options;

namespace NewsBrief.Bot.Configuration;

/// <summary>What the annotations of <see cref="BriefOptions"/> cannot say: that Brief:TimeZone is a zone this machine knows.</summary>
public sealed class BriefOptionsValidator : IValidateOptions<BriefOptions>
{
    public ValidateOptionsResult Validate(string? name, BriefOptions options) =>
        string.IsNullOrWhiteSpace(options.TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success // a blank zone is the [Required] annotation's to report
            : ValidateOptionsResult.Fail($"{BriefOptions.SectionName}:TimeZone: '{options.TimeZone}' is not a known IANA time zone (e.g. Europe/London)");
}
