namespace NewsBrief.Summariser.Extractive;

/// <summary>Abbreviations the sentence splitter must not break after, and the words that usually open a sentence.</summary>
internal static class Abbreviations
{
    /// <summary>Titles and the like: a full stop after these never ends a sentence.</summary>
    public static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Cmdr.",
        "Sgt.", "Maj.", "Adm.", "Rev.", "Hon.", "Pres.", "Supt.", "Insp.", "Det.", "No.", "Nos.", "Vol.", "vs.", "v.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "cf.",
        "approx.", "Fig.", "Mt.", "Ft.", "Ave.", "Blvd.", "Rd.", "Jr.", "Sr.", "Messrs.",
    };

    /// <summary>Abbreviations that also end sentences ("... in the U.S. The ..."); judged by the next word.</summary>
    public static readonly HashSet<string> SometimesFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "plc.", "etc.", "a.m.", "p.m.", "U.S.", "U.K.", "U.N.", "E.U.",
    };

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "But", "And", "Or", "So", "Yet", "However", "In", "On", "At", "For", "If", "When", "While", "After", "Before",
        "As", "Its", "His", "Her", "Their", "Our", "Some", "Many", "Most", "Other", "Officials", "Police", "Now",
        "Then", "Meanwhile", "Last", "Earlier", "Later", "What", "Why", "How", "Who", "Where", "Such", "Both",
    };

    public static bool IsSentenceOpener(string word) => Openers.Contains(word);
}
