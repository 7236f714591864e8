using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>One source as <c>sources list</c> shows it (also its JSON form).</summary>
public sealed record SourceRow(
    string Id, string Name, string Kind, string Url, IReadOnlyList<string> Topics, string Health,
    DateTimeOffset? LastPolled, DateTimeOffset? LastSuccess, DateTimeOffset? NextPoll,
    int ConsecutiveFailures, string? LastOutcome, string? LastError, int Articles)
{
    /// <summary>The rows of the given sources, in their order, with their stored state (a fresh state when never polled).</summary>
    public static IReadOnlyList<SourceRow> List(IReadOnlyList<Source> sources, IReadOnlyDictionary<string, SourceState> states) =>
        sources.Select(s =>
        {
            var st = states.GetValueOrDefault(s.Id) ?? new SourceState { SourceId = s.Id };
            return new SourceRow(s.Id, s.Name, s.Kind.ToString().ToLowerInvariant(), s.Url.AbsoluteUri, s.Topics,
                st.Health.ToString().ToLowerInvariant(), st.LastPolled, st.LastSuccess, st.NextPoll,
                st.ConsecutiveFailures, st.LastOutcome, st.LastError, st.ArticleCount);
        }).ToList();
}
