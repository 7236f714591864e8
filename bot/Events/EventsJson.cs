using System.Globalization;
using System.Text.Json;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Events;

/// <summary>
/// The JSON of <c>newsbrief events --format json</c>: one array
/// <c>[{"id","date","precision","title","participants","place","articles":[{"id","title","url","source","published"}]}]</c>,
/// <c>date</c> an ISO date (the first day of the week or month for those precisions).
/// </summary>
public static class EventsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public sealed record EventDocument(long Id, string Date, string Precision, string Kind, string Title, IReadOnlyList<string> Participants, string? Place,
        IReadOnlyList<BriefJsonRenderer.ArticleDocument> Articles);

    public static IReadOnlyList<EventDocument> From(EventListing listing, Func<string, string> sourceName) =>
        listing.Events.Select(e => new EventDocument(e.Id, e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Precision.ToString().ToLowerInvariant(), e.Kind, e.Title, e.Participants, e.Place,
            e.Citations.Select(c => listing.Articles.GetValueOrDefault(c.ArticleId)).OfType<Article>()
                .Select(a => new BriefJsonRenderer.ArticleDocument(a.Id, a.Title, a.Url, sourceName(a.SourceId), a.Published)).ToList())).ToList();
}
