namespace NewsBrief.Core.Domain;

/// <summary>
/// Whether two reports describe one event: the same date and precision, and either a shared participant
/// ("Wang Yi" in both) or the same kind at the same stated place. Several outlets' reports of one meeting
/// become one stored event with several citations.
/// </summary>
public static class SameEvent
{
    public static bool Matches(UpcomingEvent a, UpcomingEvent b)
    {
        if (a.Date != b.Date || a.Precision != b.Precision) return false;
        if (a.Participants.Any(p => b.Participants.Any(q => NameOverlaps(p, q)))) return true;
        return a.Kind == b.Kind && a.Place is not null && string.Equals(a.Place, b.Place, StringComparison.OrdinalIgnoreCase);
    }

    // "Wang Yi" and "Chinese Foreign Minister Wang Yi" name the same person; "US" and "USA" do not overlap by accident
    // because the shorter must be a whole-word part of the longer.
    private static bool NameOverlaps(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < 4) return false;
        var at = longer.IndexOf(shorter, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (at == 0 || longer[at - 1] == ' ') && (at + shorter.Length == longer.Length || longer[at + shorter.Length] == ' ');
    }
}
