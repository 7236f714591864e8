using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// Reads the dates feeds really carry: RFC 822 with named or odd zones, missing seconds, two-digit
/// years and day or month names in other languages, and ISO 8601. Unreadable or absent: null.
/// </summary>
public static partial class FeedDateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6), ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["AKST"] = TimeSpan.FromHours(-9), ["AKDT"] = TimeSpan.FromHours(-8), ["HST"] = TimeSpan.FromHours(-10),
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["MET"] = TimeSpan.FromHours(1), ["WEST"] = TimeSpan.FromHours(1),
        ["CEST"] = TimeSpan.FromHours(2), ["MEST"] = TimeSpan.FromHours(2), ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3),
        ["MSK"] = TimeSpan.FromHours(3), ["IST"] = new TimeSpan(5, 30, 0), ["SGT"] = TimeSpan.FromHours(8), ["HKT"] = TimeSpan.FromHours(8),
        ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9), ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11),
        ["NZST"] = TimeSpan.FromHours(12), ["NZDT"] = TimeSpan.FromHours(13), ["BRT"] = TimeSpan.FromHours(-3), ["ART"] = TimeSpan.FromHours(-3),
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = FeedElements.CollapseWhitespace(text.Trim());
        return ParseRfc822(value) ?? ParseIso(value);
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var m = Rfc822Pattern().Match(value);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value.ToLowerInvariant()[..3], out var month)) return null;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 50 ? 2000 : 1900;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (month < 1 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 60) return null;
        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), Zone(m.Groups["zone"].Value));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static TimeSpan Zone(string zone)
    {
        zone = zone.Trim().TrimStart('(').TrimEnd(')');
        if (zone.Length == 0) return TimeSpan.Zero;
        var numeric = OffsetPattern().Match(zone);
        if (numeric.Success)
        {
            var hours = int.Parse(numeric.Groups["hh"].Value, CultureInfo.InvariantCulture);
            var minutes = numeric.Groups["mm"].Success ? int.Parse(numeric.Groups["mm"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59) return TimeSpan.Zero;
            var offset = new TimeSpan(hours, minutes, 0);
            return numeric.Groups["sign"].Value == "-" ? -offset : offset;
        }
        var word = zone.Split(' ')[0];
        return Zones.TryGetValue(word, out var named) ? named : TimeSpan.Zero;
    }

    private static DateTimeOffset? ParseIso(string value)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var parsed) ? parsed : null;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] names =
        [
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"], // Portuguese
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"], // Spanish
            ["jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"], // German
            ["jan", "fév", "mar", "avr", "mai", "jun", "jul", "aoû", "sep", "oct", "nov", "déc"], // French
        ];
        foreach (var language in names)
        {
            for (var i = 0; i < 12; i++) months.TryAdd(language[i], i + 1);
        }
        months.TryAdd("mrz", 3);
        months.TryAdd("fev", 2);
        months.TryAdd("aou", 8);
        months.TryAdd("dec", 12);
        return months;
    }

    [GeneratedRegex(@"^(?:[^\d\s,]+,?\s*)?(?<day>\d{1,2})[\s-]+(?<mon>\p{L}{3,})\.?[\s-]+(?<year>\d{2,4})(?:[\sT]+(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?)?\s*(?<zone>.*)$")]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^(?:GMT|UTC|UT)?\s*(?<sign>[+-])(?<hh>\d{1,2}):?(?<mm>\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
