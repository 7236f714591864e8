using System.Globalization;
using System.Text;

namespace NewsBrief.Tests.Support;

/// <summary>One VEVENT as read back: its properties (name to unescaped value; parameters kept in the key, e.g. "DTSTART;VALUE=DATE").</summary>
public sealed record ICalendarEvent(IReadOnlyDictionary<string, string> Properties)
{
    public string this[string name] => Properties[name];
}

/// <summary>
/// A strict RFC 5545 reader for the tests: CRLF line ends only, lines of at most 75 octets, folding by one
/// leading space, BEGIN/END nesting balanced, VERSION:2.0 and PRODID present, each VEVENT with UID, DTSTAMP and
/// DTSTART, DATE values of 8 digits and DTEND after DTSTART, TEXT escapes only \\ \; \, \n. Throws on any breach.
/// </summary>
public static class StrictICalendarReader
{
    public static IReadOnlyList<ICalendarEvent> Read(string ics)
    {
        if (!ics.EndsWith("\r\n", StringComparison.Ordinal)) throw new FormatException("the calendar does not end with CRLF");
        var physical = ics[..^2].Split("\r\n");
        var lines = new List<string>();
        foreach (var line in physical)
        {
            if (line.Contains('\n') || line.Contains('\r')) throw new FormatException($"a bare line break in '{line}'");
            if (Encoding.UTF8.GetByteCount(line) > 75) throw new FormatException($"a line longer than 75 octets: '{line}'");
            if (line.StartsWith(' '))
            {
                if (lines.Count == 0) throw new FormatException("a continuation line first");
                lines[^1] += line[1..];
            }
            else lines.Add(line);
        }
        if (lines.FirstOrDefault() != "BEGIN:VCALENDAR" || lines.LastOrDefault() != "END:VCALENDAR") throw new FormatException("not one VCALENDAR");
        var events = new List<ICalendarEvent>();
        Dictionary<string, string>? current = null;
        var sawVersion = false;
        var sawProdId = false;
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"no property name in '{line}'");
            var name = line[..colon];
            var value = line[(colon + 1)..];
            if (name == "BEGIN")
            {
                if (value != "VEVENT" || current is not null) throw new FormatException($"unexpected BEGIN:{value}");
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            if (name == "END")
            {
                if (value != "VEVENT" || current is null) throw new FormatException($"unexpected END:{value}");
                foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART;VALUE=DATE" })
                    if (!current.ContainsKey(required)) throw new FormatException($"a VEVENT without {required}");
                var start = Date(current["DTSTART;VALUE=DATE"]);
                if (current.TryGetValue("DTEND;VALUE=DATE", out var end) && Date(end) <= start) throw new FormatException("DTEND is not after DTSTART");
                if (!DateTime.TryParseExact(current["DTSTAMP"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    throw new FormatException($"a bad DTSTAMP '{current["DTSTAMP"]}'");
                events.Add(new ICalendarEvent(current));
                current = null;
                continue;
            }
            if (current is null)
            {
                if (name == "VERSION") sawVersion = value == "2.0" ? true : throw new FormatException("VERSION is not 2.0");
                if (name == "PRODID") sawProdId = true;
                continue;
            }
            if (!current.TryAdd(name, name is "SUMMARY" or "DESCRIPTION" or "LOCATION" or "CATEGORIES" ? Unescape(value) : value))
                throw new FormatException($"{name} twice in one VEVENT");
        }
        if (current is not null) throw new FormatException("a VEVENT is not closed");
        if (!sawVersion || !sawProdId) throw new FormatException("VERSION or PRODID missing");
        return events;
    }

    private static DateOnly Date(string value) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new FormatException($"a bad DATE '{value}'");

    private static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ';' or ',') throw new FormatException($"an unescaped '{c}' in TEXT '{value}'");
            if (c != '\\') { sb.Append(c); continue; }
            if (++i == value.Length) throw new FormatException("a trailing backslash");
            sb.Append(value[i] switch
            {
                '\\' => '\\', ';' => ';', ',' => ',', 'n' or 'N' => '\n',
                _ => throw new FormatException($"a bad escape \\{value[i]}"),
            });
        }
        return sb.ToString();
    }
}
