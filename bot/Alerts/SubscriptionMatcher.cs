using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Alerts;

/// <summary>
/// Finds the subscriptions an article matches through a <see cref="SubscriptionIndex"/> (no loop over all
/// of them). Keeps each subscription's parsed query between scans and follows additions, changes and
/// removals. A subscription whose stored query no longer parses is skipped and listed in <see cref="Broken"/>.
/// </summary>
public sealed class SubscriptionMatcher
{
    private readonly SubscriptionIndex _index = new();
    private readonly Dictionary<long, (string Text, TopicQuery Query)> _queries = [];
    private readonly Dictionary<long, string> _broken = [];

    public IReadOnlyDictionary<long, string> Broken => _broken;

    /// <summary>True when some subscription looks at <c>event:</c>, so articles need their events extracted.</summary>
    public bool UsesEvents { get; private set; }

    /// <summary>Brings the matcher in line with the stored subscriptions.</summary>
    public void Sync(IReadOnlyList<Subscription> subscriptions)
    {
        var ids = subscriptions.Select(s => s.Id).ToHashSet();
        foreach (var gone in _queries.Keys.Where(id => !ids.Contains(id)).ToList())
        {
            _queries.Remove(gone);
            _index.Remove(gone);
        }
        foreach (var gone in _broken.Keys.Where(id => !ids.Contains(id)).ToList()) _broken.Remove(gone);
        foreach (var s in subscriptions)
        {
            if (_queries.TryGetValue(s.Id, out var known) && known.Text == s.Query) continue;
            try
            {
                var query = TopicQuery.Parse(s.Query);
                _queries[s.Id] = (s.Query, query);
                _index.Add(s.Id, query);
                _broken.Remove(s.Id);
            }
            catch (QueryParseException e)
            {
                _queries.Remove(s.Id);
                _index.Remove(s.Id);
                _broken[s.Id] = e.Message;
            }
        }
        UsesEvents = _queries.Values.Any(q => q.Query.UsesEvents);
    }

    /// <summary>The ids of the subscriptions the (tokenised) article matches, ascending.</summary>
    public IReadOnlyList<long> Match(DocumentTerms doc) => _index.Match(doc);

    public IReadOnlyList<string> MatchedTerms(long subscriptionId, DocumentTerms doc) =>
        _queries.TryGetValue(subscriptionId, out var q) ? q.Query.MatchedTerms(doc) : [];
}
