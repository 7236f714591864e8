using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Extractive;

/// <summary>Splits text into sentences. Placeholder: splits after . ! ? followed by space and a capital.</summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text) =>
        Boundary().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'])")]
    private static partial Regex Boundary();
}
