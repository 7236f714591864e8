using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Summariser.Events;

namespace NewsBrief.Bot.Events;

/// <summary>
/// Extracts the events of newly stored articles and records them in the <see cref="EventStore"/>, each citing its
/// article (the same event from another outlet becomes another citation). Runs at ingest, after the upsert; one
/// article that cannot be read never stops the others. With a <see cref="ModelEventProposer"/>
/// (<c>Summariser:ProposeEvents</c>), the model's grounded proposals join the rules' events.
/// </summary>
public sealed class EventIndexer(EventStore events, TimeProvider time, ILogger<EventIndexer>? logger = null, ModelEventProposer? proposer = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<EventIndexer>.Instance;

    /// <summary>Indexes the articles; returns how many events were recorded.</summary>
    public int Index(IReadOnlyList<Article> articles)
    {
        var recorded = 0;
        foreach (var article in articles)
        {
            try
            {
                recorded += IndexOne(article);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "events of article {ArticleId} could not be recorded", article.Id);
            }
        }
        return recorded;
    }

    private int IndexOne(Article article)
    {
        if (article.Id <= 0) throw new ArgumentException("the article is not stored yet", nameof(article));
        var text = article.Title + "\n" + article.BodyOrDescription;
        var now = time.GetUtcNow();
        var count = 0;
        var found = EventExtractor.Extract(text, article.DatedAt).ToList();
        if (proposer is not null)
        {
            // Called from the refresh pipeline's synchronous hook: the poll waits for the model, bounded by its timeout.
            var proposed = proposer.ProposeAsync(article.Title, article.BodyOrDescription, article.DatedAt, CancellationToken.None).GetAwaiter().GetResult();
            if (proposed.Failure is not null)
                _logger.LogWarning("model event proposals for article {ArticleId} failed: {Reason}", article.Id, proposed.Failure);
            foreach (var why in proposed.Dropped) _logger.LogInformation("article {ArticleId}: model {Dropped}", article.Id, why);
            found.AddRange(proposed.Kept.Where(p => !found.Any(e => e.Date == p.Date && e.Sentence == p.Sentence)));
        }
        foreach (var e in found)
        {
            events.Record(new UpcomingEvent
            {
                Date = e.Date,
                Precision = e.Precision,
                Kind = e.Kind,
                Title = e.Title,
                Participants = e.Participants,
                Place = e.Place,
                Citations = [new EventCitation(article.Id, e.Sentence)],
            }, now);
            count++;
        }
        return count;
    }
}
