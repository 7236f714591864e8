using System.Security.Cryptography;
using System.Text;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Llm;

/// <summary>The cache key of a story: SHA-256 over the prompt version, model, topic and every article's id, title and text.</summary>
public static class SummaryCacheKey
{
    public static string For(Story story, string promptVersion, string model)
    {
        var sb = new StringBuilder();
        sb.Append(promptVersion).Append('\0').Append(model).Append('\0').Append(story.Topics.FirstOrDefault() ?? "").Append('\0');
        foreach (var d in story.Articles.Select(SummaryDocument.Of))
            sb.Append(d.Id).Append('\0').Append(d.Title).Append('\0').Append(d.Text).Append('\0');
        foreach (var a in story.Articles.OrderBy(a => a.Id))
            sb.Append(a.Id).Append('\0').Append(a.Url).Append('\0');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return $"{promptVersion}:{model}:{Convert.ToHexStringLower(hash)}";
    }
}
