using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// What kind of event a sentence announces (meeting, visit, vote, election, hearing, deadline, effect, launch, ...),
/// from its key word; "event" when none is named. Alerts match on it (<c>event:meeting</c>). Pure.
/// </summary>
public static partial class EventKinds
{
    public static string Of(string sentence)
    {
        var m = Keyword().Match(sentence);
        if (!m.Success) return "event";
        var w = m.Value.ToLowerInvariant();
        foreach (var (kind, stems) in Kinds)
            if (stems.Any(s => w.StartsWith(s, StringComparison.Ordinal))) return kind;
        return "event";
    }

    /// <summary>The kinds an event may have ("event" when none fits).</summary>
    public static IReadOnlyList<string> Known { get; } = ["summit", "meeting", "visit", "vote", "election", "hearing", "deadline", "effect", "launch", "conference", "event"];

    private static readonly (string Kind, string[] Stems)[] Kinds =
    [
        ("summit", ["summit", "cop"]),
        ("meeting", ["meet", "talks", "negotiat"]),
        ("visit", ["visit", "travel", "trip", "tour"]),
        ("vote", ["vote", "ballot", "referendum"]),
        ("election", ["election", "poll", "voting", "primar"]),
        ("hearing", ["hearing", "court", "trial", "sentenc", "testif", "inquiry"]),
        ("deadline", ["deadline", "sunset", "end", "expire", "stop"]),
        ("effect", ["take effect", "takes effect", "taking effect", "into force", "into effect", "ban", "tariff", "law", "rule"]),
        ("launch", ["launch", "release", "sale", "store", "premiere", "open", "debut", "kick"]),
        ("conference", ["conference", "congress", "convention", "forum", "festival", "awards", "ceremony", "show", "statement", "decision", "announce"]),
    ];

    [GeneratedRegex(@"\b(?:summit|cop\d+|meet\w*|talks|negotiat\w*|visit\w*|travel\w*|trip|tour|vote\w*|ballot|referendum|election|polls?|voting|primar\w*|hearing|court|trial|sentenc\w*|testif\w*|inquiry|deadline|sunset|end(?:s|ing)?|expires?|stop|takes?\s+effect|taking\s+effect|into\s+(?:force|effect)|ban|tariffs?|law|rules?|launch\w*|releas\w*|sale|stores|premiere\w*|open\w*|debut\w*|kick\w*|conference|congress|convention|forum|festival|awards|ceremony|show|statement|decision|announce\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();
}
