using System.Text.RegularExpressions;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>
/// The folders of bot/ form layers: no folder imports one that imports it back, directly or round a
/// longer loop. Read from the source: each file's <c>NewsBrief.Bot.X</c> namespaces (usings and
/// qualified names) are edges from its folder to X.
/// </summary>
public sealed partial class FolderDependencyTests
{
    [Fact]
    public void BotFolders_HaveNoDependencyCycles()
    {
        var graph = FolderGraph(Path.Combine(RepoRoot.Path, "bot"));
        Assert.True(graph.Count >= 8, $"expected the bot folders, found {string.Join(", ", graph.Keys)}");

        var cycle = FindCycle(graph.ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Value.Keys));

        Assert.True(cycle is null, cycle is null ? "" : "bot/ folders depend on each other in a cycle: "
            + string.Join(" -> ", cycle) + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(e => $"  {e.First} -> {e.Second}: {string.Join(", ", graph[e.First][e.Second])}")));
    }

    /// <summary>The Discord adapter is its own project: it speaks the chat contract (core/Chat) and knows nothing of the bot.</summary>
    [Fact]
    public void DiscordProject_ReferencesOnlyCore_AndUsesNoBotScraperOrSummariserNamespace()
    {
        var root = Path.Combine(RepoRoot.Path, "discord");
        var references = ProjectReference().Matches(File.ReadAllText(Path.Combine(root, "NewsBrief.Discord.csproj"))).Select(m => m.Groups[1].Value.Replace('\\', '/')).ToList();
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => ForeignNamespace().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();

        Assert.Equal(["../core/NewsBrief.Core.csproj"], references);
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        Assert.True(File.Exists(Path.Combine(RepoRoot.Path, "core", "Chat", "ChatReply.cs")), "the chat contract lives in core/Chat");
    }

    [Fact]
    public void FindCycle_ReportsALoopOfThreeFolders()
    {
        var graph = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Cli"] = ["Alerts"], ["Alerts"] = ["Deliveries"], ["Deliveries"] = ["Chat"], ["Chat"] = ["Alerts"],
        };

        Assert.Equal(["Alerts", "Deliveries", "Chat", "Alerts"], FindCycle(graph));
        Assert.Null(FindCycle(new Dictionary<string, IReadOnlyCollection<string>> { ["Cli"] = ["Chat"], ["Chat"] = [] }));
    }

    /// <summary>Folder -> folder it references -> the files that make the reference.</summary>
    private static Dictionary<string, Dictionary<string, List<string>>> FolderGraph(string botRoot)
    {
        var graph = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(botRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(botRoot, file).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts.Length < 2 || parts[0] is "bin" or "obj") continue; // Program.cs at the root may use anything
            var folder = parts[0];
            var edges = graph.TryGetValue(folder, out var e) ? e : graph[folder] = new(StringComparer.Ordinal);
            foreach (Match m in BotNamespace().Matches(File.ReadAllText(file)))
            {
                var target = m.Groups[1].Value;
                if (target == folder) continue;
                (edges.TryGetValue(target, out var files) ? files : edges[target] = []).Add(relative);
            }
        }
        return graph;
    }

    /// <summary>The first cycle found by depth-first search, as a path that starts and ends at the same folder; null when there is none.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        var stack = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
            if (Visit(start) is { } found) return found;
        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2) return null;
            if (state.GetValueOrDefault(node) == 1) return [.. stack[stack.IndexOf(node)..], node];
            state[node] = 1;
            stack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
                if (Visit(next) is { } found) return found;
            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    [GeneratedRegex(@"\bNewsBrief\.Bot\.([A-Za-z]+)")]
    private static partial Regex BotNamespace();

    [GeneratedRegex("<ProjectReference Include=\"([^\"]+)\"")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"\bNewsBrief\.(Bot|Scrapers|Summariser)\b[.\w]*")]
    private static partial Regex ForeignNamespace();
}
