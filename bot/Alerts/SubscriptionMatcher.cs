using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Alerts;

/// <summary>
/// Finds the subscriptions an article matches. Keeps each subscription's parsed query between scans and
/// follows additions and removals. A subscription whose stored query no longer parses is skipped and listed in <see cref="Broken"/>.
/// </summary>
public sealed class SubscriptionMatcher
{
    private readonly Dictionary<long, (string Text, TopicQuery Query)> _queries = [];
    private readonly Dictionary<long, string> _broken = [];

    public IReadOnlyDictionary<long, string> Broken => _broken;

    /// <summary>Brings the matcher in line with the stored subscriptions.</summary>
    public void Sync(IReadOnlyList<Subscription> subscriptions)
    {
        var ids = subscriptions.Select(s => s.Id).ToHashSet();
        foreach (var gone in _queries.Keys.Where(id => !ids.Contains(id)).ToList()) _queries.Remove(gone);
        foreach (var s in subscriptions)
        {
            if (_queries.TryGetValue(s.Id, out var known) && known.Text == s.Query) continue;
            try
            {
                _queries[s.Id] = (s.Query, TopicQuery.Parse(s.Query));
                _broken.Remove(s.Id);
            }
            catch (QueryParseException e)
            {
                _broken[s.Id] = e.Message;
            }
        }
    }

    public IReadOnlyList<long> Match(QueryDocument doc) =>
        _queries.Where(q => q.Value.Query.Matches(doc)).Select(q => q.Key).ToList();

    public IReadOnlyList<string> MatchedTerms(long subscriptionId, QueryDocument doc) =>
        _queries.TryGetValue(subscriptionId, out var q) ? q.Query.MatchedTerms(doc) : [];
}
