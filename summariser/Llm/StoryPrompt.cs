using System.Globalization;
using System.Reflection;
using System.Text;
using NewsBrief.Summariser.Grounding;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// The story prompt: a versioned chat-prompt template embedded from summariser/Prompts/, and the delimited,
/// numbered article block that goes into its user message as a variable (so SK encodes it and it can never
/// open a new message or become an instruction in the system message).
/// </summary>
public static partial class StoryPrompt
{
    /// <summary>Part of the cache key: change it whenever the template changes.</summary>
    public const string Version = "story-summary.v1";

    private static readonly Lazy<string> TemplateText = new(() => Load($"{Version}.prompt"));

    public static string Template => TemplateText.Value;

    /// <summary>The article block: [n] title, source, date, URL and text, between unambiguous markers.</summary>
    public static string FormatArticles(IReadOnlyList<PromptArticle> articles)
    {
        var sb = new StringBuilder();
        foreach (var a in articles)
        {
            sb.Append("--- BEGIN ARTICLE ").Append(a.Source.Number).Append(" ---\n");
            sb.Append('[').Append(a.Source.Number).Append("] Title: ").Append(OneLine(a.Source.Title)).Append('\n');
            if (!string.IsNullOrWhiteSpace(a.SourceName)) sb.Append("Source: ").Append(OneLine(a.SourceName)).Append('\n');
            if (a.Published is { } p) sb.Append("Date: ").Append(p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            if (!string.IsNullOrWhiteSpace(a.Source.Url)) sb.Append("URL: ").Append(a.Source.Url).Append('\n');
            sb.Append("Text:\n").Append(Defuse(a.Source.Text).Trim()).Append('\n');
            sb.Append("--- END ARTICLE ").Append(a.Source.Number).Append(" ---\n\n");
        }
        return sb.ToString().TrimEnd();
    }

    // an article must not be able to close its own block early
    private static string Defuse(string text) =>
        Delimiter().Replace(text, m => m.Value.Replace("---", "- - -"));

    [System.Text.RegularExpressions.GeneratedRegex(@"-{3,}\s*(?:BEGIN|END)\s+ARTICLE", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Delimiter();

    private static string OneLine(string text) => Defuse(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    internal static string Load(string name)
    {
        var assembly = typeof(StoryPrompt).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"prompt resource {name} is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>An article as it is shown to the model: its number and text, plus where and when it was published.</summary>
public sealed record PromptArticle(CitedSource Source, string? SourceName, DateTimeOffset? Published);
