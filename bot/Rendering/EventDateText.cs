using System.Globalization;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>An event's date as a reader wants it, keeping its precision: "Thu 13 Feb 2025", "week of 10 Feb 2025", "February 2025".</summary>
public static class EventDateText
{
    public static string Format(UpcomingEvent e) => e.Precision switch
    {
        EventPrecision.Week => "week of " + e.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        EventPrecision.Month => e.Date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => e.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The participants and place, as "(Wang Yi; London)"; empty when the sentence named neither.</summary>
    public static string Who(UpcomingEvent e)
    {
        var parts = e.Participants.ToList();
        if (e.Place is not null) parts.Add("in " + e.Place);
        return parts.Count == 0 ? "" : $" ({string.Join("; ", parts)})";
    }
}
