using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Alerts;

/// <summary>The new articles of one story for one subscription; an update when the subscription was alerted to the story before.</summary>
public sealed record AlertStory(IReadOnlyList<Article> Articles, string Headline, bool Update);

/// <summary>
/// Turns a subscription's matched articles into alerts: groups them into stories (five outlets on one
/// event make one alert with five links), names the matched terms, and renders the JSON and text
/// forms. Pure.
/// </summary>
public sealed class AlertComposer(Func<IReadOnlyList<Source>> sources)
{
    private static readonly JsonSerializerOptions Json = new(JsonOutput.Options) { WriteIndented = false };
    private readonly StoryClusterer _clusterer = new();

    /// <summary>
    /// The stories among the new articles, each with its new articles oldest first, in the order of their first
    /// article. A story that also holds articles alerted <paramref name="earlier"/> is an update, named by the first of them.
    /// </summary>
    public IReadOnlyList<AlertStory> Stories(IReadOnlyList<Article> fresh, IReadOnlyList<Article> earlier)
    {
        var all = fresh.Concat(earlier).ToList();
        var items = all.Select(a => new ClusterItem(a.Title, Lead(a.BodyOrDescription), a.DatedAt, a.SourceId)).ToList();
        var stories = new List<AlertStory>();
        foreach (var group in _clusterer.Cluster(items))
        {
            var members = group.Select(i => (Article: all[i], Fresh: i < fresh.Count)).ToList();
            var added = members.Where(m => m.Fresh).Select(m => m.Article).OrderBy(a => a.DatedAt).ThenBy(a => a.Id).ToList();
            if (added.Count == 0) continue;
            var first = members.Where(m => !m.Fresh).Select(m => m.Article).OrderBy(a => a.DatedAt).ThenBy(a => a.Id).FirstOrDefault();
            stories.Add(new AlertStory(added, first?.Title ?? added[0].Title, first is not null));
        }
        return stories.OrderBy(s => s.Articles.Min(a => a.Id)).ToList();
    }

    public AlertDocument Compose(Subscription subscription, AlertStory story, Func<Article, IReadOnlyList<string>> matchedTerms) => new(
        subscription.Id,
        subscription.Label,
        subscription.Query,
        story.Headline,
        story.Update,
        story.Articles.SelectMany(matchedTerms).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        story.Articles.Select(a => new AlertArticle(a.Id, a.Title, a.Url, SourceName(a.SourceId), a.DatedAt)).ToList());

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

    /// <summary>What the query language sees of an article: its title, text, and source id and name.</summary>
    public QueryDocument Document(Article a) => new(a.Title, a.BodyOrDescription, a.SourceId, SourceName(a.SourceId));

    /// <summary>The article tokenised once, for matching many subscriptions and naming the matched terms.</summary>
    public DocumentTerms Terms(Article a) => DocumentTerms.From(Document(a));

    public string SourceName(string sourceId) => sources().FirstOrDefault(s => s.Id == sourceId)?.Name ?? sourceId;

    private static string Lead(string text) => text.Length <= 600 ? text : text[..600];
}
