using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBrief.Tests.Support;

/// <summary>
/// Moves the dates of a captured feed (years old) to just before <c>now</c>, an item every half hour,
/// so a brief of the last day sees them.
/// </summary>
public static partial class FeedDates
{
    public static string ShiftToRecent(string xml, DateTimeOffset now)
    {
        var i = 0;
        xml = RssDate().Replace(xml, m => $"<{m.Groups[1].Value}>{(now - TimeSpan.FromMinutes(30 * ++i)).ToString("R", CultureInfo.InvariantCulture)}</{m.Groups[1].Value}>");
        return AtomDate().Replace(xml, m => $"<{m.Groups[1].Value}>{(now - TimeSpan.FromMinutes(30 * ++i)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</{m.Groups[1].Value}>");
    }

    [GeneratedRegex(@"<(pubDate|dc:date|lastBuildDate)>[^<]*</\1>")]
    private static partial Regex RssDate();

    [GeneratedRegex(@"<(updated|published)>[^<]*</\1>")]
    private static partial Regex AtomDate();
}
