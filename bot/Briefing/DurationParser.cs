using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBrief.Bot.Briefing;

/// <summary>Parses durations as users write them: <c>90m</c>, <c>24h</c>, <c>7d</c>, <c>2w</c>, or <c>1.00:00:00</c>.</summary>
public static partial class DurationParser
{
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(90);

    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = default;
        error = "";
        var s = text?.Trim() ?? "";
        var m = Short().Match(s);
        if (m.Success)
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            duration = m.Groups[2].Value.ToLowerInvariant() switch
            {
                "m" or "min" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
        }
        else if (!TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out duration))
        {
            error = $"'{text}' is not a duration; write it like 90m, 24h, 7d or 2w";
            return false;
        }
        if (duration <= TimeSpan.Zero || duration > Maximum)
        {
            error = $"'{text}' must be more than zero and at most {Maximum.TotalDays:0} days";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$", RegexOptions.IgnoreCase)]
    private static partial Regex Short();
}
