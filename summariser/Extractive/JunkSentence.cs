using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Extractive;

/// <summary>Recognises sentences a summary must never carry: page furniture, captions, credits and fragments.</summary>
internal static partial class JunkSentence
{
    public const int MinWords = 5;
    public const int MaxWords = 90;

    public static bool Is(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < MinWords || words > MaxWords) return true;
        if (Boilerplate().IsMatch(sentence)) return true;
        var letters = sentence.Count(char.IsLetter);
        if (letters < sentence.Length / 2) return true;
        // A caption or a heading: no closing punctuation and no verb-ish shape to judge by, so short lines without a full stop go.
        return words < 12 && !EndsLikeSentence().IsMatch(sentence);
    }

    [GeneratedRegex(@"^(?:share this|share on|image (?:copyright|caption|source)|getty images|photo(?:graph)?:|picture:|read more|click here|sign up|subscribe|follow us|related:|advertisement|copyright ©|all rights reserved|media playback|watch:|listen:|video:|scroll down|\(photo|\(image|please enable|this video|you can (?:read|follow)|email us|updated:|published:|last updated)"
        + @"|(?:\bcookies?\b.*\b(?:accept|consent|policy)\b)|(?:\bnewsletter\b.*\bsign up\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"[.!?…][""'”’)\]]*$")]
    private static partial Regex EndsLikeSentence();
}
