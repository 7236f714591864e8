using System.Text.RegularExpressions;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// Finds the sentences of an article that announce a future event and turns each into an
/// <see cref="ExtractedEvent"/>: rules over <see cref="SentenceSplitter"/>'s output. A sentence qualifies when it
/// has a date expression that resolves (against the publication date) to the publication day or later with day,
/// week or month precision, speaks of the future (a future-marking verb, or an explicitly future date and no past
/// verb), and is neither a hypothetical, a forecast nor boilerplate. Pure: no I/O, no clock; linear in the text.
/// </summary>
public static partial class EventExtractor
{
    /// <summary>Longest sentence considered; longer "sentences" are lists or run-on captions.</summary>
    public const int MaxSentenceLength = 600;

    /// <summary>Title length, at most, before it is cut at a word.</summary>
    public const int MaxTitleLength = 140;

    public static IReadOnlyList<ExtractedEvent> Extract(string text, DateTimeOffset published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var day = DateOnly.FromDateTime(published.UtcDateTime);
        var events = new List<ExtractedEvent>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var found = FromSentence(sentence, day);
            if (found is not null && !events.Any(e => e.Date == found.Date && e.Sentence == found.Sentence)) events.Add(found);
        }
        return events;
    }

    /// <summary>The event one sentence announces, or null.</summary>
    public static ExtractedEvent? FromSentence(string sentence, DateOnly published)
    {
        if (sentence.Length > MaxSentenceLength || SentenceTense.IsBoilerplate(sentence) || SentenceTense.IsForecast(sentence)) return null;
        var dates = DateExpressions.Find(sentence, published);
        // "is set to arrive this week; he will visit London on 13 February": the most precise date a sentence
        // announces is its event's, the first of equals.
        ResolvedDate? best = null;
        IReadOnlyList<TenseMark>? marks = null; // found once per sentence, only when a date needs them
        foreach (var found in dates)
        {
            // "will play ... on Sept. 12" in November is next September's.
            var date = found is { Past: true, NextYear: { } next } ? found with { Date = next, Past = false } : found;
            if (date.Past || date.Vague || date.IsEnd) continue;
            if (best is not null && date.Precision >= best.Precision) continue;
            if (!SpeaksOfFuture(sentence, date, () => marks ??= SentenceTense.Marks(sentence))) continue;
            best = date;
        }
        if (best is not null)
        {
            var place = NamedMentions.Place(sentence);
            var participants = NamedMentions.Participants(sentence, place, (best.Start, best.Length));
            return new ExtractedEvent(best.Date, best.Precision, best.Text.Trim(), EventKinds.Of(sentence), Title(sentence),
                participants, place, sentence);
        }
        return null;
    }

    private static bool SpeaksOfFuture(string sentence, ResolvedDate date, Func<IReadOnlyList<TenseMark>> tenseMarks)
    {
        var clause = Clause(sentence, date.Start, date.Length);
        if (SentenceTense.IsHypothetical(clause) || ConditionalOpening(sentence, date)) return false;
        if (FutureLead(sentence, date)) return true;
        // The tense that governs a date is the nearest tense-marked verb before it ("said on Friday", "will meet
        // on Thursday"), else the first after it ("the statement on Thursday will reveal").
        // The tense that governs a date is the tense-marked verb nearest to it, before ("said on Friday", "will meet
        // on Thursday") or after ("the statement on Thursday will reveal"); the one before wins a tie.
        var marks = tenseMarks();
        TenseMark? before = null, after = null;
        foreach (var m in marks)
        {
            if (m.End <= date.Start) before = m;
            else if (after is null && m.Start >= date.Start + date.Length && !m.ForwardOnly) after = m;
        }
        // A mark in the date's own clause beats one beyond a comma; between equals, the nearer wins.
        var (clauseStart, clauseEnd) = ClauseSpan(sentence, date.Start, date.Length);
        var beforeInClause = before is { } b && b.Start >= clauseStart;
        var afterInClause = after is { } a && a.End <= clauseEnd;
        var governing = before is null ? after
            : after is null ? before
            : beforeInClause != afterInClause ? (beforeInClause ? before : after)
            : after.Value.Start - (date.Start + date.Length) < date.Start - before.Value.End ? after : before;
        if (governing is not { Future: true } mark) return false;
        // "we probably are going to need help": a hedged marker does not announce anything.
        var markClause = Clause(sentence, mark.Start, mark.End - mark.Start);
        var upToMark = markClause[..(markClause.IndexOf(sentence[mark.Start..mark.End], StringComparison.Ordinal) + (mark.End - mark.Start))];
        return !SentenceTense.IsHypothetical(upToMark);
    }

    // A date introduced as a start or a schedule ("from January 1", "as of July 6", "a scheduled Dec. 15
    // imposition", "which ends next week", "launches tomorrow") is ahead by itself.
    private static bool FutureLead(string sentence, ResolvedDate date)
    {
        var before = sentence[..date.Start].TrimEnd();
        var space = before.LastIndexOf(' ');
        var word = (space < 0 ? before : before[(space + 1)..]).ToLowerInvariant();
        if (word == "on" && space > 0)
        {
            var rest = before[..space].TrimEnd();
            var s2 = rest.LastIndexOf(' ');
            word = (s2 < 0 ? rest : rest[(s2 + 1)..]).ToLowerInvariant();
        }
        var first = date.Text.TrimStart();
        if (first.StartsWith("from ", StringComparison.OrdinalIgnoreCase)) return true;
        // "the Oct. 27 general election", "a Dec. 15 deadline": a named event's own date.
        if (!date.Assumed && EventNounAfter().IsMatch(sentence.AsSpan(date.Start + date.Length))) return true;
        return word is "from" or "starting" or "effective" or "beginning" or "scheduled" or "planned" or "upcoming"
            || (!date.Assumed && word is "ends" or "end" or "begins" or "begin" or "starts" or "start" or "opens" or "open" or "closes" or "close" or "launches" or "resumes" or "expires" or "arrives" or "debuts" or "premieres");
    }

    // "If Harris wins in November, ..." puts the date inside the condition; "If the bill passes, it will take
    // effect on 1 March" makes the event itself conditional ("if ... will"): neither is a plan.
    private static bool ConditionalOpening(string sentence, ResolvedDate date)
    {
        var trimmed = sentence.TrimStart('"', '“', '(', ' ');
        if (!trimmed.StartsWith("If ", StringComparison.Ordinal) && !trimmed.StartsWith("Whether ", StringComparison.Ordinal)
            && !trimmed.StartsWith("Unless ", StringComparison.Ordinal)) return false;
        var comma = sentence.IndexOf(',');
        return comma < 0 || date.Start < comma || SentenceTense.HasFutureMarker(sentence[comma..]);
    }

    /// <summary>The stretch of the sentence between the punctuation marks around a span.</summary>
    private static string Clause(string sentence, int at, int length)
    {
        var (start, end) = ClauseSpan(sentence, at, length);
        return sentence[start..end];
    }

    private static (int Start, int End) ClauseSpan(string sentence, int at, int length)
    {
        var start = at;
        while (start > 0 && !IsClauseBreak(sentence, start - 1)) start--;
        var end = at + length;
        while (end < sentence.Length && !IsClauseBreak(sentence, end)) end++;
        return (start, end);
    }

    private static bool IsClauseBreak(string s, int i) => s[i] is ';' or ':' or '—' or '–' or '(' or ')' or '“' or '”' or '"'
        || (s[i] == ',' && !(i > 0 && char.IsDigit(s[i - 1]) && i + 2 < s.Length && char.IsDigit(s[i + 2])) && !IsDateComma(s, i));

    // "Thursday, February 13" and "June 9, 2020" keep their comma inside the date, not between clauses.
    private static bool IsDateComma(string s, int i)
    {
        var after = s.AsSpan(i + 1).TrimStart();
        return after.Length >= 4 && char.IsDigit(after[0]) && char.IsDigit(after[1]) && char.IsDigit(after[2]) && char.IsDigit(after[3]);
    }

    private static string Title(string sentence)
    {
        var title = sentence.Trim().TrimStart('"', '“').TrimEnd('"', '”');
        if (title.Length <= MaxTitleLength) return title;
        var cut = title.LastIndexOf(' ', MaxTitleLength);
        return title[..(cut > 40 ? cut : MaxTitleLength)].TrimEnd(',', ';', ':') + "…";
    }

    [GeneratedRegex(@"^\s+(?:[a-z]+\s+)?(?:election|elections|vote|referendum|summit|meeting|talks|deadline|hearing|trial|imposition|launch|release|ceremony|debate|conference|poll|primary|primaries)\b")]
    private static partial Regex EventNounAfter();
}
