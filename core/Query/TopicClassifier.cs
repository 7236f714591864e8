using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;

namespace NewsBrief.Core.Query;

/// <summary>
/// Files articles, and so stories, under the configured topics by their titles and leads: a topic whose query
/// matches the headline and first sentence is strong evidence (3 points); one that matches only further into the
/// lead counts (1 point) when its words occur there at least <see cref="MinimumLeadOccurrences"/> times, so a
/// passing mention ("... as China did last year") files nothing. A story's topics are ranked by their points over
/// its articles, ties in <c>topics.json</c> order; the first is the section it appears in. Pure.
/// </summary>
public sealed class TopicClassifier(IReadOnlyList<(Topic Topic, TopicQuery Query)> topics)
{
    /// <summary>Characters of the text that, with the title, make the headline evidence (about one sentence).</summary>
    public const int HeadChars = 200;

    /// <summary>Occurrences of a topic's matched words a lead-only match needs.</summary>
    public const int MinimumLeadOccurrences = 3;

    public IReadOnlyList<(Topic Topic, TopicQuery Query)> Topics => topics;

    /// <summary>The points each topic earns from one article (topics that earn none are left out).</summary>
    public IReadOnlyList<TopicHit> Classify(string title, string lead)
    {
        if (topics.Count == 0) return [];
        var head = DocumentTerms.From(new QueryDocument(title, Head(lead), ""));
        DocumentTerms? full = null;
        var hits = new List<TopicHit>();
        for (var i = 0; i < topics.Count; i++)
        {
            var query = topics[i].Query;
            if (query.Matches(head))
            {
                hits.Add(new TopicHit(i, 3));
                continue;
            }
            full ??= DocumentTerms.From(new QueryDocument(title, lead, ""));
            if (query.Matches(full) && Occurrences(full, query.MatchedTerms(full)) >= MinimumLeadOccurrences) hits.Add(new TopicHit(i, 1));
        }
        return hits;
    }

    /// <summary>A story's topic names, best first, from its articles' hits.</summary>
    public IReadOnlyList<string> Rank(IEnumerable<IReadOnlyList<TopicHit>> articles)
    {
        var points = new int[topics.Count];
        foreach (var hits in articles)
            foreach (var hit in hits)
                if (hit.Topic < points.Length) points[hit.Topic] += hit.Points;
        return Enumerable.Range(0, topics.Count).Where(i => points[i] > 0)
            .OrderByDescending(i => points[i]).ThenBy(i => i).Select(i => topics[i].Topic.Name).ToList();
    }

    /// <summary>Why an article is filed under a topic, for <c>stories show</c>: where the query matched and on which words.</summary>
    public string Explain(string title, string lead, string topicName)
    {
        var index = Enumerable.Range(0, topics.Count).FirstOrDefault(i => topics[i].Topic.Name == topicName, -1);
        if (index < 0) return "not a configured topic";
        var query = topics[index].Query;
        var head = DocumentTerms.From(new QueryDocument(title, Head(lead), ""));
        if (query.Matches(head)) return "headline matches: " + string.Join(", ", query.MatchedTerms(head));
        var full = DocumentTerms.From(new QueryDocument(title, lead, ""));
        if (!query.Matches(full)) return "no match";
        var count = Occurrences(full, query.MatchedTerms(full));
        return $"lead matches: {string.Join(", ", query.MatchedTerms(full))} ({Counted.Of(count, "occurrence")}{(count < MinimumLeadOccurrences ? ", too few to count" : "")})";
    }

    private static string Head(string lead)
    {
        if (lead.Length <= HeadChars) return lead;
        var end = lead.IndexOfAny(['.', '!', '?'], Math.Min(40, lead.Length - 1));
        return end > 0 && end < HeadChars ? lead[..(end + 1)] : lead[..HeadChars];
    }

    /// <summary>How often the matched terms (words, prefixes or phrases, as the query displays them) occur in title and text.</summary>
    private static int Occurrences(DocumentTerms doc, IReadOnlyList<string> matched)
    {
        var count = 0;
        foreach (var display in matched)
        {
            var term = display.Contains(':') ? display[(display.IndexOf(':') + 1)..] : display;
            var words = TermFolder.Words(term.Trim('"'));
            if (words.Count == 0) continue;
            if (words.Count > 1)
            {
                if (doc.Body.ContainsPhrase(words) || doc.Title.ContainsPhrase(words)) count += 2; // a phrase is specific
                continue;
            }
            var prefix = term.EndsWith('*');
            foreach (var field in new[] { doc.Title.Words, doc.Body.Words })
                foreach (var word in field)
                    if (prefix ? word.StartsWith(words[0], StringComparison.Ordinal) : word == words[0]) count++;
        }
        return count;
    }
}

/// <summary>A topic (its index in the configured list) and the points one article gives it.</summary>
public readonly record struct TopicHit(int Topic, int Points);
