namespace NewsBrief.Core.Storage;

/// <summary>
/// What the alert scan needs of one subscription's past to plan its alerts: which of the batch's
/// canonical URLs it has alerted already, how many alerts its daily cap has counted, and the stories of
/// the articles it alerted lately, to tell a new story from an update.
/// </summary>
public sealed record AlertHistory(IReadOnlySet<string> Alerted, int AlertsSince, IReadOnlySet<long> AlertedStories)
{
    /// <summary>A subscription with no past: nothing alerted, nothing counted.</summary>
    public static readonly AlertHistory None = new(new HashSet<string>(StringComparer.Ordinal), 0, new HashSet<long>());
}
