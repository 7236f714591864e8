using System.Globalization;
using System.Text;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Events;

/// <summary>
/// Writes events as an RFC 5545 calendar: one VEVENT each, all-day (<c>DTSTART;VALUE=DATE</c>) for day precision;
/// week and month precision become all-day spans over the week or month marked in the summary and description
/// ("week of", "in the month"), since a calendar has no "some day that week". Each event's articles are listed
/// in the description and the first is its URL. Text is escaped, lines are CRLF-ended and folded at 75 octets.
/// </summary>
public static class ICalendarWriter
{
    public const string ProductId = "-//NewsBrief//Upcoming events//EN";

    public static string Write(IReadOnlyList<UpcomingEvent> events, IReadOnlyDictionary<long, Article> articles, Func<string, string> sourceName,
        DateTimeOffset stamp, string calendarName = "NewsBrief: coming up")
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:" + ProductId);
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            var cited = e.Citations.Select(c => articles.GetValueOrDefault(c.ArticleId)).OfType<Article>().ToList();
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:event-{e.Id}@newsbrief");
            Line(ics, "DTSTAMP:" + stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            Line(ics, "DTSTART;VALUE=DATE:" + Day(e.Date));
            Line(ics, "DTEND;VALUE=DATE:" + Day(e.LastDay.AddDays(1)));
            var prefix = e.Precision switch
            {
                EventPrecision.Week => "[week of " + e.Date.ToString("d MMM", CultureInfo.InvariantCulture) + "] ",
                EventPrecision.Month => "[" + e.Date.ToString("MMMM", CultureInfo.InvariantCulture) + ", day not given] ",
                _ => "",
            };
            Line(ics, "SUMMARY:" + Escape(prefix + e.Title));
            if (e.Place is not null) Line(ics, "LOCATION:" + Escape(e.Place));
            Line(ics, "CATEGORIES:" + Escape(e.Kind));
            Line(ics, "TRANSP:TRANSPARENT");
            if (cited.FirstOrDefault(a => IsWebLink(a.Url)) is { } first) Line(ics, "URL:" + first.Url);
            Line(ics, "DESCRIPTION:" + Escape(Description(e, cited, sourceName)));
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Description(UpcomingEvent e, IReadOnlyList<Article> cited, Func<string, string> sourceName)
    {
        var text = new StringBuilder();
        if (e.Precision != EventPrecision.Day)
            text.Append("Date known to the ").Append(e.Precision == EventPrecision.Week ? "week" : "month").Append(" only.\n");
        if (e.Participants.Count > 0) text.Append("Participants: ").Append(string.Join(", ", e.Participants)).Append('\n');
        foreach (var c in e.Citations)
        {
            var a = cited.FirstOrDefault(x => x.Id == c.ArticleId);
            if (a is null) continue;
            text.Append('\n').Append('"').Append(c.Sentence).Append("\"\n").Append(sourceName(a.SourceId)).Append(": ").Append(a.Title);
            if (IsWebLink(a.Url)) text.Append(' ').Append(a.Url);
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static bool IsWebLink(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

    private static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11 TEXT: backslash, semicolon and comma escaped, newlines as \n, other control characters dropped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    // RFC 5545 3.1: lines of at most 75 octets, continued on lines that begin with one space; never split a UTF-8 character.
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? Encoding.UTF8.GetByteCount(line.AsSpan(i, 2)) : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            ics.Append(line[i]);
            if (char.IsHighSurrogate(line[i]) && i + 1 < line.Length) ics.Append(line[++i]);
            octets += width;
        }
        ics.Append("\r\n");
    }
}
