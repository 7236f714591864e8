using System.Text.RegularExpressions;
using NewsBrief.Core.Text;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Text;

/// <summary>Counts in user text read "1 article", "2 stories": no "article(s)" anywhere.</summary>
public sealed partial class CountedTests
{
    [Theory]
    [InlineData(0, "article", null, "0 articles")]
    [InlineData(1, "article", null, "1 article")]
    [InlineData(2, "article", null, "2 articles")]
    [InlineData(1, "story", "stories", "1 story")]
    [InlineData(2, "story", "stories", "2 stories")]
    [InlineData(3, "match", null, "3 matches")]
    [InlineData(2, "day", null, "2 days")]
    [InlineData(2, "query", null, "2 queries")]
    [InlineData(12345, "source", null, "12345 sources")]
    public void Of_PutsTheNounInTheNumberTheCountAsks(long count, string singular, string? plural, string expected)
    {
        Assert.Equal(expected, Counted.Of(count, singular, plural));
    }

    /// <summary>Every string literal in the product's sources: none counts with "(s)", "(es)" or "(ies)".</summary>
    [Fact]
    public void ProductSources_HaveNoParenthesisedPlurals()
    {
        var offenders = new List<string>();
        foreach (var project in new[] { "bot", "core", "scrapers", "summariser" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, project), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)
                        && StringLiteral().Matches(lines[i]).Any(literal => ParenthesisedPlural().IsMatch(literal.Value)))
                        offenders.Add($"{Path.GetRelativePath(RepoRoot.Path, file)}:{i + 1}: {lines[i].Trim()}");
            }

        Assert.True(offenders.Count == 0, "write the count with Counted.Of instead:\n" + string.Join("\n", offenders));
    }

    // A string literal of one line, quotes paired from the left.
    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    // A word ending in (s), (es) or (ies); http(s) is a scheme, and a call inside an interpolation hole ({Shorten(s)}) is code.
    [GeneratedRegex("[a-z](?<!http)\\((s|es|ies)\\)(?!\\})")]
    private static partial Regex ParenthesisedPlural();
}
