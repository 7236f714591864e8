using System.Text.RegularExpressions;

namespace NewsBrief.Bot.Sources;

/// <summary>Makes a source id from a feed URL (<c>theguardian-com-world</c>), unique among the given ids. Pure.</summary>
public static partial class SourceIds
{
    public static string From(Uri url, IEnumerable<string> taken)
    {
        var host = url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
        var path = url.AbsolutePath.Trim('/').Split('/').FirstOrDefault(s => s.Length > 0 && !s.Contains("rss", StringComparison.OrdinalIgnoreCase) && !s.Contains("feed", StringComparison.OrdinalIgnoreCase));
        var slug = NonWord().Replace($"{host}-{path}".ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 56) slug = slug[..56].TrimEnd('-');
        var set = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var id = slug;
        for (var n = 2; set.Contains(id); n++) id = $"{slug}-{n}";
        return id;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
