namespace NewsBrief.Bot.Alerts;

/// <summary>
/// Who owns a subscription: <c>cli</c> (made with <c>newsbrief subscribe</c>), <c>console</c> (typed at the console of
/// <c>newsbrief run</c>), <c>web</c> (the reading room) or <c>discord:USERID</c>. The command line and the console are
/// the same operator at the same machine, so the console's /subscriptions shows and removes both.
/// </summary>
public static class SubscriptionOwners
{
    public const string Cli = "cli";
    public const string Console = "console";

    /// <summary>The owners whose subscriptions <paramref name="owner"/> sees as its own.</summary>
    public static IReadOnlyList<string> SeenBy(string owner) => owner == Console ? [Console, Cli] : [owner];
}
