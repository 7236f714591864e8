using System.Text.RegularExpressions;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Events;

/// <summary>What the grounding check made of one proposal: the event kept, or why it was dropped.</summary>
public sealed record GroundedProposal(ExtractedEvent? Event, string? Dropped);

/// <summary>
/// The grounding rule for model-proposed events: nothing invented. A proposal is kept only when its date expression
/// is words of an article sentence that the date rules resolve (against the publication date) to a day, week or
/// month from that day on (a bare weekday or month only in a sentence that speaks of the future), and each
/// participant is written in the article. The date is the rules' reading of those
/// words, never the model's; the sentence is the article's; a place the article does not name is left out. Pure.
/// </summary>
public static partial class EventGrounding
{
    public static GroundedProposal Check(ModelEventProposal proposal, string article, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(article);
        var dateText = Squash(proposal.DateText);
        if (dateText.Length == 0) return Drop("it gives no date");
        var sentences = SentenceSplitter.Split(article).Select(Squash).ToList();
        // The model's sentence when it is the article's; else the article's first sentence with the date's words.
        var wanted = Squash(proposal.Sentence);
        var sentence = sentences.FirstOrDefault(s => s == wanted && Contains(s, dateText))
            ?? sentences.FirstOrDefault(s => Contains(s, dateText));
        if (sentence is null) return Drop($"its date '{Short(dateText)}' is not in the article");
        if (sentence.Length > EventExtractor.MaxSentenceLength) return Drop("its sentence is longer than any the rules read");
        var at = sentence.IndexOf(dateText, StringComparison.OrdinalIgnoreCase);
        var date = DateExpressions.Find(sentence, published)
            .FirstOrDefault(d => d.Start < at + dateText.Length && at < d.Start + d.Length);
        if (date is null) return Drop($"'{Short(dateText)}' is not a date the rules can resolve");
        if (date is { Past: true, NextYear: { } next }) date = date with { Date = next, Past = false };
        if (date.Past) return Drop($"'{Short(dateText)}' is before the publication date");
        if (date.Vague || date.IsEnd) return Drop($"'{Short(dateText)}' is too vague for a calendar, or ends something");
        // "in October", "on Thursday" may lie behind ("the two last met in October"): only a sentence that speaks of
        // the future, and of nothing past, puts them ahead.
        if (date.Assumed && (!SentenceTense.HasFutureMarker(sentence) || SentenceTense.HasPastVerb(sentence)))
            return Drop($"'{Short(dateText)}' may lie behind: its sentence does not speak of the future");
        var text = Squash(article);
        foreach (var p in proposal.Participants)
            if (!Contains(text, Squash(p))) return Drop($"participant '{Short(p)}' is not in the article");
        var place = proposal.Place is { } pl && Contains(text, Squash(pl)) ? Squash(pl) : null;
        var kind = EventKinds.Known.Contains(proposal.Kind) ? proposal.Kind : EventKinds.Of(sentence);
        var participants = proposal.Participants.Select(Squash).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new GroundedProposal(new ExtractedEvent(date.Date, date.Precision, date.Text.Trim(), kind, EventExtractor.Title(sentence),
            participants, place, sentence), null);
    }

    private static GroundedProposal Drop(string why) => new(null, why);

    // Case-sensitive for names ("May" the person is not "may"), on whole words.
    private static bool Contains(string text, string words) =>
        words.Length > 0 && Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(words) + @"(?![\p{L}\p{N}])", RegexOptions.None, TimeSpan.FromSeconds(1))
        || (words.Length > 0 && char.IsLower(words[0]) && text.Contains(words, StringComparison.OrdinalIgnoreCase));

    private static string Squash(string s) => Spaces().Replace(s, " ").Trim();

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
