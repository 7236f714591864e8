using NewsBrief.Bot.Chat;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Schedules;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.ChatCommands;

/// <summary>
/// The alert and schedule chat commands: /subscribe, /unsubscribe, /subscriptions, /schedule set|show|clear.
/// Subscriptions belong to the user and deliver to the channel they were made in (the console on the console).
/// </summary>
public sealed class AlertChatCommands(AppServices services, AlertServices alerting)
{
    public void RegisterWith(ChatCommandHandler handler)
    {
        handler.Register("subscribe", (c, _) => Task.FromResult(Subscribe(c)));
        handler.Register("unsubscribe", (c, _) => Task.FromResult(Unsubscribe(c)));
        handler.Register("subscriptions", (c, _) => Task.FromResult(List(c)));
        handler.Register("schedule", (c, _) => Task.FromResult(Schedule(c)));
    }

    public static string Owner(ChatCommand c) => c.ChannelId == "console" ? SubscriptionOwners.Console : $"discord:{c.User.Id}";

    public static string DestinationOf(ChatCommand c) => c.ChannelId is null or "console" ? "console" : $"discord:channel:{c.ChannelId}";

    private ChatReply Subscribe(ChatCommand c)
    {
        try
        {
            var s = SubscriptionRequest.Add(alerting.Subscriptions, alerting.Options, Owner(c), c.Option("query") ?? "", DestinationOf(c),
                c.Option("mode") ?? "instant", null, services.Time.GetUtcNow());
            return ChatReply.Plain($"Subscription {s.Id}: {s.Mode.ToString().ToLowerInvariant()} alerts for \"{s.Query}\" here. Remove it with /unsubscribe id:{s.Id}.", ephemeral: true);
        }
        catch (SubscriptionException e)
        {
            return ChatReply.Error(e.Message);
        }
    }

    private ChatReply Unsubscribe(ChatCommand c)
    {
        if (!long.TryParse(c.Option("id"), out var id)) return ChatReply.Error($"'{c.Option("id")}' is not a subscription id; see /subscriptions.");
        return SubscriptionOwners.SeenBy(Owner(c)).Any(owner => alerting.Subscriptions.Remove(id, owner))
            ? ChatReply.Plain($"Subscription {id} removed.", ephemeral: true)
            : ChatReply.Error($"You have no subscription {id}; see /subscriptions.");
    }

    private ChatReply List(ChatCommand c)
    {
        var mine = SubscriptionOwners.SeenBy(Owner(c)).SelectMany(owner => alerting.Subscriptions.List(owner)).OrderBy(s => s.Id).ToList();
        if (mine.Count == 0)
            return ChatReply.Plain("You have no subscriptions. Try /subscribe query:\"tiktok AND ban*\". "
                + "Those made with 'newsbrief subscribe' or in the web reading room are listed by 'newsbrief subscriptions'.", ephemeral: true);
        var lines = mine.Select(s => $"{s.Id}: \"{s.Query}\" ({s.Mode.ToString().ToLowerInvariant()}) to {Destination.Parse(s.Destination).Redacted}"
            + (s.Owner == SubscriptionOwners.Cli ? " (made with 'newsbrief subscribe')" : ""));
        return new ChatReply { Embeds = [new ReplyEmbed("Your subscriptions", string.Join("\n", lines))], Ephemeral = true };
    }

    private ChatReply Schedule(ChatCommand c)
    {
        if (!c.IsAdmin) return ChatReply.Error("Scheduling briefs needs the Manage Server permission or an admin role.");
        var destination = DestinationOf(c);
        switch (c.Subcommand)
        {
            case "set":
                try
                {
                    var topic = c.Option("topic");
                    var (saved, zone) = ScheduleRequest.Set(alerting.Schedules, services.Config.Topics.Select(t => t.Topic.Name).ToList(), destination,
                        c.Option("cron") ?? "", c.Option("timezone") ?? services.Brief.TimeZone, topic is null ? [] : [topic], null, services.Time.GetUtcNow());
                    return ChatReply.Plain($"Briefs here on \"{saved.Cron}\" ({saved.TimeZone}); the next at {ScheduleCalendar.Next(saved.Cron, zone, services.Time.GetUtcNow()):u}.");
                }
                catch (ScheduleRequestException e)
                {
                    return ChatReply.Error(e.Message);
                }
            case "clear":
                return alerting.Schedules.Remove(destination) ? ChatReply.Plain("The scheduled brief here is removed.") : ChatReply.Error("There is no scheduled brief here.");
            default:
                var here = alerting.Schedules.List().FirstOrDefault(s => s.Destination == destination);
                return here is null
                    ? ChatReply.Plain("No brief is scheduled here. Set one with /schedule set cron:\"0 8 * * 1-5\".")
                    : ChatReply.Plain($"Briefs here on \"{here.Cron}\" ({here.TimeZone}){(here.Topics.Count > 0 ? $" on {string.Join(", ", here.Topics)}" : "")}.");
        }
    }
}
