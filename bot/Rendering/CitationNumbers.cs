using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>Numbers a story's articles [1], [2], ... in the order they are listed, for citations in text and markdown.</summary>
public static class CitationNumbers
{
    public static IReadOnlyDictionary<long, int> For(BriefEntry story) =>
        story.Articles.Select((a, i) => (a.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number);

    public static string Marks(BriefSentence sentence, IReadOnlyDictionary<long, int> numbers) =>
        string.Concat(sentence.Citations.Where(numbers.ContainsKey).Select(c => $"[{numbers[c]}]"));
}
