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
            if (date.Past || date.Vague || date.IsEnd || IsRecurringOrStamp(sentence, date)) continue;
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
        // "the lowest total since May 2014": a date after "since" is where something past began.
        if (LeadWord(sentence, date) == "since") return false;
        if (FutureLead(sentence, date, tenseMarks) || ScheduleEntry(sentence, date, tenseMarks) || DeadlineComplement(sentence, date)) return true;
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
        // "July 1, 2017 - Registration closes": a date that names its year and lies ahead needs no verb to be ahead,
        // once the sentence says something (a bare citation date does not).
        if (governing is null) return date.HasYear && SaysSomething(sentence, date);
        if (governing is not { Future: true } mark) return false;
        // "we probably are going to need help": a hedged marker does not announce anything.
        var markClause = Clause(sentence, mark.Start, mark.End - mark.Start);
        var upToMark = markClause[..(markClause.IndexOf(sentence[mark.Start..mark.End], StringComparison.Ordinal) + (mark.End - mark.Start))];
        return !SentenceTense.IsHypothetical(upToMark);
    }

    // A date introduced as a start or a schedule ("from January 1", "as of July 6", "a scheduled Dec. 15
    // imposition", "which ends next week", "launches tomorrow") is ahead by itself.
    private static bool FutureLead(string sentence, ResolvedDate date, Func<IReadOnlyList<TenseMark>> tenseMarks)
    {
        var word = LeadWord(sentence, date);
        var first = date.Text.TrimStart();
        // "the Oct. 27 general election", "a Dec. 15 deadline": a named event's own date.
        if (!date.Assumed && EventNounAfter().IsMatch(sentence.AsSpan(date.Start + date.Length))) return true;
        var starts = first.StartsWith("from ", StringComparison.OrdinalIgnoreCase)
            || word is "from" or "starting" or "effective" or "beginning" or "scheduled" or "planned" or "upcoming";
        // "from November" starts something ahead, unless a past verb in its clause says it already did ("which ran
        // from November to December"): a bare month or weekday does not say which November.
        if (starts) return !date.Assumed || !PastInClause(sentence, date, tenseMarks());
        return !date.Assumed && word is "ends" or "end" or "begins" or "begin" or "starts" or "start" or "opens" or "open" or "closes" or "close" or "launches" or "resumes" or "expires" or "arrives" or "debuts" or "premieres";
    }

    private static bool PastInClause(string sentence, ResolvedDate date, IReadOnlyList<TenseMark> marks)
    {
        var (start, end) = ClauseSpan(sentence, date.Start, date.Length);
        return marks.Any(m => !m.Future && m.Start >= start && m.End <= end);
    }

    // The word before a date expression, looking past "on" ("begins on 17 January").
    private static string LeadWord(string sentence, ResolvedDate date)
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
        return word;
    }

    // "this week's edition", "today's episode" is a recurring show, not an event; "— The Verge (@verge) January 7,
    // 2017" is an embedded post's time stamp.
    // "today's celebrities", "today's economy" mean the present day, not a date: only "today's vote" or "today's
    // judgement" (an event noun) is one.
    private static bool IsRecurringOrStamp(string sentence, ResolvedDate date) =>
        RecurringAfter().IsMatch(sentence.AsSpan(date.Start + date.Length))
        || PostStampBefore().IsMatch(sentence.AsSpan(0, date.Start))
        || (date.Text.Trim().Equals("today", StringComparison.OrdinalIgnoreCase) && PresentDayAfter().IsMatch(sentence.AsSpan(date.Start + date.Length)));

    // "July 1, 2017 - Registration closes", "Friday: Canadian Western Bank reports": a schedule's line, led by its
    // date. A bare weekday only when nothing in the line is past.
    private static bool ScheduleEntry(string sentence, ResolvedDate date, Func<IReadOnlyList<TenseMark>> tenseMarks)
    {
        if (sentence.AsSpan(0, date.Start).Trim().Length > 0) return false;
        var rest = sentence.AsSpan(date.Start + date.Length).TrimStart();
        if (rest.Length == 0 || rest[0] is not ('-' or '–' or '—' or ':')) return false;
        return !date.Assumed || tenseMarks().All(m => m.Future);
    }

    // "The deadline for submission is July 1st": the date a deadline is.
    private static bool DeadlineComplement(string sentence, ResolvedDate date) =>
        !date.Assumed && DeadlineBefore().IsMatch(sentence.AsSpan(0, date.Start));

    private static bool SaysSomething(string sentence, ResolvedDate date)
    {
        var words = 0;
        foreach (var m in LowerWord().EnumerateMatches(sentence))
            if (m.Index < date.Start || m.Index >= date.Start + date.Length) words++;
        return words >= 2;
    }

    // A condition addressed to the reader ("If you're using v201506, please note that it is being sunset on ...")
    // picks who should read on; it does not make the event conditional.
    // "If Harris wins in November, ..." puts the date inside the condition; "If the bill passes, it will take
    // effect on 1 March" makes the event itself conditional ("if ... will"): neither is a plan.
    private static bool ConditionalOpening(string sentence, ResolvedDate date)
    {
        var trimmed = sentence.TrimStart('"', '“', '(', ' ');
        if (!trimmed.StartsWith("If ", StringComparison.Ordinal) && !trimmed.StartsWith("Whether ", StringComparison.Ordinal)
            && !trimmed.StartsWith("Unless ", StringComparison.Ordinal)) return false;
        if (ReaderCondition().IsMatch(trimmed)) return false;
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

    internal static string Title(string sentence)
    {
        var title = sentence.Trim().TrimStart('"', '“').TrimEnd('"', '”');
        if (title.Length <= MaxTitleLength) return title;
        var cut = title.LastIndexOf(' ', MaxTitleLength);
        return title[..(cut > 40 ? cut : MaxTitleLength)].TrimEnd(',', ';', ':') + "…";
    }

    [GeneratedRegex(@"^(?:'|’)s\s+(?:edition|episode|show|podcast|issue|installment|instalment|newsletter|broadcast|programme|program|column)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecurringAfter();

    [GeneratedRegex(@"^(?:'|’)s\s+(?!(?:[a-z]+\s+)?(?:meeting|vote|votes|hearing|judgement|judgment|ruling|match|game|final|debate|summit|talks|election|launch|announcement|session|ceremony|race|deadline|trial|verdict|statement|speech|briefing|conference)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PresentDayAfter();

    [GeneratedRegex(@"\(@\w+\)\s*$")]
    private static partial Regex PostStampBefore();

    [GeneratedRegex(@"\b(?:deadline|due date|closing date|cut-?off)\b[^.;]*\b(?:is|are|falls\s+on)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineBefore();

    [GeneratedRegex(@"^If\s+(?:you|you're|you’re|your)\b")]
    private static partial Regex ReaderCondition();

    [GeneratedRegex(@"\b[a-z]{4,}\b")]
    private static partial Regex LowerWord();

    [GeneratedRegex(@"^\s+(?:[a-z]+\s+)?(?:election|elections|vote|referendum|summit|meeting|talks|deadline|hearing|trial|imposition|launch|release|ceremony|debate|conference|poll|primary|primaries)\b")]
    private static partial Regex EventNounAfter();
}
