using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Parsing;

/// <summary>The feed inputs under shared/data/feeds, without the suites' expected-output JSON files.</summary>
internal static class FeedCorpus
{
    private static readonly string[] Extensions = [".xml", ".rss", ".atom", ".rdf", ".json", ".html", ".htm"];

    public static IEnumerable<string> Inputs()
    {
        var root = SharedData.Path("feeds");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => Extensions.Contains(Path.GetExtension(p).ToLowerInvariant()) && !IsExpectedOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    private static bool IsExpectedOutput(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return false;
        var name = Path.GetFileName(path);
        if (name.EndsWith("_expected.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".serde.json", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("expected", StringComparison.OrdinalIgnoreCase)) return true;
        if (path.Replace('\\', '/').Contains("/output/", StringComparison.Ordinal)) return true;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return Extensions.Where(e => e != ".json").Any(e => File.Exists(stem + e));
    }
}
