using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>
/// The stable JSON form of a brief (documented in the README):
/// <c>{"window":{"from","to"},"summary":[{"text","citations"}],"stories":[{"headline","topic","update","sentences":[{"text","citations"}],"articles":[{"id","title","url","source","published"}],"storyId","alsoTopics","firstSeen","lastUpdated","newArticles"}],"engine":{...},
/// "upcoming":[{"date","precision","title","participants","place","citations":[articleId...]}]}</c>.
/// </summary>
public static class BriefJsonRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Render(Brief brief, Func<string, string> sourceName, bool indented = true) =>
        JsonSerializer.Serialize(ToDocument(brief, sourceName), indented ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options);

    /// <summary>Reads a stored brief document back (the briefs table keeps each brief in this form).</summary>
    public static BriefDocument? Parse(string json) => JsonSerializer.Deserialize<BriefDocument>(json, Options);

    public static BriefDocument ToDocument(Brief brief, Func<string, string> sourceName) => new(
        new WindowDocument(brief.From, brief.To),
        brief.Summary.Select(x => new SentenceDocument(x.Text, x.Citations)).ToList(),
        brief.Stories.Select(s => new StoryDocument(
            s.Story.Headline, s.Section, s.IsUpdate,
            s.Sentences.Select(x => new SentenceDocument(x.Text, x.Citations)).ToList(),
            s.Articles.Select(a => new ArticleDocument(a.Id, a.Title, a.Url, sourceName(a.SourceId), a.Published)).ToList(),
            s.StoryId, s.AlsoTopics, s.Story.FirstSeen, s.Story.LastUpdated, s.NewArticleIds)).ToList(),
        new EngineDocument(brief.Engine.Name, brief.Engine.Model, brief.Engine.InputTokens, brief.Engine.OutputTokens, brief.Engine.Cost,
            brief.Engine.Checked, brief.Engine.Dropped, brief.Engine.Marked,
            brief.Engine.Fallbacks.Select(f => new FallbackDocument(f.Headline, f.Reason)).ToList()),
        brief.Upcoming.Select(u => new UpcomingDocument(u.Event.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            u.Event.Precision.ToString().ToLowerInvariant(), u.Event.Title, u.Event.Participants, u.Event.Place,
            u.Event.Citations.Select(c => c.ArticleId).ToList())).ToList());

    public sealed record BriefDocument(WindowDocument Window, IReadOnlyList<SentenceDocument> Summary, IReadOnlyList<StoryDocument> Stories, EngineDocument Engine,
        IReadOnlyList<UpcomingDocument> Upcoming);
    /// <summary>One event of "Coming up": <c>date</c> ISO (the Monday of a week, the 1st of a month), <c>precision</c> day|week|month.</summary>
    public sealed record UpcomingDocument(string Date, string Precision, string Title, IReadOnlyList<string> Participants, string? Place, IReadOnlyList<long> Citations);
    public sealed record WindowDocument(DateTimeOffset From, DateTimeOffset To);
    /// <param name="StoryId">The stored story (<c>newsbrief stories show ID</c>); null for an article not yet assigned.</param>
    /// <param name="NewArticles">For an update, the ids of the articles added since the last brief of the same scope.</param>
    public sealed record StoryDocument(string Headline, string Topic, bool Update, IReadOnlyList<SentenceDocument> Sentences, IReadOnlyList<ArticleDocument> Articles,
        long? StoryId, IReadOnlyList<string> AlsoTopics, DateTimeOffset? FirstSeen, DateTimeOffset? LastUpdated, IReadOnlyList<long> NewArticles);
    public sealed record SentenceDocument(string Text, IReadOnlyList<long> Citations);
    public sealed record ArticleDocument(long Id, string Title, string Url, string Source, DateTimeOffset? Published);
    public sealed record EngineDocument(string Name, string? Model, int InputTokens, int OutputTokens, decimal? Cost,
        int Checked, int Dropped, int Marked, IReadOnlyList<FallbackDocument> Fallbacks);
    public sealed record FallbackDocument(string Headline, string Reason);
}
