using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Alerts;

/// <summary>
/// Why an article matched a subscription or not, and what became of it: <c>status</c> is <c>no-match</c>,
/// <c>before-subscription</c>, <c>changed-after-scan</c>, <c>not-scanned-yet</c>, <c>waiting-for-digest</c>, <c>queued</c>, <c>sent</c> or <c>failed</c>.
/// </summary>
public sealed record SubscriptionExplanation(
    long Subscription, string Query, long Article, string Title, string Url, bool Matches, IReadOnlyList<string> Matched,
    string Why, string Status, string Reason, long? Delivery)
{
    /// <summary>Something about the query itself worth knowing, e.g. a lowercase "or" that is a word, not an operator; null when none.</summary>
    public string? Note { get; init; }

    public string ToText() =>
        $"subscription {Subscription}: {Query}\narticle {Article}: {Title}\n  {Url}\n"
        + $"matches: {(Matches ? "yes" : "no")}: {Why}"
        + $"\nstatus: {Status}: {Reason}"
        + (Note is null ? "" : $"\nnote: {Note}");
}

/// <summary>Builds a <see cref="SubscriptionExplanation"/> from the query and the alert state.</summary>
public static class SubscriptionExplainer
{
    public static SubscriptionExplanation Explain(AlertComposer composer, AlertStore alerts, Subscription sub, Article article)
    {
        TopicQuery query;
        try { query = TopicQuery.Parse(sub.Query); }
        catch (QueryParseException e)
        {
            return new(sub.Id, sub.Query, article.Id, article.Title, article.Url, false, [], e.Message, "no-match", "the stored query no longer parses", null);
        }
        return Explained(composer, alerts, sub, article, query) with { Note = LowercaseOperators.Hint(sub.Query) };
    }

    private static SubscriptionExplanation Explained(AlertComposer composer, AlertStore alerts, Subscription sub, Article article, TopicQuery query)
    {
        var doc = composer.Terms(article, query.UsesEvents);
        var explanation = query.Explain(doc);
        var matches = explanation.IsMatch;
        var terms = matches ? query.MatchedTerms(doc) : [];
        var (alerted, delivery) = alerts.AlertStatus(sub.Id, article.CanonicalUrl);
        if (alerted && delivery is null) return Make(matches, terms, "waiting-for-digest", "it will go out with the subscription's next digest", null);
        if (alerted)
        {
            var state = delivery!.Status switch
            {
                DeliveryStatus.Sent => ("sent", $"delivery {delivery.Id} ({delivery.Kind}) was sent at {delivery.Sent:u} to {delivery.Destination.Split(':')[0]}"),
                DeliveryStatus.Failed => ("failed", $"delivery {delivery.Id} ({delivery.Kind}) failed: {delivery.LastError}"),
                _ => ("queued", $"delivery {delivery.Id} ({delivery.Kind}) waits to be sent (attempts {delivery.Attempts}{(delivery.LastError is null ? "" : $", last error: {delivery.LastError}")})"),
            };
            return Make(matches, terms, state.Item1, state.Item2, delivery.Id);
        }
        if (!matches) return Make(false, [], "no-match", "the query does not match the article's title, text or source", null);
        if (article.Id <= sub.StartAfter) return Make(true, terms, "before-subscription", "the article was stored before the subscription was made; only newer articles alert", null);
        if (article.Id <= alerts.Watermark())
            return Make(true, terms, "changed-after-scan", "the article was scanned when it was stored and did not match then; a later change of its text does not alert", null);
        return Make(true, terms, "not-scanned-yet", "the next poll's alert scan will alert it", null);

        SubscriptionExplanation Make(bool m, IReadOnlyList<string> t, string status, string reason, long? deliveryId) =>
            new(sub.Id, sub.Query, article.Id, article.Title, article.Url, m, t, explanation.ToString(), status, reason, deliveryId);
    }
}
