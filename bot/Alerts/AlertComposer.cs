using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Bot.Events;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Alerts;

/// <summary>
/// Turns a subscription's matched articles into alerts: one alert per stored story (five outlets on one
/// event make one alert with five links), named by the story's headline; names the matched terms, and
/// renders the JSON and text forms. It reads the stories the refresh pipeline stored; it never groups.
/// </summary>
public sealed class AlertComposer(Func<IReadOnlyList<Source>> sources, StoryStore? stories = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>
    /// The stories of the new articles, each holding its new articles oldest first, in the order of their first
    /// article; <c>Update</c> when the subscription was alerted <paramref name="earlier"/> to an article of the same story.
    /// An article without a story yet (assignment interrupted) is a story of its own.
    /// </summary>
    public IReadOnlyList<(Story Story, bool Update)> Stories(IReadOnlyList<Article> fresh, IReadOnlyList<Article> earlier) =>
        Stories(fresh, earlier.Where(a => a.StoryId is not null).Select(a => a.StoryId!.Value).ToHashSet());

    /// <summary>
    /// As above, given the stories the subscription was alerted to earlier, and the stored headlines when the
    /// caller read them for many subscriptions at once (<see cref="Headlines"/>); else they are read here.
    /// </summary>
    public IReadOnlyList<(Story Story, bool Update)> Stories(
        IReadOnlyList<Article> fresh, IReadOnlySet<long> alertedStories, IReadOnlyDictionary<long, string>? headlines = null)
    {
        var groups = fresh.GroupBy(a => a.StoryId ?? -a.Id).ToList();
        headlines ??= Headlines(fresh);
        return groups
            .Select(g =>
            {
                var added = g.OrderBy(a => a.DatedAt).ThenBy(a => a.Id).ToList();
                var story = new Story
                {
                    Id = g.Key > 0 ? g.Key : 0,
                    Headline = headlines.GetValueOrDefault(g.Key) ?? added[0].Title,
                    FirstSeen = added[0].DatedAt,
                    LastUpdated = added[^1].DatedAt,
                    Articles = added,
                };
                return (story, g.Key > 0 && alertedStories.Contains(g.Key));
            })
            .OrderBy(x => x.story.Articles.Min(a => a.Id))
            .ToList();
    }

    /// <summary>The stored headlines of the articles' stories, in one read.</summary>
    public IReadOnlyDictionary<long, string> Headlines(IEnumerable<Article> articles)
    {
        var ids = articles.Where(a => a.StoryId is not null).Select(a => a.StoryId!.Value).Distinct().ToList();
        return ids.Count > 0 && stories is not null ? stories.Headlines(ids) : new Dictionary<long, string>();
    }

    public AlertDocument Compose(Subscription subscription, Story story, bool update, Func<Article, IReadOnlyList<string>> matchedTerms) => new(
        subscription.Id,
        subscription.Label,
        subscription.Query,
        story.Headline,
        update,
        story.Articles.SelectMany(matchedTerms).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        story.Articles.Select(a => new AlertArticle(a.Id, a.Title, a.Url, SourceName(a.SourceId), a.DatedAt)).ToList())
    {
        StoryId = story.Id > 0 ? story.Id : null,
    };

    /// <summary>The outbox row of an instant alert; its key (subscription and first new article) makes a second row for the same cause impossible.</summary>
    public static Delivery InstantDelivery(Subscription subscription, AlertDocument alert, DateTimeOffset now) => new()
    {
        Destination = subscription.Destination,
        Kind = "alert",
        IdempotencyKey = $"alert:{subscription.Id}:{alert.Articles.Min(a => a.Id)}",
        SubscriptionId = subscription.Id,
        Payload = JsonSerializer.Serialize(alert, Json),
        Text = alert.ToText(),
        Created = now,
    };

    /// <summary>The outbox row of a digest: one JSON line per story, one text message.</summary>
    public static Delivery DigestDelivery(Subscription subscription, IReadOnlyList<AlertDocument> alerts, DateTimeOffset occurrence, DateTimeOffset now) => new()
    {
        Destination = subscription.Destination,
        Kind = "digest",
        IdempotencyKey = $"digest:{subscription.Id}:{occurrence.ToUnixTimeMilliseconds()}",
        SubscriptionId = subscription.Id,
        Payload = JsonSerializer.Serialize(alerts, Json),
        Text = $"Digest #{subscription.Id} \"{subscription.Label}\": {alerts.Count} stor{(alerts.Count == 1 ? "y" : "ies")}\n"
               + string.Join("\n", alerts.Select(a => a.ToText())),
        Created = now,
    };

    /// <summary>
    /// What the query language sees of an article: its title, text, and source id and name, and with
    /// <paramref name="withEvents"/> the upcoming events it announces (extracted only when a query asks for <c>event:</c>).
    /// </summary>
    public QueryDocument Document(Article a, bool withEvents = false) =>
        new(a.Title, a.BodyOrDescription, a.SourceId, SourceName(a.SourceId), withEvents ? EventWords.Of(a) : "");

    /// <summary>The article tokenised once, for matching many subscriptions and naming the matched terms.</summary>
    public DocumentTerms Terms(Article a, bool withEvents = false) => DocumentTerms.From(Document(a, withEvents));

    public string SourceName(string sourceId) => sources().FirstOrDefault(s => s.Id == sourceId)?.Name ?? sourceId;
}
