using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// Word-level tests that decide whether a sentence announces something ahead: future-marking verbs ("will",
/// "is due to", "is set to", "takes effect"), hypotheticals ("could", "if", "whether"), past-tense verbs
/// ("said", "announced", "met"), forecasts (weather, markets) and recurring boilerplate. Pure.
/// </summary>
public static partial class SentenceTense
{
    /// <summary>True when the text has a future-marking verb phrase.</summary>
    public static bool HasFutureMarker(string text) => FutureMarker().IsMatch(text);

    /// <summary>True when the text speaks of a possibility rather than a plan.</summary>
    public static bool IsHypothetical(string text) => Hypothetical().IsMatch(text);

    /// <summary>True when the text has a past-tense verb ("said", "announced", "was").</summary>
    public static bool HasPastVerb(string text)
    {
        foreach (Match m in Word().Matches(text))
        {
            var w = m.Value;
            if (IrregularPast.Contains(w)) return true;
            if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(w[0]) && !NotPast.Contains(w)
                && !PrecededByAuxiliary(text, m.Index))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Every tense-marking word of the sentence in order: future markers ("will", "is due to") and past verbs
    /// ("said", "announced", "has taken"), each with its span.
    /// </summary>
    public static IReadOnlyList<TenseMark> Marks(string text)
    {
        var marks = new List<TenseMark>();
        foreach (Match m in FutureMarker().Matches(text))
            marks.Add(new TenseMark(m.Index, m.Index + m.Length, true) { ForwardOnly = ForwardOnly().IsMatch(m.Value) });
        foreach (Match m in Perfect().Matches(text)) marks.Add(new TenseMark(m.Index, m.Index + m.Length, false));
        foreach (Match m in Word().Matches(text))
        {
            var w = m.Value;
            if ((IrregularPast.Contains(w) && (w is "was" or "were" or "had" || !PrecededByAuxiliary(text, m.Index)))
                || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(w[0]) && !NotPast.Contains(w) && !PrecededByAuxiliary(text, m.Index)))
                marks.Add(new TenseMark(m.Index, m.Index + m.Length, false));
        }
        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        return marks;
    }

    /// <summary>True for weather and market forecasts, which are not scheduled events.</summary>
    public static bool IsForecast(string text) => Forecast().IsMatch(text);

    /// <summary>True for reference-list and caption boilerplate ("Archived from the original on 3 May 2011").</summary>
    public static bool IsBoilerplate(string text) => Boilerplate().IsMatch(text);

    // "will be scheduled", "is expected", "has been delayed": a participle after an auxiliary is not a past event,
    // nor one after a determiner.
    private static bool PrecededByAuxiliary(string text, int at)
    {
        var before = text[..at].TrimEnd();
        var space = before.LastIndexOf(' ');
        var word = (space < 0 ? before : before[(space + 1)..]).ToLowerInvariant();
        // "the injured Benzema", "a revised deal": after a determiner a participle is an adjective.
        return word is "be" or "been" or "is" or "are" or "being" or "will" or "to" or "get" or "gets" or "newly"
            or "the" or "a" or "an" or "his" or "her" or "their" or "its" or "our" or "my" or "your"
            // "as (previously) announced", "as planned": an aside about the report, not the event's tense
            or "as" or "previously";
    }

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "said", "met", "told", "held", "took", "was", "were", "had", "made", "came", "went", "gave", "saw", "began",
        "won", "lost", "left", "spoke", "wrote", "sent", "brought", "found", "fled", "broke", "ran", "rose", "fell",
        "struck", "hit", "led", "paid", "sought", "thought", "became", "knew", "got", "did", "set out", "drew", "flew",
    };

    // Words ending in -ed that are not past tenses, or are usually adjectives in news copy.
    private static readonly HashSet<string> NotPast = new(StringComparer.Ordinal)
    {
        "scheduled", "expected", "planned", "proposed", "intended", "needed", "based", "related", "armed", "united",
        "limited", "detailed", "advanced", "selected", "merged", "expanded", "required", "concerned", "interested",
        "speed", "proceed", "exceed", "succeed", "embed", "feed", "need", "seed", "bleed", "breed", "indeed",
        "hundred", "naked", "wicked", "sacred", "kindred", "bed", "shed", "red", "wed", "led",
        "organised", "organized", "televised", "renewed", "owned", "backed", "elected",
    };

    [GeneratedRegex(@"\b(?:has|have|had)\s+(?:not\s+|already\s+|just\s+|only\s+|since\s+)?(?:been\s+)?[a-z]+(?:ed|en|ne|wn|ght|de|id|ld|un|nt)\b")]
    private static partial Regex Perfect();

    [GeneratedRegex(@"\b(?:will|'ll|’ll|shall|(?:is|are)\s+(?:now\s+|still\s+|also\s+|already\s+)?(?:not\s+)?(?:due|set|scheduled|expected|slated|poised|planning|going)\s+to|(?:was|were)\s+(?:due|set|scheduled|slated)\s+to|(?:is|are)\s+(?:already\s+)?planning\b|takes?\s+place|taking\s+place|(?:is|are)\s+happening|(?:is|are)\s+out\s+(?=today|tomorrow|on\b|this\b|next\b)|holds?\s+(?:a|an|its|the|their)\s+(?:[a-z]+\s+)?(?:hearing|meeting|vote|summit|conference|debate|election|referendum|briefing|talks)|(?:is|are)\s+(?:not\s+)?(?:due|scheduled|expected|slated)\b|expects?\b|(?:is|are|was|were)\s+to\s+(?!be\s+\w+ed\b)[a-z]+|plans?\s+to|planning\s+to|intends?\s+to|takes?\s+effect|taking\s+effect|comes?\s+into\s+force|go(?:es)?\s+on\s+sale|launch(?:es)?\s+(?=tomorrow|on|next|this)|upcoming|ahead\s+of|scheduled\s+(?:for|to)|starting|as\s+of|(?:is|are)\s+(?:this|next))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureMarker();

    // Markers that only look ahead: "ahead of the vote", "starting June 30", not the date before them.
    [GeneratedRegex(@"^(?i:upcoming|ahead\s+of|starting|as\s+of|scheduled\s+for)$")]
    private static partial Regex ForwardOnly();

    [GeneratedRegex(@"\b(?:if|unless|whether|could|would|might|should|may|maybe|perhaps|probably|likely|possibly|hoped?|hopes|wants?\s+to|considering|tipped|rumou?red|speculat\w*)\b")]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(?:weather|storms?|thunderstorms?|rain|snow|temperatures?|forecast|tornado\w*|hail|heatwave|showers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Forecast();

    [GeneratedRegex(@"^(?:\^|Archived from|Retrieved|Accessed|Updated|Published|Last modified|Copyright|©)|Archived from the original")]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Word();
}
